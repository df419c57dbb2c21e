package engine

import (
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// service is a stored endpoint service.
type service struct {
	record
	view   api.Service           // wire form; its slices are replaced, never changed in place
	name   string                // short name, "" when none
	conns  int                   // endpoints in creating or accepted: connection_count
	perms  []*permission         // whitelist records in creation order; replaced, never changed in place
	public *publicInfo           // set for public (O&M) services only
	eps    *listIndex[*endpoint] // endpoints connected to it, bucketed by status; nil before the first
	proj   *project              // the project whose indexes hold it; nil for public services
}

// render returns the wire object, safe to use after the lock is released.
func (s *service) render() api.Service {
	v := s.view
	v.ConnectionCount = s.conns
	return v
}

// ownService returns the caller's service id, or the documented error: 400
// EndPoint.3062 for a malformed id, 404 EndPoint.0005 for an unknown one or
// one of another project (only the owner may address it by id; docs/vpcep-api.md
// leaves 403 possible, 404 leaks nothing).
func (e *Engine) ownService(t Tenant, id string) (*service, *api.Error) {
	if !rules.IsUUID(id) {
		return nil, api.E3062
	}
	s, ok := e.services[id]
	if !ok || s.view.ProjectID != t.ProjectID {
		return nil, api.E0005
	}
	return s, nil
}

// availableService is ownService for a change that needs the service
// available (an update or a rename): any other status gives 3045.
func (e *Engine) availableService(t Tenant, id string) (*service, *api.Error) {
	s, err := e.ownService(t, id)
	if err == nil && s.view.Status != statusAvailable {
		return nil, api.E3045
	}
	return s, err
}

// GetService is ListServiceDetails. The read counts for read-based plans.
func (e *Engine) GetService(t Tenant, id string) (api.Service, *api.Error) {
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return api.Service{}, err
	}
	v := s.render()
	e.observe(&s.record, now)
	return v, nil
}

// serviceStatuses are the values the status filter accepts.
var serviceStatuses = map[string]bool{statusCreating: true, statusAvailable: true, statusFailed: true, statusDeleting: true}

// netTypes are the values of the [HW] net_type filter.
var netTypes = map[string]bool{"vlan": true, "vxlan": true, "all": true}

// ListServices is ListEndpointService: the caller's services filtered by
// endpoint_service_name (fuzzy), id (exact) and status, paged and sorted.
// The [HW] net_type filter is validated; every service of the fake is a
// vxlan-or-all match, so it filters nothing, nor does public_border_group.
func (e *Engine) ListServices(t Tenant, q api.ServiceQuery) (api.ServiceList, *api.Error) {
	lq, err := ParseListQuery(q.Page, 1000)
	if err != nil {
		return api.ServiceList{}, err
	}
	name, id, status := q.Name, q.ID, q.Status
	if status != "" && !serviceStatuses[status] {
		return api.ServiceList{}, api.E0019
	}
	if nt := q.NetType; nt != "" && !netTypes[nt] {
		return api.ServiceList{}, api.E0002
	}
	folded := fold(name)
	e.lock()
	defer e.mu.Unlock()
	p := e.projects[t.ProjectID]
	if p == nil {
		return api.ServiceList{Services: []api.Service{}}, nil
	}
	var sel []*service
	var total int
	switch {
	case id != "":
		s, ok := e.services[id]
		sel, total = one(s, ok, func(s *service) bool {
			return s.proj == p && (status == "" || s.view.Status == status) && fuzzy(s.view.ServiceName, name)
		}, lq)
	case name != "":
		sel, total = p.services.scan(func(key string, s *service) bool {
			return strings.Contains(key, folded) && (status == "" || s.view.Status == status)
		}, lq)
	case status != "":
		sel, total = p.services.bucketPage(status, lq)
	default:
		sel, total = p.services.page(lq)
	}
	out := api.ServiceList{Services: make([]api.Service, len(sel)), TotalCount: total}
	for i, s := range sel {
		out.Services[i] = s.render()
	}
	return out, nil
}

