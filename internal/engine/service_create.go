package engine

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// serviceRule checks one field of a create request and writes its
// normalised value into the draft service. Rules run in table order; the
// first failure answers the request.
type serviceRule func(req *api.CreateServiceRequest, s *api.Service) *api.Error

// createServiceRules are the documented rules of CreateEndpointService
// (spec 3.3) that need no state. A new rule is a new row.
var createServiceRules = []serviceRule{
	// port_id: required (the Huawei SDK sends "" when unset: 0002), UUID.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.PortID == nil || *r.PortID == "" {
			return api.E0002
		}
		if !isUUID(*r.PortID) {
			return api.E3003
		}
		s.PortID = *r.PortID
		return nil
	},
	// vpc_id: required, UUID.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.VpcID == nil || *r.VpcID == "" {
			return api.E2011
		}
		if !isUUID(*r.VpcID) {
			return api.E0020
		}
		s.VpcID = *r.VpcID
		return nil
	},
	// server_type: required, LB, VM, VIP or BMS.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.ServerType == nil || *r.ServerType == "" {
			return api.E0002
		}
		v, ok := enum(serverTypes, *r.ServerType)
		if !ok {
			return api.E3021
		}
		s.ServerType = v
		return nil
	},
	// ports: 1-200 valid mappings.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		ports, err := validPorts(r.Ports)
		s.Ports = ports
		return err
	},
	// service_name: optional short name; "" is the same as absent.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.ServiceName == nil {
			return nil
		}
		return validServiceName(*r.ServiceName)
	},
	// service_type: interface (default). Users cannot create gateway
	// services (O&M provides them); the code for that is unconfirmed, 0002.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.ServiceType = "interface"
		if r.ServiceType != nil && *r.ServiceType != "interface" {
			return api.E0002
		}
		return nil
	},
	// tcp_proxy: documented enum, default close.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.TCPProxy = "close"
		if r.TCPProxy == nil {
			return nil
		}
		v, ok := enum(tcpProxies, *r.TCPProxy)
		if !ok {
			return api.E0002
		}
		s.TCPProxy = v
		return nil
	},
	// description: at most 128 characters, no angle brackets.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.Description == nil {
			return nil
		}
		s.Description = *r.Description
		return validDescription(s.Description)
	},
	// tags: the tag rules of spec 2.2.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		tags, err := validTags(r.Tags)
		s.Tags = tags
		return err
	},
	// enterprise_project_id: "0" (default) or a UUID.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		s.EnterpriseProjectID = "0"
		if r.EnterpriseProjectID == nil {
			return nil
		}
		s.EnterpriseProjectID = *r.EnterpriseProjectID
		return validEnterpriseProject(s.EnterpriseProjectID)
	},
	// The reserved 2025-11 fields: accepted and echoed when valid.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		var ok bool
		if r.IPVersion != nil {
			if s.IPVersion, ok = enum(ipVersions, *r.IPVersion); !ok {
				return api.E0002
			}
		}
		if r.Payer != nil {
			if s.Payer, ok = enum(payers, *r.Payer); !ok {
				return api.E0002
			}
		}
		for _, ed := range r.SupportedEditions {
			v, ok := enum(editions, ed)
			if !ok {
				return api.E0002
			}
			s.SupportedEditions = append(s.SupportedEditions, v)
		}
		if r.EnablePolicy != nil {
			s.EnablePolicy = *r.EnablePolicy
		}
		return nil
	},
	// ip: Huawei VLAN backends only; an interface service must not carry it.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.IP != nil && *r.IP != "" {
			return api.E3011
		}
		return nil
	},
	// vip_port_id: legacy, sent (omitempty) by gophertelekomcloud; "" is
	// ignored, anything else must be a UUID.
	func(r *api.CreateServiceRequest, s *api.Service) *api.Error {
		if r.VipPortID == nil || *r.VipPortID == "" {
			return nil
		}
		if !isUUID(*r.VipPortID) {
			return api.E3051
		}
		s.VipPortID = *r.VipPortID
		return nil
	},
}

// CreateService is CreateEndpointService: it validates req, checks the
// network inventory, port conflicts and the quota, stores the service in
// status creating and schedules its transition to available.
func (e *Engine) CreateService(t Tenant, req *api.CreateServiceRequest) (api.Service, *api.Error) {
	v := api.Service{ApprovalEnabled: true, ProjectID: t.ProjectID, DomainID: t.DomainID}
	for _, rule := range createServiceRules {
		if err := rule(req, &v); err != nil {
			return api.Service{}, err
		}
	}
	if req.ApprovalEnabled != nil {
		v.ApprovalEnabled = *req.ApprovalEnabled
	}
	now := e.lock()
	defer e.mu.Unlock()
	if err := e.checkBackend(v.VpcID, v.PortID); err != nil {
		return api.Service{}, err
	}
	if err := e.checkPortConflicts(nil, v.PortID, v.Ports); err != nil {
		return api.Service{}, err
	}
	p := e.project(t.ProjectID)
	if p.services.len() >= e.cfg.Quotas.Services {
		return api.Service{}, api.E1018
	}
	v.ID = e.ids.uuid()
	v.PoolID = e.poolID(req.PoolID)
	v.CreatedAt, v.UpdatedAt = stamp(now), stamp(now)
	s := &service{view: v}
	if req.ServiceName != nil {
		s.name = *req.ServiceName
	}
	s.view.ServiceName = fullServiceName(e.cfg.Region, s.name, v.ID)
	e.seq++
	s.record = record{id: v.ID, seq: e.seq, created: now, updated: now}
	e.services[v.ID] = s
	e.usePort(s)
	e.startServiceCreate(s, now)
	e.storeService(p, s)
	return s.render(), nil
}

// poolID returns the requested pool or the one the system assigns.
func (e *Engine) poolID(req *string) string {
	if req != nil && *req != "" {
		return *req
	}
	return "pool-" + e.ids.uuid()[:8]
}
