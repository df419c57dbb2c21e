package engine

import (
	"cmp"
	"net/netip"
	"slices"
	"time"

	"github.com/google/uuid"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// The companion APIs' part of the state (spec network-companions.md): VPCs,
// subnets and shared load balancers. What they create joins the network
// inventory, so the VPCEP rules see it; the seeded inventory shows up in
// their reads, read-only and visible to every project.

// netState holds the companion resources by id.
type netState struct {
	vpcs    map[string]*vpcRes
	subnets map[string]*subnetRes
	neutron map[string]*subnetRes // by neutron_subnet_id, what ELB's vip_subnet_id takes
	lbs     map[string]*lbRes
}

// vpcRes is one VPC; seeded ones come from Config.Network and have no
// owner.
type vpcRes struct {
	record
	view   api.VPC
	tags   []api.NetTag
	seeded bool
}

// subnetRes is one subnet.
type subnetRes struct {
	record
	view   api.Subnet
	tags   []api.NetTag
	seeded bool
}

// lbRes is one shared load balancer; its VIP is a port of its subnet.
type lbRes struct {
	record
	view   api.LoadBalancer
	tags   []api.NetTag
	subnet *subnetRes
	ip     netip.Addr
}

// Statuses of the companion resources.
const (
	vpcCreating      = "CREATING"
	vpcOK            = "OK"
	subnetUnknown    = "UNKNOWN"
	subnetActive     = "ACTIVE"
	lbPendingCreate  = "PENDING_CREATE"
	lbActive         = "ACTIVE"
	lbPendingDelete  = "PENDING_DELETE"
	lbError          = "ERROR"
	lbOnline         = "ONLINE"
	lbProvider       = "vlb"
	defaultEntProjID = "0"
)

// Limits per project that keep memory bounded; the reference documents the
// codes, not the real quotas.
const (
	maxVPCs    = 100
	maxSubnets = 500
	maxLBs     = 100
)

// seededNamespace derives stable Neutron subnet ids for seeded subnets.
var seededNamespace = uuid.MustParse("6f1d7c1e-3b8a-4f39-9a57-0c2b1a5e9d11")

// newNetState returns the state with the seeded VPCs and subnets of n.
func newNetState(n Network) netState {
	ns := netState{vpcs: map[string]*vpcRes{}, subnets: map[string]*subnetRes{}, neutron: map[string]*subnetRes{},
		lbs: map[string]*lbRes{}}
	for i, v := range n.VPCs {
		ns.vpcs[v.ID] = &vpcRes{record: record{id: v.ID, seq: uint64(i)}, seeded: true, view: api.VPC{ID: v.ID,
			CIDR: v.CIDR, Status: vpcOK, Routes: []api.VPCRoute{}, EnterpriseProjectID: defaultEntProjID}}
	}
	for i, s := range n.Subnets {
		r := &subnetRes{record: record{id: s.ID, seq: uint64(i)}, seeded: true, view: api.Subnet{ID: s.ID, CIDR: s.CIDR,
			VpcID: s.VpcID, Status: subnetActive, DHCPEnable: true, DNSList: []string{}, ExtraDHCPOpts: []api.DHCPOpt{},
			NeutronNetworkID: s.ID, NeutronSubnetID: uuid.NewSHA1(seededNamespace, []byte(s.ID)).String()}}
		if p, err := netip.ParsePrefix(s.CIDR); err == nil && p.Addr().Is4() {
			r.view.GatewayIP = p.Masked().Addr().Next().String()
		}
		ns.subnets[s.ID] = r
		ns.neutron[r.view.NeutronSubnetID] = r
	}
	return ns
}

// visible reports whether project may see a resource owned by owner:
// its own, and the seeded inventory (no owner).
func visible(owner, project string) bool { return owner == "" || owner == project }

// netStamp formats t as the VPC and ELB APIs do: UTC, seconds, no zone.
func netStamp(t time.Time) string { return t.UTC().Format("2006-01-02T15:04:05") }

// bySeq returns the values of m that keep says, in creation order: the
// seeded inventory first (its seqs count from 0 apart from the engine's
// counter), then what the companion APIs created.
func bySeq[T recorded](m map[string]T, keep func(T) bool) []T {
	var out []T
	for _, v := range m {
		if keep(v) {
			out = append(out, v)
		}
	}
	slices.SortFunc(out, func(a, b T) int {
		return cmp.Or(cmp.Compare(netRank(a), netRank(b)), cmp.Compare(a.rec().seq, b.rec().seq))
	})
	return out
}

// netRank is 0 for a seeded VPC or subnet, 1 for every other resource.
func netRank(r any) int {
	if s, ok := r.(interface{ isSeeded() bool }); ok && s.isSeeded() {
		return 0
	}
	return 1
}

func (v *vpcRes) isSeeded() bool    { return v.seeded }
func (s *subnetRes) isSeeded() bool { return s.seeded }

// addVPC and the functions beside it keep the inventory the
// VPCEP rules consult in step with the companion state.
func (inv *inventory) addVPC(v *vpcRes) { inv.vpcs[v.view.ID] = VPC{ID: v.view.ID, CIDR: v.view.CIDR} }

func (inv *inventory) addSubnet(s *subnetRes) {
	inv.subnets[s.view.ID] = Subnet{ID: s.view.ID, VpcID: s.view.VpcID, CIDR: s.view.CIDR}
}

func (inv *inventory) addLBPort(lb *lbRes) {
	inv.ports[lb.view.VipPortID] = Port{ID: lb.view.VipPortID, VpcID: lb.subnet.view.VpcID, IP: lb.view.VipAddress}
}

// takeAddr and freeAddr mark an LB's VIP in the per-subnet address index
// the endpoints use, so neither hands out the other's address. A subnet
// whose last address is freed keeps nothing, not even where the next
// search starts: to the lenient fake any id names a subnet.
func (e *Engine) takeAddr(subnet string, a netip.Addr) {
	m := e.ips[subnet]
	if m == nil {
		m = map[netip.Addr]bool{}
		e.ips[subnet] = m
	}
	m[a] = true
}

func (e *Engine) freeAddr(subnet string, a netip.Addr) {
	m := e.ips[subnet]
	delete(m, a)
	if len(m) == 0 {
		delete(e.ips, subnet)
		delete(e.ipNext, subnet)
	}
}
