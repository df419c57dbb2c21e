package scenario

// bound says how Begin bound a request's operation.
type bound uint8

const (
	unbound bound = iota
	shared        // runs beside others
	alone         // runs alone, under the plans of its named scenario
)

// Begin is called by the fake just before the operation of req runs, End
// just after it. While the operation of a request that selects a named
// scenario with plans (ScenarioHeader) runs, no other operation runs, so
// those plans apply to exactly the transitions it starts. Without such
// plans both cost one atomic load.
func (s *Scenario) Begin(req *Request) {
	if !s.hasScoped.Load() {
		return
	}
	name := req.Header.Get(ScenarioHeader)
	s.mu.Lock()
	_, ok := s.scoped[name]
	s.mu.Unlock()
	if !ok {
		s.bind.RLock()
		req.bound = shared
		return
	}
	s.bind.Lock()
	s.mu.Lock()
	s.current = name
	s.mu.Unlock()
	req.bound = alone
}

// End ends what Begin began for req.
func (s *Scenario) End(req *Request) {
	switch req.bound {
	case shared:
		s.bind.RUnlock()
	case alone:
		s.mu.Lock()
		s.current = ""
		s.mu.Unlock()
		s.bind.Unlock()
	}
	req.bound = unbound
}
