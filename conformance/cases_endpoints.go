package conformance

import "net/http"

// endpointFields is the endpoint object of docs/vpcep-api.md §2.5 as the clients decode
// it: active_status an array (terraform #1940), marker_id a number that
// fits int32 (Huawei).
var endpointFields = Fields{
	"id": "uuid", "service_type": "string", "status": "string", "active_status": "array",
	"active_status[]": "string", "endpoint_service_name": "={service_name}",
	"endpoint_service_id": "={service_id}", "marker_id": "number", "enable_dns": "bool",
	"vpc_id": "={vpc_id}", "created_at": "time", "updated_at": "time", "project_id": "={project_id}",
	"tags": "array", "whitelist": "array", "enable_whitelist": "bool",
}

// connectionFields is a ListServiceConnections body (docs/vpcep-api.md §2.6).
var connectionFields = Fields{
	"connections": "array", "total_count": "number", "connections[].id": "uuid",
	"connections[].marker_id": "number", "connections[].domain_id": "string",
	"connections[].status": "string", "connections[].created_at": "time", "connections[].updated_at": "time",
}

const (
	epPath    = "vpc-endpoints"
	epOne     = "vpc-endpoints/{endpoint_id}"
	connPath  = "vpc-endpoint-services/{service_id}/connections"
	connAct   = "vpc-endpoint-services/{service_id}/connections/action"
	quotaPath = "quotas"
)

