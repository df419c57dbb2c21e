// Command compare is the vpcepfake side of the side-by-side benchmark with
// moto (bench/compare.sh). In -mode server (the default) it starts the
// fake as a child process on a loopback port, as moto_workload.py starts
// moto_server; in -mode inproc it calls a fake in its own process through
// srv.Client(), as moto_workload.py's inproc mode calls mock_aws. Either
// way it drives the closest analog of moto_workload.py's workload from one
// sequential client: create services up to each N, get by id, list all
// (paged by 1000, the API's maximum). It prints one JSON line in the shape
// of moto_workload.py's.
//
//	go run ./bench/compare -ns 100,1000,10000 [-mode inproc]
//
// Every loop is bounded by a count and a time budget; only 127.0.0.1 is
// contacted.
package main

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"os"
	"os/exec"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/google/uuid"

	"github.com/seed42eb3344/vpcepfake/fake"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "serve" {
		serve()
		return
	}
	if err := drive(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "compare:", err)
		os.Exit(1)
	}
}

// serve runs the fake on a free loopback port with room for the largest N
// and prints its URL; it stops when stdin closes.
func serve() {
	ctx, cancel := context.WithCancel(context.Background())
	go func() { _, _ = io.Copy(io.Discard, os.Stdin); cancel() }()
	srv := newFake()
	err := srv.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { fmt.Println("http://" + a.String()) })
	if err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(os.Stderr, "compare serve:", err)
		os.Exit(1)
	}
}

// newFake returns a fake with room for the largest N.
func newFake() *fake.Server {
	return fake.New(fake.WithQuotas(fake.Quotas{Services: 1 << 20, Endpoints: 1}))
}

// options bound the workload, with moto_workload.py's defaults.
type options struct {
	ns          []int
	gets, lists int
	minLists    int
	phaseBudget time.Duration
	budget      time.Duration
}

// phase is one checkpoint's figures, named as moto_workload.py names them.
type phase struct {
	N            int     `json:"n"`
	CreateOpsS   float64 `json:"create_ops_s"`
	GetOpsS      float64 `json:"get_ops_s"`
	GetCalls     int     `json:"get_calls"`
	ListOpsS     float64 `json:"list_ops_s"`
	ListMedianMs float64 `json:"list_median_ms"`
	ListItems    int     `json:"list_items"`
	ListCalls    int     `json:"list_calls"`
	ListPages    int     `json:"list_pages"`
}

// result is the JSON line compare prints.
type result struct {
	Impl            string   `json:"impl"`
	Mode            string   `json:"mode"`
	Phases          []phase  `json:"phases"`
	NMax            int      `json:"n_max"`
	ServerPeakRSSKi int      `json:"server_peak_rss_kib"`
	WallS           float64  `json:"wall_s"`
	Notes           []string `json:"notes,omitempty"`
}

func drive(args []string) error {
	fs := flag.NewFlagSet("compare", flag.ContinueOnError)
	ns := fs.String("ns", "100,1000,10000", "checkpoints: service counts")
	mode := fs.String("mode", "server", "server: a child process on 127.0.0.1; inproc: srv.Client() in this process")
	var o options
	fs.IntVar(&o.gets, "gets", 500, "max get calls per checkpoint")
	fs.IntVar(&o.lists, "lists", 10, "max list-all passes per checkpoint")
	fs.IntVar(&o.minLists, "min-lists", 3, "list-all passes made even past -phase-budget")
	fs.DurationVar(&o.phaseBudget, "phase-budget", 5*time.Second, "time cap per get/list phase")
	fs.DurationVar(&o.budget, "budget", 300*time.Second, "time cap for the create loop of the run")
	if err := fs.Parse(args); err != nil {
		return err
	}
	for _, s := range strings.Split(*ns, ",") {
		n, err := strconv.Atoi(s)
		if err != nil {
			return fmt.Errorf("-ns: %w", err)
		}
		o.ns = append(o.ns, n)
	}
	start := time.Now()
	var c *driver
	pid := os.Getpid()
	switch *mode {
	case "server":
		child, url, err := startServer()
		if err != nil {
			return err
		}
		defer func() { _ = child.stdin.Close(); _ = child.cmd.Wait() }()
		c = &driver{hc: &http.Client{Timeout: time.Minute}, base: url + "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"}
		pid = child.cmd.Process.Pid
	case "inproc":
		srv := newFake()
		defer srv.Close()
		c = &driver{hc: srv.Client(), base: srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"}
	default:
		return fmt.Errorf("-mode %q: want server or inproc", *mode)
	}
	res, err := c.run(o, start)
	if err != nil {
		return err
	}
	res.Mode = *mode
	res.ServerPeakRSSKi = peakRSS(pid)
	res.WallS = time.Since(start).Seconds()
	return json.NewEncoder(os.Stdout).Encode(res)
}

// child is the fake's server process.
type child struct {
	cmd   *exec.Cmd
	stdin io.WriteCloser
}

// startServer runs this program's serve mode and returns its URL.
func startServer() (*child, string, error) {
	self, err := os.Executable()
	if err != nil {
		return nil, "", err
	}
	cmd := exec.Command(self, "serve")
	cmd.Stderr = os.Stderr
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return nil, "", err
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, "", err
	}
	if err := cmd.Start(); err != nil {
		return nil, "", err
	}
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil {
		_ = cmd.Process.Kill()
		return nil, "", fmt.Errorf("server did not start: %w", err)
	}
	return &child{cmd: cmd, stdin: stdin}, strings.TrimSpace(line), nil
}

