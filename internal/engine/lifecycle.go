package engine

import (
	"container/heap"
	"time"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// record is what every asynchronous resource shares: its creation order,
// its timestamps and the transition it is waiting for, if any.
type record struct {
	id      string
	seq     uint64
	created time.Time
	updated time.Time
	pending *pending
}

// pending is a scheduled transition. It completes when its due time passes
// on the clock, when its resource has been read enough times, or when it is
// released, whichever the plan allows first.
type pending struct {
	rec    *record
	change scenario.Change
	due    time.Time // zero: no deadline
	reads  int       // reads left; 0: not counted
	held   bool
	plan   scenario.Plan
	done   doneFunc
	seq    uint64
	index  int // position in the timeline, -1 when not in it
}

// doneFunc applies the outcome of a transition at time at, as plan says
// (Fail, To), and reports the status change; to is "" when the resource is
// gone.
type doneFunc func(at time.Time, plan scenario.Plan) (from, to string)

// schedule starts transition c on r. The default plan waits def; the
// configured Policy may change it. done applies the plan's outcome (Fail,
// To) through the resource's setStatus and reports the status change.
// The Policy's plans are taken as valid: scenario validates them where they
// are built.
func (e *Engine) schedule(now time.Time, r *record, c scenario.Change, def time.Duration, done doneFunc) {
	plan := scenario.Plan{Delay: def}
	if e.cfg.Policy != nil {
		plan = e.cfg.Policy.Plan(c, plan)
	}
	e.cancel(r) // a resource waits for one transition at a time
	e.seq++
	p := &pending{rec: r, change: c, plan: plan, done: done, seq: e.seq, index: -1}
	r.pending = p
	switch {
	case plan.Hold:
		p.held = true
	case plan.AfterReads > 0:
		p.reads = plan.AfterReads
		if plan.Delay > 0 {
			p.due = now.Add(plan.Delay)
			heap.Push(&e.timeline, p)
		}
	default:
		p.due = now.Add(plan.Delay)
		heap.Push(&e.timeline, p)
	}
}

// deleteDone completes a delete transition of a resource in deleting:
// remove drops it, or, when the plan fails, setStatus ends it failed.
func deleteDone(setStatus func(at time.Time, status string, fail *scenario.Failure) string, remove func()) doneFunc {
	return func(at time.Time, plan scenario.Plan) (string, string) {
		if plan.Fail != nil {
			return statusDeleting, setStatus(at, "", plan.Fail)
		}
		remove()
		return statusDeleting, ""
	}
}

// peek takes the state lock without settling anything, for views that
// must not change what they show (Export, Pending); the returned time is
// "now" for the view.
func (e *Engine) peek() time.Time {
	e.mu.Lock()
	return e.clk.Now()
}

// settle completes, in due order, every transition whose time has come.
func (e *Engine) settle(now time.Time) {
	for len(e.timeline) > 0 && !e.timeline[0].due.After(now) {
		p := e.timeline[0]
		e.complete(p, p.due)
	}
}

// settleNow completes r's pending transition at once when it is due now;
// operations whose response must show the outcome (accept, reject) use it.
func (e *Engine) settleNow(r *record, now time.Time) {
	if p := r.pending; p != nil && p.index >= 0 && !p.due.After(now) {
		e.complete(p, now)
	}
}

// observe counts one read of r; the read that uses up a read-based plan
// completes the transition, so the next read shows the new status.
func (e *Engine) observe(r *record, now time.Time) {
	p := r.pending
	if p == nil || p.reads == 0 {
		return
	}
	p.reads--
	if p.reads == 0 {
		e.complete(p, now)
	}
}

func (e *Engine) complete(p *pending, at time.Time) {
	if p.index >= 0 {
		heap.Remove(&e.timeline, p.index)
	}
	p.rec.pending = nil
	from, to := p.done(at, p.plan)
	if e.cfg.OnTransition != nil {
		e.cfg.OnTransition(Event{Time: at, Transition: p.change.Transition, ResourceID: p.rec.id, From: from, To: to})
	}
}

// cancel drops r's pending transition without applying it.
func (e *Engine) cancel(r *record) {
	if p := r.pending; p != nil {
		if p.index >= 0 {
			heap.Remove(&e.timeline, p.index)
		}
		r.pending = nil
	}
}

// Pending is a transition that has not completed yet.
type Pending struct {
	Change scenario.Change
	// Due is when it completes on the clock; zero when it waits for reads
	// or for Release.
	Due       time.Time
	ReadsLeft int
	Held      bool
}

// Pending lists the transitions still waiting, in scheduling order. It
// completes none: a due transition is listed until a request settles it.
func (e *Engine) Pending() []Pending {
	e.peek()
	defer e.mu.Unlock()
	var out []Pending
	for _, r := range e.records() {
		p := r.pending
		out = append(out, Pending{Change: p.change, Due: p.due, ReadsLeft: p.reads, Held: p.held})
	}
	return out
}

// Release completes the pending transition of resource id now, whatever its
// plan. It reports whether there was one.
func (e *Engine) Release(id string) bool {
	now := e.lock()
	defer e.mu.Unlock()
	r := e.recordOf(id)
	if r == nil || r.pending == nil {
		return false
	}
	e.complete(r.pending, now)
	return true
}

// timeline is a min-heap of pending transitions by due time, then by
// scheduling order, so equal due times complete in the order they began.
type timeline []*pending

func (t timeline) Len() int { return len(t) }
func (t timeline) Less(i, j int) bool {
	if !t[i].due.Equal(t[j].due) {
		return t[i].due.Before(t[j].due)
	}
	return t[i].seq < t[j].seq
}
func (t timeline) Swap(i, j int) {
	t[i], t[j] = t[j], t[i]
	t[i].index = i
	t[j].index = j
}
func (t *timeline) Push(x any) {
	p := x.(*pending)
	p.index = len(*t)
	*t = append(*t, p)
}
func (t *timeline) Pop() any {
	old := *t
	p := old[len(old)-1]
	old[len(old)-1] = nil
	p.index = -1
	*t = old[:len(old)-1]
	return p
}
