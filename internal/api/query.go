package api

// Page is the paging and ordering of a GET list (docs/vpcep-api.md §1.6, 1.7) as the
// query string gives it: limit, offset, sort_key, sort_dir. "" is absent.
type Page struct {
	Limit, Offset, SortKey, SortDir string
}

// ServiceQuery is the query of ListEndpointService: endpoint_service_name,
// id, status and the [HW] net_type.
type ServiceQuery struct {
	Page
	Name, ID, Status, NetType string
}

// EndpointQuery is the query of ListEndpoints: endpoint_service_name,
// vpc_id and id.
type EndpointQuery struct {
	Page
	Name, VpcID, ID string
}

// ConnectionQuery is the query of ListServiceConnections: id, marker_id
// and status.
type ConnectionQuery struct {
	Page
	ID, MarkerID, Status string
}

// PermissionQuery is the query of ListServicePermissionsDetails:
// permission.
type PermissionQuery struct {
	Page
	Permission string
}

// PublicQuery is the query of ListServicePublicDetails:
// endpoint_service_name and id.
type PublicQuery struct {
	Page
	Name, ID string
}

// DescribeQuery is the query of ListServiceDescribeDetails:
// endpoint_service_name and id.
type DescribeQuery struct {
	Name, ID string
}

// NetPage is the paging of a VPC, subnet or load balancer list as the
// query string gives it: marker, limit and (ELB) page_reverse. "" is absent.
type NetPage struct {
	Marker, Limit, PageReverse string
}

// VPCQuery is the query of ListVpcs: id.
type VPCQuery struct {
	NetPage
	ID string
}

// SubnetQuery is the query of ListSubnets: vpc_id.
type SubnetQuery struct {
	NetPage
	VpcID string
}

// LoadBalancerQuery is the query of ListLoadBalancers: its other
// parameters by name with their first value; the engine filters by those it
// knows and ignores the rest.
type LoadBalancerQuery struct {
	NetPage
	Filters map[string]string
}
