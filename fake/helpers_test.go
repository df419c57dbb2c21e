package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// reply is one HTTP answer, body read.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
	method string // the request, for failure messages
	url    string
}

// payload is a request body: none for nil or "", a string or bytes as
// they are (to send malformed JSON), anything else encoded as JSON.
func payload(body any) (io.Reader, error) {
	switch b := body.(type) {
	case nil:
		return nil, nil
	case string:
		if b == "" {
			return nil, nil
		}
		return strings.NewReader(b), nil
	case []byte:
		return bytes.NewReader(b), nil
	default:
		raw, err := json.Marshal(b)
		return bytes.NewReader(raw), err
	}
}

// roundTrip is the one place the tests build and send a request: method to
// url through hc with body (see payload) and exactly the headers hdr, the
// answer read (exchange). It fails nothing itself, so goroutines,
// benchmarks and examples use it too.
func roundTrip(hc *http.Client, method, url string, body any, hdr map[string]string) (reply, error) {
	rd, err := payload(body)
	if err != nil {
		return reply{}, err
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return reply{}, err
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	return exchange(hc, req)
}

// exchange sends req, built by hand where roundTrip cannot (a raw path or
// query), through hc and reads the answer: Content-Length bytes, as a
// careful client does (the fake always sets it), or to the end without one.
func exchange(hc *http.Client, req *http.Request) (reply, error) {
	res, err := hc.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer res.Body.Close()
	r := reply{Status: res.StatusCode, Header: res.Header, method: req.Method, url: req.URL.String()}
	if res.ContentLength < 0 {
		r.Body, err = io.ReadAll(res.Body)
		return r, err
	}
	r.Body = make([]byte, res.ContentLength)
	_, err = io.ReadFull(res.Body, r.Body)
	return r, err
}

// request sends method to srv.URL+path with body (see payload) and exactly
// the headers hdr through srv's in-memory client.
func request(tb testing.TB, srv *fake.Server, method, path string, body any, hdr map[string]string) reply {
	tb.Helper()
	r, err := roundTrip(srv.Client(), method, srv.URL+path, body, hdr)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

// tenantHeaders are what a client of tenant tn sends: a JSON content type
// and tn's token, when it has one.
func tenantHeaders(tn fake.Tenant) map[string]string {
	if tn.Token == "" {
		return map[string]string{"Content-Type": "application/json"}
	}
	return map[string]string{"Content-Type": "application/json", "X-Auth-Token": tn.Token}
}

// apiPath is rest under tenant tn's project: /v1/{project_id}{rest}.
func apiPath(tn fake.Tenant, rest string) string { return "/v1/" + tn.ProjectID + rest }

// send calls srv as tenant tn; path is from the server root, body as
// payload takes it.
func send(tb testing.TB, srv *fake.Server, tn fake.Tenant, method, path string, body any) reply {
	tb.Helper()
	return request(tb, srv, method, path, body, tenantHeaders(tn))
}

// as sends a request as the default tenant to a path under the default
// project (path starts after /v1/{project}).
func as(t *testing.T, srv *fake.Server, method, path, body string) reply {
	t.Helper()
	return send(t, srv, fake.DefaultTenant, method, apiPath(fake.DefaultTenant, path), body)
}

// decode decodes the body into v.
func (r reply) decode(tb testing.TB, v any) {
	tb.Helper()
	require.NoError(tb, json.Unmarshal(r.Body, v), "%s %s: %s", r.method, r.url, r.Body)
}

// want requires status and decodes the body into out (nil: ignored).
func (r reply) want(tb testing.TB, status int, out any) {
	tb.Helper()
	require.Equal(tb, status, r.Status, "%s %s: %s", r.method, r.url, r.Body)
	if out != nil {
		r.decode(tb, out)
	}
}

// into decodes a successful (2xx) answer into v.
func (r reply) into(tb testing.TB, v any) {
	tb.Helper()
	require.Less(tb, r.Status, 300, "%s %s: %s", r.method, r.url, r.Body)
	r.decode(tb, v)
}

// JSON decodes the body into a generic map.
func (r reply) JSON(tb testing.TB) map[string]any {
	tb.Helper()
	var m map[string]any
	r.decode(tb, &m)
	return m
}

// apiError decodes an error answer.
func (r reply) apiError(tb testing.TB) api.Error {
	tb.Helper()
	var e api.Error
	r.decode(tb, &e)
	return e
}

// code returns the error_code of an error answer.
func (r reply) code(tb testing.TB) string {
	tb.Helper()
	return r.apiError(tb).Code
}

// wantError requires status and an error answer with code and a message.
func (r reply) wantError(tb testing.TB, status int, code string) {
	tb.Helper()
	require.Equal(tb, status, r.Status, "%s %s: %s", r.method, r.url, r.Body)
	e := r.apiError(tb)
	require.Equal(tb, code, e.Code, "%s %s: %s", r.method, r.url, r.Body)
	require.NotEmpty(tb, e.Msg, "%s %s: %s", r.method, r.url, r.Body)
}

// client calls one server as one tenant; paths are relative to
// /v1/{project_id}.
type client struct {
	tb     testing.TB
	srv    *fake.Server
	tenant fake.Tenant
	nsvc   int // services created, for distinct backend ports
}

func newClient(tb testing.TB, srv *fake.Server, t fake.Tenant) *client {
	return &client{tb: tb, srv: srv, tenant: t}
}

// send sends method to /v1/{project}{path} with body (see payload) and
// returns the answer.
func (c *client) send(method, path string, body any) reply {
	c.tb.Helper()
	return send(c.tb, c.srv, c.tenant, method, apiPath(c.tenant, path), body)
}

// do sends a request and returns the status and the raw answer.
func (c *client) do(method, path string, body any) (int, []byte) {
	c.tb.Helper()
	r := c.send(method, path, body)
	return r.Status, r.Body
}

// ok sends a request that must answer want and decodes the answer into out
// (nil: ignored).
func (c *client) ok(method, path string, body any, want int, out any) {
	c.tb.Helper()
	c.send(method, path, body).want(c.tb, want, out)
}

// fails sends a request that must be refused with status and code.
func (c *client) fails(method, path string, body any, status int, code string) {
	c.tb.Helper()
	c.send(method, path, body).wantError(c.tb, status, code)
}

// clientGet GETs path as c's tenant; it must answer 200 with a T.
func clientGet[T any](c *client, path string) T {
	c.tb.Helper()
	var v T
	c.ok(http.MethodGet, path, nil, http.StatusOK, &v)
	return v
}

// createService creates an available interface service owned by c's
// tenant (the zero-delay create settles on the next request).
func (c *client) createService(approval bool) api.Service {
	c.tb.Helper()
	var s api.Service
	c.nsvc++
	c.ok(http.MethodPost, "/vpc-endpoint-services", map[string]any{
		"port_id": portID, "vpc_id": vpcID, "server_type": "VM", "approval_enabled": approval,
		"ports": []map[string]any{{"client_port": 80, "server_port": 8000 + c.nsvc, "protocol": "TCP"}},
	}, 200, &s)
	s = c.getService(s.ID)
	require.Equal(c.tb, "available", s.Status)
	return s
}

// createEndpoint creates an endpoint and checks the immediate answer.
func (c *client) createEndpoint(body map[string]any) api.Endpoint {
	c.tb.Helper()
	var ep api.Endpoint
	c.ok(http.MethodPost, "/vpc-endpoints", body, 200, &ep)
	require.Equal(c.tb, "creating", ep.Status)
	return ep
}

// getEndpoint reads an endpoint that must exist.
func (c *client) getEndpoint(id string) api.Endpoint {
	c.tb.Helper()
	return clientGet[api.Endpoint](c, "/vpc-endpoints/"+id)
}

// getService reads a service that must exist.
func (c *client) getService(id string) api.Service {
	c.tb.Helper()
	return clientGet[api.Service](c, "/vpc-endpoint-services/"+id)
}

// connections lists a service's connections with query q ("" for none).
func (c *client) connections(serviceID, q string) api.ConnectionList {
	c.tb.Helper()
	return clientGet[api.ConnectionList](c, "/vpc-endpoint-services/"+serviceID+"/connections"+q)
}

// action sends receive or reject for one endpoint and returns the answer.
func (c *client) action(serviceID, action, endpointID string) api.Connection {
	c.tb.Helper()
	var out api.Connections
	c.ok(http.MethodPost, "/vpc-endpoint-services/"+serviceID+"/connections/action",
		map[string]any{"action": action, "endpoints": []string{endpointID}}, 200, &out)
	require.Len(c.tb, out.Connections, 1)
	return out.Connections[0]
}

// quota returns the used count of resource type typ.
func (c *client) quota(typ string) api.Quota {
	c.tb.Helper()
	q := clientGet[api.QuotaResponse](c, "/quotas?type="+typ)
	require.Len(c.tb, q.Quotas.Resources, 1)
	return q.Quotas.Resources[0]
}

// answer is a decoded reply of the IAM or control API.
type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

// front sends body (none when "") to path with the given headers
// ("Name: value") and decodes a JSON reply. A body, or a method that may
// change state, goes with Content-Type: application/json.
func front(t *testing.T, srv *fake.Server, method, path, body string, headers ...string) answer {
	t.Helper()
	hdr := map[string]string{}
	if body != "" || (method != "GET" && method != "HEAD") {
		hdr["Content-Type"] = "application/json"
	}
	r := request(t, srv, method, path, body, headerMap(hdr, headers))
	a := answer{status: r.Status, header: r.Header, raw: string(r.Body)}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") && len(r.Body) > 0 {
		require.NoError(t, json.Unmarshal(r.Body, &a.body), a.raw)
	}
	return a
}

// headerMap adds headers ("Name: value") to hdr (a new map when nil) and
// returns it.
func headerMap(hdr map[string]string, headers []string) map[string]string {
	if hdr == nil {
		hdr = map[string]string{}
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		hdr[k] = v
	}
	return hdr
}

// dig walks nested maps and arrays: dig(m, "token", "project", "id"),
// dig(m, "catalog", 0, "type").
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// serverClient returns a default-tenant client of a new test server.
func serverClient(tb testing.TB, opts ...fake.Option) *client {
	return newClient(tb, fake.NewTest(tb, opts...), fake.DefaultTenant)
}

// with returns the client reporting to tb (a subtest's T).
func (c *client) with(tb testing.TB) *client { return newClient(tb, c.srv, c.tenant) }

// as returns a client of the same server for another tenant.
func (c *client) as(t fake.Tenant) *client { return newClient(c.tb, c.srv, t) }

// createTagged creates a service with short name and tags (alternating
// keys and values) and returns it.
func (c *client) createTagged(name string, kv ...string) api.Service {
	c.tb.Helper()
	tags := []api.Tag{}
	for i := 0; i+1 < len(kv); i += 2 {
		tags = append(tags, api.Tag{Key: kv[i], Value: kv[i+1]})
	}
	body := map[string]any{
		"port_id": uuid.NewString(), "vpc_id": uuid.NewString(), "server_type": "LB",
		"ports": []map[string]int{{"client_port": 80, "server_port": 8080}}, "tags": tags,
	}
	if name != "" {
		body["service_name"] = name
	}
	var s api.Service
	c.ok(http.MethodPost, "/vpc-endpoint-services", body, http.StatusOK, &s)
	return s
}

// benchClient sends requests as the default tenant through srv's in-memory
// client and fails b on an unexpected status.
type benchClient struct {
	b    *testing.B
	http *http.Client
	base string
}

func newBenchClient(b *testing.B, srv *fake.Server) *benchClient {
	return &benchClient{b: b, http: srv.Client(), base: srv.ProjectURL(srv.Tenant().ProjectID)}
}

func (c *benchClient) do(method, path, body string, want int) []byte {
	r, err := roundTrip(c.http, method, c.base+path, body, tenantHeaders(fake.DefaultTenant))
	if err != nil {
		c.b.Fatal(err)
	}
	if r.Status != want {
		c.b.Fatalf("%s %s: %d %s", method, path, r.Status, r.Body)
	}
	return r.Body
}

// createServices creates n services and returns their ids.
func (c *benchClient) createServices(n int) []string {
	ids := make([]string, n)
	for i := range ids {
		var v struct{ ID string }
		_ = json.Unmarshal(c.do("POST", "vpc-endpoint-services", createServiceBody(i), 200), &v)
		ids[i] = v.ID
	}
	return ids
}
