package conformance

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

// world is one run's shared state: the target, the filled-in network ids,
// the fixtures every case may refer to and the report. ctx ends when the
// run is interrupted: checks then stop, deletions (which use their own
// context) still run.
type world struct {
	ctx      context.Context
	tg       Target
	net      Network
	runID    string       // the value of the marker tag
	nextSrv  atomic.Int64 // next unused server_port, so services on one port_id never clash
	service  map[string]any
	endpoint map[string]any
	report   *report
}

func newWorld(ctx context.Context, tg Target) *world {
	if tg.WaitTimeout <= 0 {
		tg.WaitTimeout = defaultWaitTimeout
	}
	if tg.PollInterval <= 0 {
		tg.PollInterval = defaultPollInterval
	}
	w := &world{ctx: ctx, tg: tg, net: tg.Network, runID: newRunID(), report: newReport(tg.BaseURL)}
	for _, id := range []*string{&w.net.VpcID, &w.net.PortID, &w.net.SubnetID} {
		if *id == "" {
			*id = randomUUID()
		}
	}
	if w.net.ServerType == "" {
		w.net.ServerType = "VM"
	}
	n, _ := rand.Int(rand.Reader, big.NewInt(40000))
	w.nextSrv.Store(20000 + n.Int64())
	return w
}

// randomUUID returns a fresh version-4 UUID, an id nothing has.
func randomUUID() string {
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	return fmt.Sprintf("%x-%x-%x-%x-%x", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16])
}

// serverPort returns a server port no other service of this run uses.
func (w *world) serverPort() int { return int(w.nextSrv.Add(1)) }

// caller returns the tenant for who, or false when the target has none.
func (w *world) caller(who Caller) (Tenant, bool) {
	switch who {
	case Anonymous:
		return Tenant{ProjectID: w.tg.Tenant.ProjectID}, true
	case BadToken:
		return Tenant{ProjectID: w.tg.Tenant.ProjectID, Token: "not-a-valid-token"}, true
	case Other:
		if w.tg.Other == nil {
			return Tenant{}, false
		}
		return *w.tg.Other, true
	}
	return w.tg.Tenant, true
}

// rawClient returns the raw HTTP client for tn.
func (w *world) rawClient(tn Tenant) *HTTPClient {
	return NewHTTPClient(w.tg.BaseURL, tn, w.tg.httpClient())
}

// serviceBody is a valid create body on the target's network, marked as
// the suite's (see mark).
func (w *world) serviceBody(extra map[string]any) map[string]any {
	b := map[string]any{
		"port_id":     w.net.PortID,
		"vpc_id":      w.net.VpcID,
		"server_type": w.net.ServerType,
		"ports":       []map[string]any{{"client_port": 80, "server_port": w.serverPort(), "protocol": "TCP"}},
	}
	for k, v := range extra {
		b[k] = v
	}
	w.mark(OpCreateService, b)
	return b
}

// createService creates a service through c, registers its deletion with
// t and waits until it is available.
func (w *world) createService(t testing.TB, c Client, extra map[string]any) map[string]any {
	t.Helper()
	ctx := w.ctx
	r := c.CreateService(ctx, w.serviceBody(extra))
	requireStatus(t, r, http.StatusOK, "create service")
	id, _ := r.Body["id"].(string)
	t.Cleanup(func() { w.deleteService(t, c, id) })
	return w.waitStatus(t, "service "+id, func() Result { return c.GetService(ctx, id) }, "available")
}

// deleteService deletes a service and waits until it is gone; see
// settleAndDelete.
func (w *world) deleteService(t testing.TB, c Client, id string) {
	t.Helper()
	ctx := context.WithoutCancel(w.ctx)
	w.settleAndDelete(t, "service "+id, func() Result { return c.GetService(ctx, id) },
		func() Result { return c.DeleteService(ctx, id) })
}

// settleAndDelete is the suite's cleanup: it waits until the resource has
// left creating (which refuses deletion), deletes it (a resource already
// gone is fine) and waits until get answers 404. It runs in t.Cleanup, so
// a failure here still lets the other cleanups run; it is not interrupted.
func (w *world) settleAndDelete(t testing.TB, what string, get, del func() Result) {
	t.Helper()
	ctx := context.WithoutCancel(w.ctx)
	w.poll(ctx, t, what, get, func(r Result) bool { return r.Status != http.StatusOK || r.Body["status"] != "creating" })
	r := del()
	if r.Status != http.StatusNoContent && r.Status != http.StatusNotFound {
		t.Errorf("cleanup: delete %s: %s", what, describe(r))
		return
	}
	w.waitGoneCtx(ctx, t, what, get)
}

