package engine

import (
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// UpdateService is UpdateEndpointService (docs/vpcep-api.md §3.5): only present fields
// change; ports replace the whole list. It is allowed only while the service
// is available (EndPoint.3045 otherwise; unconfirmed) and is synchronous:
// the status stays available, which the OTC terraform provider's poll after
// an update accepts. An empty body ({}, what terraform sends when only the
// whitelist changed) succeeds and changes only updated_at.
func (e *Engine) UpdateService(t Tenant, id string, req *api.UpdateServiceRequest) (api.Service, *api.Error) {
	var ports []api.PortMapping
	if req.Ports != nil {
		var err *api.Error
		if ports, err = rules.Ports(req.Ports); err != nil {
			return api.Service{}, err
		}
	}
	if err := rules.UpdateService(req); err != nil {
		return api.Service{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.availableService(t, id)
	if err != nil {
		return api.Service{}, err
	}
	v := s.view
	if req.PortID != nil && *req.PortID != "" {
		if err := e.checkBackend(v.VpcID, *req.PortID); err != nil {
			return api.Service{}, err
		}
		v.PortID = *req.PortID
	}
	if ports != nil {
		v.Ports = ports
	}
	if err := e.checkPortConflicts(s, v.PortID, v.Ports); err != nil {
		return api.Service{}, err
	}
	// Every check passed: apply.
	if req.ApprovalEnabled != nil {
		v.ApprovalEnabled = *req.ApprovalEnabled
	}
	if req.TCPProxy != nil {
		v.TCPProxy, _ = rules.TCPProxies.Canonical(*req.TCPProxy)
	}
	if req.Description != nil {
		v.Description = *req.Description
	}
	if req.VipPortID != nil && *req.VipPortID != "" {
		v.VipPortID = *req.VipPortID
	}
	// gophertelekomcloud sends service_name only when non-empty; "" is
	// taken as "no change", like an absent name on create.
	if req.ServiceName != nil && *req.ServiceName != "" {
		s.name = *req.ServiceName
		v.ServiceName = rules.FullServiceName(e.cfg.Region, s.name, v.ID)
	}
	e.freePort(s)
	e.unname(s)
	s.view = v
	e.usePort(s)
	e.name(s)
	s.touch(now)
	return s.render(), nil
}

// RenameService is the [HW] UpdateEndpointServiceName (docs/vpcep-api.md §3.22): 0-16
// characters; an empty name removes the short name.
func (e *Engine) RenameService(t Tenant, id string, req *api.RenameServiceRequest) (api.RenameServiceResponse, *api.Error) {
	name := ""
	if req.EndpointServiceName != nil {
		name = *req.EndpointServiceName
	}
	if err := rules.ServiceName(name); err != nil {
		return api.RenameServiceResponse{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.availableService(t, id)
	if err != nil {
		return api.RenameServiceResponse{}, err
	}
	s.name = name
	e.unname(s)
	s.view.ServiceName = rules.FullServiceName(e.cfg.Region, name, s.view.ID)
	e.name(s)
	s.touch(now)
	return api.RenameServiceResponse{EndpointServiceName: s.view.ServiceName}, nil
}

// DeleteService is DeleteEndpointService (docs/vpcep-api.md §3.6, 4.4). It is refused
// while endpoints of the service are creating or accepted (EndPoint.3006),
// and while the service is still creating (EndPoint.3045; the real answer is
// unconfirmed, docs/vpcep-api.md §4.1). Deleting a service that is already deleting
// succeeds again without change, so a client's retry is harmless.
func (e *Engine) DeleteService(t Tenant, id string) *api.Error {
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return err
	}
	switch {
	case s.view.Status == statusDeleting:
		return nil
	case s.view.Status == statusCreating:
		return api.E3045
	case s.conns > 0:
		return api.E3006
	}
	e.startServiceDelete(s, now)
	return nil
}

// touch sets updated_at.
func (s *service) touch(now time.Time) { s.reindex(func() { s.setUpdated(now) }) }

// setUpdated sets updated_at; reindex must surround it.
func (s *service) setUpdated(now time.Time) {
	s.updated = now
	s.view.UpdatedAt = stamp(now)
}
