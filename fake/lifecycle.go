package fake

// Release completes the pending transition of the service or endpoint id
// at once, whatever its plan (a scenario.Plan with Hold waits for this).
// It reports whether the resource had a pending transition.
func (s *Server) Release(id string) bool { return s.eng.Release(id) }
