package rules

import "github.com/seed42eb3344/vpcepfake/internal/api"

// serviceRule checks one field of a create request, named as the API
// spells it, and writes its normalised value into the draft service.
type serviceRule struct {
	field string
	check func(req *api.CreateServiceRequest, s *api.Service) *api.Error
}

// CreateService applies the documented rules of CreateEndpointService
// (docs/vpcep-api.md §3.3) that need no state to req, in table order, and writes the
// normalised fields into s. The first failure answers the request.
func CreateService(req *api.CreateServiceRequest, s *api.Service) *api.Error {
	for _, rule := range createServiceRules {
		if err := rule.check(req, s); err != nil {
			return err
		}
	}
	return nil
}

// createServiceRules are the rows of CreateService. A new rule is a new
// row; each names the codes it answers with.
var createServiceRules = []serviceRule{
	// port_id: required (the Huawei SDK sends "" when unset: 0002), UUID
	// (3003).
	{"port_id", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.PortID == nil || *r.PortID == "" {
			return api.E0002
		}
		if !IsUUID(*r.PortID) {
			return api.E3003
		}
		s.PortID = *r.PortID
		return nil
	}},
	// vpc_id: required (2011), UUID (0020).
	{"vpc_id", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.VpcID == nil || *r.VpcID == "" {
			return api.E2011
		}
		if !IsUUID(*r.VpcID) {
			return api.E0020
		}
		s.VpcID = *r.VpcID
		return nil
	}},
	// server_type: required (0002), LB, VM, VIP or BMS (3021).
	{"server_type", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.ServerType == nil || *r.ServerType == "" {
			return api.E0002
		}
		v, ok := serverTypes.Canonical(*r.ServerType)
		if !ok {
			return api.E3021
		}
		s.ServerType = v
		return nil
	}},
	// ports: 1-200 valid mappings (Ports: 0002, 3074, 2028, 3043, 3075,
	// 3044).
	{"ports", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		ports, err := Ports(r.Ports)
		s.Ports = ports
		return err
	}},
	// service_name: optional short name (3076); "" is the same as absent.
	{"service_name", func(r *api.CreateServiceRequest, _ *api.Service) *api.Error {
		if r.ServiceName == nil {
			return nil
		}
		return ServiceName(*r.ServiceName)
	}},
	// service_type: interface (default). Users cannot create gateway
	// services (O&M provides them); the code for that is unconfirmed, 0002.
	{"service_type", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.ServiceType = "interface"
		if r.ServiceType != nil && *r.ServiceType != "interface" {
			return api.E0002
		}
		return nil
	}},
	// tcp_proxy: documented enum (0002), default close.
	{"tcp_proxy", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.TCPProxy = "close"
		if r.TCPProxy == nil {
			return nil
		}
		v, ok := TCPProxies.Canonical(*r.TCPProxy)
		if !ok {
			return api.E0002
		}
		s.TCPProxy = v
		return nil
	}},
	// description: at most 128 characters, no angle brackets (0002).
	{"description", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.Description == nil {
			return nil
		}
		s.Description = *r.Description
		return Description(s.Description)
	}},
	// tags: the tag rules of docs/vpcep-api.md §2.2 (Tags: 3069, 3066, 3072, 3073, 3068,
	// 3067).
	{"tags", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		tags, err := Tags(r.Tags, false)
		s.Tags = tags
		return err
	}},
	// enterprise_project_id: "0" (default) or a UUID (0002).
	{"enterprise_project_id", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.EnterpriseProjectID = "0"
		if r.EnterpriseProjectID == nil {
			return nil
		}
		s.EnterpriseProjectID = *r.EnterpriseProjectID
		return EnterpriseProject(s.EnterpriseProjectID)
	}},
	// The reserved 2025-11 fields: accepted and echoed when valid (0002
	// otherwise).
	{"ip_version, payer, supported_editions, enable_policy", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		var ok bool
		if r.IPVersion != nil {
			if s.IPVersion, ok = ipVersions.Canonical(*r.IPVersion); !ok {
				return api.E0002
			}
		}
		if r.Payer != nil {
			if s.Payer, ok = payers.Canonical(*r.Payer); !ok {
				return api.E0002
			}
		}
		for _, ed := range r.SupportedEditions {
			v, ok := editions.Canonical(ed)
			if !ok {
				return api.E0002
			}
			s.SupportedEditions = append(s.SupportedEditions, v)
		}
		if r.EnablePolicy != nil {
			s.EnablePolicy = *r.EnablePolicy
		}
		return nil
	}},
	// ip: Huawei VLAN backends only; an interface service must not carry
	// it (3011).
	{"ip", func(r *api.CreateServiceRequest, _ *api.Service) *api.Error {
		if r.IP != nil && *r.IP != "" {
			return api.E3011
		}
		return nil
	}},
	// vip_port_id: legacy, sent (omitempty) by gophertelekomcloud; "" is
	// ignored, anything else must be a UUID (3051).
	{"vip_port_id", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.VipPortID == nil || *r.VipPortID == "" {
			return nil
		}
		if !IsUUID(*r.VipPortID) {
			return api.E3051
		}
		s.VipPortID = *r.VipPortID
		return nil
	}},
	// approval_enabled: default true.
	{"approval_enabled", func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.ApprovalEnabled = r.ApprovalEnabled == nil || *r.ApprovalEnabled
		return nil
	}},
}