// peakRSS returns VmHWM of pid in KiB, 0 when unknown.
func peakRSS(pid int) int {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == "VmHWM:" {
			n, _ := strconv.Atoi(f[1])
			return n
		}
	}
	return 0
}

// driver is the sequential client.
type driver struct {
	hc   *http.Client
	base string
}

// call sends one request and decodes a 2xx answer into out.
func (d *driver) call(method, url string, body any, out any) error {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return err
	}
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	req.Header.Set("Content-Type", "application/json")
	resp, err := d.hc.Do(req)
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	if resp.StatusCode >= 300 {
		return fmt.Errorf("%s %s: %d %s", method, url, resp.StatusCode, raw)
	}
	return json.Unmarshal(raw, out)
}

// item is the part of a service the driver checks.
type item struct {
	ID string `json:"id"`
}

func (d *driver) create() (string, error) {
	var s item
	err := d.call(http.MethodPost, d.base, map[string]any{
		"port_id": uuid.NewString(), "vpc_id": uuid.NewString(), "server_type": "LB", "approval_enabled": true,
		"ports": []map[string]any{{"client_port": 80, "server_port": 8080}},
	}, &s)
	return s.ID, err
}

// listAll pages through every service and returns how many it saw and
// in how many pages.
func (d *driver) listAll() (items, pages int, err error) {
	for offset := 0; ; offset += 1000 {
		var l struct {
			Services []item `json:"endpoint_services"`
			Total    int    `json:"total_count"`
		}
		if err := d.call(http.MethodGet, d.base+"?limit=1000&offset="+strconv.Itoa(offset), nil, &l); err != nil {
			return items, pages, err
		}
		items, pages = items+len(l.Services), pages+1
		if len(l.Services) == 0 || items >= l.Total {
			return items, pages, nil
		}
	}
}

func (d *driver) run(o options, start time.Time) (result, error) {
	res := result{Impl: "vpcepfake"}
	rng := rand.New(rand.NewPCG(1, 1))
	var ids []string
	for _, n := range o.ns {
		ph := phase{N: n}
		t0 := time.Now()
		created := 0
		for len(ids) < n && time.Since(start) < o.budget {
			id, err := d.create()
			if err != nil {
				return res, err
			}
			ids, created = append(ids, id), created+1
		}
		if created > 0 {
			ph.CreateOpsS = float64(created) / time.Since(t0).Seconds()
		}
		if len(ids) < n {
			res.Notes = append(res.Notes, fmt.Sprintf("budget exhausted at %d of %d", len(ids), n))
			res.Phases = append(res.Phases, ph)
			break
		}
		t0 = time.Now()
		for ph.GetCalls < o.gets && (ph.GetCalls < 10 || time.Since(t0) < o.phaseBudget) {
			id := ids[rng.IntN(len(ids))]
			var s item
			if err := d.call(http.MethodGet, d.base+"/"+id, nil, &s); err != nil {
				return res, err
			}
			if s.ID != id {
				return res, fmt.Errorf("get %s returned %s", id, s.ID)
			}
			ph.GetCalls++
		}
		ph.GetOpsS = float64(ph.GetCalls) / time.Since(t0).Seconds()
		var lats []float64
		t0 = time.Now()
		for len(lats) < o.lists && (len(lats) < o.minLists || time.Since(t0) < o.phaseBudget) {
			t1 := time.Now()
			items, pages, err := d.listAll()
			if err != nil {
				return res, err
			}
			lats = append(lats, float64(time.Since(t1).Microseconds())/1000)
			ph.ListItems, ph.ListPages = items, pages
		}
		ph.ListCalls = len(lats)
		ph.ListOpsS = float64(len(lats)) / time.Since(t0).Seconds()
		slices.Sort(lats)
		ph.ListMedianMs = lats[len(lats)/2]
		res.Phases = append(res.Phases, ph)
		fmt.Fprintf(os.Stderr, "vpcepfake n=%d create %.0f/s get %.0f/s list-all %.2f ms\n", n, ph.CreateOpsS, ph.GetOpsS, ph.ListMedianMs)
	}
	res.NMax = len(ids)
	return res, nil
}
