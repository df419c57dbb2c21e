package engine

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// editEndpoint runs change on the caller's endpoint id once it is known to
// be modifiable, then stamps updated_at and returns the endpoint. change
// validates before it writes: a failed change leaves the endpoint as it was.
func (e *Engine) editEndpoint(t Tenant, id string, change func(ep *endpoint) *api.Error) (api.Endpoint, *api.Error) {
	now := e.lock()
	defer e.mu.Unlock()
	ep, err := e.ownEndpoint(t, id)
	if err != nil {
		return api.Endpoint{}, err
	}
	if err := ep.modifiable(); err != nil {
		return api.Endpoint{}, err
	}
	if err := change(ep); err != nil {
		return api.Endpoint{}, err
	}
	ep.touch(now)
	return ep.render(), nil
}

// UpdateEndpointWhite is the [HW] UpdateEndpointWhite (docs/vpcep-api.md §3.27):
// interface endpoints only (a gateway's is EndPoint.0002; no code is
// documented). A present whitelist replaces the list ([] clears it); an
// absent field stays unchanged (recommended by docs/vpcep-api.md for
// enable_whitelist; the same for whitelist, so a client may toggle one
// without resending the other).
func (e *Engine) UpdateEndpointWhite(t Tenant, id string, req *api.UpdateEndpointWhiteRequest) (api.Endpoint, *api.Error) {
	wl, err := rules.Whitelist(req.Whitelist)
	if err != nil {
		return api.Endpoint{}, err
	}
	return e.editEndpoint(t, id, func(ep *endpoint) *api.Error {
		if ep.isGateway() {
			return api.E0002
		}
		if req.Whitelist != nil {
			ep.view.Whitelist = wl
		}
		if req.EnableWhitelist != nil {
			ep.view.EnableWhitelist = *req.EnableWhitelist
		}
		return nil
	})
}

// UpdateEndpointPolicy is the [HW] UpdateEndpointPolicy (docs/vpcep-api.md §3.28): it
// replaces a gateway endpoint's policy_statement (0-10 valid statements,
// EndPoint.2048). Interface endpoints have no statement policy (2048; the
// fake does not model policy_document).
func (e *Engine) UpdateEndpointPolicy(t Tenant, id string, req *api.UpdateEndpointPolicyRequest) (api.Endpoint, *api.Error) {
	if req.PolicyStatement == nil {
		return api.Endpoint{}, api.E2048
	}
	policy, err := rules.Policy(req.PolicyStatement)
	if err != nil {
		return api.Endpoint{}, err
	}
	return e.editEndpoint(t, id, func(ep *endpoint) *api.Error {
		if !ep.isGateway() {
			return api.E2048
		}
		ep.view.PolicyStatement = policy
		return nil
	})
}

// DeleteEndpointPolicy is the [HW] DeleteEndpointPolicy (docs/vpcep-api.md §3.29): it
// resets a gateway endpoint's policy to the default full-access statement.
// An endpoint without policy (interface, or an empty statement list) is
// EndPoint.2049.
func (e *Engine) DeleteEndpointPolicy(t Tenant, id string) (api.Endpoint, *api.Error) {
	return e.editEndpoint(t, id, func(ep *endpoint) *api.Error {
		if len(ep.view.PolicyStatement) == 0 {
			return api.E2049
		}
		ep.view.PolicyStatement = rules.DefaultPolicy
		return nil
	})
}

// UpdateEndpointRoutetable is the [HW] UpdateEndpointRoutetable (docs/vpcep-api.md
// §3.30): routetables (required, EndPoint.0002) replaces the gateway
// endpoint's bound set; each must be valid (1019) and free of the service's
// other endpoints (2039). Interface endpoints have no route tables bound
// (EndPoint.2040, "no route table bound"). The fake never fails part of a
// binding, so the response carries no error list.
func (e *Engine) UpdateEndpointRoutetable(t Tenant, id string, req *api.RoutetablesRequest) (api.RoutetablesResponse, *api.Error) {
	if req.Routetables == nil {
		return api.RoutetablesResponse{}, api.E0002
	}
	v, err := e.editEndpoint(t, id, func(ep *endpoint) *api.Error {
		if !ep.isGateway() {
			return api.E2040
		}
		vpc, err := e.net.checkVPC(ep.view.VpcID)
		if err != nil {
			return err
		}
		if err := e.checkRoutetables(req.Routetables, vpc, ep.svc, ep); err != nil {
			return err
		}
		ep.view.Routetables = append([]string{}, req.Routetables...)
		return nil
	})
	return api.RoutetablesResponse{Routetables: v.Routetables}, err
}
