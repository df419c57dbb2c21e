package fake_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// oddValues is one value of every JSON kind, and some awkward ones.
var oddValues = []any{nil, true, false, 0, -1, 1.5, 1e300, "", " ", "x", "<>", []any{}, []any{nil}, []any{1},
	[]any{map[string]any{}}, map[string]any{}, map[string]any{"key": 1}}

// TestOddValuesNeverBreak puts every odd value into every field of the
// create and update bodies (and of a port mapping and a tag): the answer
// is 200 or a documented 400, never a 5xx or an undocumented code.
func TestOddValuesNeverBreak(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 10000, Endpoints: 1}))
	target := available(t, srv, nil)
	createFields := []string{"port_id", "vpc_id", "server_type", "ports", "service_name", "approval_enabled",
		"service_type", "tcp_proxy", "pool_id", "tags", "description", "enable_policy", "ip_version", "payer",
		"enterprise_project_id", "supported_editions", "ip", "snat_network_id", "vip_port_id"}
	updateFields := []string{"approval_enabled", "service_name", "ports", "port_id", "tcp_proxy", "description", "ip", "vip_port_id"}
	check := func(t *testing.T, r reply) {
		t.Helper()
		if r.Status == http.StatusOK {
			return
		}
		require.Equal(t, http.StatusBadRequest, r.Status, "%s", r.Body)
		e := r.apiError(t)
		want, ok := api.Lookup(e.Code)
		require.True(t, ok, "undocumented code %q", e.Code)
		assert.Equal(t, want.Msg, e.Msg)
	}
	port := 1
	nextPorts := func() []any {
		port++
		return []any{map[string]any{"client_port": 1, "server_port": port}}
	}
	for _, v := range oddValues {
		for _, f := range createFields {
			check(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"ports": nextPorts(), f: v})))
		}
		for _, f := range []string{"client_port", "server_port", "protocol"} {
			m := map[string]any{"client_port": 1, "server_port": 2, "protocol": "TCP", f: v}
			check(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": portB, "ports": []any{m}})))
			check(t, put(t, srv, target.ID, body(t, map[string]any{"ports": []any{m}}, nil)))
		}
		for _, f := range []string{"key", "value"} {
			m := map[string]any{"key": "k", "value": "v", f: v}
			check(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"ports": nextPorts(), "tags": []any{m}})))
		}
		for _, f := range updateFields {
			check(t, put(t, srv, target.ID, body(t, map[string]any{f: v}, nil)))
		}
		check(t, as(t, srv, http.MethodPut, services+"/"+target.ID+"/name", body(t, map[string]any{"endpoint_service_name": v}, nil)))
		raw, err := json.Marshal(v)
		require.NoError(t, err)
		check(t, as(t, srv, http.MethodPost, services, string(raw)))
		check(t, put(t, srv, target.ID, string(raw)))
	}
	_, r := get(t, srv, target.ID)
	assert.Equal(t, http.StatusOK, r.Status)
}

func TestQuotaFreedByDeletion(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 1, Endpoints: 1}))
	s := available(t, srv, nil)
	requireError(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": portB})), api.E1018)
	require.Equal(t, http.StatusNoContent, as(t, srv, http.MethodDelete, services+"/"+s.ID, "").Status)
	create(t, srv, map[string]any{"port_id": portB})
}

// jsonList returns a JSON array of n copies of item.
func jsonList(item string, n int) string {
	return "[" + strings.TrimSuffix(strings.Repeat(item+",", n), ",") + "]"
}

