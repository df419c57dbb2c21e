package scenario

import (
	"fmt"
	"sync"
)

// Scenario is a set of transition policies and fault rules plus the journal
// of the requests they saw. It is safe for concurrent use; give one
// Scenario to one server.
type Scenario struct {
	mu       sync.Mutex
	policies policies
	rules    []*rule

	journalOnce sync.Once
	journal     *Journal

	waitMu   sync.Mutex
	waitOnce sync.Once
	waitC    *sync.Cond
	blocked  int // requests waiting out a latency
}

// New returns an empty Scenario: every transition keeps the fake's default
// plan and no request is faulted. The zero Scenario is the same.
func New() *Scenario { return &Scenario{} }

// Add appends fault rules, after validating each; rules are tried in the
// order they were added. On error nothing is added.
func (s *Scenario) Add(rules ...Rule) error {
	if err := s.add(rules); err != nil {
		return fmt.Errorf("scenario: %w", err)
	}
	return nil
}

func (s *Scenario) add(rules []Rule) error {
	built := make([]*rule, 0, len(rules))
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, r := range rules {
		if r.Name == "" {
			r.Name = fmt.Sprintf("rule %d", len(s.rules)+i+1)
		}
		if err := r.validate(); err != nil {
			return fmt.Errorf("rule %d (%q): %w", i, r.Name, err)
		}
		built = append(built, newRule(r))
	}
	s.rules = append(s.rules, built...)
	return nil
}

// must adds rules the library builds; they are valid by construction.
func (s *Scenario) must(rules ...Rule) *Scenario {
	if err := s.Add(rules...); err != nil {
		panic(err)
	}
	return s
}
