package engine

import (
	"net/netip"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// maxSubnetBits is the longest subnet mask the VPC API accepts.
const maxSubnetBits = 28

// dhcpOptNames are the extra DHCP options the VPC API knows.
var dhcpOptNames = map[string]bool{"ntp": true, "addresstime": true, "ipv6_addresstime": true}

// isIPv4 reports whether s is an IPv4 address.
func isIPv4(s string) bool {
	a, err := netip.ParseAddr(s)
	return err == nil && a.Is4()
}

// checkSubnetFields checks the fields create and update share.
func checkSubnetFields(r api.SubnetRequest) *api.Error {
	bad := r.Name != nil && (*r.Name == "" || len(*r.Name) > 64 || !netName.MatchString(*r.Name)) ||
		r.Description != nil && !validNetDescription(*r.Description) ||
		r.PrimaryDNS != nil && *r.PrimaryDNS != "" && !isIPv4(*r.PrimaryDNS) ||
		r.SecondaryDNS != nil && *r.SecondaryDNS != "" && !isIPv4(*r.SecondaryDNS) ||
		r.IPv6Enable != nil && *r.IPv6Enable // IPv6 subnets are not faked
	if r.DNSList != nil {
		for _, d := range *r.DNSList {
			bad = bad || !isIPv4(d)
		}
	}
	if r.ExtraDHCPOpts != nil {
		for _, o := range *r.ExtraDHCPOpts {
			bad = bad || !dhcpOptNames[o.OptName] || o.OptName == "ntp" && !validNTP(o.OptValue)
		}
	}
	if bad {
		return api.VPC0201
	}
	return nil
}

// validNTP is a comma-separated list of up to 4 unique IPv4 addresses.
func validNTP(v string) bool {
	seen := map[string]bool{}
	for _, a := range strings.Split(v, ",") {
		if !isIPv4(a) || seen[a] {
			return false
		}
		seen[a] = true
	}
	return len(seen) <= 4
}

// subnetCIDR parses a subnet CIDR: a canonical IPv4 prefix of at most /28
// (VPC.0212) with gateway, neither its network nor its broadcast address,
// inside it (VPC.0201).
func subnetCIDR(cidr, gateway string) (netip.Prefix, *api.Error) {
	p, err := netip.ParsePrefix(cidr)
	if err != nil || !p.Addr().Is4() || p.Masked() != p || p.Bits() > maxSubnetBits {
		return p, api.VPC0212
	}
	g, err := netip.ParseAddr(gateway)
	if err != nil || !p.Contains(g) || g == p.Addr() || !p.Contains(g.Next()) {
		return p, api.VPC0201
	}
	return p, nil
}

// applyDNS sets the DNS fields of v from r: a lone secondary becomes the
// primary, and dnsList, unless given, lists both.
func applyDNS(v *api.Subnet, r api.SubnetRequest) {
	setIf(&v.PrimaryDNS, r.PrimaryDNS)
	setIf(&v.SecondaryDNS, r.SecondaryDNS)
	if v.PrimaryDNS == "" {
		v.PrimaryDNS, v.SecondaryDNS = v.SecondaryDNS, ""
	}
	switch {
	case r.DNSList != nil:
		v.DNSList = append([]string{}, *r.DNSList...)
	case r.PrimaryDNS != nil || r.SecondaryDNS != nil:
		v.DNSList = []string{}
		for _, d := range []string{v.PrimaryDNS, v.SecondaryDNS} {
			if d != "" {
				v.DNSList = append(v.DNSList, d)
			}
		}
	}
}

// CreateSubnet is CreateSubnet: a subnet of one of t's VPCs. The answer
// shows UNKNOWN as the reference's example does; it is ACTIVE from the
// next read on.
func (e *Engine) CreateSubnet(t Tenant, r api.SubnetRequest) (api.Subnet, *api.Error) {
	if r.Name == nil || r.CIDR == nil || r.GatewayIP == nil || r.VpcID == nil || *r.VpcID == "" {
		return api.Subnet{}, api.VPC0201
	}
	if err := checkSubnetFields(r); err != nil {
		return api.Subnet{}, err
	}
	p, err := subnetCIDR(*r.CIDR, *r.GatewayIP)
	if err != nil {
		return api.Subnet{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	v, err := e.ownVPC(t, *r.VpcID)
	if err != nil {
		return api.Subnet{}, err
	}
	if !inside(p.String(), v.view.CIDR) {
		return api.Subnet{}, api.VPC0203
	}
	n := 0
	for _, s := range e.nets.subnets {
		if s.view.VpcID == v.view.ID && overlaps(s.view.CIDR, p) {
			return api.Subnet{}, api.VPC0204
		}
		if s.view.TenantID == t.ProjectID {
			n++
		}
	}
	if n >= maxSubnets {
		return api.Subnet{}, api.VPC0201
	}
	s := &subnetRes{view: api.Subnet{Name: *r.Name, Description: deref(r.Description), CIDR: p.String(),
		GatewayIP: *r.GatewayIP, DHCPEnable: true, DNSList: []string{}, AvailabilityZone: deref(r.AvailabilityZone),
		VpcID: v.view.ID, Status: subnetActive, ExtraDHCPOpts: []api.DHCPOpt{}, TenantID: t.ProjectID,
		CreatedAt: netStamp(now), UpdatedAt: netStamp(now)}}
	setIf(&s.view.DHCPEnable, r.DHCPEnable)
	applyDNS(&s.view, r)
	if r.ExtraDHCPOpts != nil {
		s.view.ExtraDHCPOpts = append(s.view.ExtraDHCPOpts, *r.ExtraDHCPOpts...)
	}
	e.seq++
	s.view.ID = e.ids.uuid()
	s.view.NeutronNetworkID, s.view.NeutronSubnetID = s.view.ID, e.ids.uuid()
	s.record = record{id: s.view.ID, seq: e.seq, created: now, updated: now}
	e.addSubnet(s)
	out := s.view
	out.Status = subnetUnknown
	return out, nil
}

// addSubnet stores s and puts it into the inventory.
func (e *Engine) addSubnet(s *subnetRes) {
	e.nets.subnets[s.view.ID] = s
	e.nets.neutron[s.view.NeutronSubnetID] = s
	e.net.addSubnet(s)
}

// overlaps reports whether cidr overlaps p; an unknown CIDR does not.
func overlaps(cidr string, p netip.Prefix) bool {
	q, err := netip.ParsePrefix(cidr)
	return err == nil && q.Overlaps(p)
}

// ownSubnet returns the subnet id that t may see, or 404 VPC.0202.
func (e *Engine) ownSubnet(t Tenant, id string) (*subnetRes, *api.Error) {
	s, ok := e.nets.subnets[id]
	if !ok || !visible(s.view.TenantID, t.ProjectID) {
		return nil, api.VPC0202
	}
	return s, nil
}

// changeableSubnet returns subnet id of VPC vpcID for an update or delete:
// one of t's own (seeded ones are read-only, VPC.0201) in that VPC
// (VPC.0207).
func (e *Engine) changeableSubnet(t Tenant, vpcID, id string) (*subnetRes, *api.Error) {
	s, err := e.ownSubnet(t, id)
	switch {
	case err != nil:
		return nil, err
	case s.view.VpcID != vpcID:
		return nil, api.VPC0207
	case s.seeded:
		return nil, api.VPC0201
	}
	return s, nil
}

// subnetView is s as project sees it.
func subnetView(s *subnetRes, project string) api.Subnet {
	out := s.view
	if s.seeded {
		out.TenantID = project
	}
	return out
}

// GetSubnet is ShowSubnet.
func (e *Engine) GetSubnet(t Tenant, id string) (api.Subnet, *api.Error) {
	e.lock()
	defer e.mu.Unlock()
	s, err := e.ownSubnet(t, id)
	if err != nil {
		return api.Subnet{}, err
	}
	return subnetView(s, t.ProjectID), nil
}

// ListSubnets is ListSubnets: the subnets t sees, in creation order,
// filtered by vpc_id, paged by marker and limit.
func (e *Engine) ListSubnets(t Tenant, q api.SubnetQuery) ([]api.Subnet, *api.Error) {
	pg, ok := parseNetPage(q.NetPage)
	if !ok {
		return nil, api.VPC0201
	}
	vpc := q.VpcID
	e.lock()
	defer e.mu.Unlock()
	all := bySeq(e.nets.subnets, func(s *subnetRes) bool {
		return visible(s.view.TenantID, t.ProjectID) && (vpc == "" || s.view.VpcID == vpc)
	})
	sel, _, ok := cutPage(all, pg)
	if !ok {
		return nil, api.VPC0201
	}
	out := make([]api.Subnet, len(sel))
	for i, s := range sel {
		out[i] = subnetView(s, t.ProjectID)
	}
	return out, nil
}

// UpdateSubnet is UpdateSubnet: name (required), description, DHCP, DNS
// and extra DHCP options. The answer holds only id and status.
func (e *Engine) UpdateSubnet(t Tenant, vpcID, id string, r api.SubnetRequest) (api.SubnetStatus, *api.Error) {
	if r.Name == nil || r.CIDR != nil || r.GatewayIP != nil || r.VpcID != nil || r.AvailabilityZone != nil {
		return api.SubnetStatus{}, api.VPC0201
	}
	if err := checkSubnetFields(r); err != nil {
		return api.SubnetStatus{}, err
	}
	now := e.lock()
	defer e.mu.Unlock()
	s, err := e.changeableSubnet(t, vpcID, id)
	if err != nil {
		return api.SubnetStatus{}, err
	}
	setIf(&s.view.Name, r.Name)
	setIf(&s.view.Description, r.Description)
	setIf(&s.view.DHCPEnable, r.DHCPEnable)
	applyDNS(&s.view, r)
	if r.ExtraDHCPOpts != nil {
		s.view.ExtraDHCPOpts = append([]api.DHCPOpt{}, *r.ExtraDHCPOpts...)
	}
	s.updated, s.view.UpdatedAt = now, netStamp(now)
	return api.SubnetStatus{ID: s.view.ID, Status: s.view.Status}, nil
}

// DeleteSubnet is DeleteSubnet. A subnet still used answers 500, as the
// real cloud does: by a load balancer VPC.0211, by VPC endpoints'
// addresses VPC.0208 (the reference's most likely code for them;
// unconfirmed).
func (e *Engine) DeleteSubnet(t Tenant, vpcID, id string) *api.Error {
	e.lock()
	defer e.mu.Unlock()
	s, err := e.changeableSubnet(t, vpcID, id)
	if err != nil {
		return err
	}
	for _, lb := range e.nets.lbs {
		if lb.subnet == s {
			return api.VPC0211
		}
	}
	if len(e.ips[id]) > 0 {
		return api.VPC0208
	}
	delete(e.nets.subnets, id)
	delete(e.nets.neutron, s.view.NeutronSubnetID)
	delete(e.net.subnets, id)
	return nil
}
