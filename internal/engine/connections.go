package engine

import (
	"strconv"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// connectionStatuses are the values the connection status filter accepts
// (docs/vpcep-api.md §1.8).
var connectionStatuses = map[string]bool{statusPendingAcceptance: true, statusAccepted: true, statusRejected: true, statusFailed: true}

// ListConnections is ListServiceConnections (docs/vpcep-api.md §3.8): every endpoint of
// the caller's service, from any account, filtered by id, marker_id and
// status, paged and sorted. Only the service's owner may call it.
func (e *Engine) ListConnections(t Tenant, serviceID string, q api.ConnectionQuery) (api.ConnectionList, *api.Error) {
	lq, err := ParseListQuery(q.Page, 1000)
	if err != nil {
		return api.ConnectionList{}, err
	}
	id, status := q.ID, q.Status
	marker, hasMarker := int64(0), q.MarkerID != ""
	if hasMarker {
		var perr error
		if marker, perr = strconv.ParseInt(q.MarkerID, 10, 32); perr != nil {
			return api.ConnectionList{}, api.E0021
		}
	}
	if status != "" && !connectionStatuses[status] {
		return api.ConnectionList{}, api.E0019
	}
	e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, serviceID)
	if err != nil {
		return api.ConnectionList{}, err
	}
	match := func(_ string, ep *endpoint) bool {
		return (status == "" || ep.view.Status == status) && (!hasMarker || int64(ep.view.MarkerID) == marker)
	}
	var sel []*endpoint
	var total int
	switch {
	case id != "":
		ep, ok := e.eps[id]
		sel, total = one(ep, ok, func(ep *endpoint) bool { return ep.svc == s && match("", ep) }, lq)
	case hasMarker:
		sel, total = s.eps.scan(match, lq)
	case status != "":
		sel, total = s.eps.bucketPage(status, lq)
	default:
		sel, total = s.eps.page(lq)
	}
	out := api.ConnectionList{Connections: make([]api.Connection, len(sel)), TotalCount: total}
	for i, ep := range sel {
		out.Connections[i] = ep.connection()
	}
	return out, nil
}

// connectionOf returns the endpoint id of service s, or the documented
// error: malformed EndPoint.2017, not a connection of s EndPoint.2013.
func (e *Engine) connectionOf(s *service, id string) (*endpoint, *api.Error) {
	if !rules.IsUUID(id) {
		return nil, api.E2017
	}
	ep, ok := e.eps[id]
	if !ok || ep.svc != s {
		return nil, api.E2013
	}
	return ep, nil
}

// ConnectionAction is AcceptOrRejectEndpoint (docs/vpcep-api.md §3.9). action is receive
// or reject (EndPoint.2027); endpoints holds exactly one id (none:
// EndPoint.2002, more: EndPoint.2031). The endpoint must be a connection of
// the caller's service (EndPoint.2013) and not creating (2019), deleting
// (2018) or failed (2047, the code documented for modifying a failed
// endpoint; the real answer is unconfirmed).
//
// Receiving an accepted endpoint, or rejecting a rejected one, succeeds
// without change: gophertelekomcloud's acceptance test and the Huawei
// contract flow both send receive for an endpoint that approval-free
// creation already accepted and expect accepted back, and Huawei
// terraform's approval delete rejects every listed endpoint. EndPoint.2014
// ("already connected", an inferred code) would break them.
func (e *Engine) ConnectionAction(t Tenant, serviceID string, req *api.ConnectionActionRequest) (api.Connections, *api.Error) {
	if req.Action == nil || *req.Action != "receive" && *req.Action != "reject" {
		return api.Connections{}, api.E2027
	}
	switch {
	case len(req.Endpoints) == 0:
		return api.Connections{}, api.E2002
	case len(req.Endpoints) > 1:
		return api.Connections{}, api.E2031
	}
	accept := *req.Action == "receive"
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, serviceID)
	if err != nil {
		return api.Connections{}, err
	}
	ep, err := e.connectionOf(s, req.Endpoints[0])
	if err != nil {
		return api.Connections{}, err
	}
	if err := ep.modifiable(); err != nil {
		return api.Connections{}, err
	}
	target := statusRejected
	if accept {
		target = statusAccepted
	}
	if ep.view.Status != target {
		e.startEndpointAction(ep, accept, now)
	}
	return api.Connections{Connections: []api.Connection{ep.connection()}}, nil
}

// UpdateConnectionsDesc is the [HW] UpdateEndpointConnectionsDesc (docs/vpcep-api.md
// §3.23): both fields of every entry are required (EndPoint.0002), each id a
// connection of the caller's service (2017, 2013), each description valid.
// It answers with the updated connections.
func (e *Engine) UpdateConnectionsDesc(t Tenant, serviceID string, req *api.ConnectionsDescRequest) (api.Connections, *api.Error) {
	if len(req.Connections) == 0 {
		return api.Connections{}, api.E0002
	}
	for _, c := range req.Connections {
		if c.ID == nil || c.Description == nil {
			return api.Connections{}, api.E0002
		}
		if err := rules.Description(*c.Description); err != nil {
			return api.Connections{}, err
		}
	}
	e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, serviceID)
	if err != nil {
		return api.Connections{}, err
	}
	eps := make([]*endpoint, len(req.Connections))
	for i, c := range req.Connections {
		if eps[i], err = e.connectionOf(s, *c.ID); err != nil {
			return api.Connections{}, err
		}
	}
	out := api.Connections{Connections: make([]api.Connection, len(eps))}
	for i, ep := range eps {
		ep.connDesc = *req.Connections[i].Description
		out.Connections[i] = ep.connection()
	}
	return out, nil
}
