package scenario

import (
	"fmt"
	"testing"
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

// Unused describes every rule that never fired, every Named plan never
// applied and every Next plan never consumed.
func (s *Scenario) Unused() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, r := range s.rules {
		if r.fired == 0 {
			out = append(out, fmt.Sprintf("rule %q never fired (matched %d requests)", r.Name, r.matches))
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
