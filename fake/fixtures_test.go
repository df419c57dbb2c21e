package fake_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"maps"
	"net/http"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Fixed UUIDs for request bodies.
const (
	vpcA  = "11111111-1111-4111-8111-111111111111"
	vpcB  = "22222222-2222-4222-8222-222222222222"
	portA = "33333333-3333-4333-8333-333333333333"
	portB = "44444444-4444-4444-8444-444444444444"
	portC = "55555555-5555-4555-8555-555555555555"
	// otherTenant is a second project with its own token.
	otherProject = "0123456789abcdef0123456789abcdef"
	otherToken   = "other-token"
)

var otherTenant = fake.Tenant{DomainID: "d2", ProjectID: otherProject, Token: otherToken}

const services = "/vpc-endpoint-services"

// absent marks a field to remove from a body.
type absentT struct{}

var absent = absentT{}

// baseCreate is a valid create body.
func baseCreate() map[string]any {
	return map[string]any{
		"port_id":     portA,
		"vpc_id":      vpcA,
		"server_type": "LB",
		"ports":       []any{map[string]any{"client_port": 80, "server_port": 8080, "protocol": "TCP"}},
	}
}

// body returns baseCreate with overrides applied (absent deletes a field)
// as JSON.
func body(t *testing.T, base map[string]any, over map[string]any) string {
	t.Helper()
	m := maps.Clone(base)
	for k, v := range over {
		if v == absent {
			delete(m, k)
			continue
		}
		m[k] = v
	}
	b, err := json.Marshal(m)
	require.NoError(t, err)
	return string(b)
}

// create makes a service from baseCreate plus over and returns it decoded.
func create(t *testing.T, srv *fake.Server, over map[string]any) api.Service {
	t.Helper()
	var s api.Service
	as(t, srv, http.MethodPost, services, body(t, baseCreate(), over)).want(t, http.StatusOK, &s)
	return s
}

// asGet GETs path as the default tenant and decodes a 200 answer into a T.
func asGet[T any](t *testing.T, srv *fake.Server, path string) (T, reply) {
	t.Helper()
	r := as(t, srv, http.MethodGet, path, "")
	var v T
	if r.Status == http.StatusOK {
		r.decode(t, &v)
	}
	return v, r
}

// get reads a service.
func get(t *testing.T, srv *fake.Server, id string) (api.Service, reply) {
	t.Helper()
	return asGet[api.Service](t, srv, services+"/"+id)
}

// list reads the service list with a raw query.
func list(t *testing.T, srv *fake.Server, query string) (api.ServiceList, reply) {
	t.Helper()
	return asGet[api.ServiceList](t, srv, services+query)
}

// ports returns n mappings with client ports from 1 and server ports from
// 1001.
func ports(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = map[string]any{"client_port": i + 1, "server_port": 1001 + i, "protocol": "TCP"}
	}
	return out
}

// requireError asserts the documented error envelope of want.
func requireError(t *testing.T, r reply, want *api.Error) {
	t.Helper()
	require.Equal(t, want.Status, r.Status, "body: %s", r.Body)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	assert.NotEmpty(t, r.Header.Get("X-Request-Id"))
	var e map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &e), "body: %s", r.Body)
	assert.Equal(t, map[string]any{"error_code": want.Code, "error_msg": want.Msg}, e)
}

// requireOutcome asserts a 200 answer when want is nil, else the
// documented error want.
func requireOutcome(t *testing.T, r reply, want *api.Error) {
	t.Helper()
	if want == nil {
		require.Equal(t, http.StatusOK, r.Status, "body: %s", r.Body)
		return
	}
	requireError(t, r, want)
}

// start is the instant every mock clock starts at.
var start = time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)

// newMock returns a mock clock set to start.
func newMock() *clock.Mock {
	m := clock.NewMock()
	m.Set(start)
	return m
}

