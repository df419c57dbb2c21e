package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func listPermissions(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListPermissions(c.tenant, c.params[1], permissionQuery(c))
}

func permissionAction(s *Server, c *call) (any, *api.Error) {
	var req api.PermissionActionRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.PermissionAction(c.tenant, c.params[1], &req)
}

func batchAddPermissions(s *Server, c *call) (any, *api.Error) {
	var req api.BatchAddPermissionsRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.BatchAddPermissions(c.tenant, c.params[1], &req)
}

func batchRemovePermissions(s *Server, c *call) (any, *api.Error) {
	var req api.BatchRemovePermissionsRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.BatchRemovePermissions(c.tenant, c.params[1], &req)
}

func updatePermissionDesc(s *Server, c *call) (any, *api.Error) {
	var req api.UpdatePermissionDescRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.UpdatePermissionDesc(c.tenant, c.params[1], c.params[2], &req)
}
