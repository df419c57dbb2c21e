// Package huaweiv3 holds contract tests with huaweicloud-sdk-go-v3
// v0.1.207 (services/vpcep/v1, AK/SK signing), unchanged, against the fake
// (docs/real-clients.md §1.5, 2.2, 4.3 C).
package huaweiv3
