package scenario

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Rule is one fault: which requests it matches, on which of those it fires,
// and what it does then. Rules are tried in order; the first that fires
// decides the response, except that a latency-only rule adds its latency
// and lets the next rules decide.
type Rule struct {
	// Name identifies the rule in the journal and in Unused; it defaults
	// to "rule N" (N counted from 1 in the Scenario).
	Name    string  `json:"name,omitempty"`
	Match   Match   `json:"match"`
	Trigger Trigger `json:"trigger"`
	Effect  Effect  `json:"effect"`
}

// Match selects requests. Empty fields match anything; all set fields must
// match.
type Match struct {
	// Op is an operation id: one of the Op constants, e.g.
	// OpListServiceDetails ("ListServiceDetails").
	Op string `json:"op,omitempty"`
	// Method is an HTTP method, e.g. "GET".
	Method string `json:"method,omitempty"`
	// Path is a path template such as
	// "/v1/{project_id}/vpc-endpoint-services/{service_id}"; the names
	// inside braces do not matter.
	Path string `json:"path,omitempty"`
	// Project is the tenant project id of the path.
	Project string `json:"project,omitempty"`
	// Resource is the id of the resource the path names (its last path
	// parameter after the project).
	Resource string `json:"resource,omitempty"`
	// Header holds request headers that must have exactly these values.
	Header map[string]string `json:"header,omitempty"`
	// Scenario, when set, limits the rule to requests that carry
	// "X-Vpcepfake-Scenario: <Scenario>".
	Scenario string `json:"scenario,omitempty"`
}

// ScenarioHeader is the request header that selects the named rules
// (Match.Scenario) for one request.
const ScenarioHeader = "X-Vpcepfake-Scenario"

// Trigger says on which matching calls a rule fires. The zero Trigger fires
// on every one; set conditions must all hold.
type Trigger struct {
	// Nth fires only on the Nth matching call (counted from 1, among the
	// calls inside the window when one is set).
	Nth int `json:"nth,omitempty"`
	// First fires on the first First matching calls.
	First int `json:"first,omitempty"`
	// After fires on every matching call after the first After.
	After int `json:"after,omitempty"`
	// Probability fires with this probability (0 < p ≤ 1), drawn from a
	// generator seeded with Seed, so runs repeat exactly.
	Probability float64 `json:"probability,omitempty"`
	Seed        uint64  `json:"seed,omitempty"`
	// From and Until bound the clock time of the request: From ≤ t < Until;
	// a zero bound is open.
	From  time.Time `json:"from,omitzero"`
	Until time.Time `json:"until,omitzero"`
	// Status fires only while a resource has this status (e.g.
	// "deleting"), read when the request arrives: the resource Of, or
	// the request's own resource when Of is empty. A resource that does
	// not exist has status "" and never fires.
	Status string `json:"status,omitempty"`
	// Of is the id of the resource whose status Status reads, in the
	// request's project.
	Of string `json:"of,omitempty"`
}

// Always fires on every matching call.
func Always() Trigger { return Trigger{} }

// Nth fires on the n-th matching call only.
func Nth(n int) Trigger { return Trigger{Nth: n} }

// FirstN fires on the first n matching calls.
func FirstN(n int) Trigger { return Trigger{First: n} }

// AfterN fires on every matching call after the first n.
func AfterN(n int) Trigger { return Trigger{After: n} }

// Probability fires on each matching call with probability p, drawn from a
// generator seeded with seed.
func Probability(p float64, seed uint64) Trigger { return Trigger{Probability: p, Seed: seed} }

// During fires on matching calls whose clock time is in [from, until).
func During(from, until time.Time) Trigger { return Trigger{From: from, Until: until} }

// While fires on matching calls while resource id (in the request's
// project; "" for the request's own resource) has status, e.g.
// While(endpointID, "deleting").
func While(id, status string) Trigger { return Trigger{Status: status, Of: id} }

// The Effect.Drop values.
const (
	DropBefore = "before" // the connection drops before the operation runs
	DropAfter  = "after"  // the operation runs, then the connection drops
	DropReset  = "reset"  // the connection is reset (TCP RST) before the operation runs
)

// The Effect.Body values.
const (
	BodyTruncated = "truncated" // the response body is cut in half
	BodyMalformed = "malformed" // the response body is not JSON
)

// Effect is what a firing rule does. An error (Code) answers without
// running the operation; Drop and Body act on the connection and the
// response; Latency delays the operation and ResponseDelay the answer
// after it, on the fake's clock; LagReads and LagFor hide what the
// operation created from lists.
type Effect struct {
	// Code is a documented error code (an Err constant); the response is its
	// status and {"error_code","error_msg"} body.
	Code string `json:"code,omitempty"`
	// Status overrides the catalog status of Code (e.g. 429).
	Status int `json:"status,omitempty"`
	// Message overrides the catalog message of Code.
	Message string `json:"message,omitempty"`
	// RetryAfter, in seconds, adds a Retry-After header to the error.
	RetryAfter int `json:"retry_after,omitempty"`
	// Latency blocks the request until the clock has moved this far past
	// its arrival, before the operation runs: a client that gives up
	// meanwhile changes nothing. In JSON a Go duration string ("5s").
	Latency time.Duration `json:"-"`
	// ResponseDelay runs the operation, then holds its answer until the
	// clock has moved this far: a client that gives up meanwhile loses
	// the answer of an applied operation. In JSON "response_delay", a Go
	// duration string.
	ResponseDelay time.Duration `json:"-"`
	// LagReads hides the resource a create made from this many list
	// responses that would show it (ListEndpointService for services,
	// ListEndpoints for endpoints); GET by id finds it at once.
	LagReads int `json:"lag_reads,omitempty"`
	// LagFor hides it from lists until the clock is this far past its
	// creation; with LagReads too, it shows when either runs out. In JSON
	// "lag_for", a Go duration string.
	LagFor time.Duration `json:"-"`
	// Drop is DropBefore, DropAfter or DropReset. A dropped connection
	// ends after a status line, so the client reads an unexpected EOF; a
	// reset one ends with a TCP RST (connection reset by peer).
	Drop string `json:"drop,omitempty"`
	// Body is BodyTruncated or BodyMalformed.
	Body string `json:"body,omitempty"`
}

