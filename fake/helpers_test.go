package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// client calls one server as one tenant through the in-memory transport.
type client struct {
	tb     testing.TB
	srv    *fake.Server
	hc     *http.Client
	tenant fake.Tenant
	nsvc   int // services created, for distinct backend ports
}

func newClient(tb testing.TB, srv *fake.Server, t fake.Tenant) *client {
	return &client{tb: tb, srv: srv, hc: srv.Client(), tenant: t}
}

// do sends method to /v1/{project}{path} with body as JSON (nil: none) and
// returns the status and the raw answer.
func (c *client) do(method, path string, body any) (int, []byte) {
	c.tb.Helper()
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		require.NoError(c.tb, err)
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, c.srv.URL+"/v1/"+c.tenant.ProjectID+path, rd)
	require.NoError(c.tb, err)
	req.Header.Set("X-Auth-Token", c.tenant.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := c.hc.Do(req)
	require.NoError(c.tb, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(c.tb, err)
	return resp.StatusCode, b
}

// ok sends a request that must answer want and decodes the answer into out
// (nil: ignored).
func (c *client) ok(method, path string, body any, want int, out any) {
	c.tb.Helper()
	status, b := c.do(method, path, body)
	require.Equal(c.tb, want, status, "%s %s: %s", method, path, b)
	if out != nil {
		require.NoError(c.tb, json.Unmarshal(b, out), string(b))
	}
}

// fails sends a request that must be refused with status and code.
func (c *client) fails(method, path string, body any, status int, code string) {
	c.tb.Helper()
	got, b := c.do(method, path, body)
	var e api.Error
	require.NoError(c.tb, json.Unmarshal(b, &e), string(b))
	require.Equal(c.tb, status, got, "%s %s: %s", method, path, b)
	require.Equal(c.tb, code, e.Code, "%s %s: %s", method, path, b)
}

// The ids the tests use for networks that the lenient inventory accepts.
const (
	vpcID    = "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01"
	subnetID = "1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c02"
	portID   = "2d7e7c65-4e5a-4c65-9c55-8a4c4a7c5d03"
	rtID     = "3e6f8d76-5f6b-4d76-8d66-9b5d5b8d6e04"
)

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
	c.ok(http.MethodGet, "/vpc-endpoint-services/"+s.ID, nil, 200, &s)
	require.Equal(c.tb, "available", s.Status)
	return s
}

// endpointBody is a valid interface CreateEndpoint body for service id.
func endpointBody(serviceID string) map[string]any {
	return map[string]any{"endpoint_service_id": serviceID, "vpc_id": vpcID, "subnet_id": subnetID, "enable_dns": true}
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
	var ep api.Endpoint
	c.ok(http.MethodGet, "/vpc-endpoints/"+id, nil, 200, &ep)
	return ep
}

// getService reads a service that must exist.
func (c *client) getService(id string) api.Service {
	c.tb.Helper()
	var s api.Service
	c.ok(http.MethodGet, "/vpc-endpoint-services/"+id, nil, 200, &s)
	return s
}

// connections lists a service's connections with query q ("" for none).
func (c *client) connections(serviceID, q string) api.ConnectionList {
	c.tb.Helper()
	var l api.ConnectionList
	c.ok(http.MethodGet, "/vpc-endpoint-services/"+serviceID+"/connections"+q, nil, 200, &l)
	return l
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
	var q api.QuotaResponse
	c.ok(http.MethodGet, "/quotas?type="+typ, nil, 200, &q)
	require.Len(c.tb, q.Quotas.Resources, 1)
	return q.Quotas.Resources[0]
}

// onMock returns a new server's clock and default-tenant client; the
// server runs on a mock clock with delays d.
func onMock(tb testing.TB, d fake.Delays, opts ...fake.Option) (*clock.Mock, *client) {
	mock := clock.NewMock()
	srv := fake.NewTest(tb, append(opts, fake.WithClock(mock), fake.WithDelays(d))...)
	return mock, newClient(tb, srv, fake.DefaultTenant)
}

// policyFunc is a scenario.Policy from a function.
type policyFunc func(c scenario.Change, def scenario.Plan) scenario.Plan

func (f policyFunc) Plan(c scenario.Change, def scenario.Plan) scenario.Plan { return f(c, def) }

// failing fails every transition tr with code.
func failing(tr scenario.Transition, code string) fake.Option {
	return fake.WithPolicy(policyFunc(func(c scenario.Change, def scenario.Plan) scenario.Plan {
		if c.Transition == tr {
			def.Fail = &scenario.Failure{Code: code, Message: "scripted failure"}
		}
		return def
	}))
}
