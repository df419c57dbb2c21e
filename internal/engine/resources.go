package engine

import (
	"cmp"
	"slices"
)

// recordOf returns the record of the service, endpoint or load balancer
// with id.
func (e *Engine) recordOf(id string) *record {
	if lb, ok := e.nets.lbs[id]; ok {
		return &lb.record
	}
	if s, ok := e.services[id]; ok {
		return &s.record
	}
	if ep, ok := e.eps[id]; ok {
		return &ep.record
	}
	return nil
}

// records returns every record with a pending transition, in the order the
// transitions were scheduled.
func (e *Engine) records() []*record {
	var out []*record
	for _, s := range e.services {
		if s.pending != nil {
			out = append(out, &s.record)
		}
	}
	for _, ep := range e.eps {
		if ep.pending != nil {
			out = append(out, &ep.record)
		}
	}
	for _, lb := range e.nets.lbs {
		if lb.pending != nil {
			out = append(out, &lb.record)
		}
	}
	slices.SortFunc(out, func(a, b *record) int { return cmp.Compare(a.pending.seq, b.pending.seq) })
	return out
}

// recorded is a stored resource: it has a record.
type recorded interface{ rec() *record }

func (r *record) rec() *record { return r }

// StatusOf returns the current status of the service or endpoint with id,
// "" when there is none; scenario triggers read it. It does not count as
// a read of the resource.
func (e *Engine) StatusOf(id string) string {
	e.lock()
	defer e.mu.Unlock()
	if s, ok := e.services[id]; ok {
		return s.view.Status
	}
	if ep, ok := e.eps[id]; ok {
		return ep.view.Status
	}
	return ""
}
