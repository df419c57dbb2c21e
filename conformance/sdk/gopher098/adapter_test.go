package gopher098

import (
	"testing"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestConformanceThroughSDK runs the conformance suite with its flows
// going through v0.9.8 (the table cases stay raw HTTP), on a mock clock
// the suite advances.
func TestConformanceThroughSDK(t *testing.T) {
	mock := clock.NewMock()
	other := fake.Tenant{DomainID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", ProjectID: "1b2c3d4e5f60718293a4b5c6d7e8f90a", Token: "gopher098-other"}
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithDelays(fake.RealisticDelays), fake.WithTenants(other))
	tenants := map[string]fake.Tenant{srv.Tenant().ProjectID: srv.Tenant(), other.ProjectID: other}
	conv := func(tn fake.Tenant) conformance.Tenant {
		return conformance.Tenant{ProjectID: tn.ProjectID, Token: tn.Token, DomainID: tn.DomainID}
	}
	conformance.Run(t, conformance.Target{
		BaseURL: srv.URL, HTTPClient: srv.Client(), Tenant: conv(srv.Tenant()), Other: ptr(conv(other)), Advance: mock.Add,
		NewClient: func(tn conformance.Tenant) conformance.Client {
			return NewAdapter(client(srv, tenants[tn.ProjectID]), conformance.NewHTTPClient(srv.URL, tn, srv.Client()))
		},
	})
}
