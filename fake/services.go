package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// portFieldCodes maps a wrongly typed port field to its documented code.
var portFieldCodes = map[string]*api.Error{
	"ports.client_port": api.E3043,
	"ports.server_port": api.E3043,
}

func createService(s *Server, c *call) (any, *api.Error) {
	req := createServiceRequests.get()
	defer createServiceRequests.put(req)
	if err := decodeBody(c.body, req, createServiceFields, portFieldCodes); err != nil {
		return nil, err
	}
	v, err := s.eng.CreateService(c.tenant, req)
	return answer(&servicePool, v, err)
}

func getService(s *Server, c *call) (any, *api.Error) {
	v, err := s.eng.GetService(c.tenant, c.params[1])
	return answer(&servicePool, v, err)
}

func listServices(s *Server, c *call) (any, *api.Error) {
	return s.eng.ListServices(c.tenant, serviceQuery(c))
}

func updateService(s *Server, c *call) (any, *api.Error) {
	req := updateServiceRequests.get()
	defer updateServiceRequests.put(req)
	if err := decodeBody(c.body, req, updateServiceFields, portFieldCodes); err != nil {
		return nil, err
	}
	v, err := s.eng.UpdateService(c.tenant, c.params[1], req)
	return answer(&servicePool, v, err)
}

func deleteService(s *Server, c *call) (any, *api.Error) {
	return nil, s.eng.DeleteService(c.tenant, c.params[1])
}

func renameService(s *Server, c *call) (any, *api.Error) {
	var req api.RenameServiceRequest
	if err := decode(c.body, &req, nil); err != nil {
		return nil, err
	}
	return s.eng.RenameService(c.tenant, c.params[1], &req)
}