// TestHostileBodies sends bodies built to break a parser or exhaust
// memory; each gets its documented 4xx and changes nothing.
func TestHostileBodies(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		path func(e *fuzzEnv) string
		body string
		code string
		put  bool // PUT instead of POST
	}{
		{"deep array nesting", createPath, strings.Repeat("[", 100000) + strings.Repeat("]", 100000), "EndPoint.0002", false},
		{"deep object nesting in a field", createPath,
			createBody("description", strings.Repeat(`{"a":`, 20000)+"1"+strings.Repeat("}", 20000)), "EndPoint.0002", false},
		{"50,000 port mappings", createPath, createBody("ports", jsonList(`{"client_port":1,"server_port":1}`, 20000)), "EndPoint.3074", false},
		{"30,000 tags", createPath, createBody("tags", jsonList(`{"key":"k","value":"v"}`, 30000)), "EndPoint.3069", false},
		{"40,000 distinct whitelist entries", permActionPath, manyDomains(40000), "EndPoint.3049", false},
		{"30,000 tag filters", tagQueryPath, `{"action":"filter","tags":` + jsonList(`{"key":"k"}`, 30000) + `}`, "EndPoint.0002", false},
		{"a number of 100,000 digits", createPath, createBody("ports", `[{"client_port":`+strings.Repeat("9", 100000)+`,"server_port":1}]`), "EndPoint.3043", false},
		{"duplicate key, bad last value", createPath, createBody("service_name", `"good"`, "service_name", `"bad.name"`), "EndPoint.3076", false},
		{"invalid UTF-8 in a description", createPath, createBody("description", "\"\xff\xfe\""), "EndPoint.0002", false},
		{"invalid UTF-8 in a tag key", tagActionPath, "{\"action\":\"create\",\"tags\":[{\"key\":\"\xc3\",\"value\":\"v\"}]}", "EndPoint.0002", false},
		{"NUL in a name", createPath, createBody("service_name", `"a\u0000b"`), "EndPoint.3076", false},
		{"body over 1 MiB", createPath, createBody("description", `"`+strings.Repeat("x", 1<<20)+`"`), "EndPoint.0002", false},
		{"whitespace only", createPath, " \n\t ", "EndPoint.0002", false},
		{"26,000 distinct route tables", routetablesPath, manyIDs("routetables", 26000), "", true},
		{"20,000 endpoint whitelist entries", endpointPath, `{"whitelist":` + jsonList(`"10.0.0.1"`, 20000) + `}`, "EndPoint.2045", true},
		{"deep nesting in a policy", policyPath,
			`{"policy_statement":[{"Effect":"Allow","Action":` + strings.Repeat("[", 20000) + `]}]}`, "EndPoint.0002", true},
		{"invalid UTF-8 in an endpoint description", createEndpointPath, "{\"description\":\"\xed\xa0\x80\"}", "EndPoint.0002", false},
		{"two JSON values", createPath, createBody() + createBody(), "EndPoint.0002", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := newFuzzEnv(t)
			method := http.MethodPost
			if tc.put {
				method = http.MethodPut
			}
			r := e.try(t, method, tc.path(e), "", []byte(tc.body))
			assert.Equal(t, tc.code, r.code(t))
		})
	}
}

func createPath(*fuzzEnv) string         { return "/vpc-endpoint-services" }
func permActionPath(e *fuzzEnv) string   { return servicePath(e) + "/permissions/action" }
func tagActionPath(e *fuzzEnv) string    { return "/endpoint_service/" + e.svc + "/tags/action" }
func tagQueryPath(*fuzzEnv) string       { return "/endpoint_service/resource_instances/action" }
func endpointPath(e *fuzzEnv) string     { return "/vpc-endpoints/" + e.ep }
func policyPath(e *fuzzEnv) string       { return "/vpc-endpoints/" + e.gw + "/policy" }
func routetablesPath(e *fuzzEnv) string  { return "/vpc-endpoints/" + e.gw + "/routetables" }
func createEndpointPath(*fuzzEnv) string { return "/vpc-endpoints" }

// manyIDs is a body whose field holds n distinct UUIDs.
func manyIDs(field string, n int) string {
	ids := make([]string, n)
	for i := range ids {
		ids[i] = uuid.NewString()
	}
	b, _ := json.Marshal(map[string]any{field: ids})
	return string(b)
}

// manyDomains is a whitelist add of n distinct accounts.
func manyDomains(n int) string {
	ps := make([]string, n)
	for i := range ps {
		ps[i] = fmt.Sprintf("iam:domain::d%d", i)
	}
	b, _ := json.Marshal(map[string]any{"action": "add", "permissions": ps})
	return string(b)
}

