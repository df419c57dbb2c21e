package fake

import (
	"net/http"
	"net/url"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// netRoutes are the companion operations, one row each; ids, paths and
// statuses match internal/api/network_operations.json (a test holds them
// together).
var netRoutes = []route{
	{"CreateVpc", http.MethodPost, seg("network/v1/{}/vpcs"), 200, createVPC},
	{"ShowVpc", http.MethodGet, seg("network/v1/{}/vpcs/{}"), 200, showVPC},
	{"ListVpcs", http.MethodGet, seg("network/v1/{}/vpcs"), 200, listVPCs},
	{"UpdateVpc", http.MethodPut, seg("network/v1/{}/vpcs/{}"), 200, updateVPC},
	{"DeleteVpc", http.MethodDelete, seg("network/v1/{}/vpcs/{}"), 204, deleteVPC},
	{"CreateSubnet", http.MethodPost, seg("network/v1/{}/subnets"), 200, createSubnet},
	{"ShowSubnet", http.MethodGet, seg("network/v1/{}/subnets/{}"), 200, showSubnet},
	{"ListSubnets", http.MethodGet, seg("network/v1/{}/subnets"), 200, listSubnets},
	{"UpdateSubnet", http.MethodPut, seg("network/v1/{}/vpcs/{}/subnets/{}"), 200, updateSubnet},
	{"DeleteSubnet", http.MethodDelete, seg("network/v1/{}/vpcs/{}/subnets/{}"), 204, deleteSubnet},
	{"ShowVpcTags", http.MethodGet, seg("network/v2.0/{}/vpcs/{}/tags"), 200, showTags(engine.TagVPC)},
	{"BatchVpcTagAction", http.MethodPost, seg("network/v2.0/{}/vpcs/{}/tags/action"), 204, tagsAction(engine.TagVPC)},
	{"ShowSubnetTags", http.MethodGet, seg("network/v2.0/{}/subnets/{}/tags"), 200, showTags(engine.TagSubnet)},
	{"BatchSubnetTagAction", http.MethodPost, seg("network/v2.0/{}/subnets/{}/tags/action"), 204, tagsAction(engine.TagSubnet)},
	{"ShowVpcV3", http.MethodGet, seg("network/v3/{}/vpc/vpcs/{}"), 200, showVPCV3},

	{"CreateLoadBalancer", http.MethodPost, seg("elb/v2.0/lbaas/loadbalancers"), 201, createLB},
	{"ShowLoadBalancer", http.MethodGet, seg("elb/v2.0/lbaas/loadbalancers/{}"), 200, showLB},
	{"ListLoadBalancers", http.MethodGet, seg("elb/v2.0/lbaas/loadbalancers"), 200, listLBs},
	{"UpdateLoadBalancer", http.MethodPut, seg("elb/v2.0/lbaas/loadbalancers/{}"), 200, updateLB},
	{"DeleteLoadBalancer", http.MethodDelete, seg("elb/v2.0/lbaas/loadbalancers/{}"), 204, deleteLB},
	{"ShowLoadBalancerTags", http.MethodGet, seg("elb/v2.0/{}/loadbalancers/{}/tags"), 200, showTags(engine.TagLoadBalancer)},
	{"BatchLoadBalancerTagAction", http.MethodPost, seg("elb/v2.0/{}/loadbalancers/{}/tags/action"), 204, tagsAction(engine.TagLoadBalancer)},
}

// decodeAs decodes the body into v; any failure is bad.
func decodeAs(c *call, v any, bad *api.Error) *api.Error {
	if decode(c.body, v, nil) != nil {
		return bad
	}
	return nil
}

func createVPC(s *Server, c *call) (any, *api.Error) {
	var b struct {
		VPC *api.VPCRequest `json:"vpc"`
	}
	if err := decodeAs(c, &b, api.VPC0101); err != nil || b.VPC == nil {
		return nil, api.VPC0101
	}
	v, err := s.eng.CreateVPC(c.tenant, *b.VPC)
	return map[string]api.VPC{"vpc": v}, err
}

func showVPC(s *Server, c *call) (any, *api.Error) {
	v, err := s.eng.GetVPC(c.tenant, c.params[1])
	return map[string]api.VPC{"vpc": v}, err
}

func listVPCs(s *Server, c *call) (any, *api.Error) {
	l, err := s.eng.ListVPCs(c.tenant, vpcQuery(c))
	return map[string][]api.VPC{"vpcs": l}, err
}

func updateVPC(s *Server, c *call) (any, *api.Error) {
	var b struct {
		VPC *api.VPCRequest `json:"vpc"`
	}
	if err := decodeAs(c, &b, api.VPC0101); err != nil || b.VPC == nil {
		return nil, api.VPC0101
	}
	v, err := s.eng.UpdateVPC(c.tenant, c.params[1], *b.VPC)
	return map[string]api.VPC{"vpc": v}, err
}

func deleteVPC(s *Server, c *call) (any, *api.Error) {
	return nil, s.eng.DeleteVPC(c.tenant, c.params[1])
}

func showVPCV3(s *Server, c *call) (any, *api.Error) {
	v, err := s.eng.GetVPCV3(c.tenant, c.params[1])
	return map[string]any{"request_id": s.eng.NewRequestID(), "vpc": v}, err
}

func createSubnet(s *Server, c *call) (any, *api.Error) {
	var b struct {
		Subnet *api.SubnetRequest `json:"subnet"`
	}
	if err := decodeAs(c, &b, api.VPC0201); err != nil || b.Subnet == nil {
		return nil, api.VPC0201
	}
	v, err := s.eng.CreateSubnet(c.tenant, *b.Subnet)
	return map[string]api.Subnet{"subnet": v}, err
}

func showSubnet(s *Server, c *call) (any, *api.Error) {
	v, err := s.eng.GetSubnet(c.tenant, c.params[1])
	return map[string]api.Subnet{"subnet": v}, err
}

func listSubnets(s *Server, c *call) (any, *api.Error) {
	l, err := s.eng.ListSubnets(c.tenant, subnetQuery(c))
	return map[string][]api.Subnet{"subnets": l}, err
}

func updateSubnet(s *Server, c *call) (any, *api.Error) {
	var b struct {
		Subnet *api.SubnetRequest `json:"subnet"`
	}
	if err := decodeAs(c, &b, api.VPC0201); err != nil || b.Subnet == nil {
		return nil, api.VPC0201
	}
	v, err := s.eng.UpdateSubnet(c.tenant, c.params[1], c.params[2], *b.Subnet)
	return map[string]api.SubnetStatus{"subnet": v}, err
}

func deleteSubnet(s *Server, c *call) (any, *api.Error) {
	return nil, s.eng.DeleteSubnet(c.tenant, c.params[1], c.params[2])
}

func showTags(k engine.NetTagKind) func(s *Server, c *call) (any, *api.Error) {
	return func(s *Server, c *call) (any, *api.Error) {
		tags, err := s.eng.NetTags(c.tenant, k, c.params[1])
		return map[string][]api.NetTag{"tags": tags}, err
	}
}

func tagsAction(k engine.NetTagKind) func(s *Server, c *call) (any, *api.Error) {
	return func(s *Server, c *call) (any, *api.Error) {
		var b api.NetTagAction
		if err := decodeAs(c, &b, api.VPC1801); err != nil {
			return nil, err
		}
		return nil, s.eng.NetTagAction(c.tenant, k, c.params[1], b)
	}
}

func createLB(s *Server, c *call) (any, *api.Error) {
	var b struct {
		LB *api.LoadBalancerRequest `json:"loadbalancer"`
	}
	if err := decodeAs(c, &b, api.ELB0002); err != nil || b.LB == nil {
		return nil, api.ELB0002
	}
	v, err := s.eng.CreateLoadBalancer(c.tenant, *b.LB)
	return map[string]api.LoadBalancer{"loadbalancer": v}, err
}

func showLB(s *Server, c *call) (any, *api.Error) {
	v, err := s.eng.GetLoadBalancer(c.tenant, c.params[0])
	return map[string]api.LoadBalancer{"loadbalancer": v}, err
}

// lbList is a page of load balancers; Links holds the next page's
// absolute URL when there is one.
type lbList struct {
	LoadBalancers []api.LoadBalancer `json:"loadbalancers"`
	Links         []link             `json:"loadbalancers_links,omitempty"`
}

type link struct {
	Href string `json:"href"`
	Rel  string `json:"rel"`
}

func listLBs(s *Server, c *call) (any, *api.Error) {
	q := c.r.URL.Query()
	l, more, err := s.eng.ListLoadBalancers(c.tenant, loadBalancerQuery(q))
	out := lbList{LoadBalancers: l}
	if more {
		q.Set("marker", l[len(l)-1].ID)
		u := url.URL{Scheme: "http", Host: c.r.Host, Path: c.r.URL.Path, RawQuery: q.Encode()}
		if c.r.TLS != nil {
			u.Scheme = "https"
		}
		out.Links = []link{{Href: u.String(), Rel: "next"}}
	}
	return out, err
}

func updateLB(s *Server, c *call) (any, *api.Error) {
	var b struct {
		LB *api.LoadBalancerRequest `json:"loadbalancer"`
	}
	if err := decodeAs(c, &b, api.ELB0002); err != nil || b.LB == nil {
		return nil, api.ELB0002
	}
	v, err := s.eng.UpdateLoadBalancer(c.tenant, c.params[0], *b.LB)
	return map[string]api.LoadBalancer{"loadbalancer": v}, err
}

func deleteLB(s *Server, c *call) (any, *api.Error) {
	return nil, s.eng.DeleteLoadBalancer(c.tenant, c.params[0])
}
