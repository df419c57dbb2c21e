package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
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