// TestOffsetNearMaxInt: an offset whose sum with the limit overflows is an
// empty page of every list (found by FuzzListQuery: it panicked).
func TestOffsetNearMaxInt(t *testing.T) {
	t.Parallel()
	e := newFuzzEnv(t)
	for _, p := range []string{"/vpc-endpoint-services", servicePath(e) + "/permissions", "/vpc-endpoint-services/public",
		servicePath(e) + "/connections", "/vpc-endpoints"} {
		for _, dir := range []string{"asc", "desc"} {
			r := e.try(t, http.MethodGet, p, "limit=500&sort_key=updated_at&sort_dir="+dir+"&offset=9223372036854775800", nil)
			require.Equal(t, http.StatusOK, r.Status, p)
			var l struct {
				Total int `json:"total_count"`
			}
			r.into(t, &l)
			assert.Positive(t, l.Total, p)
			assert.NotContains(t, string(r.Body), `"id"`, p)
		}
	}
}

// TestDuplicateKeysLastWins: of a key sent twice, the last value counts,
// as with the Jackson default of the Java services behind the real API
// (unconfirmed); it is never a 5xx.
func TestDuplicateKeysLastWins(t *testing.T) {
	t.Parallel()
	e := newFuzzEnv(t)
	r := e.try(t, http.MethodPost, "/vpc-endpoint-services", "", []byte(createBody("service_name", `"bad.name"`, "service_name", `"good"`)))
	var s api.Service
	r.into(t, &s)
	assert.Contains(t, s.ServiceName, ".good.")
}

// rawCall sends one request over the loopback socket with the path as
// given (already escaped) and returns the answer.
func rawCall(t *testing.T, srv *fake.Server, method, escapedPath string, header http.Header, body io.Reader) reply {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+escapedPath, body)
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	if req.Header.Get("X-Auth-Token") == "" {
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
	}
	r, err := exchange(loopback, req)
	require.NoError(t, err)
	return r
}

// loopback sends over the socket and follows no redirect.
var loopback = &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}

// expect checks that r has status and, when code is not empty, is that
// documented error.
func (r reply) expect(t *testing.T, status int, code string) {
	t.Helper()
	require.Equal(t, status, r.Status, string(r.Body))
	if code != "" {
		requireDocumented(t, r)
		assert.Equal(t, code, r.code(t))
	}
}

// TestHostilePaths sends odd ids over a real socket: encoded slashes,
// dot segments, unicode, NUL, 1000 characters. Each is one path segment
// and gets the documented 4xx of a bad or unknown id, never another
// operation.
func TestHostilePaths(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer()
	t.Cleanup(srv.Close)
	id, _ := newService(t, srv, fake.DefaultTenant)
	base := "/v1/" + fake.DefaultProjectID
	cases := []struct {
		name, method, path string
		status             int
		code               string
	}{
		{"encoded slash in an id", "GET", "/vpc-endpoint-services/" + id + "%2Fpermissions", 400, "EndPoint.3062"},
		{"encoded slash as the id", "GET", "/vpc-endpoint-services/%2F", 400, "EndPoint.3062"},
		{"dot-dot id", "DELETE", "/vpc-endpoint-services/..", 400, "EndPoint.3062"},
		{"dot-dot escape", "GET", "/vpc-endpoint-services/%2E%2E/" + id, 404, "EndPoint.0005"},
		{"dot-dot to another project", "GET", "/vpc-endpoint-services/../../projectb/vpc-endpoint-services", 404, "EndPoint.0005"},
		{"unicode id", "GET", "/vpc-endpoint-services/%E2%84%AA" + id[3:], 400, "EndPoint.3062"},
		{"NUL id", "PUT", "/vpc-endpoint-services/%00", 400, "EndPoint.3062"},
		{"1000-character id", "GET", "/vpc-endpoint-services/" + strings.Repeat("a", 1000), 400, "EndPoint.3062"},
		{"upper-case id of another service", "GET", "/vpc-endpoint-services/" + strings.ToUpper(uuid.NewString()), 404, "EndPoint.0005"},
		{"odd resource type", "GET", "/%2E%2E/tags", 400, "EndPoint.3070"},
		{"encoded slash in a resource id", "POST", "/endpoint_service/" + id + "%2Fx/tags/action", 400, "EndPoint.3062"},
		{"1000-character permission id", "PUT", "/vpc-endpoint-services/" + id + "/permissions/" + strings.Repeat("%C3%A4", 500), 400, "EndPoint.3002"},
		{"unknown trailing segment", "GET", "/vpc-endpoint-services/" + id + "/x", 404, "EndPoint.0005"},
		{"encoded literal", "GET", "/vpc-endpoint-%73ervices/" + id, 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var body io.Reader
			if tc.method != "GET" && tc.method != "DELETE" {
				body = strings.NewReader(`{"permission":{"description":"x"},"action":"create","tags":[{"key":"a","value":"b"}]}`)
			}
			rawCall(t, srv, tc.method, base+tc.path, nil, body).expect(t, tc.status, tc.code)
		})
	}
}

