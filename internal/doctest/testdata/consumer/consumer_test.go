// Package consumer is a module outside vpcepfake that uses only its public
// API, as README.md and the godoc show it.
package consumer

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// send makes one request as tenant tn and decodes the JSON answer into out.
func send(t *testing.T, srv *fake.Server, tn fake.Tenant, method, url, body string, out any) int {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Auth-Token", tn.Token)
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	require.NoError(t, json.NewDecoder(resp.Body).Decode(out))
	return resp.StatusCode
}

func TestAdopt(t *testing.T) {
	mock := clock.NewMock()
	s := scenario.New()
	require.NoError(t, s.Add(scenario.Rule{
		Name:    "third-get-fails",
		Match:   scenario.Match{Op: scenario.OpListServiceDetails},
		Trigger: scenario.Nth(3),
		Effect:  scenario.Fail(scenario.ErrEndPoint0001),
	}))
	scenario.Verify(t, s)
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithDelays(fake.RealisticDelays), fake.WithScenario(s))
	tn := srv.Tenant()
	services := srv.ProjectURL(tn.ProjectID) + "vpc-endpoint-services"

	var svc struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	require.Equal(t, 200, send(t, srv, tn, http.MethodPost, services, `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "LB",
		"ports": [{"client_port": 80, "server_port": 8080}]}`, &svc))
	require.Equal(t, "creating", svc.Status)

	require.Equal(t, 200, send(t, srv, tn, http.MethodGet, services+"/"+svc.ID, "", &svc))
	assert.Equal(t, "creating", svc.Status)
	mock.Add(time.Minute)
	require.Equal(t, 200, send(t, srv, tn, http.MethodGet, services+"/"+svc.ID, "", &svc))
	assert.Equal(t, "available", svc.Status)

	var apiErr struct {
		ErrorCode string `json:"error_code"`
	}
	assert.Equal(t, 500, send(t, srv, tn, http.MethodGet, services+"/"+svc.ID, "", &apiErr))
	assert.Equal(t, scenario.ErrEndPoint0001, apiErr.ErrorCode)

	reads := s.Requests(scenario.Query{Op: scenario.OpListServiceDetails})
	require.Len(t, reads, 3)
	assert.Equal(t, []int{200, 200, 500}, []int{reads[0].Status, reads[1].Status, reads[2].Status})
	assert.Equal(t, "third-get-fails", reads[2].Rule)
}

func TestJournalWithoutScenario(t *testing.T) {
	srv := fake.NewTest(t)
	tn := srv.Tenant()
	var list struct {
		TotalCount int `json:"total_count"`
	}
	require.Equal(t, 200, send(t, srv, tn, http.MethodGet, srv.ProjectURL(tn.ProjectID)+"vpc-endpoint-services", "", &list))
	reads := srv.Requests(scenario.Query{Op: scenario.OpListEndpointService})
	require.Len(t, reads, 1)
	assert.Equal(t, 200, reads[0].Status)
	assert.Equal(t, 1, srv.Count(scenario.Query{}))
}

func TestConformanceWithAFakeTenant(t *testing.T) {
	mock := clock.NewMock()
	other := fake.Tenant{DomainID: "acc2", ProjectID: "0123456789abcdef0123456789abcdef", Token: "token2"}
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithDelays(fake.RealisticDelays), fake.WithTenants(other))
	caller := conformance.TenantOf(other)
	conformance.Run(t, conformance.Target{
		BaseURL:    srv.URL,
		HTTPClient: srv.Client(),
		Tenant:     conformance.TenantOf(srv.Tenant()),
		Other:      &caller,
		Advance:    mock.Add,
	})
}
