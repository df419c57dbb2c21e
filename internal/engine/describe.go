package engine

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// DescribeService is ListServiceDescribeDetails (docs/vpcep-api.md §3.13): the basic
// information of one service, found by its exact full name or its id
// (exactly one of the two, else 400 EndPoint.0002). Consumers use it to
// find what they may connect to, so it finds public services and the
// tenant services the caller may connect to (mayConnect); anything else is
// 404 EndPoint.0005, the generic not-found (docs/vpcep-api.md leaves the code open;
// EndPoint.2003 is a 400 and belongs to CreateEndpoint's body reference).
// A malformed id is EndPoint.3062.
func (e *Engine) DescribeService(t Tenant, q api.DescribeQuery) (api.ServiceBasicInfo, *api.Error) {
	name, id := q.Name, q.ID
	if (name == "") == (id == "") {
		return api.ServiceBasicInfo{}, api.E0002
	}
	if id != "" && !rules.IsUUID(id) {
		return api.ServiceBasicInfo{}, api.E3062
	}
	e.lock()
	defer e.mu.Unlock()
	s := e.services[id]
	if name != "" {
		s = e.serviceByName(name)
	}
	if s == nil || !e.mayConnect(s, t.DomainID) {
		return api.ServiceBasicInfo{}, api.E0005
	}
	info := api.ServiceBasicInfo{ID: s.view.ID, ServiceName: s.view.ServiceName, ServiceType: s.view.ServiceType,
		ServerType: s.view.ServerType, CreatedAt: s.view.CreatedAt, EnablePolicy: s.view.EnablePolicy}
	if s.public != nil {
		info.IsCharge = s.public.isCharge
	}
	return info, nil
}