// createEndpoint creates an endpoint of serviceID through c, registers its
// deletion and waits until it leaves creating.
func (w *world) createEndpoint(t testing.TB, c Client, serviceID string, extra map[string]any) map[string]any {
	t.Helper()
	ctx := w.ctx
	body := map[string]any{"endpoint_service_id": serviceID, "vpc_id": w.net.VpcID, "subnet_id": w.net.SubnetID}
	for k, v := range extra {
		body[k] = v
	}
	w.mark(OpCreateEndpoint, body)
	r := c.CreateEndpoint(ctx, body)
	requireStatus(t, r, http.StatusOK, "create endpoint")
	id, _ := r.Body["id"].(string)
	t.Cleanup(func() { w.deleteEndpoint(t, c, id) })
	return w.waitStatus(t, "endpoint "+id, func() Result { return c.GetEndpoint(ctx, id) },
		"accepted", "pendingAcceptance")
}

// deleteEndpoint deletes an endpoint and waits until it is gone.
func (w *world) deleteEndpoint(t testing.TB, c Client, id string) {
	t.Helper()
	ctx := context.WithoutCancel(w.ctx)
	w.settleAndDelete(t, "endpoint "+id, func() Result { return c.GetEndpoint(ctx, id) },
		func() Result { return c.DeleteEndpoint(ctx, id) })
}

// poll calls get until done accepts its result: with Advance, moving the
// clock between polls; without, waiting Target.PollInterval in real time.
// It fails t when ctx ends (an interrupt) or after Target.WaitTimeout, and
// returns the last result.
func (w *world) poll(ctx context.Context, t testing.TB, what string, get func() Result, done func(Result) bool) Result {
	t.Helper()
	timeout := w.tg.WaitTimeout
	deadline := time.NewTimer(timeout)
	defer deadline.Stop()
	for waited := time.Duration(0); ; {
		r := get()
		if ctx.Err() != nil {
			t.Fatalf("%s: interrupted while waiting: %s", what, describe(r))
		}
		if done(r) {
			return r
		}
		if w.tg.Advance != nil {
			if waited > timeout {
				t.Fatalf("%s: gave up after %v of target time: %s", what, timeout, describe(r))
			}
			w.tg.Advance(advanceStep)
			waited += advanceStep
			continue
		}
		tick := time.NewTimer(w.tg.PollInterval)
		select {
		case <-tick.C:
		case <-deadline.C:
			tick.Stop()
			t.Fatalf("%s: gave up after %v: %s", what, timeout, describe(r))
		case <-ctx.Done():
			tick.Stop()
			t.Fatalf("%s: interrupted while waiting: %s", what, describe(r))
		}
	}
}

// waitStatus polls until the object's status is one of want; any error
// status ends the wait with a failure.
func (w *world) waitStatus(t testing.TB, what string, get func() Result, want ...string) map[string]any {
	t.Helper()
	r := w.poll(w.ctx, t, what, get, func(r Result) bool {
		if r.Status != http.StatusOK {
			return true
		}
		s, _ := r.Body["status"].(string)
		return slices.Contains(want, s)
	})
	requireStatus(t, r, http.StatusOK, what)
	return r.Body
}

// waitGone polls until get answers 404.
func (w *world) waitGone(t testing.TB, what string, get func() Result) {
	t.Helper()
	w.waitGoneCtx(w.ctx, t, what, get)
}

func (w *world) waitGoneCtx(ctx context.Context, t testing.TB, what string, get func() Result) {
	t.Helper()
	r := w.poll(ctx, t, what, get, func(r Result) bool { return r.Status != http.StatusOK })
	if r.Status != http.StatusNotFound {
		t.Errorf("%s: want 404 once deleted, got %s", what, describe(r))
	}
}

// describe renders a result for failure messages.
func describe(r Result) string {
	if r.Err != nil {
		return "transport error: " + r.Err.Error()
	}
	return strconv.Itoa(r.Status) + " " + r.ErrorCode + " " + fmt.Sprint(r.Body)
}

// requireStatus stops t unless r has status want.
func requireStatus(t testing.TB, r Result, want int, what string) {
	t.Helper()
	if r.Err != nil || r.Status != want {
		t.Fatalf("%s: want %d, got %s", what, want, describe(r))
	}
}
