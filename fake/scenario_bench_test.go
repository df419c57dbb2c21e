package fake_test

import (
	"io"
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
			srv := fake.NewTest(b, bc.opts...)
			c := srv.Client()
			req, err := http.NewRequest(http.MethodGet, srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services", nil)
			if err != nil {
				b.Fatal(err)
			}
			req.Header.Set("X-Auth-Token", fake.DefaultToken)
			b.ReportAllocs()
			for b.Loop() {
				resp, err := c.Do(req)
				if err != nil {
					b.Fatal(err)
				}
				_, _ = io.Copy(io.Discard, resp.Body)
				resp.Body.Close()
			}
		})
	}
}
