package conformance

import (
	"testing"
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
// parallel subtests and deletes everything it made.
func Run(t *testing.T, tg Target) {
	t.Helper()
	if tg.BaseURL == "" || tg.Tenant.ProjectID == "" {
		t.Fatal("conformance: Target needs BaseURL and Tenant")
	}
	w := newWorld(tg)
	owner := tg.client(tg.Tenant)
	w.service = w.createService(t, owner, map[string]any{"service_name": shortName("conf"), "approval_enabled": true})
	if svcID, _ := w.service["id"].(string); svcID != "" {
		w.endpoint = w.createEndpoint(t, owner, svcID, nil)
	}
	t.Run("cases", func(t *testing.T) {
		for _, c := range Cases() {
			t.Run(c.Op+"/"+c.Name, func(t *testing.T) {
				t.Parallel()
				w.runCase(t, c)
			})
		}
	})
	t.Run("flows", func(t *testing.T) {
		for _, f := range Flows() {
			t.Run(f.Name, func(t *testing.T) {
				t.Parallel()
				if f.NeedsOther && tg.Other == nil {
					t.Skip("needs a second tenant (Target.Other)")
				}
				if f.Slow && testing.Short() && tg.Advance == nil {
					t.Skip("slow in real time; skipped with -short")
				}
				f.run(t, w, owner)
			})
		}
	})
}
