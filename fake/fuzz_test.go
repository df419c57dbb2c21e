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

func FuzzTagAction(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(e *fuzzEnv) string { return "/endpoint_service/" + e.svc + "/tags/action" })
}

func FuzzTagQuery(f *testing.F) {
	fuzzBody(f, http.MethodPost, func(*fuzzEnv) string { return "/endpoint_service/resource_instances/action" })
}

// FuzzListQuery fuzzes the paging, sorting and filter query of every GET
// list.
func FuzzListQuery(f *testing.F) {
	fuzzQuery(f, func(e *fuzzEnv) []string {
		return []string{"/vpc-endpoint-services", servicePath(e) + "/permissions", "/vpc-endpoint-services/public"}
	})
}

func FuzzDescribeQuery(f *testing.F) {
	fuzzQuery(f, func(*fuzzEnv) []string { return []string{"/vpc-endpoint-services/describe"} })
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
