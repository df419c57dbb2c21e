package scenario

import (
	"errors"
	"fmt"
	"math/rand/v2"
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

// The Effect.Drop values.
const (
	DropBefore = "before" // the connection drops before the operation runs
	DropAfter  = "after"  // the operation runs, then the connection drops
)

// The Effect.Body values.
const (
	BodyTruncated = "truncated" // the response body is cut in half
	BodyMalformed = "malformed" // the response body is not JSON
)

// Effect is what a firing rule does. An error (Code) answers without
// running the operation; Drop and Body act on the connection and the
// response; Latency delays the answer on the fake's clock.
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
	// its arrival. In JSON a Go duration string ("5s").
	Latency time.Duration `json:"-"`
	// Drop is DropBefore or DropAfter.
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

// Drop drops the connection, before or after the operation runs.
func Drop(when string) Effect { return Effect{Drop: when} }

// Corrupt lets the operation run and spoils its response body.
func Corrupt(body string) Effect { return Effect{Body: body} }

// latencyOnly reports whether e only delays.
func (e Effect) latencyOnly() bool { return e.Code == "" && e.Drop == "" && e.Body == "" }

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
	if e.Drop != "" && e.Drop != DropBefore && e.Drop != DropAfter {
		errs = append(errs, fmt.Errorf("drop %q is not %q or %q", e.Drop, DropBefore, DropAfter))
	}
	if e.Drop != "" && e.Code != "" {
		errs = append(errs, errors.New("an effect cannot both drop and answer an error"))
	}
	if e.Body != "" && e.Body != BodyTruncated && e.Body != BodyMalformed {
		errs = append(errs, fmt.Errorf("body %q is not %q or %q", e.Body, BodyTruncated, BodyMalformed))
	}
	if e.Latency < 0 {
		errs = append(errs, errors.New("latency must not be negative"))
	}
	if e.latencyOnly() && e.Latency == 0 {
		errs = append(errs, errors.New("effect does nothing"))
	}
	return errors.Join(errs...)
}

// rule is a Rule with its counters and random source.
type rule struct {
	Rule
	path     []string // Match.Path split, parameters as "{}"
	rng      *rand.Rand
	matches  int
	inWindow int // matches inside the trigger's window
	fired    int
}

func newRule(r Rule) *rule {
	b := &rule{Rule: r, rng: rand.New(rand.NewPCG(r.Trigger.Seed, r.Trigger.Seed))}
	if r.Match.Path != "" {
		b.path = templateSegs(r.Match.Path)
	}
	return b
}

// templateSegs splits a path template, writing every "{name}" as "{}".
func templateSegs(path string) []string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return segs
}

func (r *rule) match(req *Request) bool {
	m := r.Match
	if (m.Op != "" && m.Op != req.Op) || (m.Method != "" && m.Method != req.Method) ||
		(m.Project != "" && m.Project != req.Project) || (m.Resource != "" && m.Resource != req.Resource) ||
		(m.Scenario != "" && m.Scenario != req.Header.Get(ScenarioHeader)) {
		return false
	}
	for k, v := range m.Header {
		if req.Header.Get(k) != v {
			return false
		}
	}
	return r.path == nil || slices.Equal(r.path, templateSegs(req.Template))
}

// fires counts a matching call and reports whether the trigger fires on
// it. Nth, First and After count only the calls inside the window.
func (r *rule) fires(at time.Time) bool {
	r.matches++
	t := r.Trigger
	if (!t.From.IsZero() && at.Before(t.From)) || (!t.Until.IsZero() && !at.Before(t.Until)) {
		return false
	}
	r.inWindow++
	n := r.inWindow
	ok := (t.Nth == 0 || n == t.Nth) && (t.First == 0 || n <= t.First) && (t.After == 0 || n > t.After) &&
		(t.Probability == 0 || r.rng.Float64() < t.Probability)
	if ok {
		r.fired++
	}
	return ok
}
