package fake_test

import (
	"encoding/json"
	"runtime"
	"syscall"
	"testing"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// BenchmarkLifecycle runs the whole asynchronous story on a mock clock with
// one-minute steps: new server, service create → available, endpoint
// create → pendingAcceptance, accept, endpoint delete → gone, service
// delete → gone. Fifteen requests and four clock moves per iteration.
// benbjohnson/clock's Mock.Add sleeps 1 ms to let timer goroutines run, so
// wall time is mostly those sleeps; cpu-µs/op is what the fake costs.
func BenchmarkLifecycle(b *testing.B) {
	b.ReportAllocs()
	start := cpuTime()
	for b.Loop() {
		mock := clock.NewMock()
		c := newBenchClient(b, fake.New(fake.WithClock(mock), fake.WithDelays(fake.RealisticDelays)))
		id := c.createServices(1)[0]
		mock.Add(time.Minute)
		c.do("GET", "vpc-endpoint-services/"+id, "", 200)
		var ep struct{ ID string }
		_ = json.Unmarshal(c.do("POST", "vpc-endpoints", `{"endpoint_service_id":"`+id+`",`+
			`"vpc_id":"0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01","subnet_id":"1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c02"}`, 200), &ep)
		mock.Add(time.Minute)
		c.do("GET", "vpc-endpoints/"+ep.ID, "", 200)
		c.do("POST", "vpc-endpoint-services/"+id+"/connections/action", `{"action":"receive","endpoints":["`+ep.ID+`"]}`, 200)
		c.do("GET", "vpc-endpoints/"+ep.ID, "", 200)
		c.do("DELETE", "vpc-endpoint-services/"+id, "", 400) // refused: an accepted endpoint
		c.do("DELETE", "vpc-endpoints/"+ep.ID, "", 204)
		mock.Add(time.Minute)
		c.do("GET", "vpc-endpoints/"+ep.ID, "", 404)
		c.do("DELETE", "vpc-endpoint-services/"+id, "", 204)
		c.do("GET", "vpc-endpoint-services/"+id, "", 200)
		mock.Add(time.Minute)
		c.do("GET", "vpc-endpoint-services/"+id, "", 404)
		c.do("GET", "quotas", "", 200)
	}
	b.ReportMetric(float64((cpuTime()-start).Microseconds())/float64(b.N), "cpu-µs/op")
}

// cpuTime is the CPU time the process has used, user and system.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	_ = syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkMemoryPer100k reports the heap each stored service and endpoint
// takes, measured over 100,000 of them (run with -benchtime 1x).
func BenchmarkMemoryPer100k(b *testing.B) {
	const n = 100_000
	heap := func() uint64 {
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		return m.HeapAlloc
	}
	b.Run("service", func(b *testing.B) {
		for b.Loop() {
			srv := fake.New(unlimited)
			before := heap()
			newBenchClient(b, srv).createServices(n)
			b.ReportMetric(float64(heap()-before)/n, "B/service")
			runtime.KeepAlive(srv)
		}
	})
	// 100,000 endpoints need a subnet larger than the lenient default.
	network := fake.WithNetwork(fake.Network{
		VPCs: []fake.VPC{
			{ID: "1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a", CIDR: "10.0.0.0/8"},
			{ID: "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01", CIDR: "10.0.0.0/8"},
		},
		Subnets: []fake.Subnet{{ID: "1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c02", VpcID: "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01", CIDR: "10.0.0.0/12"}},
		Ports:   []fake.Port{{ID: "0b5d6c4e-3f1a-4e2b-9c8d-000000000000", VpcID: "1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a"}},
	})
	b.Run("endpoint", func(b *testing.B) {
		for b.Loop() {
			srv := fake.New(unlimited, network)
			c := newBenchClient(b, srv)
			id := c.createServices(1)[0]
			c.do("GET", "vpc-endpoint-services/"+id, "", 200)
			body := `{"endpoint_service_id":"` + id + `","vpc_id":"0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01",` +
				`"subnet_id":"1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c02"}`
			before := heap()
			for range n {
				c.do("POST", "vpc-endpoints", body, 200)
			}
			b.ReportMetric(float64(heap()-before)/n, "B/endpoint")
			runtime.KeepAlive(srv)
		}
	})
}
