package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// loadDuration is how long TestResetAndImportUnderLoad runs: 2 s, or
// $VPCEPFAKE_LOAD_SECONDS (at most 60).
func loadDuration(t *testing.T) time.Duration {
	v := os.Getenv("VPCEPFAKE_LOAD_SECONDS")
	if v == "" {
		return 2 * time.Second
	}
	n, err := strconv.Atoi(v)
	require.NoError(t, err, "VPCEPFAKE_LOAD_SECONDS")
	return time.Duration(min(max(n, 1), 60)) * time.Second
}

// TestResetAndImportUnderLoad runs clients of two tenants against a
// loopback server while resets and imports (one of which brings the
// second tenant back, one of which drops it) replace the state. Every
// export taken meanwhile must import again; at the end every resource is
// listed once, total_count and connection_count are right, and export →
// import → export is byte-identical.
func TestResetAndImportUnderLoad(t *testing.T) {
	if testing.Short() {
		t.Skip("load test")
	}
	t.Parallel()
	srv := fake.NewServer(fake.WithClock(newMock()), fake.WithQuotas(fake.Quotas{Services: 1000, Endpoints: 1000}))
	defer srv.Close()
	withOther := srv.Export()
	withOther.Tenants = append(withOther.Tenants, otherTenant)
	withOtherJSON, err := json.Marshal(withOther)
	require.NoError(t, err)
	require.NoError(t, srv.Import(withOther))

	hc := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 16}, Timeout: 30 * time.Second}
	defer hc.CloseIdleConnections()
	call := func(method, path, token string, body []byte) (int, []byte, error) {
		hdr := map[string]string{"Content-Type": "application/json"}
		if token != "" {
			hdr["X-Auth-Token"] = token
		}
		r, err := roundTrip(hc, method, srv.URL+path, body, hdr)
		return r.Status, r.Body, err
	}

	deadline := time.Now().Add(loadDuration(t))
	var requests, changes atomic.Int64
	var wg sync.WaitGroup
	for i := range 8 {
		tn := []fake.Tenant{fake.DefaultTenant, otherTenant}[i%2]
		wg.Go(func() {
			for time.Now().Before(deadline) {
				svc := `{"port_id":"` + uuid.NewString() + `","vpc_id":"` + vpcID + `","server_type":"VM","approval_enabled":false,` +
					`"ports":[{"client_port":80,"server_port":8080}]}`
				base := "/v1/" + tn.ProjectID
				status, raw, err := call("POST", base+services, tn.Token, []byte(svc))
				requests.Add(1)
				if !assert.NoError(t, err) || !assert.Less(t, status, 500, "%s", raw) || status != 200 {
					continue
				}
				var s struct{ ID string }
				assert.NoError(t, json.Unmarshal(raw, &s))
				for _, r := range []struct{ method, path, body string }{
					{"POST", base + "/vpc-endpoints", `{"endpoint_service_id":"` + s.ID + `","vpc_id":"` + vpcID + `","subnet_id":"` + subnetID + `"}`},
					{"GET", base + services + "?limit=5", ""},
					{"GET", base + "/vpc-endpoints?limit=5", ""},
					{"GET", base + services + "/" + s.ID, ""},
				} {
					status, raw, err := call(r.method, r.path, tn.Token, []byte(r.body))
					requests.Add(1)
					assert.NoError(t, err)
					assert.Less(t, status, 500, "%s %s: %s", r.method, r.path, raw)
				}
			}
		})
	}
	wg.Go(func() {
		for time.Now().Before(deadline) {
			for _, step := range []struct {
				method, path string
				body         []byte
			}{{"POST", "/_fake/reset", nil}, {"PUT", "/_fake/state", withOtherJSON}} {
				status, raw, err := call(step.method, step.path, "", step.body)
				if assert.NoError(t, err) {
					assert.Equal(t, 204, status, "%s %s: %s", step.method, step.path, raw)
				}
				changes.Add(1)
				var snap fake.Snapshot
				_, raw, err = call("GET", "/_fake/state?secrets=true", "", nil)
				if assert.NoError(t, err) && assert.NoError(t, json.Unmarshal(raw, &snap)) {
					assert.NoError(t, fake.New().Import(snap), "an export taken under load imports again")
				}
			}
		}
	})
	wg.Wait()
	t.Logf("%d requests, %d resets and imports", requests.Load(), changes.Load())
	require.Positive(t, changes.Load())

	_, state, err := call("GET", "/_fake/state?secrets=true", "", nil)
	require.NoError(t, err)
	var snap loadState
	require.NoError(t, json.Unmarshal(state, &snap))
	checkListings(t, snap, func(path, token string) []byte {
		status, raw, err := call("GET", path, token, nil)
		require.NoError(t, err)
		require.Equal(t, 200, status, "%s", raw)
		return raw
	})
	status, raw, err := call("PUT", "/_fake/state", "", state)
	require.NoError(t, err)
	require.Equal(t, 204, status, "%s", raw)
	_, again, err := call("GET", "/_fake/state?secrets=true", "", nil)
	require.NoError(t, err)
	assert.Equal(t, string(state), string(again), "export → import → export is byte-identical")
}

