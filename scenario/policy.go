package scenario

import (
	"fmt"
	"time"
)

// Immediately is the plan that completes a transition at the next request
// after the one that started it (the create answers "creating", the first
// poll sees the result).
func Immediately() Plan { return Plan{} }

// After completes a transition d after it started, on the fake's clock.
func After(d time.Duration) Plan { return Plan{Delay: d} }

// AfterReads completes a transition once its resource was read (GET by id)
// n times; those n reads still show the old status.
func AfterReads(n int) Plan { return Plan{AfterReads: n} }

// Held keeps a transition pending until the test releases it
// ((*fake.Server).Release).
func Held() Plan { return Plan{Hold: true} }

// Failing returns p ending in status failed with the error[] entry
// code/message instead of its normal target.
func (p Plan) Failing(code, message string) Plan {
	p.Fail = &Failure{Code: code, Message: message}
	return p
}

// policies are the plan layers: default < kind < named < next.
type policies struct {
	kind  map[Transition]Plan
	named []*namedPlan
	next  map[Transition][]Plan
}

// namedPlan is a plan for the transitions of one resource, named by a
// service short name or a resource id.
type namedPlan struct {
	tr   Transition
	key  string
	plan Plan
	used int
}

// Kind sets the plan of every transition of kind tr. It returns s.
func (s *Scenario) Kind(tr Transition, p Plan) *Scenario {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.policies.kind == nil {
		s.policies.kind = map[Transition]Plan{}
	}
	s.policies.kind[tr] = p
	return s
}

// Named sets the plan of transition tr for the resource whose service short
// name or resource id is key; it wins over Kind. It returns s.
func (s *Scenario) Named(tr Transition, key string, p Plan) *Scenario {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.policies.named = append(s.policies.named, &namedPlan{tr: tr, key: key, plan: p})
	return s
}

// Next queues a plan for the next transition of kind tr, whatever its
// resource; it wins over everything and is used once. Several calls queue
// plans for the following transitions in order. It returns s.
func (s *Scenario) Next(tr Transition, p Plan) *Scenario {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.policies.next == nil {
		s.policies.next = map[Transition][]Plan{}
	}
	s.policies.next[tr] = append(s.policies.next[tr], p)
	return s
}

// Plan implements Policy: the first queued Next plan of the kind, else the
// last Named plan matching the resource, else the Kind plan, else def.
func (s *Scenario) Plan(c Change, def Plan) Plan {
	s.mu.Lock()
	defer s.mu.Unlock()
	if q := s.policies.next[c.Transition]; len(q) > 0 {
		s.policies.next[c.Transition] = q[1:]
		return q[0]
	}
	for i := len(s.policies.named) - 1; i >= 0; i-- {
		n := s.policies.named[i]
		if n.tr == c.Transition && (n.key == c.ResourceID || (c.Name != "" && n.key == c.Name)) {
			n.used++
			return n.plan
		}
	}
	if p, ok := s.policies.kind[c.Transition]; ok {
		return p
	}
	return def
}

// unusedPolicies lists Named plans never applied and Next plans never
// consumed, with s.mu held.
func (s *Scenario) unusedPolicies() []string {
	var out []string
	for _, n := range s.policies.named {
		if n.used == 0 {
			out = append(out, fmt.Sprintf("policy %s for %q", n.tr, n.key))
		}
	}
	for _, tr := range Transitions {
		for range s.policies.next[tr] {
			out = append(out, fmt.Sprintf("policy %s for the next one", tr))
		}
	}
	return out
}

// Transitions lists every Transition, in lifecycle order.
var Transitions = []Transition{ServiceCreate, ServiceDelete, EndpointCreate, EndpointAccept, EndpointReject, EndpointDelete}
