package gopher098

import (
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

const (
	vpcID    = "3f1a7c52-6a0e-4c4b-9d0e-2b1c3d4e5f60"
	portID   = "7b2c8d63-7b1f-4d5c-8e1f-3c2d4e5f6071"
	subnetID = "9d4e0f85-9d3b-4f7e-a03b-5e4f60718293"
)

// env is one fake with its journal and a gopher client aimed at it.
type env struct {
	srv     *fake.Server
	journal *scenario.Scenario
	sc      *golangsdk.ServiceClient
}

// start returns an in-memory fake with 1-minute transitions on the
// default clock (virtual inside a synctest bubble) and a v0.9.8 client
// with a fixed endpoint (docs/real-clients.md §2.1).
func start(t *testing.T, opts ...fake.Option) env {
	t.Helper()
	sc := scenario.New()
	srv := fake.NewTest(t, append([]fake.Option{fake.WithDelays(fake.RealisticDelays), fake.WithScenario(sc)}, opts...)...)
	return env{srv: srv, journal: sc, sc: client(srv, srv.Tenant())}
}

// client returns a v0.9.8 service client for tenant tn of srv.
func client(srv *fake.Server, tn fake.Tenant) *golangsdk.ServiceClient {
	pc := &golangsdk.ProviderClient{TokenID: tn.Token, ProjectID: tn.ProjectID, RegionID: fake.DefaultRegion}
	pc.HTTPClient = *srv.Client()
	return &golangsdk.ServiceClient{ProviderClient: pc, Endpoint: srv.ProjectURL(tn.ProjectID)}
}

// calls counts the journal's requests of operation op.
func (e env) calls(op string) int { return e.journal.Count(scenario.Query{Op: op}) }
