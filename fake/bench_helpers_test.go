package fake_test

import (
	"testing"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// benchBatch is how many endpoints a benchmark creates on one server
// before it starts a fresh one, so state (and address search) stays
// bounded however large b.N grows.
const benchBatch = 1000

// benchFixture is a fresh in-memory server with an available service of
// the default tenant, ready for endpoint benchmarks.
type benchFixture struct {
	c   *client
	svc string
}

// newBenchFixture builds a fixture with the timer stopped; approval sets
// the service's approval_enabled.
func newBenchFixture(b *testing.B, approval bool) benchFixture {
	b.Helper()
	b.StopTimer()
	defer b.StartTimer()
	srv := fake.New(fake.WithQuotas(fake.Quotas{Services: 20, Endpoints: benchBatch + 1}))
	c := newClient(b, srv, fake.DefaultTenant)
	return benchFixture{c: c, svc: c.createService(approval).ID}
}

// must sends a request and fails the benchmark unless it answers want.
func (f benchFixture) must(b *testing.B, method, path string, body any, want int) {
	if status, raw := f.c.do(method, path, body); status != want {
		b.Fatalf("%s %s: %d %s", method, path, status, raw)
	}
}

// actionPath is the service's connections/action path.
func (f benchFixture) actionPath() string {
	return "/vpc-endpoint-services/" + f.svc + "/connections/action"
}