// Fail answers with the documented error code.
func Fail(code string) Effect { return Effect{Code: code} }

// Throttle answers 429 EndPoint.0022 with Retry-After: retryAfter seconds.
func Throttle(retryAfter int) Effect {
	return Effect{Code: "EndPoint.0022", Status: http.StatusTooManyRequests, RetryAfter: retryAfter}
}

// Delay blocks the request for d on the fake's clock.
func Delay(d time.Duration) Effect { return Effect{Latency: d} }

// DelayResponse runs the operation, then holds its answer for d on the
// fake's clock.
func DelayResponse(d time.Duration) Effect { return Effect{ResponseDelay: d} }

// Drop drops the connection: DropBefore or DropAfter the operation runs,
// or DropReset resets it before.
func Drop(when string) Effect { return Effect{Drop: when} }

// LoseResponse runs the operation, then drops the connection: applied,
// but the answer was lost (Drop(DropAfter)).
func LoseResponse() Effect { return Effect{Drop: DropAfter} }

// ListLag hides the resource a create makes from the next n list
// responses that would show it: eventual consistency of lists.
func ListLag(n int) Effect { return Effect{LagReads: n} }

// ListLagFor hides the resource a create makes from lists for d after
// its creation, on the fake's clock.
func ListLagFor(d time.Duration) Effect { return Effect{LagFor: d} }

// Corrupt lets the operation run and spoils its response body.
func Corrupt(body string) Effect { return Effect{Body: body} }

// additive reports whether e only delays or hides: such a rule adds its
// effect and lets the next rules decide.
func (e Effect) additive() bool { return e.Code == "" && e.Drop == "" && e.Body == "" }

func (r Rule) validate() error {
	return errors.Join(r.Match.validate(), r.Trigger.validate(), r.Effect.validate())
}

func (m Match) validate() error {
	var errs []error
	if m.Op != "" && !slices.Contains(operations, m.Op) {
		errs = append(errs, fmt.Errorf("unknown operation %q; the operations are %s", m.Op, strings.Join(operations, ", ")))
	}
	if m.Method != "" && m.Method != strings.ToUpper(m.Method) {
		errs = append(errs, fmt.Errorf("method %q must be upper case", m.Method))
	}
	if m.Path != "" && !strings.HasPrefix(m.Path, "/") {
		errs = append(errs, fmt.Errorf("path %q must start with /", m.Path))
	}
	return errors.Join(errs...)
}

func (t Trigger) validate() error {
	var errs []error
	counts := 0
	for _, n := range []int{t.Nth, t.First, t.After} {
		if n < 0 {
			errs = append(errs, errors.New("trigger counts must not be negative"))
		}
		if n != 0 {
			counts++
		}
	}
	if counts > 1 {
		errs = append(errs, errors.New("trigger takes only one of nth, first, after"))
	}
	if t.Probability < 0 || t.Probability > 1 {
		errs = append(errs, fmt.Errorf("probability %v is not in (0, 1]", t.Probability))
	}
	if !t.From.IsZero() && !t.Until.IsZero() && !t.Until.After(t.From) {
		errs = append(errs, errors.New("trigger window: until must be after from"))
	}
	if t.Of != "" && t.Status == "" {
		errs = append(errs, errors.New("trigger of needs a status"))
	}
	return errors.Join(errs...)
}

func (e Effect) validate() error {
	var errs []error
	if e.Code != "" {
		if _, ok := api.Lookup(e.Code); !ok {
			errs = append(errs, fmt.Errorf("error code %q is not documented", e.Code))
		}
	} else if e.Status != 0 || e.Message != "" || e.RetryAfter != 0 {
		errs = append(errs, errors.New("status, message and retry_after need a code"))
	}
	if e.Status != 0 && (e.Status < 400 || e.Status > 599) {
		errs = append(errs, fmt.Errorf("status %d is not an error status", e.Status))
	}
	if e.Drop != "" && e.Drop != DropBefore && e.Drop != DropAfter && e.Drop != DropReset {
		errs = append(errs, fmt.Errorf("drop %q is not %q, %q or %q", e.Drop, DropBefore, DropAfter, DropReset))
	}
	if e.Drop != "" && e.Code != "" {
		errs = append(errs, errors.New("an effect cannot both drop and answer an error"))
	}
	if e.Body != "" && e.Body != BodyTruncated && e.Body != BodyMalformed {
		errs = append(errs, fmt.Errorf("body %q is not %q or %q", e.Body, BodyTruncated, BodyMalformed))
	}
	if e.Latency < 0 || e.ResponseDelay < 0 || e.LagFor < 0 || e.LagReads < 0 {
		errs = append(errs, errors.New("latency, response_delay, lag_reads and lag_for must not be negative"))
	}
	if e.additive() && e.Latency == 0 && e.ResponseDelay == 0 && e.LagReads == 0 && e.LagFor == 0 {
		errs = append(errs, errors.New("effect does nothing"))
	}
	return errors.Join(errs...)
}
