package engine

import (
	"net/netip"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// defaultSubnetCIDR is where endpoint addresses come from when the
// inventory does not know the subnet's CIDR (the lenient, unseeded fake).
var defaultSubnetCIDR = netip.MustParsePrefix("192.168.0.0/16")

// subnetPrefix is the address range of s.
func subnetPrefix(s Subnet) netip.Prefix {
	p, err := netip.ParsePrefix(s.CIDR)
	if err != nil || !p.Addr().Is4() {
		return defaultSubnetCIDR
	}
	return p.Masked()
}

// checkPortIP checks a requested port_ip: an IPv4 address (EndPoint.2041)
// inside the subnet's CIDR when the inventory knows it (EndPoint.2043) and
// not taken by another endpoint of the subnet (EndPoint.2042).
func (e *Engine) checkPortIP(s Subnet, ip string) (netip.Addr, *api.Error) {
	a, err := netip.ParseAddr(ip)
	switch {
	case err != nil || !a.Is4():
		return a, api.E2041
	case s.CIDR != "" && !subnetPrefix(s).Contains(a):
		return a, api.E2043
	case e.ips[s.ID][a]:
		return a, api.E2042
	}
	return a, nil
}

// pickIP returns a free address of s, skipping the network and gateway
// addresses (.0, .1) and the broadcast address; a full subnet is
// EndPoint.2016. The search starts after the address it gave last and
// wraps around once, so a fresh subnet hands out .2, .3, … and 100,000
// endpoints cost O(1) each, not a scan from the start every time.
func (e *Engine) pickIP(s Subnet) (netip.Addr, *api.Error) {
	p := subnetPrefix(s)
	first := p.Addr().Next().Next()
	usable := func(a netip.Addr) bool { return p.Contains(a) && p.Contains(a.Next()) }
	start := e.ipNext[s.ID]
	if !start.IsValid() || !usable(start) {
		start = first
	}
	for a, wrapped := start, false; ; a = a.Next() {
		if !usable(a) {
			if wrapped {
				return netip.Addr{}, api.E2016
			}
			a, wrapped = first, true
		}
		if wrapped && a == start {
			return netip.Addr{}, api.E2016
		}
		if !e.ips[s.ID][a] {
			e.ipNext[s.ID] = a.Next()
			return a, nil
		}
	}
}

// takeIP and freeIP keep the per-subnet address index current.
func (e *Engine) takeIP(ep *endpoint) {
	if ep.ip.IsValid() {
		e.takeAddr(ep.subnet, ep.ip)
	}
}

func (e *Engine) freeIP(ep *endpoint) { e.freeAddr(ep.subnet, ep.ip) }
