package engine

import (
	"net/netip"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// netName is the documented form of VPC and subnet names.
var netName = regexp.MustCompile(`^[A-Za-z0-9_.\-]*$`)

// validNetDescription is at most 255 characters without angle brackets.
func validNetDescription(d string) bool {
	return utf8.RuneCountInString(d) <= 255 && !strings.ContainsAny(d, "<>")
}

// vpcRanges are the ranges a VPC CIDR may take (OTC: 10.0.0.0/8–24,
// 172.16.0.0/12–24, 192.168.0.0/16–24).
var vpcRanges = []netip.Prefix{netip.MustParsePrefix("10.0.0.0/8"), netip.MustParsePrefix("172.16.0.0/12"),
	netip.MustParsePrefix("192.168.0.0/16")}

// validVPCCIDR reports whether c is a canonical IPv4 prefix inside one of
// vpcRanges with a mask of at most /24.
func validVPCCIDR(c string) bool {
	p, err := netip.ParsePrefix(c)
	if err != nil || !p.Addr().Is4() || p.Masked() != p || p.Bits() > 24 {
		return false
	}
	for _, r := range vpcRanges {
		if r.Bits() <= p.Bits() && r.Contains(p.Addr()) {
			return true
		}
	}
	return false
}

// checkVPCFields checks the fields of a VPC create or update body.
func checkVPCFields(r api.VPCRequest) *api.Error {
	switch {
	case r.Name != nil && (len(*r.Name) > 64 || !netName.MatchString(*r.Name)),
		r.Description != nil && !validNetDescription(*r.Description),
		r.CIDR != nil && *r.CIDR != "" && !validVPCCIDR(*r.CIDR):
		return api.VPC0101
	}
	return nil
}

// nameTaken reports whether another VPC of project already has name.
func (e *Engine) nameTaken(project, name, except string) bool {
	if name == "" {
		return false
	}
	for _, v := range e.nets.vpcs {
		if v.view.TenantID == project && v.view.Name == name && v.view.ID != except {
			return true
		}
	}
	return false
}

// CreateVPC is CreateVpc: a new VPC of t. The answer shows CREATING as the
// reference's example does; the VPC is OK from the next read on.
func (e *Engine) CreateVPC(t Tenant, r api.VPCRequest) (api.VPC, *api.Error) {
	if err := checkVPCFields(r); err != nil {
		return api.VPC{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	v := &vpcRes{view: api.VPC{Name: deref(r.Name), Description: deref(r.Description), CIDR: deref(r.CIDR),
		Status: vpcOK, Routes: []api.VPCRoute{}, EnterpriseProjectID: defaultEntProjID, TenantID: t.ProjectID,
		CreatedAt: netStamp(now), UpdatedAt: netStamp(now)}}
	if r.EnterpriseProjectID != nil && *r.EnterpriseProjectID != "" {
		v.view.EnterpriseProjectID = *r.EnterpriseProjectID
	}
	if e.nameTaken(t.ProjectID, v.view.Name, "") {
		return api.VPC{}, api.VPC0115
	}
	if len(bySeq(e.nets.vpcs, func(x *vpcRes) bool { return x.view.TenantID == t.ProjectID })) >= maxVPCs {
		return api.VPC{}, api.VPC0114
	}
	e.seq++
	v.view.ID = e.ids.uuid()
	v.record = record{id: v.view.ID, seq: e.seq, created: now, updated: now}
	e.nets.vpcs[v.view.ID] = v
	e.net.addVPC(v)
	out := v.view
	out.Status = vpcCreating
	return out, nil
}

// ownVPC returns the VPC id that t may see, or 404 VPC.0003.
func (e *Engine) ownVPC(t Tenant, id string) (*vpcRes, *api.Error) {
	v, ok := e.nets.vpcs[id]
	if !ok || !visible(v.view.TenantID, t.ProjectID) {
		return nil, api.VPC0003
	}
	return v, nil
}

// changeableVPC returns the VPC id that t may change: its own, not a
// seeded one (those are read-only, VPC.0101).
func (e *Engine) changeableVPC(t Tenant, id string) (*vpcRes, *api.Error) {
	v, err := e.ownVPC(t, id)
	if err == nil && v.seeded {
		err = api.VPC0101
	}
	return v, err
}

// vpcView is v as project sees it: seeded VPCs show the caller as tenant.
func vpcView(v *vpcRes, project string) api.VPC {
	out := v.view
	if v.seeded {
		out.TenantID = project
	}
	return out
}

// GetVPC is ShowVpc.
func (e *Engine) GetVPC(t Tenant, id string) (api.VPC, *api.Error) {
	e.lock()
	defer e.mu.Unlock()
	v, err := e.ownVPC(t, id)
	if err != nil {
		return api.VPC{}, err
	}
	return vpcView(v, t.ProjectID), nil
}

// GetVPCV3 is the VPC v3 ShowVpc the terraform provider reads for the
// secondary CIDRs: the fake has none.
func (e *Engine) GetVPCV3(t Tenant, id string) (api.VPCV3, *api.Error) {
	e.lock()
	defer e.mu.Unlock()
	r, err := e.ownVPC(t, id)
	if err != nil {
		return api.VPCV3{}, err
	}
	v := vpcView(r, t.ProjectID)
	return api.VPCV3{ID: v.ID, Name: v.Name, Description: v.Description, CIDR: v.CIDR, ExtendCIDRs: []string{},
		Status: "ACTIVE", ProjectID: v.TenantID, EnterpriseProjectID: v.EnterpriseProjectID,
		CreatedAt: v.CreatedAt, UpdatedAt: v.UpdatedAt, CloudResources: []any{}, Tags: cloneTags(r.tags)}, nil
}

// ListVPCs is ListVpcs: the VPCs t sees, in creation order, filtered by
// id, paged by marker and limit.
func (e *Engine) ListVPCs(t Tenant, q api.VPCQuery) ([]api.VPC, *api.Error) {
	pg, ok := parseNetPage(q.NetPage)
	if !ok {
		return nil, api.VPC0101
	}
	id := q.ID
	e.lock()
	defer e.mu.Unlock()
	all := bySeq(e.nets.vpcs, func(v *vpcRes) bool {
		return visible(v.view.TenantID, t.ProjectID) && (id == "" || v.view.ID == id)
	})
	sel, _, ok := cutPage(all, pg)
	if !ok {
		return nil, api.VPC0101
	}
	out := make([]api.VPC, len(sel))
	for i, v := range sel {
		out[i] = vpcView(v, t.ProjectID)
	}
	return out, nil
}

// UpdateVPC is UpdateVpc: name, description, cidr (which must still hold
// every subnet, VPC.0117), routes and enable_shared_snat.
func (e *Engine) UpdateVPC(t Tenant, id string, r api.VPCRequest) (api.VPC, *api.Error) {
	if err := checkVPCFields(r); err != nil {
		return api.VPC{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	v, err := e.changeableVPC(t, id)
	if err != nil {
		return api.VPC{}, err
	}
	if r.Name != nil && e.nameTaken(t.ProjectID, *r.Name, id) {
		return api.VPC{}, api.VPC0115
	}
	if r.CIDR != nil && *r.CIDR != v.view.CIDR {
		for _, s := range e.nets.subnets {
			if s.view.VpcID == id && !inside(s.view.CIDR, *r.CIDR) {
				return api.VPC{}, api.VPC0117
			}
		}
	}
	setIf(&v.view.Name, r.Name)
	setIf(&v.view.Description, r.Description)
	setIf(&v.view.CIDR, r.CIDR)
	setIf(&v.view.EnableSharedSnat, r.EnableSharedSnat)
	if r.Routes != nil {
		v.view.Routes = append([]api.VPCRoute{}, *r.Routes...)
	}
	v.updated, v.view.UpdatedAt = now, netStamp(now)
	e.net.addVPC(v)
	return v.view, nil
}

// DeleteVPC is DeleteVpc: refused with 409 while load balancers
// (VPC.0118) or subnets (VPC.0104) remain in it.
func (e *Engine) DeleteVPC(t Tenant, id string) *api.Error {
	e.lock()
	defer e.mu.Unlock()
	if _, err := e.changeableVPC(t, id); err != nil {
		return err
	}
	for _, lb := range e.nets.lbs {
		if lb.subnet.view.VpcID == id {
			return api.VPC0118
		}
	}
	for _, s := range e.nets.subnets {
		if s.view.VpcID == id {
			return api.VPC0104
		}
	}
	delete(e.nets.vpcs, id)
	delete(e.net.vpcs, id)
	return nil
}

// inside reports whether prefix inner lies within outer; an empty outer
// (a VPC without CIDR) holds everything.
func inside(inner, outer string) bool {
	if outer == "" {
		return true
	}
	i, err1 := netip.ParsePrefix(inner)
	o, err2 := netip.ParsePrefix(outer)
	return err1 == nil && err2 == nil && o.Bits() <= i.Bits() && o.Contains(i.Addr())
}

func deref[T any](p *T) T {
	var zero T
	if p == nil {
		return zero
	}
	return *p
}

func setIf[T any](dst *T, p *T) {
	if p != nil {
		*dst = *p
	}
}
