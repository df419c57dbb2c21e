package engine

import (
	"errors"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// PublicService configures one public (O&M-provided) endpoint service
// (docs/vpcep-api.md §2.9): visible to every tenant in ListServicePublicDetails and
// describe, connectable by everyone, owned by no tenant.
type PublicService struct {
	// ID is the service id; empty means generated.
	ID string
	// Name is the full service name, e.g. com.t-systems.otc.eu-de.obs.
	Name string
	// Type is the service type: gateway or interface.
	Type string
	// Owner is shown in the public list; empty means "OTC".
	Owner string
	// IsCharge and EnablePolicy are shown as is_charge and enable_policy.
	IsCharge     bool
	EnablePolicy bool
}

// Owner of public services: a system project and account that no tenant
// can have (AddTenant rejects a project id with ':'), so no tenant can
// address them through its own service operations or count them in a
// quota.
const (
	publicProjectID = "system:otc"
	publicDomainID  = "system:otc"
	defaultOwner    = "OTC"
)

// publicInfo marks a service as public and holds what only the public
// views show.
type publicInfo struct {
	owner    string
	isCharge bool
}

// DefaultPublicServices is the set every engine starts with unless
// Config.PublicServices says otherwise: the system services the OTC
// console guide names (docs/vpcep-api.md §2.9) for region, namely OBS (gateway) and DNS
// (interface) everywhere and APIG (interface) in eu-de only. None of the
// names is a substring of another, so the fuzzy name filter finds exactly
// one for each full name, as the OTC terraform data source requires
// (docs/real-clients.md: "…obs" against "…obs-2"). For that reason eu-nl's
// com.t-systems.otc.eu-nl.obs-internet is left out: with it, a search for
// com.t-systems.otc.eu-nl.obs would match two services. Add it with
// Config.PublicServices when a test needs it.
func DefaultPublicServices(region string) []PublicService {
	prefix := "com.t-systems.otc." + region + "."
	out := []PublicService{
		{Name: prefix + "obs", Type: "gateway"},
		{Name: prefix + "dns", Type: "interface"},
	}
	if region == "eu-de" {
		out = append(out, PublicService{Name: prefix + "apig", Type: "interface"})
	}
	return out
}

// addPublic stores the public services of ps. It fails on an empty or
// repeated name or id, a malformed id and an unknown type.
func (e *Engine) addPublic(ps []PublicService, now time.Time) error {
	names := map[string]bool{}
	for _, p := range ps {
		typ, ok := rules.ServiceTypes.Canonical(p.Type)
		switch {
		case p.Name == "" || names[p.Name]:
			return errors.New("engine: public service names must be non-empty and distinct")
		case !ok:
			return errors.New("engine: public service " + p.Name + ": type must be gateway or interface")
		case p.ID != "" && !rules.IsUUID(p.ID):
			return errors.New("engine: public service " + p.Name + ": id must be a UUID")
		case e.services[p.ID] != nil:
			return errors.New("engine: public service " + p.Name + ": id already used")
		}
		names[p.Name] = true
		id := p.ID
		if id == "" {
			id = e.ids.uuid()
		}
		owner := p.Owner
		if owner == "" {
			owner = defaultOwner
		}
		e.seq++
		s := &service{
			record: record{id: id, seq: e.seq, created: now, updated: now},
			view: api.Service{ID: id, ServiceName: p.Name, ServiceType: typ, Status: statusAvailable,
				CreatedAt: stamp(now), UpdatedAt: stamp(now), ProjectID: publicProjectID, DomainID: publicDomainID,
				Ports: []api.PortMapping{}, Tags: []api.Tag{}, EnablePolicy: p.EnablePolicy, EnterpriseProjectID: "0"},
			public: &publicInfo{owner: owner, isCharge: p.IsCharge},
		}
		e.services[id] = s
		e.name(s)
		e.public = append(e.public, s)
	}
	return nil
}

// renderPublic returns the public list item of s.
func (s *service) renderPublic() api.PublicService {
	return api.PublicService{ID: s.view.ID, Owner: s.public.owner, ServiceName: s.view.ServiceName,
		ServiceType: s.view.ServiceType, CreatedAt: s.view.CreatedAt, IsCharge: s.public.isCharge,
		EnablePolicy: s.view.EnablePolicy}
}

// ListPublicServices is ListServicePublicDetails (docs/vpcep-api.md §3.12): the public
// services, filtered by endpoint_service_name (fuzzy) and id (exact),
// paged and sorted. Any tenant sees the same list; tenants' own services
// never appear in it.
func (e *Engine) ListPublicServices(q api.PublicQuery) (api.PublicServiceList, *api.Error) {
	lq, err := ParseListQuery(q.Page, 1000)
	if err != nil {
		return api.PublicServiceList{}, err
	}
	name, id := q.Name, q.ID
	e.lock()
	defer e.mu.Unlock()
	sel, total := page(e.public, func(s *service) *record { return &s.record }, func(s *service) bool {
		return (id == "" || s.view.ID == id) && fuzzy(s.view.ServiceName, name)
	}, lq)
	out := api.PublicServiceList{Services: make([]api.PublicService, len(sel)), TotalCount: total}
	for i, s := range sel {
		out.Services[i] = s.renderPublic()
	}
	return out, nil
}
