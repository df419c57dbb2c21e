// Package conformance is a test suite that judges a VPCEP v1 implementation
// over HTTP only: the vpcepfake server and the real Open Telekom Cloud
// alike, in the spirit of testing/fstest.TestFS.
//
//	func TestConformance(t *testing.T) {
//		conformance.Run(t, conformance.Target{BaseURL: url, Tenant: tenant})
//	}
//
// Most checks are data: Cases lists one request per row with the expected
// status, error_code and response field types. Sequences that need state
// (a service's lifecycle, the whitelist, connection approval, cross-tenant
// visibility) are Flows, written against the small Client interface so an
// SDK author can run them through an SDK instead of raw HTTP.
//
// Every resource the suite creates is deleted again, also when a check
// fails. Cases that need a second tenant skip without one; slow cases
// (minutes of real time) skip under -short unless the target can move its
// clock (Target.Advance).
//
// Against the real cloud, conformance_test.go reads these variables and
// skips when VPCEP_CONFORMANCE_URL is unset:
//
//	VPCEP_CONFORMANCE_URL   base URL, e.g. https://vpcep.eu-de.otc.t-systems.com
//	VPCEP_TOKEN             IAM token of the first tenant (X-Auth-Token)
//	VPCEP_PROJECT_ID        its project id
//	VPCEP_DOMAIN_ID         its domain (account) id
//	VPCEP_TOKEN_2, VPCEP_PROJECT_ID_2, VPCEP_DOMAIN_ID_2
//	                        a second tenant in another account (optional)
//	VPCEP_VPC_ID, VPCEP_PORT_ID, VPCEP_SUBNET_ID
//	                        a VPC, a backend port in it (an ECS NIC or an
//	                        LB's VIP port) and a subnet in it
//	VPCEP_SERVER_TYPE       VM (default) or LB, matching VPCEP_PORT_ID
package conformance
