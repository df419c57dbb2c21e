package fake_test

import (
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/seed42eb3344/vpcepfake/fake"
)

var scalingMillion = flag.Bool("scaling.million", false, "BenchmarkScaling: also measure N = 1,000,000")

// scalingSamples is how many calls each cell's median is taken over.
const scalingSamples = 201

// BenchmarkScaling prints, as a Markdown table, the median cost of one
// call of every list, filter, sort, describe, tag query and delete path
// with N = 1k, 10k and 100k services stored in one project (and N
// endpoints on one service for the connections row); -scaling.million
// adds N = 1M. Create and get are measured both through srv.Client() and
// through ServeHTTP with a reused response writer (the fake's own share).
// The table is one run: b.N is ignored.
//
//	go test -run '^$' -bench Scaling -benchtime 1x ./fake/ [-scaling.million]
func BenchmarkScaling(b *testing.B) {
	ns := []int{1000, 10000, 100000}
	if *scalingMillion {
		ns = append(ns, 1000000)
	}
	var rows []string
	cells := map[string][]string{}
	for _, n := range ns {
		for _, r := range measureScaling(b, n) {
			if _, ok := cells[r.name]; !ok {
				rows = append(rows, r.name)
			}
			cells[r.name] = append(cells[r.name], r.value)
		}
		runtime.GC()
	}
	for b.Loop() {
	}
	out := io.Writer(os.Stdout)
	fmt.Fprint(out, "\n| operation |")
	for _, n := range ns {
		fmt.Fprintf(out, " N = %s |", count(n))
	}
	fmt.Fprint(out, "\n|---|"+strings.Repeat("---|", len(ns))+"\n")
	for _, r := range rows {
		fmt.Fprintf(out, "| %s | %s |\n", r, strings.Join(cells[r], " | "))
	}
}

func count(n int) string {
	switch {
	case n >= 1000000:
		return fmt.Sprintf("%dM", n/1000000)
	case n >= 1000:
		return fmt.Sprintf("%dk", n/1000)
	}
	return fmt.Sprint(n)
}

type scalingRow struct{ name, value string }

