package rules

import (
	"net/netip"
	"slices"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Limits of docs/vpcep-api.md §3.14 and 6.
const (
	maxEndpointWhitelist = 20
	maxPolicyStatements  = 10
)

// DefaultPolicy is the full-access OBS statement a gateway endpoint gets
// when none is given (docs/vpcep-api.md §2.8). Callers share it and must not change it.
var DefaultPolicy = []api.PolicyStatement{{
	Effect:   "Allow",
	Action:   []string{"obs:*:*"},
	Resource: []string{"obs:*:*:*:*/*", "obs:*:*:*:*"},
}}

// Whitelist checks an endpoint access-control list: at most 20
// (EndPoint.2045) IPv4 addresses or CIDRs (EndPoint.2044). It returns a
// copy.
func Whitelist(in []string) ([]string, *api.Error) {
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

// Policy checks gateway policy statements: 0-10 of them, each with Effect
// Allow or Deny and non-empty Action and Resource lists (EndPoint.2048
// otherwise). It returns a copy.
func Policy(in []api.PolicyStatementRequest) ([]api.PolicyStatement, *api.Error) {
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
