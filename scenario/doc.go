// Package scenario scripts the edge cases of a vpcepfake server: how each
// asynchronous transition completes (Policy), which requests fail and how
// (fault rules), and what the client actually sent (the journal).
//
// A Scenario is built in Go (New, Add, Kind, Named, Next) or loaded from
// JSON (Load, LoadFile) and given to the fake with fake.WithScenario. It
// does not import the fake; the fake calls Decide before each operation
// and Record after it.
package scenario
