package fake_test

import (
	"encoding/json"
	"net/http"
	"testing"

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