// loadState is what checkListings reads of an exported state.
type loadState struct {
	Tenants []struct {
		ProjectID string `json:"project_id"`
		Token     string `json:"token"`
	} `json:"tenants"`
	Services []struct {
		Service struct {
			ID        string `json:"id"`
			ProjectID string `json:"project_id"`
		} `json:"service"`
	} `json:"services"`
	Endpoints []struct {
		Endpoint struct {
			Status            string `json:"status"`
			EndpointServiceID string `json:"endpoint_service_id"`
			ProjectID         string `json:"project_id"`
		} `json:"endpoint"`
	} `json:"endpoints"`
}

// checkListings lists every tenant's services and endpoints through get
// and compares them with snap: each resource listed once, total_count and
// every service's connection_count right.
func checkListings(t *testing.T, snap loadState, get func(path, token string) []byte) {
	t.Helper()
	conns := map[string]int{}
	for _, ep := range snap.Endpoints {
		if ep.Endpoint.Status == "creating" || ep.Endpoint.Status == "accepted" {
			conns[ep.Endpoint.EndpointServiceID]++
		}
	}
	for _, tn := range snap.Tenants {
		want := map[string]int{}
		for _, s := range snap.Services {
			if s.Service.ProjectID == tn.ProjectID {
				want[s.Service.ID] = conns[s.Service.ID]
			}
		}
		var svcs struct {
			Services []struct {
				ID              string `json:"id"`
				ConnectionCount int    `json:"connection_count"`
			} `json:"endpoint_services"`
			TotalCount int `json:"total_count"`
		}
		require.NoError(t, json.Unmarshal(get("/v1/"+tn.ProjectID+services+"?limit=1000", tn.Token), &svcs))
		assert.Equal(t, len(want), svcs.TotalCount, "services of %s", tn.ProjectID)
		got := map[string]int{}
		for _, s := range svcs.Services {
			assert.NotContains(t, got, s.ID, "listed once")
			got[s.ID] = s.ConnectionCount
		}
		assert.Equal(t, want, got, "services and connection counts of %s", tn.ProjectID)

		wantEps := 0
		for _, ep := range snap.Endpoints {
			if ep.Endpoint.ProjectID == tn.ProjectID {
				wantEps++
			}
		}
		var eps struct {
			Endpoints []struct {
				ID string `json:"id"`
			} `json:"endpoints"`
			TotalCount int `json:"total_count"`
		}
		require.NoError(t, json.Unmarshal(get("/v1/"+tn.ProjectID+"/vpc-endpoints?limit=1000", tn.Token), &eps))
		assert.Equal(t, wantEps, eps.TotalCount, "endpoints of %s", tn.ProjectID)
		seen := map[string]bool{}
		for _, ep := range eps.Endpoints {
			assert.False(t, seen[ep.ID], "endpoint %s listed once", ep.ID)
			seen[ep.ID] = true
		}
		assert.Len(t, seen, wantEps, fmt.Sprintf("endpoints of %s", tn.ProjectID))
	}
}
