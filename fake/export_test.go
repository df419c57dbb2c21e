package fake

import "strings"

// NetRouteInfo describes one companion route for the external tests.
type NetRouteInfo struct {
	Op, Method, Pattern string
	Status              int
}

// NetRoutesForTest lists the companion routes, patterns written
// "/network/v1/{}/vpcs".
func NetRoutesForTest() []NetRouteInfo {
	out := make([]NetRouteInfo, len(netRoutes))
	for i, r := range netRoutes {
		out[i] = NetRouteInfo{Op: r.op, Method: r.method, Pattern: "/" + strings.Join(r.segs, "/"), Status: r.status}
	}
	return out
}
