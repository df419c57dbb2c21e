package engine

import (
	"time"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// The endpoint state machine of docs/vpcep-api.md §4.2. setStatus is the only place an
// endpoint's status changes; the start functions and their done funcs are
// its only callers.

// connects reports whether an endpoint in status counts in its service's
// connection_count.
func connects(status string) bool { return status == statusCreating || status == statusAccepted }

// setStatus moves ep to status, or to failed with fail's entry, keeps its
// service's connection_count exact and returns the new status.
func (ep *endpoint) setStatus(at time.Time, status string, fail *scenario.Failure) string {
	ep.reindex(func() {
		was := connects(ep.view.Status)
		ep.view.Status, ep.view.Error = outcome(status, fail)
		if is := connects(ep.view.Status); is != was {
			if is {
				ep.svc.conns++
			} else {
				ep.svc.conns--
			}
		}
		if ep.view.Status == statusAccepted {
			ep.reveal()
		}
		ep.setUpdated(at)
	})
	return ep.view.Status
}

// reveal shows the address and DNS name of an accepted interface endpoint;
// they stay when it is rejected later (docs/vpcep-api.md §2.5).
func (ep *endpoint) reveal() {
	if !ep.ip.IsValid() {
		return
	}
	ep.view.IP = ep.ip.String()
	if ep.view.EnableDNS {
		ep.view.DNSNames = []string{dnsName(ep.view.ID, ep.svc)}
	}
}

// dnsName is the one private DNS name of an interface endpoint with
// enable_dns. The real format is unconfirmed; the fake uses
// "{endpoint id}.{service id}.vpcep.internal": unique, under a reserved
// top-level name nobody resolves, and exactly one (terraform's acceptance
// test expects one).
func dnsName(id string, s *service) string { return id + "." + s.view.ID + ".vpcep.internal" }

// touch sets updated_at.
func (ep *endpoint) touch(now time.Time) { ep.reindex(func() { ep.setUpdated(now) }) }

// setUpdated sets updated_at; reindex must surround it.
func (ep *endpoint) setUpdated(now time.Time) {
	ep.updated = now
	ep.view.UpdatedAt = stamp(now)
}

func (e *Engine) endpointChange(ep *endpoint, tr scenario.Transition) scenario.Change {
	return scenario.Change{Transition: tr, ResourceID: ep.view.ID, ProjectID: ep.view.ProjectID}
}

// startEndpointCreate puts a new endpoint in creating; it becomes accepted
// (service without approval) or pendingAcceptance (approval on, also for the
// owner's own endpoints), or what the plan's To or Fail says. To "accepted"
// on a service with approval is an approval without the owner: the endpoint
// waits in pendingAcceptance for an EndpointAccept transition.
func (e *Engine) startEndpointCreate(ep *endpoint, now time.Time) {
	ep.setStatus(now, statusCreating, nil)
	e.schedule(now, &ep.record, e.endpointChange(ep, scenario.EndpointCreate), e.cfg.Delays.EndpointCreate,
		e.endpointDone(ep, scenario.EndpointCreate))
}

// startEndpointAction runs the service owner's receive (accept) or reject:
// the endpoint passes through creating to accepted or rejected. A plan
// that is due at once completes before the response is built, so the
// action's answer already shows the outcome (gophertelekomcloud's
// acceptance test asserts it).
func (e *Engine) startEndpointAction(ep *endpoint, accept bool, now time.Time) {
	ep.setStatus(now, statusCreating, nil)
	e.scheduleAction(ep, accept, now)
	e.settleNow(&ep.record, now)
}

// scheduleAction schedules the EndpointAccept (accept) or EndpointReject
// transition of ep, which waits in its current status.
func (e *Engine) scheduleAction(ep *endpoint, accept bool, now time.Time) {
	tr, def := scenario.EndpointReject, e.cfg.Delays.EndpointReject
	if accept {
		tr, def = scenario.EndpointAccept, e.cfg.Delays.EndpointAccept
	}
	e.schedule(now, &ep.record, e.endpointChange(ep, tr), def, e.endpointDone(ep, tr))
}

// startEndpointDelete puts ep in deleting; it disappears afterwards (GET
// then answers 404, its connection is gone), or ends failed when the plan
// says so.
func (e *Engine) startEndpointDelete(ep *endpoint, now time.Time) {
	ep.setStatus(now, statusDeleting, nil)
	e.schedule(now, &ep.record, e.endpointChange(ep, scenario.EndpointDelete), e.cfg.Delays.EndpointDelete,
		e.endpointDone(ep, scenario.EndpointDelete))
}

// endpointDone returns the completion of transition tr of ep, or nil when
// tr is not an endpoint transition. An accept or reject completes from the
// status ep waits in now. A snapshot import rebuilds pending transitions
// with it.
func (e *Engine) endpointDone(ep *endpoint, tr scenario.Transition) doneFunc {
	switch tr {
	case scenario.EndpointCreate:
		return func(at time.Time, plan scenario.Plan) (string, string) {
			approval := ep.svc.view.ApprovalEnabled
			target := plan.To
			switch {
			case target == "" && approval:
				target = statusPendingAcceptance
			case target == "":
				target = statusAccepted
			case target == statusAccepted && approval:
				to := ep.setStatus(at, statusPendingAcceptance, nil)
				e.scheduleAction(ep, true, at)
				return statusCreating, to
			}
			return statusCreating, ep.setStatus(at, target, plan.Fail)
		}
	case scenario.EndpointAccept, scenario.EndpointReject:
		from, target := ep.view.Status, statusRejected
		if tr == scenario.EndpointAccept {
			target = statusAccepted
		}
		return func(at time.Time, plan scenario.Plan) (string, string) {
			return from, ep.setStatus(at, target, plan.Fail)
		}
	case scenario.EndpointDelete:
		return deleteDone(ep.setStatus, func() { e.removeEndpoint(ep) })
	}
	return nil
}
