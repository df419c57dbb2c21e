package rules

import "github.com/seed42eb3344/vpcepfake/internal/api"

// UpdateService applies the rules of an UpdateEndpointService body (docs/vpcep-api.md
// §3.5) that need no state, other than its ports (Ports checks those):
// service_name (3076), port_id (3003), tcp_proxy (0002), description
// (0002), vip_port_id (3051); an ip is refused with 3052 beside a port_id,
// 3053 beside a vip_port_id and 3055 otherwise: interface services have no
// backend ip to change. "" in port_id, vip_port_id or ip means no change.
func UpdateService(req *api.UpdateServiceRequest) *api.Error {
	if req.ServiceName != nil {
		if err := ServiceName(*req.ServiceName); err != nil {
			return err
		}
	}
	if req.PortID != nil && *req.PortID != "" && !IsUUID(*req.PortID) {
		return api.E3003
	}
	if req.TCPProxy != nil {
		if _, ok := TCPProxies.Canonical(*req.TCPProxy); !ok {
			return api.E0002
		}
	}
	if req.Description != nil {
		if err := Description(*req.Description); err != nil {
			return err
		}
	}
	if req.VipPortID != nil && *req.VipPortID != "" && !IsUUID(*req.VipPortID) {
		return api.E3051
	}
	if req.IP != nil && *req.IP != "" {
		if req.PortID != nil && *req.PortID != "" {
			return api.E3052
		}
		if req.VipPortID != nil && *req.VipPortID != "" {
			return api.E3053
		}
		return api.E3055
	}
	return nil
}
