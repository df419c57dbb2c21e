package fake_test

import (
	"net/http"
	"testing"
)

// One fuzz target per request body or query shape. Seeds live in
// testdata/fuzz/<target>; `go test` replays them, `.ci/fuzz` fuzzes each
// target briefly.

func servicePath(e *fuzzEnv) string { return "/vpc-endpoint-services/" + e.svc }

func FuzzCreateService(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(*fuzzEnv) string { return "/vpc-endpoint-services" })
}

func FuzzUpdateService(f *testing.F) { fuzzBody(f, http.MethodPut, servicePath) }

func FuzzRenameService(f *testing.F) {
	fuzzBody(f, http.MethodPut, func(e *fuzzEnv) string { return servicePath(e) + "/name" })
}

func FuzzPermissionAction(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(e *fuzzEnv) string { return servicePath(e) + "/permissions/action" })
}

func FuzzBatchAddPermissions(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(e *fuzzEnv) string { return servicePath(e) + "/permissions/batch-create" })
}

func FuzzBatchRemovePermissions(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(e *fuzzEnv) string { return servicePath(e) + "/permissions/batch-delete" })
}

func FuzzUpdatePermissionDesc(f *testing.F) {
	fuzzBody(f, http.MethodPut, func(e *fuzzEnv) string { return servicePath(e) + "/permissions/" + e.perm })
}

// FuzzTagAction sends each body to a service and to an endpoint.
func FuzzTagAction(f *testing.F) {
	f.Fuzz(func(t *testing.T, body []byte) {
		e := newFuzzEnv(t)
		e.try(t, http.MethodPost, "/endpoint_service/"+e.svc+"/tags/action", "", body)
		e.try(t, http.MethodPost, "/endpoint/"+e.ep+"/tags/action", "", body)
	})
}

func FuzzTagQuery(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(*fuzzEnv) string { return "/endpoint_service/resource_instances/action" })
}

// FuzzListQuery fuzzes the paging, sorting and filter query of every GET
// list.
func FuzzListQuery(f *testing.F) {
	fuzzQuery(f, func(e *fuzzEnv) []string {
		return []string{"/vpc-endpoint-services", servicePath(e) + "/permissions", "/vpc-endpoint-services/public",
			servicePath(e) + "/connections", "/vpc-endpoints"}
	})
}

func FuzzDescribeQuery(f *testing.F) {
	fuzzQuery(f, func(*fuzzEnv) []string { return []string{"/vpc-endpoint-services/describe"} })
}

func FuzzQuotaQuery(f *testing.F) {
	fuzzQuery(f, func(*fuzzEnv) []string { return []string{"/quotas"} })
}

func FuzzCreateEndpoint(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(*fuzzEnv) string { return "/vpc-endpoints" })
}

func FuzzConnectionAction(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(e *fuzzEnv) string { return servicePath(e) + "/connections/action" })
}

func FuzzUpdateConnectionsDesc(f *testing.F) {
	fuzzBody(f, http.MethodPut, func(e *fuzzEnv) string { return servicePath(e) + "/connections/description" })
}

func FuzzUpdateEndpointWhitelist(f *testing.F) {
	fuzzBody(f, http.MethodPut, func(e *fuzzEnv) string { return "/vpc-endpoints/" + e.ep })
}

func FuzzUpdateEndpointPolicy(f *testing.F) {
	fuzzBody(f, http.MethodPut, func(e *fuzzEnv) string { return "/vpc-endpoints/" + e.gw + "/policy" })
}

func FuzzUpdateEndpointRoutetables(f *testing.F) {
	fuzzBody(f, http.MethodPut, func(e *fuzzEnv) string { return "/vpc-endpoints/" + e.gw + "/routetables" })
}

// FuzzPath fuzzes the path under /v1/{project} of any method: odd ids,
// resource types and segments; each answer must be documented.
func FuzzPath(f *testing.F) {
	methods := []string{http.MethodGet, http.MethodPost, http.MethodPut, http.MethodDelete}
	f.Fuzz(func(t *testing.T, method uint8, path string, body []byte) {
		e := newFuzzEnv(t)
		e.try(t, methods[int(method)%len(methods)], path, "", body)
	})
}
