// Command rss measures the resident memory of the standalone vpcepfake
// binary over many requests (BENCHMARKS.md, "Memory of the standalone
// server"). It starts the binary on a free 127.0.0.1 port, drives it with
// keep-alive clients (listing services, creating services until the quota
// refuses, unauthenticated calls and, every hundredth request, an
// unroutable 60 KB path), and prints the VmRSS of the process every tenth
// of the run as a Markdown table.
//
//	go build -o /tmp/vpcepfake ./cmd/vpcepfake
//	go run ./bench/rss -bin /tmp/vpcepfake -n 1000000
//
// Bounded: -n requests and a -budget of wall time; only 127.0.0.1 is
// contacted. Not run by CI.
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// The default tenant of the binary (fake.DefaultProjectID, DefaultToken).
const (
	project = "5f2ad3b3b7d24a8e9c9e0f1a2b3c4d5e"
	token   = "vpcepfake-token"
)

func main() {
	bin := flag.String("bin", "", "the vpcepfake binary")
	n := flag.Int("n", 1_000_000, "requests to send")
	workers := flag.Int("c", 8, "concurrent keep-alive clients")
	budget := flag.Duration("budget", 15*time.Minute, "wall time at most")
	args := flag.String("args", "", "extra flags for the binary, space separated")
	flag.Parse()
	if err := run(*bin, *n, *workers, *budget, strings.Fields(*args)); err != nil {
		fmt.Fprintln(os.Stderr, "rss:", err)
		os.Exit(1)
	}
}

func run(bin string, n, workers int, budget time.Duration, extra []string) error {
	if bin == "" {
		return errors.New("-bin is required")
	}
	ctx, cancel := context.WithTimeout(context.Background(), budget)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, append([]string{"-addr", "127.0.0.1:0"}, extra...)...)
	out, err := cmd.StdoutPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	lines := bufio.NewScanner(out)
	if !lines.Scan() {
		return errors.New("no output from the binary")
	}
	base, ok := strings.CutPrefix(lines.Text(), "vpcepfake listening on ")
	if !ok || !strings.HasPrefix(base, "http://127.0.0.1:") {
		return fmt.Errorf("unexpected first line %q", lines.Text())
	}
	go func() { _, _ = io.Copy(io.Discard, out) }()

	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}, Timeout: time.Minute}
	longPath := "/v1/" + strings.Repeat("x", 60<<10)
	var next, failed atomic.Int64
	send := func(i int64) {
		var req *http.Request
		switch {
		case i%100 == 0:
			req, _ = http.NewRequestWithContext(ctx, "GET", base+longPath, nil)
		case i%10 == 1:
			req, _ = http.NewRequestWithContext(ctx, "GET", base+"/v1/"+project+"/vpc-endpoint-services", nil)
		case i%10 == 2:
			req, _ = http.NewRequestWithContext(ctx, "POST", base+"/v1/"+project+"/vpc-endpoint-services",
				strings.NewReader(`{"port_id":"`+portID(i)+`","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a","server_type":"VM","ports":[{"client_port":80,"server_port":8080}]}`))
			req.Header.Set("Content-Type", "application/json")
			req.Header.Set("X-Auth-Token", token)
		default:
			req, _ = http.NewRequestWithContext(ctx, "GET", base+"/v1/"+project+"/vpc-endpoint-services?limit=5", nil)
			req.Header.Set("X-Auth-Token", token)
		}
		resp, err := client.Do(req)
		if err != nil {
			failed.Add(1)
			return
		}
		_, _ = io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
	}

	fmt.Printf("| requests | VmRSS (MiB) | growth (MiB) |\n|---:|---:|---:|\n")
	step := int64(n / 10)
	start := time.Now()
	var first float64
	for done := int64(0); done <= int64(n); done += step {
		rss, err := vmRSS(cmd.Process.Pid)
		if err != nil {
			return err
		}
		if done == 0 {
			first = rss
		}
		fmt.Printf("| %s | %.1f | %+.1f |\n", strconv.FormatInt(done, 10), rss, rss-first)
		if done == int64(n) {
			break
		}
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := next.Add(1); i <= done+step && ctx.Err() == nil; i = next.Add(1) {
					send(i)
				}
			})
		}
		wg.Wait()
		next.Store(done + step)
		if ctx.Err() != nil {
			return fmt.Errorf("budget of %s spent after %d requests", budget, done)
		}
	}
	fmt.Printf("\n%d requests in %s (%d transport errors)\n", n, time.Since(start).Round(time.Second), failed.Load())
	return nil
}

// portID is a distinct backend port id per request number.
func portID(i int64) string { return fmt.Sprintf("0b5d6c4e-3f1a-4e2b-9c8d-%012d", i) }

// vmRSS reads the resident set of process pid, in MiB.
func vmRSS(pid int) (float64, error) {
	raw, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	for _, line := range strings.Split(string(raw), "\n") {
		if v, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(v), " kB"))
			return float64(kb) / 1024, err
		}
	}
	return 0, errors.New("no VmRSS")
}
