package scenario_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// BenchmarkDecide measures the scenario's decision for a get of one
// service with no rules and with 100 and 1000 rules that cannot match it (keyed on
// other operations, other path templates, another header value): the
// part of a request's cost that grows with the rules.
func BenchmarkDecide(b *testing.B) {
	others := []string{"ListEndpointService", "CreateEndpoint", "DeleteEndpoint", "ListEndpoints", "UpdateEndpointService"}
	paths := []string{"/v1/{p}/vpc-endpoints/{id}", "/v1/{p}/vpc-endpoint-services/{id}/connections", "/v1/{p}/quotas"}
	var rules []scenario.Rule
	for i := range 1000 {
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
	req := &scenario.Request{Op: scenario.OpListServiceDetails, Method: http.MethodGet, Path: "/v1/p/vpc-endpoint-services/x",
		Template: "/v1/{project_id}/vpc-endpoint-services/{id}", Project: "p", Resource: "x",
		Header: http.Header{"X-Auth-Token": {"t"}}, Time: time.Unix(0, 0)}
	for _, n := range []int{0, 100, 1000} {
		b.Run(fmt.Sprintf("rules=%d", n), func(b *testing.B) {
			scn := scenario.New()
			if err := scn.Add(rules[:n]...); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if out := scn.Decide(req); out.Rule != "" {
					b.Fatal(out.Rule)
				}
			}
		})
	}
}
