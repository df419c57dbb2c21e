package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"maps"
	"net/http"
	"testing"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
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

// reply is one HTTP answer, body read.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
}

// JSON decodes the body into a generic map.
func (r reply) JSON(t *testing.T) map[string]any {
	t.Helper()
	var m map[string]any
	require.NoError(t, json.Unmarshal(r.Body, &m), "body: %s", r.Body)
	return m
}

// request sends method path (relative to the server URL) with a raw body
// and the given headers through the in-memory client.
func request(t *testing.T, srv *fake.Server, method, path, body string, hdr map[string]string) reply {
	t.Helper()
	var rd io.Reader
	if body != "" {
		rd = bytes.NewBufferString(body)
	}
	req, err := http.NewRequest(method, srv.URL+path, rd)
	require.NoError(t, err)
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return reply{Status: res.StatusCode, Header: res.Header, Body: b}
}

// as sends a request with the default tenant's token to a path under the
// default project (path starts after /v1/{project}).
func as(t *testing.T, srv *fake.Server, method, path, body string) reply {
	t.Helper()
	return request(t, srv, method, "/v1/"+fake.DefaultProjectID+path, body,
		map[string]string{"X-Auth-Token": fake.DefaultToken, "Content-Type": "application/json"})
}

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
	r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), over))
	require.Equal(t, http.StatusOK, r.Status, "create: %s", r.Body)
	var s api.Service
	require.NoError(t, json.Unmarshal(r.Body, &s))
	return s
}

// get reads a service.
func get(t *testing.T, srv *fake.Server, id string) (api.Service, reply) {
	t.Helper()
	r := as(t, srv, http.MethodGet, services+"/"+id, "")
	var s api.Service
	if r.Status == http.StatusOK {
		require.NoError(t, json.Unmarshal(r.Body, &s))
	}
	return s, r
}

// list reads the service list with a raw query.
func list(t *testing.T, srv *fake.Server, query string) (api.ServiceList, reply) {
	t.Helper()
	r := as(t, srv, http.MethodGet, services+query, "")
	var l api.ServiceList
	if r.Status == http.StatusOK {
		require.NoError(t, json.Unmarshal(r.Body, &l))
	}
	return l, r
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

// start is the instant every mock clock starts at.
var start = time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)

// newMock returns a mock clock set to start.
func newMock() *clock.Mock {
	m := clock.NewMock()
	m.Set(start)
	return m
}
