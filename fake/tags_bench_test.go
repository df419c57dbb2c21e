package fake_test

import (
	"fmt"
	"net/http"
	"testing"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// BenchmarkListResourceInstances queries 10,000 tagged services over HTTP:
// a filter that matches half of them (one full page of 1000 encoded) and a
// count over the same filter.
func BenchmarkListResourceInstances(b *testing.B) {
	const n = 10000
	c := serverClient(b, fake.WithQuotas(fake.Quotas{Services: n, Endpoints: 1}))
	for i := range n {
		c.createTagged(fmt.Sprintf("s%d", i), "env", []string{"prod", "dev"}[i%2], "team", fmt.Sprintf("t%d", i%10),
			"owner", "me")
	}
	query := func(action string) map[string]any {
		return map[string]any{"action": action,
			"tags":         filters("env", "prod", nil, "owner"),
			"not_tags_any": filters("team", "t9"),
			"matches":      []map[string]string{{"key": "resource_name", "value": "S"}}}
	}
	for _, action := range []string{"filter", "count"} {
		b.Run(action, func(b *testing.B) {
			c := c.with(b)
			body := query(action)
			b.ReportAllocs()
			b.ResetTimer()
			for range b.N {
				c.ok(http.MethodPost, queryPath, body, http.StatusOK, nil)
			}
		})
	}
}