// measureScaling fills a fresh server with n services (and n endpoints on
// one of them) and measures every row.
func measureScaling(b *testing.B, n int) []scalingRow {
	w := newScaleWorld(b)
	before := heapInUse()
	var needle, needleName, conns string
	for i := range n {
		name := "bench"
		if i == n/2 {
			name = "needle"
		}
		var v struct {
			ID          string `json:"id"`
			ServiceName string `json:"service_name"`
		}
		w.mustJSON(http.MethodPost, "vpc-endpoint-services", scaleServiceBody(i, name), &v)
		conns = v.ID
		if i == n/2 {
			needle, needleName = v.ID, v.ServiceName
		}
	}
	w.serve(http.MethodGet, "vpc-endpoint-services?limit=1", "") // settles every creation
	perService := (heapInUse() - before) / uint64(n)
	for i := range n {
		w.mustJSON(http.MethodPost, "vpc-endpoints", fmt.Sprintf(`{"endpoint_service_id":%q,"vpc_id":%q,"subnet_id":"5e6f7a8b-9c0d-4e1f-8a2b-%012d"}`,
			conns, scaleVPC, i/50000), nil)
	}
	w.serve(http.MethodGet, "vpc-endpoints?limit=1", "")

	var rows []scalingRow
	add := func(name string, d time.Duration) { rows = append(rows, scalingRow{name, fmtDuration(d)}) }
	get := func(path string) func() { return func() { w.must(http.MethodGet, path, "", http.StatusOK) } }
	add("list, `sort_key=updated_at`, limit=10", w.median(get("vpc-endpoint-services?sort_key=updated_at&limit=10")))
	add("list, `id=` filter", w.median(get("vpc-endpoint-services?id="+needle)))
	fuzzy := w.median(get("vpc-endpoint-services?endpoint_service_name=NEEDLE"))
	add("list, `endpoint_service_name` filter (fuzzy)", fuzzy)
	rows = append(rows, scalingRow{"… per stored service", fmt.Sprintf("%.1f ns", float64(fuzzy.Nanoseconds())/float64(n))})
	add("list, `status=` filter, limit=10", w.median(get("vpc-endpoint-services?status=available&limit=10")))
	add("describe by `endpoint_service_name`", w.median(get("vpc-endpoint-services/describe?endpoint_service_name="+needleName)))
	tagQuery := `{"action":"filter","limit":"10","tags":[{"key":"env","values":["bench"]}]}`
	add("tag query (filter, limit=10)", w.median(func() {
		w.must(http.MethodPost, "endpoint_service/resource_instances/action", tagQuery, http.StatusOK)
	}))
	add("project tags", w.median(get("endpoint_service/tags")))
	add("list connections, unfiltered, limit=10 (N endpoints on one service)", w.median(get("vpc-endpoint-services/"+conns+"/connections?limit=10")))
	add("delete the oldest service", w.median(func() {
		var oldest struct {
			Services []struct{ ID string } `json:"endpoint_services"`
		}
		w.mustJSON(http.MethodGet, "vpc-endpoint-services?sort_dir=asc&limit=1&status=available", "", &oldest)
		w.must(http.MethodDelete, "vpc-endpoint-services/"+oldest.Services[0].ID, "", http.StatusNoContent)
	}))
	i := n
	add("create service, ServeHTTP", w.median(func() {
		w.must(http.MethodPost, "vpc-endpoint-services", scaleServiceBody(i, "bench"), http.StatusOK)
		i++
	}))
	add("get service, ServeHTTP", w.median(get("vpc-endpoint-services/"+needle)))
	add("create service, srv.Client()", w.median(func() {
		w.client(http.MethodPost, "vpc-endpoint-services", scaleServiceBody(i, "bench"), http.StatusOK)
		i++
	}))
	add("get service, srv.Client()", w.median(func() { w.client(http.MethodGet, "vpc-endpoint-services/"+needle, "", http.StatusOK) }))
	rows = append(rows, scalingRow{"heap per service (with its indexes)", fmt.Sprintf("%d B", perService)})
	return rows
}

const scaleVPC = "1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a"

// scaleServiceBody is a create body whose port mapping differs per i.
func scaleServiceBody(i int, name string) string {
	return fmt.Sprintf(`{"port_id":"0b5d6c4e-3f1a-4e2b-9c8d-%012d","vpc_id":%q,"server_type":"LB","service_name":%q,`+
		`"approval_enabled":false,"ports":[{"client_port":80,"server_port":%d,"protocol":"TCP"}],"tags":[{"key":"env","value":"bench"}]}`,
		i/65535, scaleVPC, name, 1+i%65535)
}

func heapInUse() uint64 {
	runtime.GC()
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return m.HeapAlloc
}

