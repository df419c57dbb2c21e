package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func listPublicServices(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListPublicServices(publicQuery(c))
}

func describeService(s *Server, c *call) (any, *api.Error) {
	return s.eng.DescribeService(c.tenant, describeQuery(c))
}
