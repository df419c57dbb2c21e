package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"sync"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
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

// fuzzEnv is a fresh fake for one fuzz input. The default tenant owns one
// available service that whitelists tenantB (not tenantC) and carries one
// tag, an interface endpoint to that service and a gateway endpoint to the
// public OBS service; tenantB has an endpoint to the service, a
// connection the owner sees. Every env starts from the same snapshot, so
// a saved input replays exactly.
type fuzzEnv struct {
	srv  *fake.Server
	svc  string // the service id
	perm string // the id of its whitelist record
	ep   string // the owner's interface endpoint
	gw   string // the owner's gateway endpoint
	conn string // tenantB's endpoint to the service
}

// fuzzBase is the env built once through HTTP and its state as JSON; each
// newFuzzEnv imports a fresh copy, which costs a fraction of the requests.
var fuzzBase struct {
	once sync.Once
	env  fuzzEnv
	snap []byte
}

func newFuzzEnv(t *testing.T) *fuzzEnv {
	t.Helper()
	fuzzBase.once.Do(func() {
		fuzzBase.env = buildFuzzEnv(t)
		var err error
		fuzzBase.snap, err = json.Marshal(fuzzBase.env.srv.Export())
		require.NoError(t, err)
	})
	var snap fake.Snapshot
	require.NoError(t, json.Unmarshal(fuzzBase.snap, &snap))
	e := fuzzBase.env
	e.srv = fake.NewTest(t, fuzzOptions()...)
	require.NoError(t, e.srv.Import(snap))
	return &e
}

func fuzzOptions() []fake.Option {
	return []fake.Option{fake.WithClock(clock.NewMock()), fake.WithSeed(1), fake.WithTenants(tenantB, tenantC)}
}

// buildFuzzEnv makes the env's resources through the API.
func buildFuzzEnv(t *testing.T) fuzzEnv {
	t.Helper()
	srv := fake.NewTest(t, fuzzOptions()...)
	e := fuzzEnv{srv: srv}
	e.svc, _ = newService(t, srv, fake.DefaultTenant)
	var perms api.PermissionsResponse
	send(t, srv, fake.DefaultTenant, http.MethodPost, servicesPath(fake.DefaultTenant, "/"+e.svc+"/permissions/batch-create"),
		map[string]any{"permissions": []map[string]string{{"permission": domain(tenantB), "description": "b"}}}).into(t, &perms)
	e.perm = perms.Permissions[0].ID
	r := send(t, srv, fake.DefaultTenant, http.MethodPost, "/v1/"+fake.DefaultProjectID+"/endpoint_service/"+e.svc+"/tags/action",
		map[string]any{"action": "create", "tags": []api.Tag{{Key: "env", Value: "prod"}}})
	require.Equal(t, http.StatusNoContent, r.Status, string(r.Body))
	e.ep = newEndpoint(t, srv, fake.DefaultTenant, endpointBody(e.svc))
	var obs api.PublicServiceList
	send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "/public?endpoint_service_name=obs"), nil).into(t, &obs)
	e.gw = newEndpoint(t, srv, fake.DefaultTenant, map[string]any{"endpoint_service_id": obs.Services[0].ID, "vpc_id": vpcID})
	e.conn = newEndpoint(t, srv, tenantB, endpointBody(e.svc))
	send(t, srv, fake.DefaultTenant, http.MethodGet, "/v1/"+fake.DefaultProjectID+"/quotas", nil) // settles the creates
	return e
}

// dump returns the whole state (Export: every tenant, service, whitelist,
// endpoint, connection, tag and pending transition) as JSON, without the
// id generator, which every request advances for its X-Request-Id.
func (e *fuzzEnv) dump(t *testing.T) string {
	t.Helper()
	snap := e.srv.Export()
	snap.IDs = nil
	b, err := json.Marshal(snap)
	require.NoError(t, err)
	return string(b)
}

// try sends one fuzzed request as the default tenant to /v1/{project}+path
// with the raw query and body (none when nil), taken byte for byte, and
// checks the answer: never 5xx, an error is a documented code with the
// catalog's status and message, and a rejected request changes nothing.
func (e *fuzzEnv) try(t *testing.T, method, path, rawQuery string, body []byte) reply {
	t.Helper()
	before := e.dump(t)
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequest(method, e.srv.URL, rd)
	require.NoError(t, err)
	req.URL.Path, req.URL.RawQuery = "/v1/"+fake.DefaultProjectID+path, rawQuery
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	r, err := exchange(e.srv.Client(), req)
	require.NoError(t, err)
	raw := r.Body
	require.Less(t, r.Status, 500, string(raw))
	if r.Status < 400 {
		require.True(t, len(raw) == 0 || json.Valid(raw), string(raw))
		return r
	}
	requireDocumented(t, r)
	require.Equal(t, before, e.dump(t), "a rejected request changed the state")
	return r
}

// fuzzBody fuzzes the JSON body of one operation on the fuzzEnv's service;
// path maps the env to the path under /v1/{project}.
func fuzzBody(f *testing.F, method string, path func(e *fuzzEnv) string) {
	f.Fuzz(func(t *testing.T, body []byte) {
		e := newFuzzEnv(t)
		e.try(t, method, path(e), "", body)
	})
}

// fuzzQuery fuzzes the raw query string of GET operations.
func fuzzQuery(f *testing.F, paths func(e *fuzzEnv) []string) {
	f.Fuzz(func(t *testing.T, query string) {
		e := newFuzzEnv(t)
		for _, p := range paths(e) {
			e.try(t, http.MethodGet, p, query, nil)
		}
	})
}
