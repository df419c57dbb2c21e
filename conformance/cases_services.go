package conformance

import "net/http"

// serviceFields is the endpoint-service object of docs/vpcep-api.md §2.4 as every
// client decodes it.
var serviceFields = Fields{
	"id": "uuid", "port_id": "string", "pool_id": "string", "service_name": "string",
	"service_type": "string", "server_type": "string", "vpc_id": "string",
	"approval_enabled": "bool", "status": "string", "created_at": "time", "updated_at": "time",
	"project_id": "={project_id}", "ports": "array", "ports[].client_port": "number",
	"ports[].server_port": "number", "ports[].protocol": "=TCP", "tcp_proxy": "string",
	"tags": "array", "description": "string",
}

// serviceListFields is a ListEndpointService body.
var serviceListFields = Fields{
	"endpoint_services": "array", "total_count": "number",
	"endpoint_services[].id": "uuid", "endpoint_services[].service_name": "string",
	"endpoint_services[].status": "string", "endpoint_services[].connection_count": "number",
	"endpoint_services[].domain_id": "={domain_id}", "endpoint_services[].created_at": "time",
}

// A valid create body; cases vary one thing of it.
const (
	svcPath  = "vpc-endpoint-services"
	svcOne   = "vpc-endpoint-services/{service_id}"
	svcBody  = `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":80,"server_port":{server_port},"protocol":"TCP"}]`
	svcValid = svcBody + `}`
)

