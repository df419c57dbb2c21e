package engine

import (
	"net/netip"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// endpoint is a stored VPC endpoint. It lives in its creator's project and
// is a connection of its service.
type endpoint struct {
	record
	view     api.Endpoint // wire form; its slices are replaced, never changed in place
	svc      *service     // kept after the service is gone (docs/vpcep-api.md §4.4)
	domainID string       // the owner's account, shown in the connection view
	subnet   string       // subnet id of the reserved address; "" for gateway
	ip       netip.Addr   // reserved address, shown once accepted; zero for gateway
	connDesc string       // [HW] connection description set by the service owner
	proj     *project     // the project whose indexes hold it
}

// render returns the wire object, safe to use after the lock is released.
func (ep *endpoint) render() api.Endpoint { return ep.view }

// connection returns the endpoint as its service's owner sees it.
func (ep *endpoint) connection() api.Connection {
	return api.Connection{ID: ep.view.ID, MarkerID: ep.view.MarkerID, CreatedAt: ep.view.CreatedAt,
		UpdatedAt: ep.view.UpdatedAt, DomainID: ep.domainID, Status: ep.view.Status, Error: ep.view.Error,
		Description: ep.connDesc}
}

// ownEndpoint returns the caller's endpoint, or the documented error: 400
// EndPoint.2017 for a malformed id, 404 EndPoint.2006 for an unknown one,
// another project's, or a service id (docs/vpcep-api.md §1.4 recommends 2006 for
// endpoints; terraform's destroy check calls GET endpoint with service ids
// and needs the 404).
func (e *Engine) ownEndpoint(t Tenant, id string) (*endpoint, *api.Error) {
	if !rules.IsUUID(id) {
		return nil, api.E2017
	}
	ep, ok := e.eps[id]
	if !ok || ep.view.ProjectID != t.ProjectID {
		return nil, api.E2006
	}
	return ep, nil
}

// GetEndpoint is ListEndpointInfoDetails. The read counts for read-based
// plans.
func (e *Engine) GetEndpoint(t Tenant, id string) (api.Endpoint, *api.Error) {
	now := e.lock()
	defer e.mu.Unlock()
	ep, err := e.ownEndpoint(t, id)
	if err != nil {
		return api.Endpoint{}, err
	}
	v := ep.render()
	e.observe(&ep.record, now)
	return v, nil
}

// ListEndpoints is ListEndpoints: the caller's endpoints filtered by
// endpoint_service_name (fuzzy), vpc_id and id (exact), paged and sorted.
func (e *Engine) ListEndpoints(t Tenant, q api.EndpointQuery) (api.EndpointList, *api.Error) {
	lq, err := ParseListQuery(q.Page, 1000)
	if err != nil {
		return api.EndpointList{}, err
	}
	name, vpc, id := q.Name, q.VpcID, q.ID
	folded := fold(name)
	e.lock()
	defer e.mu.Unlock()
	out := api.EndpointList{Endpoints: []api.Endpoint{}}
	p := e.projects[t.ProjectID]
	if p == nil {
		return out, nil
	}
	var sel []*endpoint
	var total int
	switch {
	case id != "":
		ep, ok := e.eps[id]
		sel, total = one(ep, ok, func(ep *endpoint) bool {
			return ep.proj == p && (vpc == "" || ep.view.VpcID == vpc) && fuzzy(ep.view.EndpointServiceName, name)
		}, lq)
	case name != "":
		sel, total = p.endpoints.scan(func(key string, ep *endpoint) bool {
			return strings.Contains(key, folded) && (vpc == "" || ep.view.VpcID == vpc)
		}, lq)
	case vpc != "":
		sel, total = p.endpoints.bucketPage(vpc, lq)
	default:
		sel, total = p.endpoints.page(lq)
	}
	out.TotalCount = total
	for _, ep := range sel {
		out.Endpoints = append(out.Endpoints, ep.render())
	}
	return out, nil
}

// DeleteEndpoint is DeleteEndpoint (docs/vpcep-api.md §3.16): the endpoint goes to
// deleting and disappears afterwards. It is refused while creating
// (EndPoint.2019); deleting one that is already deleting succeeds again
// without change, so a client's retry is harmless (docs/vpcep-api.md's alternative,
// EndPoint.2018, would fail terraform's retried destroy).
func (e *Engine) DeleteEndpoint(t Tenant, id string) *api.Error {
	now := e.lock()
	defer e.mu.Unlock()
	ep, err := e.ownEndpoint(t, id)
	if err != nil {
		return err
	}
	switch ep.view.Status {
	case statusDeleting:
		return nil
	case statusCreating:
		return api.E2019
	}
	e.startEndpointDelete(ep, now)
	return nil
}

// removeEndpoint forgets ep: its record, its address, its place in its
// project and in its service's connections.
func (e *Engine) removeEndpoint(ep *endpoint) {
	e.cancel(&ep.record)
	if connects(ep.view.Status) {
		ep.svc.conns--
	}
	delete(e.eps, ep.view.ID)
	e.freeIP(ep)
	ep.proj.endpoints.remove(ep, ep.view.VpcID)
	ep.proj.endpointTags.remove(ep)
	ep.svc.eps.remove(ep, ep.view.Status)
}

// storeEndpoint indexes the new endpoint ep of project p, a connection of
// its service.
func storeEndpoint(p *project, ep *endpoint) {
	ep.proj = p
	ep.view.EndpointServiceName = shared(ep.view.EndpointServiceName,
		p.endpoints.add(ep, ep.view.VpcID, fold(ep.view.EndpointServiceName)))
	p.endpointTags.add(ep)
	if ep.svc.eps == nil {
		ep.svc.eps = &listIndex[*endpoint]{}
	}
	ep.svc.eps.add(ep, ep.view.Status, "")
}

// reindex runs change, which may change ep's status and updated_at, and
// keeps its project's and its service's indexes current.
func (ep *endpoint) reindex(change func()) {
	if ep.proj == nil {
		change()
		return
	}
	vpc := func() string { return ep.view.VpcID }
	status := func() string { return ep.view.Status }
	ep.proj.endpoints.move(ep, vpc(), func() { ep.svc.eps.move(ep, status(), change, status) }, vpc)
}
