package fake

import "github.com/seed42eb3344/vpcepfake/internal/engine"

// Snapshot is the whole state of a Server as JSON-ready data: tenants,
// services with whitelists and tags, pending transitions (with the time
// they have left, not a clock reading) and the id and sequence counters.
// Configuration (clock, delays, policy, quotas, network) is not part of it.
type Snapshot = engine.Snapshot

// The parts of a Snapshot, for building or editing one in Go.
type (
	// RecordState is what every stored resource shares: creation order,
	// timestamps and the pending transition.
	RecordState = engine.RecordState
	// PendingState is a transition that had not completed at export, with
	// the time it had left.
	PendingState = engine.PendingState
	// ServiceState is one stored service with its whitelist.
	ServiceState = engine.ServiceState
	// PermissionState is one whitelist record.
	PermissionState = engine.PermissionState
	// EndpointState is one stored endpoint with its reserved address.
	EndpointState = engine.EndpointState
	// Duration is a time.Duration written as text ("1m30s").
	Duration = engine.Duration
)

// Export returns the whole state, secrets included; GET /_fake/state
// serves the same as JSON, with secrets redacted unless ?secrets=true.
// Looking completes nothing: a transition that is due shows as pending
// with no time left until the next request completes it.
func (s *Server) Export() Snapshot { return s.eng.Export() }

// Import replaces the whole state with snap, atomically: on error nothing
// changes. Pending transitions resume with the time they had left. PUT
// /_fake/state does the same.
func (s *Server) Import(snap Snapshot) error { return s.eng.Import(snap) }

// Reset returns the server, atomically, to the state it was created with:
// its configured tenants and public services and no other resources. The
// clock does not move, and ids go on: no id or marker_id handed out before
// the reset comes again. POST /_fake/reset does the same.
func (s *Server) Reset() {
	if err := s.eng.Reset(s.initial); err != nil { // an export of this engine always imports
		panic("fake: reset: " + err.Error())
	}
}
