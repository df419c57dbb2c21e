package engine

// Statuses of services (spec 4.1) and endpoints and connections (spec 4.2).
const (
	statusCreating          = "creating"
	statusAvailable         = "available"
	statusFailed            = "failed"
	statusDeleting          = "deleting"
	statusPendingAcceptance = "pendingAcceptance"
	statusAccepted          = "accepted"
	statusRejected          = "rejected"
)