// TestHostileHeadersAndSizes covers what arrives before the body is
// parsed: huge tokens, many headers, bodies over 1 MiB with and without a
// Content-Length.
func TestHostileHeadersAndSizes(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer()
	t.Cleanup(srv.Close)
	list := "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"
	many := http.Header{}
	for i := range 500 {
		many.Set(fmt.Sprintf("X-Junk-%d", i), strings.Repeat("j", 100))
	}
	big := createBody("description", `"`+strings.Repeat("x", 2<<20)+`"`)
	cases := []struct {
		name   string
		method string
		header http.Header
		body   func() io.Reader
		status int
		code   string
	}{
		{"64 KiB token", "GET", http.Header{"X-Auth-Token": {strings.Repeat("t", 64<<10)}}, nil, 401, "EndPoint.0003"},
		{"500 junk headers", "GET", many, nil, 200, ""},
		{"2 MiB body with length", "POST", nil, func() io.Reader { return strings.NewReader(big) }, 400, "EndPoint.0002"},
		// io.MultiReader hides the length: the body goes chunked.
		{"2 MiB chunked body", "POST", nil, func() io.Reader { return io.MultiReader(strings.NewReader(big)) }, 400, "EndPoint.0002"},
		{"chunked valid body", "POST", nil, func() io.Reader { return io.MultiReader(bytes.NewBufferString(createBody())) }, 200, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			var body io.Reader
			if tc.body != nil {
				body = tc.body()
			}
			rawCall(t, srv, tc.method, list, tc.header, body).expect(t, tc.status, tc.code)
		})
	}
}

// TestHeaderBeyondNetHTTP: a header block over net/http's 1 MiB limit
// is refused by the Go HTTP server before the fake sees it: 431, a 4xx
// without the VPCEP envelope, which no handler can change.
func TestHeaderBeyondNetHTTP(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer()
	t.Cleanup(srv.Close)
	r := rawCall(t, srv, "GET", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services",
		http.Header{"X-Junk": {strings.Repeat("j", 2<<20)}}, nil)
	assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, r.Status)
}

