package conformance

import (
	"context"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"testing"
	"time"
)

// Cases returns every table case of the suite.
func Cases() []Case {
	var all []Case
	for _, g := range [][]Case{serviceCases, accessCases, tagCases, endpointCases, limitCases} {
		all = append(all, g...)
	}
	return all
}

// Flows returns every flow of the suite.
func Flows() []Flow {
	var all []Flow
	for _, g := range [][]Flow{serviceFlows, endpointFlows} {
		all = append(all, g...)
	}
	return all
}

// Run runs the whole suite against tg: it creates the fixtures (a service
// with approval on and an endpoint of it), runs every case and flow in
// parallel subtests and deletes everything it made, also when a check
// fails. While it runs, an interrupt (SIGINT, SIGTERM) stops the checks
// and lets the deletions run; a second one ends the process at once. At
// the end it writes the report tg asks for and closes the idle
// connections of its HTTP client.
func Run(t *testing.T, tg Target) {
	t.Helper()
	if tg.BaseURL == "" || tg.Tenant.ProjectID == "" {
		t.Fatal("conformance: Target needs BaseURL and Tenant")
	}
	if tg.HTTPClient == nil {
		tg.HTTPClient = newHTTPClient()
	}
	t.Cleanup(tg.HTTPClient.CloseIdleConnections)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	context.AfterFunc(ctx, stop) // the second interrupt is the default one
	t.Cleanup(stop)
	w := newWorld(ctx, tg)
	t.Cleanup(func() {
		if err := w.report.write(tg); err != nil {
			t.Errorf("conformance: report: %v", err)
		}
	})
	w.fixtures(t)
	t.Run("cases", func(t *testing.T) {
		for _, c := range Cases() {
			name := c.Op + "/" + c.Name
			t.Run(name, func(t *testing.T) {
				t.Parallel()
				e, rec := w.report.track(t, "cases/"+name, c.Op)
				w.runCase(rec, c, e)
			})
		}
	})
	t.Run("flows", func(t *testing.T) {
		for _, f := range Flows() {
			t.Run(f.Name, func(t *testing.T) {
				t.Parallel()
				_, rec := w.report.track(t, "flows/"+f.Name, f.Ops...)
				if f.NeedsOther && tg.Other == nil {
					rec.Skip("needs a second tenant (Target.Other)")
				}
				if f.Slow && testing.Short() && tg.Advance == nil {
					rec.Skip("slow in real time; skipped with -short")
				}
				if ctx.Err() != nil {
					rec.Fatal("interrupted")
				}
				f.run(rec, w, tg.client(tg.Tenant))
			})
		}
	})
}

// fixtures creates the service and endpoint every case may refer to,
// reported as the entry "fixtures"; their deletion runs when Run ends.
func (w *world) fixtures(t *testing.T) {
	t.Helper()
	_, rec := w.report.track(t, "fixtures", OpCreateService, OpCreateEndpoint)
	owner := w.tg.client(w.tg.Tenant)
	w.service = w.createService(rec, owner, map[string]any{"approval_enabled": true})
	if svcID, _ := w.service["id"].(string); svcID != "" {
		w.endpoint = w.createEndpoint(rec, owner, svcID, nil)
	}
}

// newHTTPClient is the suite's own client: a transport of its own, whose
// idle connections Run closes at the end (nothing is left for goleak),
// and a bound on every request, so a hung connection to a real cloud
// fails one case instead of the whole run.
func newHTTPClient() *http.Client {
	return &http.Client{Transport: http.DefaultTransport.(*http.Transport).Clone(), Timeout: time.Minute}
}
