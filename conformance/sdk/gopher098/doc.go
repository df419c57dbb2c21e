// Package gopher098 holds contract tests with gophertelekomcloud v0.9.8,
// the refactored vpcep API (approval, connections, quota) that terraform's
// vpcep_approval resource uses, unchanged, against the fake. Adapter shows
// how an SDK runs the conformance suite's flows.
package gopher098
