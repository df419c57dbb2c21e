package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// tagClient calls one fake as one tenant; paths are relative to
// /v1/{project_id}.
type tagClient struct {
	tb     testing.TB
	srv    *fake.Server
	tenant fake.Tenant
}

func newTagClient(tb testing.TB, opts ...fake.Option) *tagClient {
	return &tagClient{tb: tb, srv: fake.NewTest(tb, opts...), tenant: fake.DefaultTenant}
}

// with returns the client reporting to tb (a subtest's T).
func (c *tagClient) with(tb testing.TB) *tagClient {
	return &tagClient{tb: tb, srv: c.srv, tenant: c.tenant}
}

// as returns a client of the same server for another tenant.
func (c *tagClient) as(t fake.Tenant) *tagClient {
	return &tagClient{tb: c.tb, srv: c.srv, tenant: t}
}

// call sends body (raw when a string, JSON otherwise, none when nil) and
// returns the status and the response body.
func (c *tagClient) call(method, path string, body any) (int, []byte) {
	c.tb.Helper()
	var r io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		r = bytes.NewBufferString(b)
	default:
		j, err := json.Marshal(b)
		require.NoError(c.tb, err)
		r = bytes.NewReader(j)
	}
	req, err := http.NewRequest(method, c.srv.URL+"/v1/"+c.tenant.ProjectID+path, r)
	require.NoError(c.tb, err)
	req.Header.Set("Content-Type", "application/json")
	if c.tenant.Token != "" {
		req.Header.Set("X-Auth-Token", c.tenant.Token)
	}
	resp, err := c.srv.Client().Do(req)
	require.NoError(c.tb, err)
	defer resp.Body.Close()
	out, err := io.ReadAll(resp.Body)
	require.NoError(c.tb, err)
	return resp.StatusCode, out
}

// ok sends a request that must answer status and decodes its body into v
// (when v is not nil).
func (c *tagClient) ok(method, path string, body any, status int, v any) {
	c.tb.Helper()
	got, out := c.call(method, path, body)
	require.Equal(c.tb, status, got, string(out))
	if v != nil {
		require.NoError(c.tb, json.Unmarshal(out, v))
	}
}

// fails sends a request that must fail with status and code.
func (c *tagClient) fails(method, path string, body any, status int, code string) {
	c.tb.Helper()
	got, out := c.call(method, path, body)
	require.Equal(c.tb, status, got, string(out))
	var e api.Error
	require.NoError(c.tb, json.Unmarshal(out, &e))
	require.Equal(c.tb, code, e.Code, string(out))
	require.NotEmpty(c.tb, e.Msg)
}

// createService creates a service with short name and tags (alternating
// keys and values) and returns it.
func (c *tagClient) createService(name string, kv ...string) api.Service {
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

// service returns the service with id as GET shows it.
func (c *tagClient) service(id string) api.Service {
	c.tb.Helper()
	var s api.Service
	c.ok(http.MethodGet, "/vpc-endpoint-services/"+id, nil, http.StatusOK, &s)
	return s
}
