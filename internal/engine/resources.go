package engine

import (
	"cmp"
	"slices"
)

// recordOf returns the record of the service or endpoint with id.
func (e *Engine) recordOf(id string) *record {
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
	slices.SortFunc(out, func(a, b *record) int { return cmp.Compare(a.pending.seq, b.pending.seq) })
	return out
}

// recorded is a stored resource: it has a record.
type recorded interface{ rec() *record }

func (r *record) rec() *record { return r }
