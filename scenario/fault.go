package scenario

import (
	"context"
	"net/http"
	"slices"
	"sync"
	"time"

	"github.com/benbjohnson/clock"
)

// Request is what the fake tells the scenario about a request before its
// operation runs.
type Request struct {
	Op       string // operation id, one of the Op constants
	Method   string
	Path     string
	Template string // e.g. "/v1/{project_id}/vpc-endpoint-services/{id}"
	Project  string // tenant project id of the path, "" outside /v1
	Resource string // last path parameter after the project, "" if none
	Header   http.Header
	Time     time.Time // clock time of arrival
	// Resources tells status triggers the status of a resource; nil when
	// the caller cannot tell (status triggers then never fire).
	Resources Resources

	bound bound // how Begin bound the request's operation
}

// Resources reports the current status of a service or endpoint by id,
// "" when there is none. The fake implements it without counting a read.
type Resources interface {
	StatusOf(id string) string
}

// Outcome is what the scenario decided for a request. The zero Outcome
// lets the request through untouched.
type Outcome struct {
	// Rule is the names of the rules that fired, joined by "+" (the
	// additive ones, latency and lag, then the one that decided), "" when
	// none did.
	Rule string
	// Latency is the total delay of the fired rules before the operation,
	// ResponseDelay the total delay of its answer after it.
	Latency       time.Duration
	ResponseDelay time.Duration
	// LagReads and LagFor hide what the operation creates from lists (the
	// largest of the fired rules).
	LagReads int
	LagFor   time.Duration
	// Status, Code and Message, when Code is set, are the error to answer
	// instead of running the operation; RetryAfter its header in seconds.
	Status     int
	Code       string
	Message    string
	RetryAfter int
	// Drop is DropBefore, DropAfter, DropReset or "".
	Drop string
	// Body is BodyTruncated, BodyMalformed or "".
	Body string
}

// Decide runs req through the rules, counting matches and firings, and
// returns what to do. The first rule that fires decides; a rule that only
// delays or hides (latency, response delay, list lag) adds its effect and
// the search goes on. Only the rules the index finds for req's operation,
// path template, headers and method are tried.
func (s *Scenario) Decide(req *Request) Outcome {
	v := view{req: req}
	if s.watching.Load() > 0 && req.Resources != nil {
		v.statuses = s.statuses(req)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	var out Outcome
	s.cand = s.index.candidates(&v, s.cand[:0])
	for _, r := range s.cand {
		if !r.match(&v) || !r.fires(req.Time, r.inState(&v)) {
			continue
		}
		e := r.Effect
		out.Latency += e.Latency
		out.ResponseDelay += e.ResponseDelay
		out.LagReads, out.LagFor = max(out.LagReads, e.LagReads), max(out.LagFor, e.LagFor)
		if out.Rule != "" {
			out.Rule += "+"
		}
		out.Rule += r.Name
		if e.additive() {
			continue
		}
		out.Code, out.Status, out.Message, out.RetryAfter, out.Drop, out.Body =
			e.Code, e.Status, e.Message, e.RetryAfter, e.Drop, e.Body
		break
	}
	return out
}

// statuses reads, without s.mu (Resources takes the fake's lock, which
// calls Plan under it), the status of every resource a status trigger
// names for req.
func (s *Scenario) statuses(req *Request) map[string]string {
	s.mu.Lock()
	ids := make([]string, 0, len(s.watched))
	for _, r := range s.watched {
		id := r.Trigger.Of
		if id == "" {
			id = req.Resource
		}
		if id != "" && !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	s.mu.Unlock()
	out := make(map[string]string, len(ids))
	for _, id := range ids {
		out[id] = req.Resources.StatusOf(id)
	}
	return out
}

// Wait blocks until clk reaches until, for a request delayed by latency,
// or until ctx is done; it returns ctx's error then. With a mock clock
// another goroutine must move the clock: call AwaitBlocked first, so the
// timer exists before mock.Add runs (a timer started after Add would wait
// for the next Add). Inside a testing/synctest bubble with clock.New() it
// returns as soon as every goroutine is idle.
func (s *Scenario) Wait(ctx context.Context, clk clock.Clock, until time.Time) error {
	for now := clk.Now(); now.Before(until); now = clk.Now() {
		t := clk.Timer(until.Sub(now))
		s.setBlocked(+1)
		select {
		case <-t.C:
		case <-ctx.Done():
			t.Stop()
		}
		s.setBlocked(-1)
		if err := ctx.Err(); err != nil {
			return err
		}
	}
	return nil
}

func (s *Scenario) setBlocked(d int) {
	c := s.cond()
	c.L.Lock()
	s.blocked += d
	c.L.Unlock()
	c.Broadcast()
}

func (s *Scenario) cond() *sync.Cond {
	s.waitOnce.Do(func() { s.waitC = sync.NewCond(&s.waitMu) })
	return s.waitC
}

// AwaitBlocked blocks until at least n requests are waiting out a latency
// on the clock. Tests with a mock clock call it before mock.Add.
func (s *Scenario) AwaitBlocked(n int) {
	c := s.cond()
	c.L.Lock()
	defer c.L.Unlock()
	for s.blocked < n {
		c.Wait()
	}
}

// malformedBody is the body of BodyMalformed: what a misbehaving gateway
// might send, not JSON.
const malformedBody = "<html><body>502 Bad Gateway</body></html>"

// Spoil returns body as the Body effect leaves it.
func (o Outcome) Spoil(body []byte) []byte {
	switch {
	case len(body) == 0:
		return body
	case o.Body == BodyTruncated:
		return body[:len(body)/2]
	case o.Body == BodyMalformed:
		return []byte(malformedBody)
	}
	return body
}
