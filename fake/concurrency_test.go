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
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// tryServices sends a request as the default tenant to services+path and
// fails nothing: goroutines collect the errors.
func tryServices(srv *fake.Server, method, path, body string) (int, []byte, error) {
	r, err := roundTrip(srv.Client(), method, srv.URL+apiPath(fake.DefaultTenant, services+path), body,
		tenantHeaders(fake.DefaultTenant))
	return r.Status, r.Body, err
}

// TestConcurrentUse creates, lists, reads and deletes from many
// goroutines (run it with -race). Every list must be self-consistent, and
// the final count must match what was created and deleted.
func TestConcurrentUse(t *testing.T) {
	t.Parallel()
	const (
		workers = 8
		each    = 12
	)
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: workers * each, Endpoints: 1}))
	var (
		wg     sync.WaitGroup
		mu     sync.Mutex
		errs   []string
		listed int
	)
	fail := func(f string, a ...any) {
		mu.Lock()
		errs = append(errs, fmt.Sprintf(f, a...))
		mu.Unlock()
	}
	for w := range workers {
		wg.Go(func() {
			for i := range each {
				b := fmt.Sprintf(`{"port_id":%q,"vpc_id":%q,"server_type":"VM","ports":[{"client_port":1,"server_port":%d}]}`,
					portA, vpcA, 1+w*each+i)
				code, out, err := tryServices(srv, http.MethodPost, "", b)
				if err != nil || code != http.StatusOK {
					fail("create: %d %s %v", code, out, err)
					continue
				}
				var s api.Service
				if err := json.Unmarshal(out, &s); err != nil {
					fail("create body: %v", err)
					continue
				}
				code, out, err = tryServices(srv, http.MethodGet, "?limit=1000", "")
				var l api.ServiceList
				if err != nil || code != http.StatusOK || json.Unmarshal(out, &l) != nil {
					fail("list: %d %s %v", code, out, err)
					continue
				}
				if l.TotalCount != len(l.Services) || l.TotalCount > workers*each {
					fail("inconsistent list: total %d, items %d", l.TotalCount, len(l.Services))
				}
				mu.Lock()
				listed++
				mu.Unlock()
				if i%2 == 1 {
					// The list above settled the create (zero delays), so
					// the delete cannot meet a creating service.
					if code, out, err = tryServices(srv, http.MethodDelete, "/"+s.ID, ""); err != nil || code != http.StatusNoContent {
						fail("delete: %d %s %v", code, out, err)
					}
				}
			}
		})
	}
	wg.Wait()
	require.Empty(t, errs)
	assert.Equal(t, workers*each, listed)
	l, _ := list(t, srv, "?limit=1000")
	assert.Equal(t, len(l.Services), l.TotalCount)
	assert.Equal(t, workers*each/2, l.TotalCount)
	seen := map[string]bool{}
	for _, s := range l.Services {
		assert.False(t, seen[s.ID], "duplicate id %s", s.ID)
		seen[s.ID] = true
		assert.Equal(t, "available", s.Status)
	}
}

// TestConcurrentClock moves a mock clock while goroutines create and poll
// services: no poll may see a status go backwards, and every service ends
// available once its delay has passed.
func TestConcurrentClock(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithQuotas(fake.Quotas{Services: 100, Endpoints: 1}),
		fake.WithDelays(fake.Delays{ServiceCreate: 5 * time.Second}))
	const workers = 6
	var (
		wg   sync.WaitGroup
		mu   sync.Mutex
		errs []string
		ids  []string
	)
	stop := make(chan struct{})
	ticker := make(chan struct{})
	go func() {
		defer close(ticker)
		for {
			select {
			case <-stop:
				return
			default:
				mock.Add(time.Second)
			}
		}
	}()
	for w := range workers {
		wg.Go(func() {
			for i := range 5 {
				b := fmt.Sprintf(`{"port_id":%q,"vpc_id":%q,"server_type":"VM","ports":[{"client_port":1,"server_port":%d}]}`,
					portA, vpcA, 1+w*10+i)
				_, out, err := tryServices(srv, http.MethodPost, "", b)
				if err != nil {
					mu.Lock()
					errs = append(errs, err.Error())
					mu.Unlock()
					continue
				}
				var s api.Service
				_ = json.Unmarshal(out, &s)
				seenAvailable := false
				for range 5 {
					_, out, err := tryServices(srv, http.MethodGet, "/"+s.ID, "")
					if err != nil {
						continue
					}
					var g api.Service
					_ = json.Unmarshal(out, &g)
					mu.Lock()
					switch {
					case g.Status == "available":
						seenAvailable = true
					case g.Status != "creating" || seenAvailable:
						errs = append(errs, fmt.Sprintf("%s: status %q after available=%v", s.ID, g.Status, seenAvailable))
					}
					mu.Unlock()
				}
				mu.Lock()
				ids = append(ids, s.ID)
				mu.Unlock()
			}
		})
	}
	wg.Wait()
	close(stop)
	<-ticker
	require.Empty(t, errs)
	mock.Add(5 * time.Second)
	l, _ := list(t, srv, "?limit=1000&status=available")
	assert.Equal(t, len(ids), l.TotalCount)
	assert.Equal(t, workers*5, l.TotalCount)
}

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
