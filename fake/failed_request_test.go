package fake_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

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
