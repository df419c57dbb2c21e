package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// fuzzEnv is a fresh fake for one fuzz input: the default tenant owns one
// available service that whitelists tenantB (not tenantC) and carries one
// tag. Ids are reproducible (WithSeed), so a saved input replays exactly.
type fuzzEnv struct {
	srv  *fake.Server
	svc  string // the service id
	perm string // the id of its whitelist record
}

func newFuzzEnv(t *testing.T) *fuzzEnv {
	t.Helper()
	srv := fake.NewTest(t, fake.WithClock(clock.NewMock()), fake.WithSeed(1), fake.WithTenants(tenantB, tenantC))
	id, _ := newService(t, srv, fake.DefaultTenant)
	var perms api.PermissionsResponse
	send(t, srv, fake.DefaultTenant, http.MethodPost, servicesPath(fake.DefaultTenant, "/"+id+"/permissions/batch-create"),
		map[string]any{"permissions": []map[string]string{{"permission": domain(tenantB), "description": "b"}}}).into(t, &perms)
	r := send(t, srv, fake.DefaultTenant, http.MethodPost, "/v1/"+fake.DefaultProjectID+"/endpoint_service/"+id+"/tags/action",
		map[string]any{"action": "create", "tags": []api.Tag{{Key: "env", Value: "prod"}}})
	require.Equal(t, http.StatusNoContent, r.Status, string(r.Body))
	return &fuzzEnv{srv: srv, svc: id, perm: perms.Permissions[0].ID}
}

// stateViews are the reads whose answers make up a state dump: every
// service of both tenants (with tags and timestamps), the whitelist and
// the project tags.
func (e *fuzzEnv) stateViews() []string {
	return []string{
		servicesPath(fake.DefaultTenant, "?limit=1000&sort_dir=asc"),
		servicesPath(tenantB, "?limit=1000&sort_dir=asc"),
		servicesPath(fake.DefaultTenant, "/"+e.svc+"/permissions?limit=500&sort_dir=asc"),
		"/v1/" + fake.DefaultProjectID + "/endpoint_service/tags",
	}
}

// dump returns the answers of every state view, as the owner sees them.
func (e *fuzzEnv) dump(t *testing.T) string {
	t.Helper()
	var b strings.Builder
	for _, p := range e.stateViews() {
		tn := fake.DefaultTenant
		if strings.HasPrefix(p, "/v1/"+tenantB.ProjectID+"/") {
			tn = tenantB
		}
		r := send(t, e.srv, tn, http.MethodGet, p, nil)
		b.Write(r.Body)
		b.WriteByte('\n')
	}
	return b.String()
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
	resp, err := e.srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	r := reply{Status: resp.StatusCode, Body: raw}
	require.Less(t, r.Status, 500, string(raw))
	if r.Status < 400 {
		require.True(t, len(raw) == 0 || json.Valid(raw), string(raw))
		return r
	}
	requireDocumented(t, r)
	require.Equal(t, before, e.dump(t), "a rejected request changed the state")
	return r
}

// requireDocumented checks that an error answer is exactly a catalog
// entry: {"error_code","error_msg"} with the catalog's status and message.
func requireDocumented(t *testing.T, r reply) {
	t.Helper()
	var got api.Error
	dec := json.NewDecoder(bytes.NewReader(r.Body))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(&got), string(r.Body))
	want, ok := api.Lookup(got.Code)
	require.True(t, ok, "undocumented code %q", got.Code)
	require.Equal(t, want.Status, r.Status, got.Code)
	require.Equal(t, want.Msg, got.Msg, got.Code)
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
