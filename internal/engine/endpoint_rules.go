package engine

import (
	"net/netip"
	"slices"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Limits of spec 3.14 and 6.
const (
	maxEndpointWhitelist = 20
	maxPolicyStatements  = 10
)

// defaultPolicy is the full-access OBS statement a gateway endpoint gets
// when none is given (spec 2.8).
var defaultPolicy = []api.PolicyStatement{{
	Effect:   "Allow",
	Action:   []string{"obs:*:*"},
	Resource: []string{"obs:*:*:*:*/*", "obs:*:*:*:*"},
}}

// validWhitelist checks an endpoint access-control list: at most 20 IPv4
// addresses or CIDRs (EndPoint.2045, EndPoint.2044). It returns a copy.
func validWhitelist(in []string) ([]string, *api.Error) {
	if len(in) > maxEndpointWhitelist {
		return nil, api.E2045
	}
	for _, w := range in {
		if a, err := netip.ParseAddr(w); err == nil && a.Is4() {
			continue
		}
		if p, err := netip.ParsePrefix(w); err == nil && p.Addr().Is4() {
			continue
		}
		return nil, api.E2044
	}
	return append([]string{}, in...), nil
}

// validPolicy checks gateway policy statements: 0-10 of them, each with
// Effect Allow or Deny and non-empty Action and Resource lists
// (EndPoint.2048 otherwise).
func validPolicy(in []api.PolicyStatementRequest) ([]api.PolicyStatement, *api.Error) {
	if len(in) > maxPolicyStatements {
		return nil, api.E2048
	}
	out := make([]api.PolicyStatement, 0, len(in))
	for _, p := range in {
		if p.Effect == nil || *p.Effect != "Allow" && *p.Effect != "Deny" || len(p.Action) == 0 || len(p.Resource) == 0 {
			return nil, api.E2048
		}
		out = append(out, api.PolicyStatement{Effect: *p.Effect, Action: slices.Clone(p.Action), Resource: slices.Clone(p.Resource)})
	}
	return out, nil
}

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
