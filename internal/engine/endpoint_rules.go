package engine

import "github.com/seed42eb3344/vpcepfake/internal/api"

// checkRoutetables checks the route tables a gateway endpoint of s in VPC
// v binds: valid ids of the VPC, none repeated (EndPoint.1019), none bound
// by another endpoint of the same service (EndPoint.2039). self is the
// endpoint being updated, nil on create.
//
// It runs in time linear in the ids and the tables bound: a body holds
// tens of thousands of ids, and pairwise checks took seconds.
func (e *Engine) checkRoutetables(ids []string, v VPC, s *service, self *endpoint) *api.Error {
	bound := map[string]bool{}
	s.eps.each(func(other *endpoint) {
		if other != self {
			for _, id := range other.view.Routetables {
				bound[id] = true
			}
		}
	})
	seen := make(map[string]bool, len(ids))
	for _, id := range ids {
		if err := checkRouteTable(id, v); err != nil {
			return err
		}
		if seen[id] {
			return api.E1019
		}
		seen[id] = true
		if bound[id] {
			return api.E2039
		}
	}
	return nil
}

// isGateway reports whether ep connects to a gateway service.
func (ep *endpoint) isGateway() bool { return ep.view.ServiceType == "gateway" }

// modifiable refuses changes to an endpoint that is failed (EndPoint.2047),
// creating (EndPoint.2019) or deleting (EndPoint.2018).
func (ep *endpoint) modifiable() *api.Error {
	switch ep.view.Status {
	case statusFailed:
		return api.E2047
	case statusCreating:
		return api.E2019
	case statusDeleting:
		return api.E2018
	}
	return nil
}
