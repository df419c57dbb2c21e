package fake_test

import (
	"net/http"
	"testing"
)

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
