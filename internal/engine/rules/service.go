package rules

import (
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Limits of docs/vpcep-api.md §2.1 and 3.3.
const (
	maxPorts          = 200
	maxServiceNameLen = 16
)

// The documented enums of a service with their canonical spelling.
// Terraform validates them case-insensitively, so "lb" can reach the API;
// the real API's answer is unconfirmed, and the fake accepts any case and
// stores the canonical form (a client reading back sees "LB").
var (
	// ServiceTypes are the service types; users create only interface
	// services, gateway ones are public (O&M) services.
	ServiceTypes = enumOf("interface", "gateway")
	// TCPProxies are the values of tcp_proxy.
	TCPProxies = enumOf("close", "toa_open", "proxy_open", "open", "proxy_vni")

	serverTypes = enumOf("LB", "VM", "VIP", "BMS")
	ipVersions  = enumOf("ipv4", "ipv6")
	payers      = enumOf("endpoint", "endpoint_service")
	editions    = enumOf("profession", "basic")
)

// Ports checks a port-mapping list (docs/vpcep-api.md §2.1): 1-200 entries, both ports
// present and in 1-65535, protocol TCP (an empty protocol means TCP:
// gophertelekomcloud <= v0.9.3 sends "protocol":""), no two mappings with
// the same client port: the client port identifies a mapping on the
// endpoint side (docs/vpcep-api.md §2.1 recommends rejecting it; unconfirmed). Two client
// ports may lead to one server port. It returns the mappings in wire form.
func Ports(in []api.PortMappingRequest) ([]api.PortMapping, *api.Error) {
	switch {
	case len(in) == 0:
		return nil, api.E0002
	case len(in) > maxPorts:
		return nil, api.E3074
	}
	out := make([]api.PortMapping, 0, len(in))
	clients := make(map[int]bool, len(in))
	for _, p := range in {
		if p.ClientPort == nil || p.ServerPort == nil {
			return nil, api.E2028
		}
		c, s := *p.ClientPort, *p.ServerPort
		if c < 1 || c > 65535 || s < 1 || s > 65535 {
			return nil, api.E3043
		}
		if p.Protocol != nil && *p.Protocol != "" && !strings.EqualFold(*p.Protocol, "TCP") {
			return nil, api.E3075
		}
		if clients[c] {
			return nil, api.E3044
		}
		clients[c] = true
		out = append(out, api.PortMapping{ClientPort: c, ServerPort: s, Protocol: "TCP"})
	}
	return out, nil
}

// ServiceName checks a short service name: at most 16 characters of
// letters, digits, '_' and '-'. Of the two codes documented with this
// message (EndPoint.1003, EndPoint.3076) the fake uses 3076, the one in
// the service range; which the real API sends is unconfirmed.
func ServiceName(name string) *api.Error {
	if len(name) > maxServiceNameLen {
		return api.E3076
	}
	for i := 0; i < len(name); i++ {
		c := name[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '_' || c == '-') {
			return api.E3076
		}
	}
	return nil
}

// EnterpriseProject checks enterprise_project_id: "0" (the default
// project) or a UUID.
func EnterpriseProject(id string) *api.Error {
	if id != "0" && !IsUUID(id) {
		return api.E0002
	}
	return nil
}

// FullServiceName composes the name the API shows: {region}.{name}.{id},
// or {region}.{id} without a short name (docs/vpcep-api.md §1.5).
func FullServiceName(region, name, id string) string {
	if name == "" {
		return region + "." + id
	}
	return region + "." + name + "." + id
}
