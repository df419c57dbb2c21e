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
)

// tenantB and tenantC are accounts beside fake.DefaultTenant.
var (
	tenantB = fake.Tenant{DomainID: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", ProjectID: "projectb", Token: "token-b"}
	tenantC = fake.Tenant{DomainID: "cccccccccccccccccccccccccccccccc", ProjectID: "projectc", Token: "token-c"}
)

// send calls the fake as tenant t; body is JSON-encoded unless it is a
// string, which is sent as is.
func send(t *testing.T, srv *fake.Server, tn fake.Tenant, method, path string, body any) reply {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = bytes.NewBufferString(b)
	default:
		raw, err := json.Marshal(b)
		require.NoError(t, err)
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, srv.URL+path, rd)
	require.NoError(t, err)
	req.Header.Set("X-Auth-Token", tn.Token)
	req.Header.Set("Content-Type", "application/json")
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return reply{Status: resp.StatusCode, Header: resp.Header, Body: raw}
}

// into decodes a successful answer into v.
func (r reply) into(t *testing.T, v any) {
	t.Helper()
	require.Less(t, r.Status, 300, string(r.Body))
	require.NoError(t, json.Unmarshal(r.Body, v))
}

// code returns the error_code of an error answer.
func (r reply) code(t *testing.T) string {
	t.Helper()
	var e struct {
		Code string `json:"error_code"`
	}
	require.NoError(t, json.Unmarshal(r.Body, &e), string(r.Body))
	return e.Code
}

// servicesPath is the service collection of tenant tn, followed by rest.
func servicesPath(tn fake.Tenant, rest string) string {
	return "/v1/" + tn.ProjectID + "/vpc-endpoint-services" + rest
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
