package scenario

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"
	"time"
)

// RuleStats are the counters of one rule.
type RuleStats struct {
	Name    string
	Matches int // requests the rule matched
	Fired   int // of those, the ones it fired on
}

// Stats returns the counters of every rule, in order.
func (s *Scenario) Stats() []RuleStats {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]RuleStats, len(s.rules))
	for i, r := range s.rules {
		out[i] = RuleStats{Name: r.Name, Matches: r.matches, Fired: r.fired}
	}
	return out
}

// Unused describes every rule that never fired (whether no request
// matched it or its trigger never held), every Kind and Named plan never
// applied and every Next plan never consumed, the plans of named
// scenarios included.
func (s *Scenario) Unused() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.rules {
		switch {
		case r.fired > 0:
		case r.matches == 0:
			out = append(out, fmt.Sprintf("rule %q never fired: no request that matched it (%s) reached it", r.Name, r.Match))
		default:
			out = append(out, fmt.Sprintf("rule %q never fired: it matched %d request(s) but its trigger (%s) held on none",
				r.Name, r.matches, r.Trigger))
		}
	}
	return append(out, s.unusedPolicies()...)
}

// AssertUsed fails tb for everything Unused reports.
func (s *Scenario) AssertUsed(tb testing.TB) {
	tb.Helper()
	for _, u := range s.Unused() {
		tb.Errorf("scenario: %s", u)
	}
}

// Verify makes tb fail at its end when part of s was never used: a rule
// that never fired is a test that did not test what it says.
func Verify(tb testing.TB, s *Scenario) {
	tb.Helper()
	tb.Cleanup(func() { s.AssertUsed(tb) })
}

// String describes the conditions of m, e.g. `op ListEndpoints, header
// X-Test=a`; "any request" when it has none.
func (m Match) String() string {
	var parts []string
	for _, f := range [][2]string{{"op", m.Op}, {"method", m.Method}, {"path", m.Path}, {"project", m.Project},
		{"resource", m.Resource}, {"scenario", m.Scenario}} {
		if f[1] != "" {
			parts = append(parts, f[0]+" "+f[1])
		}
	}
	for _, k := range slices.Sorted(maps.Keys(m.Header)) {
		parts = append(parts, "header "+k+"="+m.Header[k])
	}
	if len(parts) == 0 {
		return "any request"
	}
	return strings.Join(parts, ", ")
}

// String describes the conditions of t, e.g. "nth 5, status deleting of
// <id>"; "always" when it has none.
func (t Trigger) String() string {
	var parts []string
	for _, c := range []struct {
		name string
		n    int
	}{{"nth", t.Nth}, {"first", t.First}, {"after", t.After}} {
		if c.n != 0 {
			parts = append(parts, fmt.Sprintf("%s %d", c.name, c.n))
		}
	}
	if t.Probability != 0 {
		parts = append(parts, fmt.Sprintf("probability %v seed %d", t.Probability, t.Seed))
	}
	if !t.From.IsZero() {
		parts = append(parts, "from "+t.From.Format(time.RFC3339))
	}
	if !t.Until.IsZero() {
		parts = append(parts, "until "+t.Until.Format(time.RFC3339))
	}
	if t.Status != "" {
		of := "the request's resource"
		if t.Of != "" {
			of = t.Of
		}
		parts = append(parts, "status "+t.Status+" of "+of)
	}
	if len(parts) == 0 {
		return "always"
	}
	return strings.Join(parts, ", ")
}
