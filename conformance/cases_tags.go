package conformance

import "net/http"

const tagAction = "endpoint_service/{service_id}/tags/action"

// tagCases cover the tag APIs (docs/vpcep-api.md §3.19-3.21).
var tagCases = []Case{
	{Name: "tag action create then read back", Op: OpTagAction, Method: http.MethodPost, Path: tagAction,
		Body: `{"action":"create","tags":[{"key":"conformance","value":"yes"}]}`, Status: 204},
	{Name: "tag action delete of a missing tag", Op: OpTagAction, Method: http.MethodPost, Path: tagAction,
		Body: `{"action":"delete","tags":[{"key":"never-set"}]}`, Status: 204},
	{Name: "tag action with unknown action", Op: OpTagAction, Method: http.MethodPost, Path: tagAction,
		Body: `{"action":"update","tags":[{"key":"k","value":"v"}]}`, Status: 400, Code: "EndPoint.0007"},
	{Name: "tag action with duplicate keys", Op: OpTagAction, Method: http.MethodPost, Path: tagAction,
		Body: `{"action":"create","tags":[{"key":"k","value":"1"},{"key":"k","value":"2"}]}`, Status: 400, Code: "EndPoint.3067"},
	{Name: "tag action with unknown resource type", Op: OpTagAction, Method: http.MethodPost,
		Path: "vpc-things/{service_id}/tags/action", Body: `{"action":"create","tags":[{"key":"k","value":"v"}]}`, Status: 400, Code: "EndPoint.3070"},
	{Name: "tag action on unknown service", Op: OpTagAction, Method: http.MethodPost, Path: "endpoint_service/{unknown_id}/tags/action",
		Body: `{"action":"create","tags":[{"key":"k","value":"v"}]}`, Status: 404, Code: "EndPoint.0005"},
	{Name: "resource instances filter", Op: OpListResourceInstances, Method: http.MethodPost,
		Path: "endpoint_service/resource_instances/action", Body: `{"action":"filter","limit":"10"}`, Status: 200,
		Fields: Fields{"resources": "array", "total_count": "number", "resources[].resource_id": "string",
			"resources[].resource_name": "string", "resources[].tags": "array"}},
	{Name: "resource instances count", Op: OpListResourceInstances, Method: http.MethodPost,
		Path: "endpoint_service/resource_instances/action", Body: `{"action":"count"}`, Status: 200,
		Fields: Fields{"total_count": "number", "resources": "absent"}},
	{Name: "resource instances with unknown action", Op: OpListResourceInstances, Method: http.MethodPost,
		Path: "endpoint_service/resource_instances/action", Body: `{"action":"sum"}`, Status: 400, Code: "EndPoint.0007"},
	{Name: "resource instances with limit 0", Op: OpListResourceInstances, Method: http.MethodPost,
		Path: "endpoint_service/resource_instances/action", Body: `{"action":"filter","limit":"0"}`, Status: 400, Code: "EndPoint.0006"},
	{Name: "project tags", Op: OpListProjectTags, Method: http.MethodGet, Path: "endpoint_service/tags", Status: 200,
		Fields: Fields{"tags": "array", "tags[].key": "string", "tags[].values": "array"}},
	{Name: "project tags of unknown type", Op: OpListProjectTags, Method: http.MethodGet, Path: "vpc-things/tags", Status: 400, Code: "EndPoint.3070"},
}