// endpointCases cover CreateEndpoint, ListEndpointInfoDetails,
// DeleteEndpoint, ListEndpoints (docs/vpcep-api.md §3.14-3.17), the connections (3.8,
// 3.9) and quotas (3.18).
var endpointCases = []Case{
	// Create.
	{Name: "create", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body:   `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}","enable_dns":true}`,
		Status: 200, Fields: endpointFields.with(Fields{"status": "=creating", "ip": "absent"}), Slow: true},
	{Name: "create without a service", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"vpc_id":"{vpc_id}","subnet_id":"{subnet_id}"}`, Status: 400, Code: "EndPoint.2029"},
	{Name: "create for an unknown service", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{unknown_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}"}`, Status: 400, Code: "EndPoint.2003"},
	{Name: "create without vpc_id", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{service_id}","subnet_id":"{subnet_id}"}`, Status: 400, Code: "EndPoint.2011"},
	{Name: "create interface without subnet_id", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}"}`, Status: 400, Code: "EndPoint.2010"},
	{Name: "create with a malformed port_ip", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}","port_ip":"10.0.0"}`, Status: 400, Code: "EndPoint.2041"},
	{Name: "create with a malformed whitelist", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}","whitelist":["not-an-ip"]}`, Status: 400, Code: "EndPoint.2044"},
	{Name: "create with enable_dns as a string", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}","enable_dns":"yes"}`, Status: 400, Code: "EndPoint.2033"},
	{Name: "create by a tenant not whitelisted", Op: OpCreateEndpoint, Method: http.MethodPost, As: Other,
		Path: "/v1/{other_project_id}/vpc-endpoints",
		Body: `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}"}`, Status: 400, Code: "EndPoint.2012"},

	// Get.
	{Name: "get", Op: OpGetEndpoint, Method: http.MethodGet, Path: epOne, Status: 200,
		Fields: endpointFields.with(Fields{"id": "={endpoint_id}", "status": "=pendingAcceptance"})},
	{Name: "get unknown", Op: OpGetEndpoint, Method: http.MethodGet, Path: "vpc-endpoints/{unknown_id}", Status: 404, Code: "EndPoint.2006"},
	{Name: "get a service id", Op: OpGetEndpoint, Method: http.MethodGet, Path: "vpc-endpoints/{service_id}", Status: 404, Code: "EndPoint.2006"},
	{Name: "get malformed id", Op: OpGetEndpoint, Method: http.MethodGet, Path: "vpc-endpoints/not-an-id", Status: 400, Code: "EndPoint.2017"},
	{Name: "get another tenant's endpoint", Op: OpGetEndpoint, Method: http.MethodGet, As: Other,
		Path: "/v1/{other_project_id}/vpc-endpoints/{endpoint_id}", Status: 404, Code: "EndPoint.2006"},

	// Delete.
	{Name: "delete unknown", Op: OpDeleteEndpoint, Method: http.MethodDelete, Path: "vpc-endpoints/{unknown_id}", Status: 404, Code: "EndPoint.2006"},
	{Name: "delete malformed id", Op: OpDeleteEndpoint, Method: http.MethodDelete, Path: "vpc-endpoints/not-an-id", Status: 400, Code: "EndPoint.2017"},

	// List.
	{Name: "list", Op: OpListEndpoints, Method: http.MethodGet, Path: epPath, Status: 200,
		Fields: Fields{"endpoints": "array", "total_count": "number", "endpoints[].id": "uuid", "endpoints[].active_status": "array"}},
	{Name: "list by id", Op: OpListEndpoints, Method: http.MethodGet, Path: epPath, Query: "id={endpoint_id}", Status: 200,
		Fields: Fields{"endpoints[].id": "={endpoint_id}", "endpoints[].marker_id": "number"}},
	{Name: "list by service name", Op: OpListEndpoints, Method: http.MethodGet, Path: epPath, Query: "endpoint_service_name={service_name}", Status: 200,
		Fields: Fields{"endpoints[].endpoint_service_name": "={service_name}"}},
	{Name: "list with limit 1001", Op: OpListEndpoints, Method: http.MethodGet, Path: epPath, Query: "limit=1001", Status: 400, Code: "EndPoint.0006"},
	{Name: "list with unknown sort_dir", Op: OpListEndpoints, Method: http.MethodGet, Path: epPath, Query: "sort_dir=sideways", Status: 400, Code: "EndPoint.0018"},

	// Connections.
	{Name: "connections", Op: OpListConnections, Method: http.MethodGet, Path: connPath, Status: 200, Fields: connectionFields},
	{Name: "connections by endpoint id", Op: OpListConnections, Method: http.MethodGet, Path: connPath, Query: "id={endpoint_id}", Status: 200,
		Fields: connectionFields.with(Fields{"connections[].id": "={endpoint_id}", "connections[].domain_id": "={domain_id}",
			"connections[].status": "=pendingAcceptance"})},
	{Name: "connections with unknown status", Op: OpListConnections, Method: http.MethodGet, Path: connPath, Query: "status=creating", Status: 400, Code: "EndPoint.0019"},
	{Name: "connections with a malformed marker_id", Op: OpListConnections, Method: http.MethodGet, Path: connPath, Query: "marker_id=x", Status: 400, Code: "EndPoint.0021"},
	{Name: "connections of unknown service", Op: OpListConnections, Method: http.MethodGet, Path: "vpc-endpoint-services/{unknown_id}/connections", Status: 404, Code: "EndPoint.0005"},
	{Name: "connection action with unknown action", Op: OpConnectionAction, Method: http.MethodPost, Path: connAct,
		Body: `{"action":"accept","endpoints":["{endpoint_id}"]}`, Status: 400, Code: "EndPoint.2027"},
	{Name: "connection action with two endpoints", Op: OpConnectionAction, Method: http.MethodPost, Path: connAct,
		Body: `{"action":"receive","endpoints":["{endpoint_id}","{unknown_id}"]}`, Status: 400, Code: "EndPoint.2031"},
	{Name: "connection action with no endpoint", Op: OpConnectionAction, Method: http.MethodPost, Path: connAct,
		Body: `{"action":"receive","endpoints":[]}`, Status: 400, Code: "EndPoint.2002"},
	{Name: "connection action on an endpoint of another service", Op: OpConnectionAction, Method: http.MethodPost, Path: connAct,
		Body: `{"action":"receive","endpoints":["{unknown_id}"]}`, Status: 400, Code: "EndPoint.2013"},

	// Quotas.
	{Name: "quotas", Op: OpListQuotas, Method: http.MethodGet, Path: quotaPath, Status: 200,
		Fields: Fields{"quotas": "object", "quotas.resources": "array", "quotas.resources[].type": "string",
			"quotas.resources[].used": "number", "quotas.resources[].quota": "number"}},
	{Name: "quotas of endpoint services", Op: OpListQuotas, Method: http.MethodGet, Path: quotaPath, Query: "type=endpoint_service", Status: 200,
		Fields: Fields{"quotas.resources[].type": "=endpoint_service"}},
	{Name: "quotas of an unknown type", Op: OpListQuotas, Method: http.MethodGet, Path: quotaPath, Query: "type=volume", Status: 400, Code: "EndPoint.0002"},

	// Tags on endpoints.
	{Name: "tag action on an endpoint", Op: OpTagAction, Method: http.MethodPost, Path: "endpoint/{endpoint_id}/tags/action",
		Body: `{"action":"create","tags":[{"key":"conformance","value":"ep"}]}`, Status: 204},
	{Name: "tag action on unknown endpoint", Op: OpTagAction, Method: http.MethodPost, Path: "endpoint/{unknown_id}/tags/action",
		Body: `{"action":"create","tags":[{"key":"k","value":"v"}]}`, Status: 404, Code: "EndPoint.2006"},
}