// tenantB and tenantC are accounts beside fake.DefaultTenant.
var (
	tenantB = fake.Tenant{DomainID: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", ProjectID: "projectb", Token: "token-b"}
	tenantC = fake.Tenant{DomainID: "cccccccccccccccccccccccccccccccc", ProjectID: "projectc", Token: "token-c"}
)

// servicesPath is the service collection of tenant tn, followed by rest.
func servicesPath(tn fake.Tenant, rest string) string {
	return apiPath(tn, services+rest)
}

// newService creates a service of tenant tn and returns its id and full
// name.
func newService(t *testing.T, srv *fake.Server, tn fake.Tenant) (string, string) {
	t.Helper()
	var out struct {
		ID          string `json:"id"`
		ServiceName string `json:"service_name"`
	}
	send(t, srv, tn, http.MethodPost, servicesPath(tn, ""), map[string]any{
		"port_id": uuid.NewString(), "vpc_id": uuid.NewString(), "server_type": "LB",
		"service_name": "svc", "ports": []map[string]any{{"client_port": 80, "server_port": 8080}},
	}).into(t, &out)
	return out.ID, out.ServiceName
}

// domain returns the whitelist entry of tn's account.
func domain(tn fake.Tenant) string { return "iam:domain::" + tn.DomainID }

// The ids the tests use for networks that the lenient inventory accepts.
const (
	vpcID    = "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01"
	subnetID = "1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c02"
	portID   = "2d7e7c65-4e5a-4c65-9c55-8a4c4a7c5d03"
	rtID     = "3e6f8d76-5f6b-4d76-8d66-9b5d5b8d6e04"
)

// endpointBody is a valid interface CreateEndpoint body for service id.
func endpointBody(serviceID string) map[string]any {
	return map[string]any{"endpoint_service_id": serviceID, "vpc_id": vpcID, "subnet_id": subnetID, "enable_dns": true}
}

// serviceBody is a valid create-service request; port picks the backend
// port id so that several services do not clash.
func serviceBody(port string) string {
	return `{"port_id":"` + port + `","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a","server_type":"VM","ports":[{"client_port":80,"server_port":8080}]}`
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

// mockServer is a server on a manual clock with a one-minute service
// creation.
func mockServer(t *testing.T, opts ...fake.Option) (*fake.Server, *clock.Mock) {
	mock := clock.NewMock()
	mock.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	opts = append([]fake.Option{fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceCreate: time.Minute})}, opts...)
	return fake.NewTest(t, opts...), mock
}

func createService(t *testing.T, srv *fake.Server, port string) string {
	t.Helper()
	a := front(t, srv, "POST", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services", serviceBody(port), "X-Auth-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	return a.body["id"].(string)
}

func serviceStatus(t *testing.T, srv *fake.Server, id string) (int, any) {
	t.Helper()
	a := front(t, srv, "GET", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services/"+id, "", "X-Auth-Token: "+fake.DefaultToken)
	return a.status, a.body["status"]
}

func passwordLogin(user, password, domain, scope string) string {
	return `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + user +
		`","password":"` + password + `","domain":{"name":"` + domain + `"}}}}` + scope + `}}`
}

// createBody is a valid create body with extra fields set (raw JSON
// values), in key order.
func createBody(extra ...string) string {
	body := fmt.Sprintf(`{"port_id":%q,"vpc_id":%q,"server_type":"LB","ports":[{"client_port":80,"server_port":8080}]`,
		uuid.NewString(), uuid.NewString())
	for i := 0; i+1 < len(extra); i += 2 {
		body += fmt.Sprintf(`,%q:%s`, extra[i], extra[i+1])
	}
	return body + "}"
}

// permAction posts permissions/action and returns the answer.
func permAction(t *testing.T, srv *fake.Server, tn fake.Tenant, id, action string, perms ...string) reply {
	t.Helper()
	return send(t, srv, tn, http.MethodPost, servicesPath(tn, "/"+id+"/permissions/action"),
		map[string]any{"permissions": perms, "action": action})
}

// newEndpoint creates an endpoint of tenant tn and returns its id.
func newEndpoint(t *testing.T, srv *fake.Server, tn fake.Tenant, body map[string]any) string {
	t.Helper()
	var ep api.Endpoint
	send(t, srv, tn, http.MethodPost, "/v1/"+tn.ProjectID+"/vpc-endpoints", body).into(t, &ep)
	return ep.ID
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

// createServiceBody is a typical CreateEndpointService body, with port
// mappings that differ per call so services on one backend never clash.
func createServiceBody(i int) string {
	return fmt.Sprintf(`{"port_id":"0b5d6c4e-3f1a-4e2b-9c8d-%012d","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a",`+
		`"server_type":"LB","service_name":"bench","ports":[{"client_port":80,"server_port":%d,"protocol":"TCP"}],`+
		`"tags":[{"key":"env","value":"bench"}]}`, i/65535, 1+i%65535)
}

// unlimited lifts both quotas, for benchmarks.
var unlimited = fake.WithQuotas(fake.Quotas{Services: 1 << 30, Endpoints: 1 << 30})
