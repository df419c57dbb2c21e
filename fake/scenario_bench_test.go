package fake_test

import (
	"net/http"
	"testing"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// BenchmarkScenarioOverhead measures a list request without a scenario and
// with an empty one (decision + journal entry).
func BenchmarkScenarioOverhead(b *testing.B) {
	for _, bc := range []struct {
		name string
		opts []fake.Option
	}{
		{"none", nil},
		{"empty", []fake.Option{fake.WithScenario(scenario.New())}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			c := newBenchClient(b, fake.NewTest(b, bc.opts...))
			b.ReportAllocs()
			for b.Loop() {
				c.do(http.MethodGet, "vpc-endpoint-services", "", http.StatusOK)
			}
		})
	}
}