// serviceCases cover CreateEndpointService, ListServiceDetails,
// UpdateEndpointService, DeleteEndpointService and ListEndpointService
// (docs/vpcep-api.md §3.3-3.7).
var serviceCases = []Case{
	// Create: success shapes and defaults.
	{Name: "create minimal", Op: OpCreateService, Method: http.MethodPost, Path: svcPath, Body: svcValid,
		Status: 200, Fields: serviceFields.with(Fields{"approval_enabled": "=true", "service_type": "=interface",
			"tcp_proxy": "=close", "server_type": "={server_type}", "vpc_id": "={vpc_id}", "port_id": "={port_id}"}), Slow: true},
	{Name: "create with empty protocol means TCP", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body:   `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":81,"server_port":{server_port},"protocol":""}]}`,
		Status: 200, Fields: Fields{"ports[].protocol": "=TCP"}, Slow: true},
	{Name: "create with name and tags", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body:   svcBody + `,"service_name":"{name}","approval_enabled":false,"tags":[{"key":"{tag_key}","value":"{tag_value}"}]}`,
		Status: 200, Fields: Fields{"approval_enabled": "=false", "tags[].key": "={tag_key}", "tags[].value": "={tag_value}"}, Slow: true},

	// Create: validation.
	{Name: "create without body", Op: OpCreateService, Method: http.MethodPost, Path: svcPath, Status: 400, Code: "EndPoint.0002"},
	{Name: "create with malformed JSON", Op: OpCreateService, Method: http.MethodPost, Path: svcPath, Body: `{"port_id":`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create with unknown server_type", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"XX","ports":[{"client_port":80,"server_port":{server_port}}]}`, Status: 400, Code: "EndPoint.3021"},
	{Name: "create with ports null", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":null}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create with a port without server_port", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":80}]}`, Status: 400, Code: "EndPoint.2028"},
	{Name: "create with port 0", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":0,"server_port":{server_port}}]}`, Status: 400, Code: "EndPoint.3043"},
	{Name: "create with port 65536", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":80,"server_port":65536}]}`, Status: 400, Code: "EndPoint.3043"},
	{Name: "create with protocol UDP", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":80,"server_port":{server_port},"protocol":"UDP"}]}`, Status: 400, Code: "EndPoint.3075"},
	{Name: "create with a 17-character name", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"service_name":"abcdefghijklmnopq"}`, Status: 400, Code: "EndPoint.3076"},
	{Name: "create with a name holding a dot", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"service_name":"a.b"}`, Status: 400, Code: "EndPoint.3076"},
	{Name: "create with unknown tcp_proxy", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"tcp_proxy":"sometimes"}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create with a description holding <", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"description":"a<b"}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create with duplicate tag keys", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"tags":[{"key":"k","value":"1"},{"key":"k","value":"2"}]}`, Status: 400, Code: "EndPoint.3067"},
	{Name: "create with an empty tag key", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"tags":[{"key":"","value":"1"}]}`, Status: 400, Code: "EndPoint.3066"},
	{Name: "create with approval_enabled as a string", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"approval_enabled":"yes"}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create with a port clash on the same backend", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":[{"client_port":80,"server_port":{fixture_server_port}}]}`, Status: 400, Code: "EndPoint.3044"},

	// Get. (connection_count is only typed: the "create" endpoint case runs
	// in parallel on the fixture service, and creating endpoints count.)
	{Name: "get", Op: OpGetService, Method: http.MethodGet, Path: svcOne, Status: 200,
		Fields: serviceFields.with(Fields{"id": "={service_id}", "status": "=available", "connection_count": "number"})},
	{Name: "get unknown", Op: OpGetService, Method: http.MethodGet, Path: "vpc-endpoint-services/{unknown_id}", Status: 404, Code: "EndPoint.0005"},
	{Name: "get malformed id", Op: OpGetService, Method: http.MethodGet, Path: "vpc-endpoint-services/not-an-id", Status: 400, Code: "EndPoint.3062"},
	{Name: "get another tenant's service", Op: OpGetService, Method: http.MethodGet, As: Other,
		Path: "/v1/{other_project_id}/vpc-endpoint-services/{service_id}", Status: 404, Code: "EndPoint.0005"},

	// Update.
	{Name: "update with {}", Op: OpUpdateService, Method: http.MethodPut, Path: svcOne, Body: `{}`, Status: 200,
		Fields: serviceFields.with(Fields{"id": "={service_id}", "service_name": "={service_name}"})},
	{Name: "update unknown", Op: OpUpdateService, Method: http.MethodPut, Path: "vpc-endpoint-services/{unknown_id}", Body: `{}`, Status: 404, Code: "EndPoint.0005"},
	{Name: "update with a bad name", Op: OpUpdateService, Method: http.MethodPut, Path: svcOne, Body: `{"service_name":"no spaces"}`, Status: 400, Code: "EndPoint.3076"},
	{Name: "update with empty ports", Op: OpUpdateService, Method: http.MethodPut, Path: svcOne, Body: `{"ports":[]}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "update with unknown tcp_proxy", Op: OpUpdateService, Method: http.MethodPut, Path: svcOne, Body: `{"tcp_proxy":"x"}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "update without body", Op: OpUpdateService, Method: http.MethodPut, Path: svcOne, Status: 400, Code: "EndPoint.0002"},

	// Delete.
	{Name: "delete unknown", Op: OpDeleteService, Method: http.MethodDelete, Path: "vpc-endpoint-services/{unknown_id}", Status: 404, Code: "EndPoint.0005"},
	{Name: "delete malformed id", Op: OpDeleteService, Method: http.MethodDelete, Path: "vpc-endpoint-services/not-an-id", Status: 400, Code: "EndPoint.3062"},

	// List.
	{Name: "list", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Status: 200, Fields: serviceListFields},
	{Name: "list by id", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "id={service_id}", Status: 200,
		Fields: serviceListFields.with(Fields{"endpoint_services[].id": "={service_id}"})},
	{Name: "list by unknown id", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "id={unknown_id}", Status: 200,
		Fields: Fields{"endpoint_services": "array", "endpoint_services[].id": "absent"}},
	{Name: "list with limit 1", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "limit=1&offset=0&sort_key=created_at&sort_dir=asc", Status: 200, Fields: serviceListFields},
	{Name: "list with the Huawei sort_key spelling", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "sort_key=create_at", Status: 200, Fields: serviceListFields},
	{Name: "list with limit 1001", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "limit=1001", Status: 400, Code: "EndPoint.0006"},
	{Name: "list with limit x", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "limit=x", Status: 400, Code: "EndPoint.0006"},
	{Name: "list with offset -1", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "offset=-1", Status: 400, Code: "EndPoint.0010"},
	{Name: "list with unknown sort_key", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "sort_key=name", Status: 400, Code: "EndPoint.0017"},
	{Name: "list with unknown sort_dir", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "sort_dir=up", Status: 400, Code: "EndPoint.0018"},
	{Name: "list with unknown status", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "status=sleeping", Status: 400, Code: "EndPoint.0019"},
	{Name: "list as another tenant hides the service", Op: OpListServices, Method: http.MethodGet, As: Other,
		Path: "/v1/{other_project_id}/vpc-endpoint-services", Query: "id={service_id}", Status: 200,
		Fields: Fields{"endpoint_services": "array", "endpoint_services[].id": "absent"}},
}
