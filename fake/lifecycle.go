package fake

import (
	"time"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Pending is an asynchronous transition that has not completed yet.
type Pending struct {
	// Change is the transition and the resource it moves.
	Change scenario.Change
	// Due is when it completes on the clock; zero when it waits for reads
	// or for Release.
	Due time.Time
	// ReadsLeft is the number of reads of the resource it still waits for.
	ReadsLeft int
	// Held reports a transition that waits for Release.
	Held bool
}

// Release completes the pending transition of resource id now, whatever
// its plan (a held one included). It reports whether there was one.
func (s *Server) Release(id string) bool { return s.eng.Release(id) }

// Pending lists the transitions still waiting, in scheduling order.
func (s *Server) Pending() []Pending {
	var out []Pending
	for _, p := range s.eng.Pending() {
		out = append(out, Pending(p))
	}
	return out
}