// A description escaping a lone UTF-16 surrogate is invalid text: 400
// EndPoint.0002, as for any invalid field, and nothing is created; a
// proper pair is kept.
func TestLoneSurrogateRejected(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	create := "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"
	body := func(desc string) string {
		return `{"port_id":"` + portA + `","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a","server_type":"VM",` +
			`"ports":[{"client_port":80,"server_port":8080}],"description":"` + desc + `"}`
	}
	a := front(t, srv, "POST", create, body(`x\ud800y`), "X-Auth-Token: "+fake.DefaultToken)
	assert.Equal(t, 400, a.status)
	assert.Equal(t, "EndPoint.0002", a.body["error_code"])
	assert.Empty(t, srv.Export().Services, "nothing created")
	a = front(t, srv, "POST", create, body(`x\ud83d\ude00y`), "X-Auth-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	assert.Equal(t, "x😀y", a.body["description"])
}

// snapshot is every byte a client can read about the default project's
// services: the full list and each GET.
func snapshot(t *testing.T, srv *fake.Server, ids []string) string {
	t.Helper()
	_, l := list(t, srv, "?limit=1000")
	require.Equal(t, http.StatusOK, l.Status)
	parts := []string{string(l.Body)}
	for _, id := range ids {
		r := as(t, srv, http.MethodGet, services+"/"+id, "")
		require.Equal(t, http.StatusOK, r.Status)
		parts = append(parts, string(r.Body))
	}
	return strings.Join(parts, "\n")
}

// TestFailedRequestChangesNothing sends requests that fail late (after
// parts of the body were accepted, or on state checks) and asserts that
// what clients see is byte-identical before and after each.
func TestFailedRequestChangesNothing(t *testing.T) {
	t.Parallel()
	const (
		unknown = "99999999-9999-4999-8999-999999999999"
	)
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock),
		fake.WithQuotas(fake.Quotas{Services: 3, Endpoints: 1}),
		fake.WithDelays(fake.Delays{ServiceCreate: time.Hour}),
		fake.WithNetwork(fake.Network{
			VPCs: []fake.VPC{{ID: vpcA, CIDR: "10.0.0.0/16"}, {ID: vpcB, CIDR: "10.1.0.0/16"}},
			Ports: []fake.Port{{ID: portA, VpcID: vpcA, IP: "10.0.0.5"}, {ID: portB, VpcID: vpcA, IP: "10.0.0.6"},
				{ID: portC, VpcID: vpcB, IP: "10.1.0.5"}},
		}))
	one := create(t, srv, map[string]any{"service_name": "one", "tags": tag("k", "v")})
	two := create(t, srv, map[string]any{"port_id": portB, "ports": []any{map[string]any{"client_port": 90, "server_port": 9090}}})
	mock.Add(time.Hour)
	three := create(t, srv, map[string]any{"port_id": portB, "ports": []any{map[string]any{"client_port": 91, "server_port": 9191}}})
	mock.Add(time.Minute)
	ids := []string{one.ID, two.ID, three.ID}

	type req struct {
		name, method, path, body string
		want                     *api.Error
	}
	svc := func(id string) string { return services + "/" + id }
	tests := []req{
		{"create conflicting", http.MethodPost, services, body(t, baseCreate(), nil), api.E3044},
		{"create over quota", http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": portC, "vpc_id": vpcB}), api.E1018},
		{"create unknown vpc", http.MethodPost, services, body(t, baseCreate(), map[string]any{"vpc_id": unknown}), api.E2001},
		{"update late port conflict", http.MethodPut, svc(one.ID),
			`{"description":"changed","approval_enabled":false,"service_name":"zzz","port_id":"` + portB + `","ports":[{"client_port":1,"server_port":9090}]}`, api.E3044},
		{"update port in other vpc", http.MethodPut, svc(one.ID), `{"description":"changed","port_id":"` + portC + `"}`, api.E3042},
		{"update unknown port", http.MethodPut, svc(one.ID), `{"tcp_proxy":"open","port_id":"` + unknown + `"}`, api.E3008},
		{"update bad ports after good fields", http.MethodPut, svc(one.ID), `{"description":"x","ports":[{"client_port":0,"server_port":1}]}`, api.E3043},
		{"update ip", http.MethodPut, svc(one.ID), `{"description":"x","ip":"10.0.0.9"}`, api.E3055},
		{"update creating", http.MethodPut, svc(three.ID), `{"description":"x"}`, api.E3045},
		{"update wrong type late", http.MethodPut, svc(one.ID), `{"description":"x","approval_enabled":"no"}`, api.E0002},
		{"rename bad", http.MethodPut, svc(one.ID) + "/name", `{"endpoint_service_name":"a.b"}`, api.E3076},
		{"rename creating", http.MethodPut, svc(three.ID) + "/name", `{"endpoint_service_name":"ab"}`, api.E3045},
		{"delete creating", http.MethodDelete, svc(three.ID), ``, api.E3045},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			before := snapshot(t, srv, ids)
			requireError(t, as(t, srv, tt.method, tt.path, tt.body), tt.want)
			assert.Equal(t, before, snapshot(t, srv, ids))
		})
	}
	// The snapshot itself is sensitive: a successful update shows.
	before := snapshot(t, srv, ids)
	require.Equal(t, http.StatusOK, put(t, srv, one.ID, `{}`).Status)
	mock.Add(time.Second)
	require.Equal(t, http.StatusOK, put(t, srv, one.ID, `{}`).Status)
	assert.NotEqual(t, before, snapshot(t, srv, ids))
}
