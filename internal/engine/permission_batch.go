package engine

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// The Huawei-only whitelist operations (docs/vpcep-api.md §3.24-3.26). OTC clients never
// call them; the Huawei SDK does.

// BatchAddPermissions is [HW] BatchAddEndpointServicePermissions (docs/vpcep-api.md
// §3.24): both item fields are mandatory (the Huawei SDK sends
// "description":""). The response holds the record of every requested
// entry, new or existing (an existing record keeps its description);
// the owner's own account gets none, as it is never a record.
func (e *Engine) BatchAddPermissions(t Tenant, id string, req *api.BatchAddPermissionsRequest) (api.PermissionsResponse, *api.Error) {
	if len(req.Permissions) == 0 {
		return api.PermissionsResponse{}, api.E3036
	}
	if err := rules.PermissionType(req.PermissionType); err != nil {
		return api.PermissionsResponse{}, err
	}
	entries := make([]grantEntry, len(req.Permissions))
	for i, it := range req.Permissions {
		if it.Permission == nil || it.Description == nil {
			return api.PermissionsResponse{}, api.E0002
		}
		p, err := rules.Permission(*it.Permission)
		if err != nil {
			return api.PermissionsResponse{}, err
		}
		if err := rules.Description(*it.Description); err != nil {
			return api.PermissionsResponse{}, err
		}
		entries[i] = grantEntry{perm: p, desc: *it.Description}
	}
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return api.PermissionsResponse{}, err
	}
	recs, err := e.grant(s, entries, now)
	if err != nil {
		return api.PermissionsResponse{}, err
	}
	return api.PermissionsResponse{Permissions: renderPermissions(recs)}, nil
}

// BatchRemovePermissions is [HW] BatchRemoveEndpointServicePermissions
// (docs/vpcep-api.md §3.25): records are named by id; an id that is not a record of the
// service is ignored, like a remove of a missing entry. The response is
// the whitelist that remains (whether Huawei returns the removed or the
// remaining records is unconfirmed; the remaining ones match what
// AddOrRemoveServicePermissions returns).
func (e *Engine) BatchRemovePermissions(t Tenant, id string, req *api.BatchRemovePermissionsRequest) (api.PermissionsResponse, *api.Error) {
	if len(req.Permissions) == 0 {
		return api.PermissionsResponse{}, api.E3036
	}
	gone := make(map[string]bool, len(req.Permissions))
	for _, ref := range req.Permissions {
		if ref.ID == nil || !rules.IsUUID(*ref.ID) {
			return api.PermissionsResponse{}, api.E3002
		}
		gone[*ref.ID] = true
	}
	e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return api.PermissionsResponse{}, err
	}
	s.revoke(func(p *permission) bool { return gone[p.view.ID] })
	return api.PermissionsResponse{Permissions: renderPermissions(s.perms)}, nil
}

// UpdatePermissionDesc is [HW] UpdateEndpointServicePermissionDesc (docs/vpcep-api.md
// §3.26). A malformed record id is EndPoint.3002, an unknown one 404
// EndPoint.0005.
func (e *Engine) UpdatePermissionDesc(t Tenant, id, permID string, req *api.UpdatePermissionDescRequest) (api.PermissionsResponse, *api.Error) {
	if req.Permission == nil || req.Permission.Description == nil {
		return api.PermissionsResponse{}, api.E0002
	}
	desc := *req.Permission.Description
	if err := rules.Description(desc); err != nil {
		return api.PermissionsResponse{}, err
	}
	if !rules.IsUUID(permID) {
		return api.PermissionsResponse{}, api.E3002
	}
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return api.PermissionsResponse{}, err
	}
	for _, p := range s.perms {
		if p.view.ID == permID {
			p.view.Description = desc
			p.updated = now
			return api.PermissionsResponse{Permissions: []api.Permission{p.view}}, nil
		}
	}
	return api.PermissionsResponse{}, api.E0005
}
