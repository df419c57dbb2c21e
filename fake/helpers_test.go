package fake_test

import (
	"net/http"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

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
	s = c.getService(s.ID)
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

// onTransition is a policy that lets change alter the default plan of transition tr
// and keeps every other default.
func onTransition(tr scenario.Transition, change func(def scenario.Plan) scenario.Plan) policyFunc {
	return func(c scenario.Change, def scenario.Plan) scenario.Plan {
		if c.Transition == tr {
			return change(def)
		}
		return def
	}
}

// failing fails every transition tr with code.
func failing(tr scenario.Transition, code string) fake.Option {
	return fake.WithPolicy(onTransition(tr, func(def scenario.Plan) scenario.Plan {
		def.Fail = &scenario.Failure{Code: code, Message: "scripted failure"}
		return def
	}))
}
