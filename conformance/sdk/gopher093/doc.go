// Package gopher093 holds contract tests: gophertelekomcloud v0.9.3 (the
// vpcep API terraform-provider-opentelekomcloud v1.36.23 calls), unchanged,
// against the fake. The terraform flows are replayed through the SDK
// calls the provider makes (docs/real-clients.md §1.4, 4.3 A).
package gopher093
