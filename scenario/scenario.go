package scenario

import (
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
)

// Scenario is a set of transition policies and fault rules plus the journal
// of the requests they saw. It is safe for concurrent use; give one
// Scenario to one server.
type Scenario struct {
	mu       sync.Mutex
	policies policies
	scoped   map[string]*policies // the plans of named scenarios
	current  string               // the named scenario whose operation runs (Begin)
	rules    []*rule
	index    index
	cand     []*rule      // Decide's buffer
	watched  []*rule      // rules with a status trigger
	watching atomic.Int32 // len(watched), read without mu
	lags     lags
	lagging  atomic.Int32 // len(lags), read without mu

	journalOnce sync.Once
	journal     *Journal

	hasScoped atomic.Bool  // some named scenario has plans
	bind      sync.RWMutex // Begin/End: an operation under scoped plans runs alone

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
	rules = slices.Clone(rules) // names are filled in below
	s.mu.Lock()
	defer s.mu.Unlock()
	for i := range rules {
		if rules[i].Name == "" {
			rules[i].Name = fmt.Sprintf("rule %d", len(s.rules)+i+1)
		}
		if err := rules[i].validate(); err != nil {
			return fmt.Errorf("rule %d (%q): %w", i, rules[i].Name, err)
		}
	}
	for _, r := range rules {
		b := newRule(r, len(s.rules))
		s.rules = append(s.rules, b)
		s.index.add(b)
		if r.Trigger.Status != "" {
			s.watched = append(s.watched, b)
			s.watching.Store(int32(len(s.watched)))
		}
	}
	return nil
}

// must adds rules the library builds; they are valid by construction.
func (s *Scenario) must(rules ...Rule) *Scenario {
	if err := s.Add(rules...); err != nil {
		panic(err)
	}
	return s
}
