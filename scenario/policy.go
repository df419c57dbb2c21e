package scenario

import (
	"errors"
	"fmt"
	"slices"
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

// Ending returns p ending in status to instead of the normal target; see
// Plan.To for the values EndpointCreate accepts.
func (p Plan) Ending(to string) Plan {
	p.To = to
	return p
}

// endpointOutcomes are the statuses Plan.To may name.
var endpointOutcomes = []string{"accepted", "pendingAcceptance", "rejected"}

// check is the one validation of a plan for transition tr; Kind, Named,
// Next and scenario files all use it.
func (p Plan) check(tr Transition) error {
	switch {
	case p.AfterReads < 0:
		return errors.New("after_reads must not be negative")
	case p.To == "":
		return nil
	case tr != EndpointCreate:
		return fmt.Errorf("to %q: only %s takes a target status", p.To, EndpointCreate)
	case !slices.Contains(endpointOutcomes, p.To):
		return fmt.Errorf("to %q is not one of %q", p.To, endpointOutcomes)
	case p.Fail != nil:
		return errors.New("a plan takes fail or to, not both")
	}
	return nil
}

// policies are the plan layers: default < kind < named < next.
type policies struct {
	kind  map[Transition]*kindPlan
	named []*namedPlan
	next  map[Transition][]Plan
}

// kindPlan is the plan of every transition of one kind.
type kindPlan struct {
	plan Plan
	used int
}

// namedPlan is a plan for the transitions of one resource, named by a
// service short name or a resource id.
type namedPlan struct {
	tr   Transition
	key  string
	plan Plan
	used int
}

// plan returns the plan of the first layer that has one for c, counting
// its use.
func (ps *policies) plan(c Change) (Plan, bool) {
	if q := ps.next[c.Transition]; len(q) > 0 {
		ps.next[c.Transition] = q[1:]
		return q[0], true
	}
	for i := len(ps.named) - 1; i >= 0; i-- {
		n := ps.named[i]
		if n.tr == c.Transition && (n.key == c.ResourceID || (c.Name != "" && n.key == c.Name)) {
			n.used++
			return n.plan, true
		}
	}
	if k := ps.kind[c.Transition]; k != nil {
		k.used++
		return k.plan, true
	}
	return Plan{}, false
}

// set puts p, already validated, in layer l (key: the resource of a named
// plan).
func (ps *policies) set(l layer, tr Transition, key string, p Plan) {
	switch l {
	case kindLayer:
		if ps.kind == nil {
			ps.kind = map[Transition]*kindPlan{}
		}
		ps.kind[tr] = &kindPlan{plan: p}
	case namedLayer:
		ps.named = append(ps.named, &namedPlan{tr: tr, key: key, plan: p})
	case nextLayer:
		if ps.next == nil {
			ps.next = map[Transition][]Plan{}
		}
		ps.next[tr] = append(ps.next[tr], p)
	}
}

// unused describes the plans never applied; in names the named scenario
// they belong to ("" for the Scenario's own).
func (ps *policies) unused(in string) []string {
	where := ""
	if in != "" {
		where = fmt.Sprintf(" of scenario %q", in)
	}
	var out []string
	for _, tr := range Transitions {
		if k := ps.kind[tr]; k != nil && k.used == 0 {
			out = append(out, fmt.Sprintf("Kind plan%s for every %s never applied: no %s started", where, tr, tr))
		}
	}
	for _, n := range ps.named {
		if n.used == 0 {
			out = append(out, fmt.Sprintf("Named plan%s for %s of %q never applied: no %s of a resource with that id or name started", where, n.tr, n.key, n.tr))
		}
	}
	for _, tr := range Transitions {
		if q := ps.next[tr]; len(q) > 0 {
			out = append(out, fmt.Sprintf("Next plan%s for %s never consumed: %d queued plan(s) left", where, tr, len(q)))
		}
	}
	return out
}

// layer is one of the plan layers a plan is set in.
type layer int

const (
	kindLayer layer = iota
	namedLayer
	nextLayer
)

// Kind sets the plan of every transition of kind tr. It returns s; it
// panics if p is invalid for tr (see Plan.To).
func (s *Scenario) Kind(tr Transition, p Plan) *Scenario { return s.mustPlan(kindLayer, tr, "", p) }

// Named sets the plan of transition tr for the resource whose service short
// name or resource id is key; it wins over Kind. It returns s; it panics if
// p is invalid for tr.
func (s *Scenario) Named(tr Transition, key string, p Plan) *Scenario {
	return s.mustPlan(namedLayer, tr, key, p)
}

// Next queues a plan for the next transition of kind tr, whatever its
// resource; it wins over everything and is used once. Several calls queue
// plans for the following transitions in order. It returns s; it panics if
// p is invalid for tr.
func (s *Scenario) Next(tr Transition, p Plan) *Scenario { return s.mustPlan(nextLayer, tr, "", p) }

// mustPlan is setPlan for plans written in Go, where an invalid one is a
// programming error.
func (s *Scenario) mustPlan(l layer, tr Transition, key string, p Plan) *Scenario {
	if err := s.setPlan("", l, tr, key, p); err != nil {
		panic(fmt.Sprintf("scenario: plan for %s: %v", tr, err))
	}
	return s
}

// setPlan validates p for tr and sets it in layer l (key: the resource of
// a named plan), in the plans of the named scenario in ("" for s's own).
func (s *Scenario) setPlan(in string, l layer, tr Transition, key string, p Plan) error {
	if err := p.check(tr); err != nil {
		return err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	ps := &s.policies
	if in != "" {
		if s.scoped == nil {
			s.scoped = map[string]*policies{}
		}
		if ps = s.scoped[in]; ps == nil {
			ps = &policies{}
			s.scoped[in] = ps
		}
		s.hasScoped.Store(true)
	}
	ps.set(l, tr, key, p)
	return nil
}

// Plan implements Policy. While an operation selected by a named scenario
// with plans runs (Begin), that scenario's layers come first; then the
// first queued Next plan of the kind, else the last Named plan matching
// the resource, else the Kind plan, else def.
func (s *Scenario) Plan(c Change, def Plan) Plan {
	s.mu.Lock()
	defer s.mu.Unlock()
	if ps := s.scoped[s.current]; ps != nil {
		if p, ok := ps.plan(c); ok {
			return p
		}
	}
	if p, ok := s.policies.plan(c); ok {
		return p
	}
	return def
}

// unusedPolicies lists the plans never applied, with s.mu held: the
// Scenario's own, then those of each named scenario by name.
func (s *Scenario) unusedPolicies() []string {
	out := s.policies.unused("")
	names := make([]string, 0, len(s.scoped))
	for name := range s.scoped {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		out = append(out, s.scoped[name].unused(name)...)
	}
	return out
}

// Transitions lists every Transition, in lifecycle order.
var Transitions = []Transition{ServiceCreate, ServiceDelete, EndpointCreate, EndpointAccept, EndpointReject, EndpointDelete,
	LoadBalancerCreate, LoadBalancerDelete}
