// Package rules holds the documented request rules of the VPCEP API that
// need no state: field formats, enumerations and limits, each with the
// error code the spec gives it. A rule checks one field or one body and
// returns the value to store, or the documented *api.Error.
//
// Rules that look at stored resources (ownership, quotas, conflicts,
// statuses, route tables) stay in the engine, which calls these first: a
// request that breaks a rule here is refused before the engine's lock is
// taken. The package imports only internal/api.
package rules
