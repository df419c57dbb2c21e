package fake_test

import (
	"encoding/json"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// A request authenticated before a reset or an import runs wholly against
// one state: when the state changed while it waited, it authenticates
// again, so it either runs as a tenant of the new state or is refused, and
// never leaves a service behind whose project is no tenant.
func TestRequestAuthenticatedBeforeStateChange(t *testing.T) {
	t.Parallel()
	moved := otherTenant
	moved.DomainID, moved.Token = "d3", "moved-token"
	for _, tc := range []struct {
		name   string
		caller fake.Tenant
		change func(srv *fake.Server) error
		status int
		want   *api.Error
	}{
		{"reset removes the caller's tenant", otherTenant, func(srv *fake.Server) error { srv.Reset(); return nil }, 401, api.E0003},
		{"import gives the project to another account", otherTenant, func(srv *fake.Server) error {
			snap := srv.Export()
			snap.Tenants = []fake.Tenant{fake.DefaultTenant, moved}
			return srv.Import(snap)
		}, 401, api.E0003},
		{"reset keeps the caller's tenant", fake.DefaultTenant, func(srv *fake.Server) error { srv.Reset(); return nil }, 200, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mock := newMock()
			scn := scenario.New()
			require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Effect: scenario.Delay(time.Minute)}))
			srv := fake.NewTest(t, fake.WithClock(mock), fake.WithScenario(scn))
			require.NoError(t, srv.AddTenant(otherTenant))
			done := make(chan reply, 1)
			go func() {
				r, err := roundTrip(srv.Client(), "POST", srv.URL+apiPath(tc.caller, services),
					serviceBody("0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f"), tenantHeaders(tc.caller))
				assert.NoError(t, err)
				done <- r
			}()
			scn.AwaitBlocked(1) // authenticated, waiting before the operation
			require.NoError(t, tc.change(srv))
			mock.Add(time.Minute)
			r := <-done
			if tc.want != nil {
				requireError(t, r, tc.want)
			} else {
				require.Equal(t, tc.status, r.Status, "%s", r.Body)
			}
			snap := srv.Export()
			for _, s := range snap.Services {
				var svc struct {
					ID        string `json:"id"`
					ProjectID string `json:"project_id"`
				}
				require.NoError(t, json.Unmarshal(s.Service, &svc))
				_, ok := findTenant(snap.Tenants, svc.ProjectID)
				assert.True(t, ok, "service %s belongs to no tenant", svc.ID)
			}
			assert.NoError(t, fake.New().Import(snap), "the export imports again")
		})
	}
}

func findTenant(ts []fake.Tenant, project string) (fake.Tenant, bool) {
	for _, t := range ts {
		if t.ProjectID == project {
			return t, true
		}
	}
	return fake.Tenant{}, false
}
