package conformance_test

import (
	"os"
	"testing"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// other is the second tenant of the in-process fake.
var other = fake.Tenant{DomainID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", ProjectID: "1b2c3d4e5f60718293a4b5c6d7e8f90a", Token: "conformance-other"}

// TestFake runs the suite against the fake on a loopback socket, with the
// realistic 1-minute transitions on a mock clock the suite advances.
func TestFake(t *testing.T) {
	mock := clock.NewMock()
	srv := fake.NewServer(fake.WithClock(mock), fake.WithDelays(fake.RealisticDelays), fake.WithTenants(other))
	t.Cleanup(srv.Close)
	otherTenant := tenant(other)
	conformance.Run(t, conformance.Target{
		BaseURL: srv.URL,
		Tenant:  tenant(srv.Tenant()),
		Other:   &otherTenant,
		Advance: mock.Add,
	})
}

// TestFakeOneTenantRealTime runs the suite the way it runs against the
// real cloud: no Advance (waits poll in real time) and no second tenant
// (those cases skip). The fake's default zero delays complete every
// transition at the next request, so no wait ever sleeps.
func TestFakeOneTenantRealTime(t *testing.T) {
	srv := fake.NewServer()
	t.Cleanup(srv.Close)
	conformance.Run(t, conformance.Target{BaseURL: srv.URL, Tenant: tenant(srv.Tenant())})
}

func tenant(t fake.Tenant) conformance.Tenant {
	return conformance.Tenant{ProjectID: t.ProjectID, Token: t.Token, DomainID: t.DomainID}
}

// TestRealCloud runs the suite against the cloud the VPCEP_* variables
// name (see the package documentation); it skips when they are unset.
func TestRealCloud(t *testing.T) {
	url := os.Getenv("VPCEP_CONFORMANCE_URL")
	if url == "" {
		t.Skip("VPCEP_CONFORMANCE_URL not set")
	}
	tg := conformance.Target{
		BaseURL: url,
		Tenant:  conformance.Tenant{ProjectID: os.Getenv("VPCEP_PROJECT_ID"), Token: os.Getenv("VPCEP_TOKEN"), DomainID: os.Getenv("VPCEP_DOMAIN_ID")},
		Network: conformance.Network{VpcID: os.Getenv("VPCEP_VPC_ID"), PortID: os.Getenv("VPCEP_PORT_ID"),
			SubnetID: os.Getenv("VPCEP_SUBNET_ID"), ServerType: os.Getenv("VPCEP_SERVER_TYPE")},
	}
	if p := os.Getenv("VPCEP_PROJECT_ID_2"); p != "" {
		tg.Other = &conformance.Tenant{ProjectID: p, Token: os.Getenv("VPCEP_TOKEN_2"), DomainID: os.Getenv("VPCEP_DOMAIN_ID_2")}
	}
	conformance.Run(t, tg)
}
