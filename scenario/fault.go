package scenario

import (
	"net/http"
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
}

// Outcome is what the scenario decided for a request. The zero Outcome
// lets the request through untouched.
type Outcome struct {
	// Rule is the name of the rule that decided, "" when none fired (or
	// only latency rules did: their names are joined by "+").
	Rule string
	// Latency is the total delay of the fired rules.
	Latency time.Duration
	// Status, Code and Message, when Code is set, are the error to answer
	// instead of running the operation; RetryAfter its header in seconds.
	Status     int
	Code       string
	Message    string
	RetryAfter int
	// Drop is DropBefore, DropAfter or "".
	Drop string
	// Body is BodyTruncated, BodyMalformed or "".
	Body string
}

// Decide runs req through the rules, counting matches and firings, and
// returns what to do. The first rule that fires decides; a latency-only
// rule adds its latency and the search goes on.
func (s *Scenario) Decide(req *Request) Outcome {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out Outcome
	for _, r := range s.rules {
		if !r.match(req) || !r.fires(req.Time) {
			continue
		}
		out.Latency += r.Effect.Latency
		if out.Rule != "" {
			out.Rule += "+"
		}
		out.Rule += r.Name
		if r.Effect.latencyOnly() {
			continue
		}
		e := r.Effect
		out.Code, out.Status, out.Message, out.RetryAfter, out.Drop, out.Body =
			e.Code, e.Status, e.Message, e.RetryAfter, e.Drop, e.Body
		break
	}
	return out
}

// Wait blocks until clk reaches until, for a request delayed by latency.
// With a mock clock another goroutine must move the clock: call
// AwaitBlocked first, so the timer exists before mock.Add runs (a timer
// started after Add would wait for the next Add). Inside a testing/synctest
// bubble with clock.New() it returns as soon as every goroutine is idle.
func (s *Scenario) Wait(clk clock.Clock, until time.Time) {
	for now := clk.Now(); now.Before(until); now = clk.Now() {
		c := clk.After(until.Sub(now))
		s.setBlocked(+1)
		<-c
		s.setBlocked(-1)
	}
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
