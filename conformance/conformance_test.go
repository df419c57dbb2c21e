package conformance_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// other is the second tenant of the in-process fake.
var other = fake.Tenant{DomainID: "0a1b2c3d4e5f60718293a4b5c6d7e8f9", ProjectID: "1b2c3d4e5f60718293a4b5c6d7e8f90a", Token: "conformance-other"}

// TestFake runs the suite against the fake on a loopback socket, with the
// realistic transitions (fake.RealisticDelays) on a mock clock the suite
// advances.
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

// otherTenant is tenant(t) for Target.Other.
func otherTenant(t fake.Tenant) *conformance.Tenant {
	c := tenant(t)
	return &c
}

// TestRealCloud runs the suite against the target the environment names
// (see the package documentation); it skips unless VPCEP_CONFORMANCE_URL
// or VPCEP_CONFORMANCE=1 is set. The report goes to
// VPCEP_CONFORMANCE_REPORT, by default vpcep-conformance-report.json and
// .md in the temporary directory.
func TestRealCloud(t *testing.T) {
	tg := envTarget(t)
	if tg.Report == "" {
		tg.Report = filepath.Join(os.TempDir(), "vpcep-conformance-report.json")
		tg.ReportMarkdown = filepath.Join(os.TempDir(), "vpcep-conformance-report.md")
	}
	t.Logf("report: %s and %s", tg.Report, tg.ReportMarkdown)
	conformance.Run(t, tg)
}

// TestSweep deletes what an earlier run against the same environment left
// behind, and nothing else (go test -run TestSweep ./conformance/).
func TestSweep(t *testing.T) {
	conformance.Sweep(t, envTarget(t))
}

// envTarget is the Target of the environment; it skips the test when the
// environment asks for no run.
func envTarget(t *testing.T) conformance.Target {
	if !conformance.Enabled(os.Getenv) {
		t.Skip("VPCEP_CONFORMANCE_URL (or VPCEP_CONFORMANCE=1) not set")
	}
	tg, err := conformance.FromEnv(context.Background(), os.Getenv)
	require.NoError(t, err)
	return tg
}
