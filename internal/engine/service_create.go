package engine

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// CreateService is CreateEndpointService: it validates req, checks the
// network inventory, port conflicts and the quota, stores the service in
// status creating and schedules its transition to available.
func (e *Engine) CreateService(t Tenant, req *api.CreateServiceRequest) (api.Service, *api.Error) {
	s := &service{view: api.Service{ProjectID: t.ProjectID, DomainID: t.DomainID}}
	v := &s.view // validated in place: the view is the service's, not a copy
	if err := rules.CreateService(req, v); err != nil {
		return api.Service{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	if err := e.checkBackend(v.VpcID, v.PortID); err != nil {
		return api.Service{}, err
	}
	if err := e.checkPortConflicts(nil, v.PortID, v.Ports); err != nil {
		return api.Service{}, err
	}
	p := e.project(t.ProjectID)
	if p.services.len() >= e.cfg.Quotas.Services {
		return api.Service{}, api.E1018
	}
	v.ID = e.ids.uuid()
	v.PoolID = e.poolID(req.PoolID)
	v.CreatedAt = stamp(now)
	v.UpdatedAt = v.CreatedAt
	if req.ServiceName != nil {
		s.name = *req.ServiceName
	}
	v.ServiceName = rules.FullServiceName(e.cfg.Region, s.name, v.ID)
	e.seq++
	s.record = record{id: v.ID, seq: e.seq, created: now, updated: now}
	e.services[v.ID] = s
	e.usePort(s)
	e.startServiceCreate(s, now)
	e.storeService(p, s)
	return s.render(), nil
}

// poolID returns the requested pool or the one the system assigns.
func (e *Engine) poolID(req *string) string {
	if req != nil && *req != "" {
		return *req
	}
	return e.ids.poolID()
}
