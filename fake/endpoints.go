package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// endpointFieldCodes maps a wrongly typed endpoint field to its documented
// code.
var endpointFieldCodes = map[string]*api.Error{
	"enable_dns": api.E2033,
	"whitelist":  api.E2044,
}

func createEndpoint(s *Server, c *call) (any, *api.Error) {
	req := createEndpointRequests.get()
	defer createEndpointRequests.put(req)
	if err := decodeBody(c.body, req, createEndpointFields, endpointFieldCodes); err != nil {
		return nil, err
	}
	v, err := s.eng.CreateEndpoint(c.tenant, req)
	return answer(&endpointPool, v, err)
}

func getEndpoint(s *Server, c *call) (any, *api.Error) {
	v, err := s.eng.GetEndpoint(c.tenant, c.params[1])
	return answer(&endpointPool, v, err)
}

func listEndpoints(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListEndpoints(c.tenant, endpointQuery(c))
}

func deleteEndpoint(s *Server, c *call) (any, *api.Error) {
	return nil, s.eng.DeleteEndpoint(c.tenant, c.params[1])
}

func updateEndpointWhite(s *Server, c *call) (any, *api.Error) {
	var req api.UpdateEndpointWhiteRequest
	if err := decode(c.body, &req, endpointFieldCodes); err != nil {
		return nil, err
	}
	return s.eng.UpdateEndpointWhite(c.tenant, c.params[1], &req)
}

func updateEndpointPolicy(s *Server, c *call) (any, *api.Error) {
	var req api.UpdateEndpointPolicyRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.UpdateEndpointPolicy(c.tenant, c.params[1], &req)
}

func deleteEndpointPolicy(s *Server, c *call) (any, *api.Error) {
	return s.eng.DeleteEndpointPolicy(c.tenant, c.params[1])
}

func updateEndpointRoutetable(s *Server, c *call) (any, *api.Error) {
	var req api.RoutetablesRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.UpdateEndpointRoutetable(c.tenant, c.params[1], &req)
}