func fmtDuration(d time.Duration) string {
	if d >= time.Millisecond {
		return fmt.Sprintf("%.2f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f µs", float64(d)/float64(time.Microsecond))
}

// scaleWorld calls one server as its default tenant, through ServeHTTP
// with a reused response writer or through srv.Client().
type scaleWorld struct {
	b    *testing.B
	srv  *fake.Server
	base string
	hc   *http.Client
	rec  *scaleRecorder
	took time.Duration // of the last call, without building its request
}

func newScaleWorld(b *testing.B) *scaleWorld {
	srv := fake.New(fake.WithQuotas(fake.Quotas{Services: 1 << 30, Endpoints: 1 << 30}))
	return &scaleWorld{b: b, srv: srv, base: srv.ProjectURL(srv.Tenant().ProjectID), hc: srv.Client(),
		rec: &scaleRecorder{h: http.Header{}}}
}

func (w *scaleWorld) request(method, path, body string) *http.Request {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r, err := http.NewRequest(method, w.base+path, rd)
	if err != nil {
		w.b.Fatal(err)
	}
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("X-Auth-Token", w.srv.Tenant().Token)
	return r
}

// serve sends one request through ServeHTTP.
func (w *scaleWorld) serve(method, path, body string) (int, []byte) {
	r := w.request(method, path, body)
	w.rec.reset()
	start := time.Now()
	w.srv.ServeHTTP(w.rec, r)
	w.took = time.Since(start)
	return w.rec.status, w.rec.body
}

func (w *scaleWorld) must(method, path, body string, want int) {
	if status, raw := w.serve(method, path, body); status != want {
		w.b.Fatalf("%s %s: %d %s", method, path, status, raw)
	}
}

func (w *scaleWorld) mustJSON(method, path, body string, v any) {
	status, raw := w.serve(method, path, body)
	if status != http.StatusOK {
		w.b.Fatalf("%s %s: %d %s", method, path, status, raw)
	}
	if v != nil {
		if err := json.Unmarshal(raw, v); err != nil {
			w.b.Fatal(err)
		}
	}
}

// client sends one request through srv.Client().
func (w *scaleWorld) client(method, path, body string, want int) {
	r := w.request(method, path, body)
	start := time.Now()
	res, err := w.hc.Do(r)
	if err != nil {
		w.b.Fatal(err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	_ = res.Body.Close()
	w.took = time.Since(start)
	if res.StatusCode != want {
		w.b.Fatalf("%s %s: %d", method, path, res.StatusCode)
	}
}

// median makes call, which sends one request, scalingSamples times and
// returns the median time a request took. It starts after a full garbage
// collection, so that no collection of the filling is still running (its
// assists would be charged to the first rows).
func (w *scaleWorld) median(call func()) time.Duration {
	runtime.GC()
	ds := make([]time.Duration, scalingSamples)
	for i := range ds {
		call()
		ds[i] = w.took
	}
	slices.Sort(ds)
	return ds[len(ds)/2]
}

// scaleRecorder is a reusable http.ResponseWriter.
type scaleRecorder struct {
	h      http.Header
	status int
	body   []byte
}

func (r *scaleRecorder) reset() {
	clear(r.h)
	r.status, r.body = 0, r.body[:0]
}

func (r *scaleRecorder) Header() http.Header { return r.h }

func (r *scaleRecorder) WriteHeader(status int) { r.status = status }

func (r *scaleRecorder) Write(p []byte) (int, error) {
	if r.status == 0 {
		r.status = http.StatusOK
	}
	r.body = append(r.body, p...)
	return len(p), nil
}

// BenchmarkServeHTTPCreateService is the fake's own share of a create:
// ServeHTTP with a reused response writer and a reused request whose body
// is reset, no client. Bodies are built outside the timer, 4096 at a time.
func BenchmarkServeHTTPCreateService(b *testing.B) {
	w := newScaleWorld(b)
	r := w.request(http.MethodPost, "vpc-endpoint-services", "{}")
	var bodies [4096]strings.Reader
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		if i%len(bodies) == 0 {
			b.StopTimer()
			for j := range bodies {
				bodies[j].Reset(scaleServiceBody(i+j, "bench"))
			}
			b.StartTimer()
		}
		body := &bodies[i%len(bodies)]
		r.Body, r.ContentLength = io.NopCloser(body), body.Size()
		w.rec.reset()
		w.srv.ServeHTTP(w.rec, r)
		if w.rec.status != http.StatusOK {
			b.Fatalf("%d %s", w.rec.status, w.rec.body)
		}
	}
}

// BenchmarkServeHTTPGetService is the fake's own share of a get.
func BenchmarkServeHTTPGetService(b *testing.B) {
	w := newScaleWorld(b)
	var v struct{ ID string }
	w.mustJSON(http.MethodPost, "vpc-endpoint-services", scaleServiceBody(0, "bench"), &v)
	r := w.request(http.MethodGet, "vpc-endpoint-services/"+v.ID, "")
	b.ReportAllocs()
	for b.Loop() {
		w.rec.reset()
		w.srv.ServeHTTP(w.rec, r)
		if w.rec.status != http.StatusOK {
			b.Fatalf("%d %s", w.rec.status, w.rec.body)
		}
	}
}
