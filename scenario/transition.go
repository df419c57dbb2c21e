package scenario

import "time"

// Transition names one asynchronous state change of the VPCEP API or of a
// companion API.
type Transition string

// The asynchronous transitions of docs/vpcep-api.md §4.6.
const (
	ServiceCreate  Transition = "service.create"  // creating → available
	ServiceDelete  Transition = "service.delete"  // deleting → gone
	EndpointCreate Transition = "endpoint.create" // creating → accepted or pendingAcceptance (or Plan.To)
	EndpointAccept Transition = "endpoint.accept" // (creating) → accepted after receive; pendingAcceptance → accepted after an approval without the owner (Plan.To)
	EndpointReject Transition = "endpoint.reject" // → rejected, after reject
	EndpointDelete Transition = "endpoint.delete" // deleting → gone
)

// The asynchronous transitions of the ELB companion API (its shared load
// balancers' provisioning_status).
const (
	LoadBalancerCreate Transition = "loadbalancer.create" // PENDING_CREATE → ACTIVE (ERROR when failed)
	LoadBalancerDelete Transition = "loadbalancer.delete" // PENDING_DELETE → gone
)

// Change is a transition about to be scheduled for one resource.
type Change struct {
	Transition Transition
	ResourceID string
	ProjectID  string
	// Name is the short name of a service ("" when it has none, and for
	// endpoints).
	Name string
}

// Plan says when and how a scheduled transition completes. The zero Plan
// completes at the next request.
type Plan struct {
	// Delay completes the transition this long after it was scheduled, on
	// the fake's clock.
	Delay time.Duration
	// AfterReads completes it after the resource was read (GET by id) this
	// many times; those reads still show the old status. With AfterReads
	// set, a zero Delay means no time limit; a positive one still applies,
	// and whichever comes first completes the transition.
	AfterReads int
	// Hold keeps the transition pending until it is released; Delay and
	// AfterReads are then ignored.
	Hold bool
	// Fail, when set, ends the transition in status failed with this entry
	// in the resource's error[] instead of its normal target.
	Fail *Failure
	// To, when set, replaces the normal target status. Only EndpointCreate
	// takes it, with one of these values:
	//   - "rejected": the service's owner refused the connection; the
	//     endpoint never had an address;
	//   - "pendingAcceptance": it waits for the owner's decision, even on a
	//     service without approval;
	//   - "accepted": it is accepted without the owner's action. On a service
	//     with approval it first waits in pendingAcceptance, then the
	//     EndpointAccept transition (with its own plan, as when the owner
	//     accepts) completes the approval.
	// Fail and To exclude each other.
	To string
}

// Failure is the error[] entry of a resource whose transition failed.
type Failure struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

// Policy decides the Plan of every transition. Default is the plan the
// fake's configured delays give; a policy may return it unchanged. The
// fake trusts the plans it gets: Scenario validates them where they are
// set, and another Policy must keep the same rules (see Plan.To).
type Policy interface {
	Plan(c Change, def Plan) Plan
}
