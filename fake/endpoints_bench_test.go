package fake_test

import (
	"net/http"
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

// BenchmarkCreateEndpoint measures POST /vpc-endpoints through the
// in-memory client: decoding, every create rule, storing, scheduling.
func BenchmarkCreateEndpoint(b *testing.B) {
	b.ReportAllocs()
	var f benchFixture
	body := map[string]any{}
	for i := 0; i < b.N; i++ {
		if i%benchBatch == 0 {
			f = newBenchFixture(b, false)
			body = endpointBody(f.svc)
		}
		f.must(b, http.MethodPost, "/vpc-endpoints", body, http.StatusOK)
	}
}

// BenchmarkAcceptConnection measures POST .../connections/action: each
// iteration moves one endpoint between accepted and rejected, with the
// zero-delay transition settled inside the request.
func BenchmarkAcceptConnection(b *testing.B) {
	b.ReportAllocs()
	f := newBenchFixture(b, true)
	b.StopTimer()
	ep := f.c.createEndpoint(endpointBody(f.svc))
	f.c.getEndpoint(ep.ID)
	receive := map[string]any{"action": "receive", "endpoints": []string{ep.ID}}
	reject := map[string]any{"action": "reject", "endpoints": []string{ep.ID}}
	b.StartTimer()
	for i := 0; i < b.N; i++ {
		body := receive
		if i%2 == 1 {
			body = reject
		}
		f.must(b, http.MethodPost, f.actionPath(), body, http.StatusOK)
	}
}
