package engine

import (
	"net/netip"

	"github.com/google/uuid"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// endpointDraft is a CreateEndpoint request on its way through the rules.
type endpointDraft struct {
	t      Tenant
	req    *api.CreateEndpointRequest
	svc    *service
	vpc    VPC
	subnet Subnet
	ip     netip.Addr
	v      api.Endpoint
}

// gateway reports whether the draft connects to a gateway service.
func (d *endpointDraft) gateway() bool { return d.svc.view.ServiceType == "gateway" }

// endpointRule checks one field of a create request against the state,
// with the lock held, and writes its value into the draft. Rules run in
// table order; the first failure answers the request, before anything is
// stored.
type endpointRule func(e *Engine, d *endpointDraft) *api.Error

// createEndpointRules are the documented rules of CreateEndpoint (docs/vpcep-api.md
// §3.14). A new rule is a new row.
var createEndpointRules = []endpointRule{
	// endpoint_service_id: required (2029); an unknown or malformed id is
	// 2003 (400, as documented); the caller must be allowed to connect
	// (2012, checked before availability so that a stranger learns
	// nothing of the service's state); the service must be available (2004).
	func(e *Engine, d *endpointDraft) *api.Error {
		r := d.req
		if r.EndpointServiceID == nil || *r.EndpointServiceID == "" {
			return api.E2029
		}
		s, ok := e.services[*r.EndpointServiceID]
		switch {
		case !ok:
			return api.E2003
		case !e.mayConnect(s, d.t.DomainID):
			return api.E2012
		case s.view.Status != statusAvailable:
			return api.E2004
		}
		d.svc = s
		d.v.EndpointServiceID, d.v.EndpointServiceName, d.v.ServiceType = s.view.ID, s.view.ServiceName, s.view.ServiceType
		return nil
	},
	// vpc_id: required (2011), a UUID (0020), in the inventory (2001).
	func(e *Engine, d *endpointDraft) *api.Error {
		r := d.req
		if r.VpcID == nil || *r.VpcID == "" {
			return api.E2011
		}
		if !rules.IsUUID(*r.VpcID) {
			return api.E0020
		}
		v, err := e.net.checkVPC(*r.VpcID)
		d.vpc, d.v.VpcID = v, *r.VpcID
		return err
	},
	// subnet_id: interface only, required (2010), a UUID (0023), in the
	// inventory (4004) and in the VPC (2037). Ignored for gateways.
	func(e *Engine, d *endpointDraft) *api.Error {
		r := d.req
		if d.gateway() {
			return nil
		}
		if r.SubnetID == nil || *r.SubnetID == "" {
			return api.E2010
		}
		if !rules.IsUUID(*r.SubnetID) {
			return api.E0023
		}
		s, err := e.net.checkSubnet(*r.SubnetID, d.v.VpcID)
		d.subnet, d.v.SubnetID = s, *r.SubnetID
		return err
	},
	// port_ip: interface only; optional (the OTC example omits it): the
	// lowest free address of the subnet is assigned when absent.
	func(e *Engine, d *endpointDraft) *api.Error {
		var err *api.Error
		switch {
		case d.gateway():
		case d.req.PortIP == nil || *d.req.PortIP == "":
			d.ip, err = e.pickIP(d.subnet)
		default:
			d.ip, err = e.checkPortIP(d.subnet, *d.req.PortIP)
		}
		return err
	},
	// whitelist, enable_whitelist: interface only (validated, then ignored
	// for gateways).
	func(_ *Engine, d *endpointDraft) *api.Error {
		wl, err := rules.Whitelist(d.req.Whitelist)
		d.v.Whitelist = []string{}
		if err != nil || d.gateway() {
			return err
		}
		d.v.Whitelist = wl
		if d.req.EnableWhitelist != nil {
			d.v.EnableWhitelist = *d.req.EnableWhitelist
		}
		return nil
	},
	// enable_dns: echoed; a gateway endpoint never gets DNS names.
	func(_ *Engine, d *endpointDraft) *api.Error {
		if d.req.EnableDNS != nil {
			d.v.EnableDNS = *d.req.EnableDNS
		}
		return nil
	},
	// specification_name: only "default" exists (2009); "" means default.
	func(_ *Engine, d *endpointDraft) *api.Error {
		d.v.SpecificationName = "default"
		if n := d.req.SpecificationName; n != nil && *n != "" && *n != "default" {
			return api.E2009
		}
		return nil
	},
	// policy_statement: gateway only, 0-10 valid statements, default full
	// OBS access; a non-empty policy on an interface endpoint is 2048.
	func(_ *Engine, d *endpointDraft) *api.Error {
		r := d.req
		if !d.gateway() {
			if len(r.PolicyStatement) > 0 {
				return api.E2048
			}
			return nil
		}
		if r.PolicyStatement == nil {
			d.v.PolicyStatement = rules.DefaultPolicy
			return nil
		}
		var err *api.Error
		d.v.PolicyStatement, err = rules.Policy(r.PolicyStatement)
		return err
	},
	// routetables: gateway only; default the VPC's default route table
	// (docs/vpcep-api.md §3.14: its first, or DefaultRouteTable when the inventory
	// names none); each valid (1019) and not bound by another endpoint
	// of the service (2039). Ignored for interface endpoints.
	func(e *Engine, d *endpointDraft) *api.Error {
		d.v.Routetables = []string{}
		if !d.gateway() {
			return nil
		}
		rts := d.req.Routetables
		if len(rts) == 0 {
			rts = []string{defaultRouteTable(d.vpc)}
		}
		if err := e.checkRoutetables(rts, d.vpc, d.svc, nil); err != nil {
			return err
		}
		d.v.Routetables = append(d.v.Routetables, rts...)
		return nil
	},
	// description: at most 128 characters, no angle brackets.
	func(_ *Engine, d *endpointDraft) *api.Error {
		if d.req.Description == nil {
			return nil
		}
		d.v.Description = *d.req.Description
		return rules.Description(d.v.Description)
	},
	// tags: the tag rules of docs/vpcep-api.md §2.2.
	func(_ *Engine, d *endpointDraft) *api.Error {
		var err *api.Error
		d.v.Tags, err = rules.Tags(d.req.Tags, false)
		return err
	},
	// quota: endpoints per project (Endpoint.1018); every record counts
	// until it disappears.
	func(e *Engine, d *endpointDraft) *api.Error {
		if p := e.projects[d.t.ProjectID]; p != nil && p.endpoints.len() >= e.cfg.Quotas.Endpoints {
			return api.E1018
		}
		return nil
	},
}

// CreateEndpoint is CreateEndpoint: it applies every rule, stores the
// endpoint in status creating in the caller's project and as a connection
// of its service, and schedules its transition.
func (e *Engine) CreateEndpoint(t Tenant, req *api.CreateEndpointRequest) (api.Endpoint, *api.Error) {
	now := e.lock()
	defer e.mu.Unlock()
	d := &endpointDraft{t: t, req: req, v: api.Endpoint{ProjectID: t.ProjectID}}
	for _, rule := range createEndpointRules {
		if err := rule(e, d); err != nil {
			return api.Endpoint{}, err
		}
	}
	v := d.v
	v.ID = e.ids.uuid()
	e.marker++
	v.MarkerID = e.marker
	v.ActiveStatus = []string{"active"}
	v.EnableStatus = "enable"
	v.EndpointPoolID = e.poolID(nil)
	v.CreatedAt, v.UpdatedAt = stamp(now), stamp(now)
	e.seq++
	ep := &endpoint{record: record{id: v.ID, seq: e.seq, created: now, updated: now}, view: v, svc: d.svc,
		domainID: t.DomainID, subnet: d.subnet.ID, ip: d.ip}
	e.eps[v.ID] = ep
	e.takeIP(ep)
	e.startEndpointCreate(ep, now)
	storeEndpoint(e.project(t.ProjectID), ep)
	return ep.render(), nil
}

// routeTableSpace is the UUID namespace of invented default route tables.
var routeTableSpace = uuid.MustParse("6f1c2b3a-9d4e-5f60-8a7b-1c2d3e4f5a6b")

// defaultRouteTable returns the default route table of v: its first, or,
// when the inventory names none, an id derived from the VPC id (a name-
// based UUID), the same for every endpoint and every run.
func defaultRouteTable(v VPC) string {
	if len(v.RouteTables) > 0 {
		return v.RouteTables[0]
	}
	return uuid.NewSHA1(routeTableSpace, []byte(v.ID)).String()
}
