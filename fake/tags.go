package fake

import "github.com/seed42eb3344/vpcepfake/internal/api"

// queryFieldCodes maps a wrongly typed paging field of a tag query (a
// number where the API wants a string) to its documented code.
var queryFieldCodes = map[string]*api.Error{
	"limit":  api.E0006,
	"offset": api.E0010,
}

// The tag routes' parameters are the project, resource_type and, for the
// action, resource_id. A body that is not JSON of the right shape is
// EndPoint.0002 before the resource type is looked at.

func tagAction(s *Server, c *call) (any, *api.Error) {
	var req api.TagActionRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return nil, s.eng.TagAction(c.tenant, c.params[1], c.params[2], &req)
}

func listResourceInstances(s *Server, c *call) (any, *api.Error) {
	var req api.ResourceQueryRequest
	if err := decode(c.body, &req, queryFieldCodes); err != nil {
		return nil, err
	}
	return s.eng.ListResourceInstances(c.tenant, c.params[1], &req)
}

func listProjectTags(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListProjectTags(c.tenant, c.params[1])
}
