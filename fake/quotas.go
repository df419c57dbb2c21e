package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func listQuotas(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListQuotas(c.tenant, c.r.URL.Query().Get("type"))
}
