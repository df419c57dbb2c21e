package conformance

import (
	"fmt"
	"net/http"
	"strings"
)

// jsonList renders n items made by item as a JSON array body fragment.
func jsonList(n int, item func(i int) string) string {
	parts := make([]string, n)
	for i := range parts {
		parts[i] = item(i)
	}
	return "[" + strings.Join(parts, ",") + "]"
}

// limitCases cover the documented size limits (docs/vpcep-api.md §6) and the list
// conventions (1.6-1.8) beyond the basic ones.
var limitCases = []Case{
	{Name: "create with 201 port mappings", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: `{"port_id":"{port_id}","vpc_id":"{vpc_id}","server_type":"{server_type}","ports":` +
			jsonList(201, func(i int) string { return fmt.Sprintf(`{"client_port":%d,"server_port":%d}`, 1000+i, 1000+i) }) + `}`,
		Status: 400, Code: "EndPoint.3074"},
	{Name: "create with 21 tags", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body:   svcBody + `,"tags":` + jsonList(21, func(i int) string { return fmt.Sprintf(`{"key":"k%d","value":"v"}`, i) }) + `}`,
		Status: 400, Code: "EndPoint.3069"},
	{Name: "create with a 129-character tag key", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"tags":[{"key":"` + strings.Repeat("k", 129) + `","value":"v"}]}`, Status: 400, Code: "EndPoint.3072"},
	{Name: "create with a 256-character tag value", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"tags":[{"key":"k","value":"` + strings.Repeat("v", 256) + `"}]}`, Status: 400, Code: "EndPoint.3073"},
	{Name: "create with a 129-character description", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"description":"` + strings.Repeat("d", 129) + `"}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create a gateway service", Op: OpCreateService, Method: http.MethodPost, Path: svcPath,
		Body: svcBody + `,"service_type":"gateway"}`, Status: 400, Code: "EndPoint.0002"},
	{Name: "create endpoint with 21 whitelist entries", Op: OpCreateEndpoint, Method: http.MethodPost, Path: epPath,
		Body: `{"endpoint_service_id":"{service_id}","vpc_id":"{vpc_id}","subnet_id":"{subnet_id}","whitelist":` +
			jsonList(21, func(i int) string { return fmt.Sprintf(`"10.0.%d.0/24"`, i) }) + `}`,
		Status: 400, Code: "EndPoint.2045"},

	{Name: "list services by status", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "status=available&id={service_id}", Status: 200,
		Fields: Fields{"endpoint_services[].status": "=available", "total_count": "number"}},
	{Name: "list services past the end", Op: OpListServices, Method: http.MethodGet, Path: svcPath, Query: "offset=100000", Status: 200,
		Fields: Fields{"endpoint_services": "array", "endpoint_services[].id": "absent"}},
	{Name: "list endpoints with the Huawei update_at key", Op: OpListEndpoints, Method: http.MethodGet, Path: epPath, Query: "sort_key=update_at&sort_dir=asc", Status: 200,
		Fields: Fields{"endpoints": "array"}},
	{Name: "connections by marker_id", Op: OpListConnections, Method: http.MethodGet, Path: connPath, Query: "marker_id={endpoint_marker_id}", Status: 200,
		Fields: Fields{"connections[].id": "={endpoint_id}"}},
	{Name: "public list by the OBS name", Op: OpListPublicServices, Method: http.MethodGet, Path: "vpc-endpoint-services/public",
		Query: "endpoint_service_name=com.t-systems.otc.eu-de.obs", Status: 200,
		Fields: Fields{"endpoint_services[].owner": "=OTC", "endpoint_services[].service_type": "=gateway"}},
	// Header tolerance (docs/vpcep-api.md §1.2, docs/real-clients.md §1.1): the Huawei SDK
	// sends a charset on writes and a Content-Type on bodiless GETs.
	{Name: "create with a charset in Content-Type", Op: OpCreateService, Method: http.MethodPost, Path: svcPath, Body: svcValid,
		Header: http.Header{"Content-Type": {"application/json;charset=UTF-8"}}, Status: 200, Fields: Fields{"id": "uuid"}, Slow: true},
	{Name: "get with a Content-Type", Op: OpGetService, Method: http.MethodGet, Path: svcOne,
		Header: http.Header{"Content-Type": {"application/json"}}, Status: 200, Fields: Fields{"id": "={service_id}"}},
	{Name: "unknown version", Op: OpShowVersion, Method: http.MethodGet, Path: "/v9", As: Anonymous, Status: 404, Code: "EndPoint.0005"},
}
