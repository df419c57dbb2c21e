package fake_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

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
	client := srv.Client()
	do := func(method, path, b string) (int, []byte, error) {
		req, err := http.NewRequest(method, srv.URL+"/v1/"+fake.DefaultProjectID+services+path, strings.NewReader(b))
		if err != nil {
			return 0, nil, err
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		res, err := client.Do(req)
		if err != nil {
			return 0, nil, err
		}
		defer res.Body.Close()
		out, err := io.ReadAll(res.Body)
		return res.StatusCode, out, err
	}
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
				code, out, err := do(http.MethodPost, "", b)
				if err != nil || code != http.StatusOK {
					fail("create: %d %s %v", code, out, err)
					continue
				}
				var s api.Service
				if err := json.Unmarshal(out, &s); err != nil {
					fail("create body: %v", err)
					continue
				}
				code, out, err = do(http.MethodGet, "?limit=1000", "")
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
					if code, out, err = do(http.MethodDelete, "/"+s.ID, ""); err != nil || code != http.StatusNoContent {
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
				req, _ := http.NewRequest(http.MethodPost, srv.URL+"/v1/"+fake.DefaultProjectID+services, strings.NewReader(b))
				req.Header.Set("X-Auth-Token", fake.DefaultToken)
				res, err := srv.Client().Do(req)
				if err != nil {
					mu.Lock()
					errs = append(errs, err.Error())
					mu.Unlock()
					continue
				}
				var s api.Service
				_ = json.NewDecoder(res.Body).Decode(&s)
				res.Body.Close()
				seenAvailable := false
				for range 5 {
					req, _ := http.NewRequest(http.MethodGet, srv.URL+"/v1/"+fake.DefaultProjectID+services+"/"+s.ID, nil)
					req.Header.Set("X-Auth-Token", fake.DefaultToken)
					res, err := srv.Client().Do(req)
					if err != nil {
						continue
					}
					var g api.Service
					_ = json.NewDecoder(res.Body).Decode(&g)
					res.Body.Close()
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
