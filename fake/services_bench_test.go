package fake_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"sync"
	"testing"

	"github.com/google/uuid"

	"github.com/seed42eb3344/vpcepfake/fake"
)

func BenchmarkCreateService(b *testing.B) {
	c := newBenchClient(b, fake.New(unlimited))
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.do("POST", "vpc-endpoint-services", createServiceBody(i), 200)
	}
}

func BenchmarkGetService(b *testing.B) {
	c := newBenchClient(b, fake.New(unlimited))
	id := c.createServices(1)[0]
	b.ReportAllocs()
	for b.Loop() {
		c.do("GET", "vpc-endpoint-services/"+id, "", 200)
	}
}

// BenchmarkListServicesPage1000Of100k lists one page of 1,000 out of
// 100,000 services, the default order (created_at desc) and at the end of
// the list (offset 99,000).
func BenchmarkListServicesPage1000Of100k(b *testing.B) {
	c := newBenchClient(b, fake.New(unlimited))
	c.createServices(100_000)
	for _, q := range []string{"limit=1000", "limit=1000&offset=99000", "limit=1000&sort_key=updated_at"} {
		b.Run(q, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				c.do("GET", "vpc-endpoint-services?"+q, "", 200)
			}
		})
	}
}

func BenchmarkNewServer(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		fake.New()
	}
}

// naive is the baseline the speed goals are set against: decode JSON into
// a map, store it under a mutex, encode it back; no validation, no rules.
type naive struct {
	mu sync.Mutex
	m  map[string]map[string]any
}

func (n *naive) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method == http.MethodGet {
		n.mu.Lock()
		v := n.m[r.URL.Path[strings.LastIndexByte(r.URL.Path, '/')+1:]]
		n.mu.Unlock()
		_ = json.NewEncoder(w).Encode(v)
		return
	}
	var v map[string]any
	_ = json.NewDecoder(r.Body).Decode(&v)
	id := uuid.NewString()
	v["id"] = id
	n.mu.Lock()
	n.m[id] = v
	n.mu.Unlock()
	w.Header().Set("Content-Type", "application/json")
	_ = json.NewEncoder(w).Encode(v)
}

// BenchmarkNaiveHandler measures the naive baseline through the same
// in-memory client, for a ratio in the same run.
func BenchmarkNaiveHandler(b *testing.B) {
	c := &benchClient{b: b, http: fake.ClientFor(&naive{m: map[string]map[string]any{}}), base: "http://naive/"}
	b.Run("create", func(b *testing.B) {
		c.b = b
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			c.do("POST", "services", createServiceBody(i), 200)
		}
	})
	var v struct{ ID string }
	_ = json.Unmarshal(c.do("POST", "services", createServiceBody(0), 200), &v)
	b.Run("get", func(b *testing.B) {
		c.b = b
		b.ReportAllocs()
		for b.Loop() {
			c.do("GET", "services/"+v.ID, "", 200)
		}
	})
}
