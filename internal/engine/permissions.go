package engine

import (
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// permission is one whitelist record of a service (docs/vpcep-api.md §2.7). It lives in
// its service's perms and vanishes with it.
type permission struct {
	record
	view api.Permission
}

// grantEntry is a whitelist entry to add: stored form and description.
type grantEntry struct {
	perm, desc string
}

// mayConnect reports whether an account may create endpoints to s (docs/vpcep-api.md
// §4.3): the owner's own account, a whitelisted account, anyone when the
// whitelist allows every account, and anyone for public services.
func (e *Engine) mayConnect(s *service, domainID string) bool {
	if s.public != nil || s.view.DomainID == domainID {
		return true
	}
	for _, p := range s.perms {
		if rules.Allows(p.view.Permission, domainID) {
			return true
		}
	}
	return false
}

// grant adds the entries that are not on s's whitelist yet and returns the
// records of all entries, each once, in request order. An entry naming the
// owner's own account is skipped: the owner is always allowed and is never
// listed (terraform would see drift otherwise, docs/real-clients.md §3.2 item 14).
// Nothing changes when the whitelist would grow past maxPermissions.
func (e *Engine) grant(s *service, entries []grantEntry, now time.Time) ([]*permission, *api.Error) {
	have := make(map[string]*permission, len(s.perms)+len(entries))
	for _, p := range s.perms {
		have[p.view.Permission] = p
	}
	var added, out []*permission
	listed := make(map[*permission]bool, len(entries))
	for _, en := range entries {
		if en.perm == rules.DomainPrefix+s.view.DomainID {
			continue
		}
		p, ok := have[en.perm]
		if !ok {
			p = &permission{view: api.Permission{Permission: en.perm, PermissionType: rules.PermissionTypeDomain,
				Description: en.desc, CreatedAt: stamp(now)}}
			have[en.perm] = p
			added = append(added, p)
		}
		if !listed[p] {
			listed[p] = true
			out = append(out, p)
		}
	}
	if len(s.perms)+len(added) > maxPermissions {
		return nil, api.E3049
	}
	for _, p := range added {
		e.seq++
		p.view.ID = e.ids.uuid()
		p.record = record{id: p.view.ID, seq: e.seq, created: now, updated: now}
	}
	s.perms = append(s.perms[:len(s.perms):len(s.perms)], added...)
	return out, nil
}

// revoke removes the records drop selects from s's whitelist; the slice is
// replaced, not changed in place.
func (s *service) revoke(drop func(*permission) bool) {
	kept := make([]*permission, 0, len(s.perms))
	for _, p := range s.perms {
		if !drop(p) {
			kept = append(kept, p)
		}
	}
	s.perms = kept
}

// permissionStrings returns the whitelist entries of s in creation order.
func (s *service) permissionStrings() []string {
	out := make([]string, len(s.perms))
	for i, p := range s.perms {
		out[i] = p.view.Permission
	}
	return out
}

// renderPermissions returns the wire form of records.
func renderPermissions(ps []*permission) []api.Permission {
	out := make([]api.Permission, len(ps))
	for i, p := range ps {
		out[i] = p.view
	}
	return out
}

// PermissionAction is AddOrRemoveServicePermissions (docs/vpcep-api.md §3.11). The
// response lists the whole whitelist after the change: the OTC example
// answers a one-entry add with two entries, so it is not an echo. Adding
// an entry that exists and removing one that does not succeed without
// change. Every entry is checked before anything changes.
func (e *Engine) PermissionAction(t Tenant, id string, req *api.PermissionActionRequest) (api.PermissionActionResponse, *api.Error) {
	var add bool
	switch {
	case req.Action == nil:
		return api.PermissionActionResponse{}, api.E3035
	case *req.Action == "add":
		add = true
	case *req.Action != "remove":
		return api.PermissionActionResponse{}, api.E3035
	}
	if len(req.Permissions) == 0 {
		return api.PermissionActionResponse{}, api.E3036
	}
	if err := rules.PermissionType(req.PermissionType); err != nil {
		return api.PermissionActionResponse{}, err
	}
	entries := make([]grantEntry, len(req.Permissions))
	for i, raw := range req.Permissions {
		p, err := rules.Permission(raw)
		if err != nil {
			return api.PermissionActionResponse{}, err
		}
		entries[i] = grantEntry{perm: p}
	}
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return api.PermissionActionResponse{}, err
	}
	if add {
		if _, err := e.grant(s, entries, now); err != nil {
			return api.PermissionActionResponse{}, err
		}
	} else {
		gone := make(map[string]bool, len(entries))
		for _, en := range entries {
			gone[en.perm] = true
		}
		s.revoke(func(p *permission) bool { return gone[p.view.Permission] })
	}
	return api.PermissionActionResponse{Permissions: s.permissionStrings()}, nil
}

// ListPermissions is ListServicePermissionsDetails (docs/vpcep-api.md §3.10): the
// whitelist records of the caller's service, filtered by permission
// (fuzzy), paged (limit 0-500, default 10) and sorted by creation time.
// The owner's own account is never a record.
func (e *Engine) ListPermissions(t Tenant, id string, q api.PermissionQuery) (api.PermissionList, *api.Error) {
	lq, err := ParseListQuery(q.Page, maxPermissionsPage)
	if err != nil {
		return api.PermissionList{}, err
	}
	filter := q.Permission
	e.lock()
	defer e.mu.Unlock()
	s, err := e.ownService(t, id)
	if err != nil {
		return api.PermissionList{}, err
	}
	sel, total := page(s.perms, func(p *permission) *record { return &p.record }, func(p *permission) bool {
		return fuzzy(p.view.Permission, filter)
	}, lq)
	return api.PermissionList{Permissions: renderPermissions(sel), TotalCount: total}, nil
}
