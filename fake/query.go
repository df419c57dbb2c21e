package fake

import (
	"net/url"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// The query decoders turn a request's query string into the typed query
// the engine takes; the engine checks the values. A repeated parameter
// counts with its first value; an empty one counts as absent.

func pageQuery(q url.Values) api.Page {
	return api.Page{Limit: q.Get("limit"), Offset: q.Get("offset"), SortKey: q.Get("sort_key"), SortDir: q.Get("sort_dir")}
}

func serviceQuery(c *call) api.ServiceQuery {
	q := c.r.URL.Query()
	return api.ServiceQuery{Page: pageQuery(q), Name: q.Get("endpoint_service_name"), ID: q.Get("id"),
		Status: q.Get("status"), NetType: q.Get("net_type")}
}

func endpointQuery(c *call) api.EndpointQuery {
	q := c.r.URL.Query()
	return api.EndpointQuery{Page: pageQuery(q), Name: q.Get("endpoint_service_name"), VpcID: q.Get("vpc_id"), ID: q.Get("id")}
}

func connectionQuery(c *call) api.ConnectionQuery {
	q := c.r.URL.Query()
	return api.ConnectionQuery{Page: pageQuery(q), ID: q.Get("id"), MarkerID: q.Get("marker_id"), Status: q.Get("status")}
}

func permissionQuery(c *call) api.PermissionQuery {
	q := c.r.URL.Query()
	return api.PermissionQuery{Page: pageQuery(q), Permission: q.Get("permission")}
}

func publicQuery(c *call) api.PublicQuery {
	q := c.r.URL.Query()
	return api.PublicQuery{Page: pageQuery(q), Name: q.Get("endpoint_service_name"), ID: q.Get("id")}
}

func describeQuery(c *call) api.DescribeQuery {
	q := c.r.URL.Query()
	return api.DescribeQuery{Name: q.Get("endpoint_service_name"), ID: q.Get("id")}
}

func netPage(q url.Values) api.NetPage {
	return api.NetPage{Marker: q.Get("marker"), Limit: q.Get("limit"), PageReverse: q.Get("page_reverse")}
}

func vpcQuery(c *call) api.VPCQuery {
	q := c.r.URL.Query()
	return api.VPCQuery{NetPage: netPage(q), ID: q.Get("id")}
}

func subnetQuery(c *call) api.SubnetQuery {
	q := c.r.URL.Query()
	return api.SubnetQuery{NetPage: netPage(q), VpcID: q.Get("vpc_id")}
}

// loadBalancerQuery passes every parameter but the paging ones as a filter.
func loadBalancerQuery(q url.Values) api.LoadBalancerQuery {
	f := make(map[string]string, len(q))
	for k, vs := range q {
		switch k {
		case "marker", "limit", "page_reverse":
		default:
			f[k] = vs[0]
		}
	}
	return api.LoadBalancerQuery{NetPage: netPage(q), Filters: f}
}
