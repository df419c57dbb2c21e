package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func listConnections(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListConnections(c.tenant, c.params[1], connectionQuery(c))
}

func connectionAction(s *Server, c *call) (any, *api.Error) {
	var req api.ConnectionActionRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.ConnectionAction(c.tenant, c.params[1], &req)
}

func updateConnectionsDesc(s *Server, c *call) (any, *api.Error) {
	var req api.ConnectionsDescRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.UpdateConnectionsDesc(c.tenant, c.params[1], &req)
}
