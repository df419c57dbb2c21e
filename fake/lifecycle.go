package fake

import "github.com/seed42eb3344/vpcepfake/internal/engine"

// Pending is an asynchronous transition that has not completed yet.
type Pending = engine.Pending

// Release completes the pending transition of resource id now, whatever
// its plan (a held one included). It reports whether there was one.
func (s *Server) Release(id string) bool { return s.eng.Release(id) }

// Pending lists the transitions still waiting, in scheduling order.
func (s *Server) Pending() []Pending { return s.eng.Pending() }
