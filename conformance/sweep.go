package conformance

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"testing"
)

// sweepPage is the page size of the sweep's lists (the APIs allow 1000).
const sweepPage = 500

// Sweep deletes what an earlier run left behind (a crash, a killed
// process): the endpoints, then the services, of tg.Tenant and tg.Other
// that carry the suite's marks (NamePrefix, TagKey), and nothing else.
// Deletions run in parallel subtests, each waiting with bounded polling
// until its resource is gone.
func Sweep(t *testing.T, tg Target) {
	t.Helper()
	if tg.HTTPClient == nil {
		tg.HTTPClient = newHTTPClient()
	}
	t.Cleanup(tg.HTTPClient.CloseIdleConnections)
	w := newWorld(context.Background(), tg)
	tenants := []Tenant{tg.Tenant}
	if tg.Other != nil {
		tenants = append(tenants, *tg.Other)
	}
	t.Run("endpoints", func(t *testing.T) {
		for _, tn := range tenants {
			c := tg.client(tn)
			for _, ep := range w.leftovers(t, c.ListEndpoints, "endpoints", "endpoint_service_name") {
				id, _ := ep["id"].(string)
				t.Run(id, func(t *testing.T) {
					t.Parallel()
					t.Logf("deleting endpoint %s of %v (project %s)", id, ep["endpoint_service_name"], tn.ProjectID)
					w.deleteEndpoint(t, c, id)
				})
			}
		}
	})
	t.Run("services", func(t *testing.T) {
		for _, tn := range tenants {
			c := tg.client(tn)
			for _, svc := range w.leftovers(t, c.ListServices, "endpoint_services", "service_name") {
				id, _ := svc["id"].(string)
				t.Run(id, func(t *testing.T) {
					t.Parallel()
					t.Logf("deleting service %s %v (project %s)", id, svc["service_name"], tn.ProjectID)
					w.deleteService(t, c, id)
				})
			}
		}
	})
}

// leftovers pages through a list and returns the suite's objects in it;
// nameKey holds the service name a mark may be in.
func (w *world) leftovers(t *testing.T, list func(context.Context, url.Values) Result, key, nameKey string) []map[string]any {
	t.Helper()
	var out []map[string]any
	for offset := 0; ; offset += sweepPage {
		r := list(w.ctx, url.Values{"limit": {strconv.Itoa(sweepPage)}, "offset": {strconv.Itoa(offset)}})
		requireStatus(t, r, http.StatusOK, "list "+key)
		page, _ := r.Body[key].([]any)
		for _, item := range page {
			m, _ := item.(map[string]any)
			if name, _ := m[nameKey].(string); ours(name, m["tags"]) {
				out = append(out, m)
			}
		}
		if len(page) < sweepPage {
			return out
		}
	}
}
