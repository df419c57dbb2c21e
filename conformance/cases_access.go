package conformance

import "net/http"

const (
	permAction = "vpc-endpoint-services/{service_id}/permissions/action"
	permList   = "vpc-endpoint-services/{service_id}/permissions"
)

// accessCases cover authentication (docs/vpcep-api.md §1.2), the whitelist (3.10,
// 3.11), public services (3.12), describe (3.13) and the version calls
// (3.1, 3.2).
var accessCases = []Case{
	// Authentication.
	{Name: "no token", Op: OpListServices, Method: http.MethodGet, Path: svcPath, As: Anonymous, Status: 401, Code: "EndPoint.0003"},
	{Name: "unknown token", Op: OpListServices, Method: http.MethodGet, Path: svcPath, As: BadToken, Status: 401, Code: "EndPoint.0003"},
	{Name: "token of another project", Op: OpListServices, Method: http.MethodGet, As: Other,
		Path: "/v1/{project_id}/vpc-endpoint-services", Status: 403, Code: "EndPoint.0004"},

	// Whitelist.
	{Name: "permissions list", Op: OpListPermissions, Method: http.MethodGet, Path: permList, Status: 200,
		Fields: Fields{"permissions": "array", "total_count": "number", "permissions[].id": "uuid",
			"permissions[].permission": "string", "permissions[].created_at": "time"}},
	{Name: "permissions list of unknown service", Op: OpListPermissions, Method: http.MethodGet,
		Path: "vpc-endpoint-services/{unknown_id}/permissions", Status: 404, Code: "EndPoint.0005"},
	{Name: "permissions list with limit 501", Op: OpListPermissions, Method: http.MethodGet, Path: permList, Query: "limit=501", Status: 400, Code: "EndPoint.0006"},
	{Name: "permissions action toggle", Op: OpPermissionAction, Method: http.MethodPost, Path: permAction,
		Body: `{"permissions":["iam:domain::{unknown_id}"],"action":"toggle"}`, Status: 400, Code: "EndPoint.3035"},
	{Name: "permissions action with an empty list", Op: OpPermissionAction, Method: http.MethodPost, Path: permAction,
		Body: `{"permissions":[],"action":"add"}`, Status: 400, Code: "EndPoint.3036"},
	{Name: "permissions action with permissions null", Op: OpPermissionAction, Method: http.MethodPost, Path: permAction,
		Body: `{"permissions":null,"action":"add"}`, Status: 400, Code: "EndPoint.3036"},
	{Name: "permissions action without prefix", Op: OpPermissionAction, Method: http.MethodPost, Path: permAction,
		Body: `{"permissions":["{other_domain_id}x"],"action":"add"}`, Status: 400, Code: "EndPoint.3002"},
	{Name: "permissions action with a 65-character domain", Op: OpPermissionAction, Method: http.MethodPost, Path: permAction,
		Body: `{"permissions":["iam:domain::aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"],"action":"add"}`, Status: 400, Code: "EndPoint.3002"},
	{Name: "permissions action on unknown service", Op: OpPermissionAction, Method: http.MethodPost,
		Path: "vpc-endpoint-services/{unknown_id}/permissions/action",
		Body: `{"permissions":["iam:domain::abc"],"action":"add"}`, Status: 404, Code: "EndPoint.0005"},

	// Public services.
	{Name: "public list", Op: OpListPublicServices, Method: http.MethodGet, Path: "vpc-endpoint-services/public", Status: 200,
		Fields: Fields{"endpoint_services": "array", "total_count": "number", "endpoint_services[].id": "string",
			"endpoint_services[].owner": "string", "endpoint_services[].service_name": "string",
			"endpoint_services[].service_type": "string", "endpoint_services[].created_at": "time",
			"endpoint_services[].is_charge": "bool", "endpoint_services[].port_id": "absent"}},
	{Name: "public list hides own services", Op: OpListPublicServices, Method: http.MethodGet,
		Path: "vpc-endpoint-services/public", Query: "id={service_id}", Status: 200,
		Fields: Fields{"endpoint_services": "array", "endpoint_services[].id": "absent"}},
	{Name: "public list with limit -1", Op: OpListPublicServices, Method: http.MethodGet,
		Path: "vpc-endpoint-services/public", Query: "limit=-1", Status: 400, Code: "EndPoint.0006"},

	// Describe.
	{Name: "describe by id", Op: OpDescribeService, Method: http.MethodGet, Path: "vpc-endpoint-services/describe",
		Query: "id={service_id}", Status: 200, Fields: Fields{"id": "={service_id}", "service_name": "={service_name}",
			"service_type": "string", "created_at": "time", "is_charge": "bool"}},
	{Name: "describe by name", Op: OpDescribeService, Method: http.MethodGet, Path: "vpc-endpoint-services/describe",
		Query: "endpoint_service_name={service_name}", Status: 200, Fields: Fields{"id": "={service_id}"}},
	// Spec 3.13: "callable by any account", but which services another
	// account finds is open; the fake shows only those it may connect to
	// (public, or whitelisted for it), so an outsider learns nothing.
	{Name: "describe by a tenant not whitelisted", Op: OpDescribeService, Method: http.MethodGet, As: Other,
		Path: "/v1/{other_project_id}/vpc-endpoint-services/describe", Query: "id={service_id}", Status: 404, Code: "EndPoint.0005"},
	{Name: "describe with neither", Op: OpDescribeService, Method: http.MethodGet, Path: "vpc-endpoint-services/describe", Status: 400, Code: "EndPoint.0002"},
	{Name: "describe unknown", Op: OpDescribeService, Method: http.MethodGet, Path: "vpc-endpoint-services/describe",
		Query: "id={unknown_id}", Status: 404, Code: "EndPoint.0005"},

	// Versions.
	{Name: "versions", Op: OpListVersions, Method: http.MethodGet, Path: "/", As: Anonymous, Status: 200,
		Fields: Fields{"versions": "array", "versions[].id": "string", "versions[].status": "string", "versions[].links": "array"}},
	{Name: "version v1", Op: OpShowVersion, Method: http.MethodGet, Path: "/v1", As: Anonymous, Status: 200,
		Fields: Fields{"version": "object", "version.id": "=v1", "version.status": "string"}},
}
