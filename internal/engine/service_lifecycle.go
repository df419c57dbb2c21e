package engine

import (
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// The service state machine of docs/vpcep-api.md §4.1. setStatus is the only place a
// service's status changes; the start functions and their done funcs are
// its only callers.

func (e *Engine) serviceChange(s *service, tr scenario.Transition) scenario.Change {
	return scenario.Change{Transition: tr, ResourceID: s.view.ID, ProjectID: s.view.ProjectID, Name: s.name}
}

// startServiceCreate puts a new service in creating; it becomes available,
// or failed when the plan says so.
func (e *Engine) startServiceCreate(s *service, now time.Time) {
	s.setStatus(now, statusCreating, nil)
	e.schedule(now, &s.record, e.serviceChange(s, scenario.ServiceCreate), e.cfg.Delays.ServiceCreate,
		e.serviceDone(s, scenario.ServiceCreate))
}

// startServiceDelete puts s in deleting; it disappears afterwards (GET then
// answers 404), or ends failed when the plan says so.
func (e *Engine) startServiceDelete(s *service, now time.Time) {
	s.setStatus(now, statusDeleting, nil)
	e.schedule(now, &s.record, e.serviceChange(s, scenario.ServiceDelete), e.cfg.Delays.ServiceDelete,
		e.serviceDone(s, scenario.ServiceDelete))
}

// serviceDone returns the completion of transition tr of s, or nil when tr
// is not a service transition. A snapshot import rebuilds pending
// transitions with it.
func (e *Engine) serviceDone(s *service, tr scenario.Transition) doneFunc {
	switch tr {
	case scenario.ServiceCreate:
		return func(at time.Time, plan scenario.Plan) (string, string) {
			return statusCreating, s.setStatus(at, statusAvailable, plan.Fail)
		}
	case scenario.ServiceDelete:
		return deleteDone(s.setStatus, func() { e.removeService(s) })
	}
	return nil
}

// outcome is the status and error[] a transition to target ends in: target
// without errors, or failed with fail's entry.
func outcome(target string, fail *scenario.Failure) (string, []api.ErrorEntry) {
	if fail == nil {
		return target, nil
	}
	return statusFailed, []api.ErrorEntry{{ErrorCode: fail.Code, ErrorMessage: fail.Message}}
}

// setStatus moves s to status, or to failed with fail's error entry, and
// returns the new status.
func (s *service) setStatus(at time.Time, status string, fail *scenario.Failure) string {
	s.reindex(func() {
		s.view.Status, s.view.Error = outcome(status, fail)
		s.setUpdated(at)
	})
	return s.view.Status
}
