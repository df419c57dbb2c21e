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
// Every resource the suite creates carries its marks (a NamePrefix name
// for services, the TagKey tag) and is deleted again, also when a check
// fails or the run is interrupted; Sweep removes what a crashed run left.
// Cases that need a second tenant skip without one; slow cases (minutes
// of real time) skip under -short unless the target can move its clock
// (Target.Advance). Run can write a JSON and a Markdown report
// (Target.Report).
//
// Against the real cloud, TestRealCloud and TestSweep build their Target
// with FromEnv and skip unless VPCEP_CONFORMANCE_URL is set or
// VPCEP_CONFORMANCE=1. CONFORMANCE.md in the repository explains a run,
// its cost and the sweep; the variables are:
//
//	VPCEP_CONFORMANCE_URL   API root, e.g. https://vpcep.eu-de.otc.t-systems.com;
//	                        without it (VPCEP_CONFORMANCE=1) the IAM catalog's vpcep entry
//	VPCEP_TOKEN, VPCEP_PROJECT_ID, VPCEP_DOMAIN_ID
//	                        a raw IAM token (X-Auth-Token), its project and domain
//	OS_AUTH_URL, OS_USERNAME, OS_PASSWORD, OS_DOMAIN_NAME, OS_PROJECT_NAME or OS_PROJECT_ID
//	                        an IAM password login instead (renewed on 401)
//	OS_ACCESS_KEY, OS_SECRET_KEY (with OS_AUTH_URL and a project, or with
//	OS_PROJECT_ID and VPCEP_DOMAIN_ID)
//	                        AK/SK signing instead
//	the same with the suffix _2
//	                        a second tenant in another account (optional)
//	VPCEP_VPC_ID, VPCEP_PORT_ID, VPCEP_SUBNET_ID
//	                        a VPC, a backend port in it (an ECS NIC or an
//	                        LB's VIP port) and a subnet in it
//	VPCEP_SERVER_TYPE       VM (default) or LB, matching VPCEP_PORT_ID
//	VPCEP_WAIT_TIMEOUT, VPCEP_POLL_INTERVAL
//	                        bound of each wait (4m) and time between polls (5s)
//	VPCEP_CONFORMANCE_REPORT, VPCEP_CONFORMANCE_REPORT_MD
//	                        the report files
package conformance