// checkBackend checks the backend VPC and port against the inventory.
func (e *Engine) checkBackend(vpcID, portID string) *api.Error {
	if _, err := e.net.checkVPC(vpcID); err != nil {
		return err
	}
	_, err := e.net.checkPort(portID, vpcID)
	return err
}

// backendPort is one server port+protocol of a backend port_id; services
// sharing a backend must each use different ones (docs/vpcep-api.md §2.1).
type backendPort struct {
	portID     string
	serverPort int
	protocol   string
}

// checkPortConflicts reports EndPoint.3044 when another service than self
// (nil on create) already uses a server_port+protocol of ports on portID.
func (e *Engine) checkPortConflicts(self *service, portID string, ports []api.PortMapping) *api.Error {
	for _, p := range ports {
		if other, ok := e.byPort[backendPort{portID, p.ServerPort, p.Protocol}]; ok && other != self {
			return api.E3044
		}
	}
	return nil
}

// usePort and freePort keep the backend port index current.
func (e *Engine) usePort(s *service) {
	for _, p := range s.view.Ports {
		e.byPort[backendPort{s.view.PortID, p.ServerPort, p.Protocol}] = s
	}
}

func (e *Engine) freePort(s *service) {
	for _, p := range s.view.Ports {
		delete(e.byPort, backendPort{s.view.PortID, p.ServerPort, p.Protocol})
	}
}

// removeService forgets s and everything that belongs to it.
func (e *Engine) removeService(s *service) {
	e.cancel(&s.record)
	delete(e.services, s.view.ID)
	e.freePort(s)
	e.unname(s)
	if p := s.proj; p != nil {
		p.services.remove(s, s.view.Status)
		p.serviceTags.remove(s)
	}
}

// storeService indexes the new service s of project p.
func (e *Engine) storeService(p *project, s *service) {
	s.proj = p
	s.view.ServiceName = shared(s.view.ServiceName, p.services.add(s, s.view.Status, fold(s.view.ServiceName)))
	p.serviceTags.add(s)
	e.addName(s)
}

// shared returns stored, a copy of s in a key arena, when it equals s: the
// name and its search key then take memory once.
func shared(s, stored string) string {
	if s == stored {
		return stored
	}
	return s
}

// name and unname keep the indexes of full names current; unname before
// a change of s.view.ServiceName, name after it.
func (e *Engine) name(s *service) {
	if s.proj != nil {
		s.view.ServiceName = shared(s.view.ServiceName, s.proj.services.all.setKey(s.seq, fold(s.view.ServiceName)))
	}
	e.addName(s)
}

func (e *Engine) unname(s *service) {
	if e.named[s.view.ServiceName] == s {
		delete(e.named, s.view.ServiceName)
	}
}

// serviceByName returns the service whose full name is name, or nil. A
// tenant service's full name ends in "." and its id (rules.FullServiceName),
// so the id map finds it; e.named holds only the names that do not (public
// services'), and a create pays no second map insert.
func (e *Engine) serviceByName(name string) *service {
	if s := e.services[idSuffix(name)]; s != nil && s.view.ServiceName == name {
		return s
	}
	return e.named[name]
}

// addName makes s found by its full name.
func (e *Engine) addName(s *service) {
	if idSuffix(s.view.ServiceName) != s.view.ID {
		e.named[s.view.ServiceName] = s
	}
}

// idSuffix returns what follows the last dot of a full service name.
func idSuffix(name string) string { return name[strings.LastIndexByte(name, '.')+1:] }

// reindex runs change, which may change s's status and updated_at, and
// keeps its project's indexes current.
func (s *service) reindex(change func()) {
	if s.proj == nil {
		change()
		return
	}
	s.proj.services.move(s, s.view.Status, change, func() string { return s.view.Status })
}
