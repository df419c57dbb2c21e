// Package scenario scripts the edge cases of a vpcepfake server: how each
// asynchronous transition completes (Policy), which requests fail and how
// (fault rules), and what the client actually sent (the journal).
//
// A Scenario is built in Go (New, Add, Kind, Named, Next) or loaded from
// JSON (Load, LoadFile) and given to the fake with fake.WithScenario. It
// does not import the fake; the fake calls Decide before each operation
// and Record after it.
//
// Operations and error codes are named by the constants of ids_gen.go:
// Op plus the operation id of docs/vpcep-api.md (OpListServiceDetails) and
// Err plus the error code without its dot (ErrEndPoint0001 is
// "EndPoint.0001"), generated from the catalogs the fake embeds.
package scenario
