package engine

// Whitelist limits the engine checks against stored records (docs/vpcep-api.md §3.10,
// 3.11); the rules of a single entry are in package rules.
const (
	// maxPermissions caps a service's whitelist; beyond it EndPoint.3049.
	// The real limit is unconfirmed (docs/vpcep-api.md §6 says "unknown"); 1000 is a
	// documented-looking size that no realistic test reaches by accident.
	maxPermissions = 1000
	// maxPermissionsPage is the largest limit of the permissions list.
	maxPermissionsPage = 500
)
