package scenario

import "time"

// lag hides one created resource from list responses.
type lag struct {
	reads int       // list responses left to hide it from; 0: not counted
	until time.Time // hidden before this; zero: no time limit
}

// lags are the hidden resources by id.
type lags map[string]*lag

// done reports whether l's time ran out at now (a lag counted in reads
// is dropped when its last read is used).
func (l *lag) done(now time.Time) bool { return !l.until.IsZero() && !now.Before(l.until) }

// Hide starts hiding the resource id, created at at, from list responses
// as o says (LagReads, LagFor); the fake calls it after a create. Lags
// that ran out are forgotten then, so memory is bounded by the lags still
// running.
func (s *Scenario) Hide(id string, at time.Time, o Outcome) {
	if id == "" || (o.LagReads == 0 && o.LagFor == 0) {
		return
	}
	l := &lag{reads: o.LagReads}
	if o.LagFor > 0 {
		l.until = at.Add(o.LagFor)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	for k, old := range s.lags {
		if old.done(at) {
			delete(s.lags, k)
		}
	}
	if s.lags == nil {
		s.lags = lags{}
	}
	s.lags[id] = l
	s.lagging.Store(int32(len(s.lags)))
}

// Forget ends the lag of the resource id; the fake calls it when a delete
// of it succeeds. A lag counted in reads ends only in list responses, which
// a client that reads by id never asks for: without Forget, each created
// and deleted resource would stay in memory.
func (s *Scenario) Forget(id string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, ok := s.lags[id]; ok {
		delete(s.lags, id)
		s.lagging.Store(int32(len(s.lags)))
	}
}

// Lagging reports whether some created resource is hidden from lists
// (one atomic load); the fake calls Unlisted only then.
func (s *Scenario) Lagging() bool { return s.lagging.Load() > 0 }

// Unlisted returns the ids, among those a list response answered at now
// would show, that it must omit; each omission counts one read of its
// lag.
func (s *Scenario) Unlisted(now time.Time, ids []string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []string
	for _, id := range ids {
		l := s.lags[id]
		if l == nil {
			continue
		}
		if l.done(now) {
			delete(s.lags, id)
			continue
		}
		out = append(out, id)
		if l.reads > 0 {
			if l.reads--; l.reads == 0 {
				delete(s.lags, id)
			}
		}
	}
	s.lagging.Store(int32(len(s.lags)))
	return out
}
