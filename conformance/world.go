package conformance

import (
	"context"
	"crypto/rand"
	"fmt"
	"math/big"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// world is one run's shared state: the target, the filled-in network ids
// and the fixtures every case may refer to.
type world struct {
	tg       Target
	net      Network
	nextSrv  atomic.Int64 // next unused server_port, so services on one port_id never clash
	service  map[string]any
	endpoint map[string]any
}

func newWorld(tg Target) *world {
	w := &world{tg: tg, net: tg.Network}
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

// shortName returns a fresh service name (at most 16 characters).
func shortName(prefix string) string {
	return prefix + strings.ReplaceAll(randomUUID()[:8], "-", "")
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

// serviceBody is a valid create body on the target's network.
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
	return b
}

// createService creates a service through c, registers its deletion with
// t and waits until it is available.
func (w *world) createService(t testing.TB, c Client, extra map[string]any) map[string]any {
	t.Helper()
	ctx := context.Background()
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
	ctx := context.Background()
	w.settleAndDelete(t, "service "+id, func() Result { return c.GetService(ctx, id) },
		func() Result { return c.DeleteService(ctx, id) })
}

// settleAndDelete is the suite's cleanup: it waits until the resource has
// left creating (which refuses deletion), deletes it (a resource already
// gone is fine) and waits until get answers 404. It runs in t.Cleanup, so
// a failure here still lets the other cleanups run.
func (w *world) settleAndDelete(t testing.TB, what string, get, del func() Result) {
	t.Helper()
	w.poll(t, what, get, func(r Result) bool { return r.Status != http.StatusOK || r.Body["status"] != "creating" })
	r := del()
	if r.Status != http.StatusNoContent && r.Status != http.StatusNotFound {
		t.Errorf("cleanup: delete %s: %s", what, describe(r))
		return
	}
	w.waitGone(t, what, get)
}

// createEndpoint creates an endpoint of serviceID through c, registers its
// deletion and waits until it leaves creating.
func (w *world) createEndpoint(t testing.TB, c Client, serviceID string, extra map[string]any) map[string]any {
	t.Helper()
	ctx := context.Background()
	body := map[string]any{"endpoint_service_id": serviceID, "vpc_id": w.net.VpcID, "subnet_id": w.net.SubnetID}
	for k, v := range extra {
		body[k] = v
	}
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
	ctx := context.Background()
	w.settleAndDelete(t, "endpoint "+id, func() Result { return c.GetEndpoint(ctx, id) },
		func() Result { return c.DeleteEndpoint(ctx, id) })
}

// poll calls get until done accepts its result: with Advance, moving the
// clock between polls; without, sleeping in real time. It fails t on a
// timeout and returns the last result.
func (w *world) poll(t testing.TB, what string, get func() Result, done func(Result) bool) Result {
	t.Helper()
	deadline := time.Now().Add(waitTimeout)
	for i := 0; ; i++ {
		r := get()
		if done(r) {
			return r
		}
		if w.tg.Advance != nil {
			if i*int(advanceStep/time.Second) > int(waitTimeout/time.Second) {
				t.Fatalf("%s: gave up after %v of target time: %s", what, waitTimeout, describe(r))
			}
			w.tg.Advance(advanceStep)
			continue
		}
		if time.Now().After(deadline) {
			t.Fatalf("%s: gave up after %v: %s", what, waitTimeout, describe(r))
		}
		time.Sleep(pollInterval)
	}
}

// waitStatus polls until the object's status is one of want; any error
// status ends the wait with a failure.
func (w *world) waitStatus(t testing.TB, what string, get func() Result, want ...string) map[string]any {
	t.Helper()
	r := w.poll(t, what, get, func(r Result) bool {
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
	r := w.poll(t, what, get, func(r Result) bool { return r.Status != http.StatusOK })
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
