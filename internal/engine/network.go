package engine

import (
	"net/netip"
	"slices"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// VPC is a virtual private cloud of the network inventory.
type VPC struct {
	ID   string
	CIDR string // e.g. "192.168.0.0/16"
	// RouteTables are the VPC's route table ids; the first is its default.
	RouteTables []string
}

// Subnet is a subnet (network id) of a VPC.
type Subnet struct {
	ID    string
	VpcID string
	CIDR  string
}

// Port is a backend port (load balancer private IP or server NIC) in a VPC.
type Port struct {
	ID    string
	VpcID string
	IP    string
}

// Network is the inventory of VPCs, subnets and ports the real service
// checks requests against.
type Network struct {
	VPCs    []VPC
	Subnets []Subnet
	Ports   []Port
}

// reservedCIDR is the range VPCEP uses internally; no VPC or subnet that
// a service or endpoint uses may overlap it (docs/vpcep-api.md §6).
var reservedCIDR = netip.MustParsePrefix("198.19.128.0/17")

// inventory answers existence questions. Lenient (nothing seeded, not
// strict) it takes every well-formed id it does not know as existing, so
// the zero-config fake stays easy; otherwise unknown ids are rejected. What
// it knows (seeded, or created through the companion APIs) is checked
// either way.
type inventory struct {
	lenient bool
	vpcs    map[string]VPC
	subnets map[string]Subnet
	ports   map[string]Port
}

func newInventory(n Network, strict bool) inventory {
	inv := inventory{
		lenient: !strict && len(n.VPCs)+len(n.Subnets)+len(n.Ports) == 0,
		vpcs:    map[string]VPC{},
		subnets: map[string]Subnet{},
		ports:   map[string]Port{},
	}
	for _, v := range n.VPCs {
		inv.vpcs[v.ID] = v
	}
	for _, s := range n.Subnets {
		inv.subnets[s.ID] = s
	}
	for _, p := range n.Ports {
		inv.ports[p.ID] = p
	}
	return inv
}

// checkVPC returns the VPC with id, or the documented error.
func (inv *inventory) checkVPC(id string) (VPC, *api.Error) {
	v, ok := inv.vpcs[id]
	switch {
	case !ok && inv.lenient:
		return VPC{ID: id}, nil
	case !ok:
		return v, api.E2001
	}
	if overlapsReserved(v.CIDR) {
		return v, api.E3009
	}
	return v, nil
}

// checkPort returns the port with id in VPC vpcID, or the documented error.
func (inv *inventory) checkPort(id, vpcID string) (Port, *api.Error) {
	p, ok := inv.ports[id]
	switch {
	case !ok && inv.lenient:
		return Port{ID: id, VpcID: vpcID}, nil
	case !ok:
		return p, api.E3008
	}
	if p.VpcID != vpcID {
		return p, api.E3042
	}
	return p, nil
}

// checkSubnet returns the subnet with id in VPC vpcID, or the documented
// error: unknown 404 EndPoint.4004, in another VPC EndPoint.2037, a CIDR
// overlapping the reserved range EndPoint.3009 (the service side's code for
// it; no endpoint-side code is documented).
func (inv *inventory) checkSubnet(id, vpcID string) (Subnet, *api.Error) {
	s, ok := inv.subnets[id]
	switch {
	case !ok && inv.lenient:
		return Subnet{ID: id, VpcID: vpcID}, nil
	case !ok:
		return s, api.E4004
	case s.VpcID != vpcID:
		return s, api.E2037
	case overlapsReserved(s.CIDR):
		return s, api.E3009
	}
	return s, nil
}

// checkRouteTable accepts a route table id of VPC v: a UUID that, when the
// inventory lists v's route tables, is one of them (EndPoint.1019 else).
func checkRouteTable(id string, v VPC) *api.Error {
	if !rules.IsUUID(id) || len(v.RouteTables) > 0 && !slices.Contains(v.RouteTables, id) {
		return api.E1019
	}
	return nil
}

// overlapsReserved reports whether cidr overlaps 198.19.128.0/17; an empty
// or unparsable CIDR (not given in the inventory) does not.
func overlapsReserved(cidr string) bool {
	p, err := netip.ParsePrefix(cidr)
	return err == nil && p.Overlaps(reservedCIDR)
}
