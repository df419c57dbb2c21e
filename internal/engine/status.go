package engine

// Statuses of services (docs/vpcep-api.md §4.1) and endpoints and connections (docs/vpcep-api.md §4.2).
const (
	statusCreating          = "creating"
	statusAvailable         = "available"
	statusFailed            = "failed"
	statusDeleting          = "deleting"
	statusPendingAcceptance = "pendingAcceptance"
	statusAccepted          = "accepted"
	statusRejected          = "rejected"
)
