package fake_test

import (
	"fmt"
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

// BenchmarkScenarioRules measures a get of one service under a scenario
// with no rules and with 100 rules that cannot match it: a third keyed on
// other operations, a third on other path templates, a third on a header
// value the request does not carry (issue 12: ≤ 10 % more).
func BenchmarkScenarioRules(b *testing.B) {
	others := []string{"ListEndpointService", "CreateEndpoint", "DeleteEndpoint", "ListEndpoints", "UpdateEndpointService"}
	paths := []string{"/v1/{p}/vpc-endpoints/{id}", "/v1/{p}/vpc-endpoint-services/{id}/connections", "/v1/{p}/quotas"}
	var rules []scenario.Rule
	for i := range 100 {
		r := scenario.Rule{Effect: scenario.Fail("EndPoint.0001")}
		switch i % 3 {
		case 0:
			r.Match.Op = others[i%len(others)]
		case 1:
			r.Match.Method, r.Match.Path = http.MethodGet, paths[i%len(paths)]
		default:
			r.Match.Header = map[string]string{"X-Bench": fmt.Sprint("v", i)}
		}
		rules = append(rules, r)
	}
	for _, n := range []int{0, 100} {
		b.Run(fmt.Sprintf("rules=%d", n), func(b *testing.B) {
			scn := scenario.New()
			if err := scn.Add(rules[:n]...); err != nil {
				b.Fatal(err)
			}
			c := newBenchClient(b, fake.New(fake.WithScenario(scn)))
			id := c.createServices(1)[0]
			b.ReportAllocs()
			for b.Loop() {
				c.do(http.MethodGet, "vpc-endpoint-services/"+id, "", http.StatusOK)
			}
		})
	}
}
