package fake

import (
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// routes is the API surface, one row per operation (docs/vpcep-api.md §3).
var routes = []route{
	{api.OpListVersions, http.MethodGet, seg(""), 200, listVersions},
	{api.OpShowVersion, http.MethodGet, seg("{}"), 200, showVersion},

	{api.OpCreateService, http.MethodPost, seg("v1/{}/vpc-endpoint-services"), 200, createService},
	{api.OpListServices, http.MethodGet, seg("v1/{}/vpc-endpoint-services"), 200, listServices},
	{api.OpGetService, http.MethodGet, seg("v1/{}/vpc-endpoint-services/{}"), 200, getService},
	{api.OpUpdateService, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}"), 200, updateService},
	{api.OpDeleteService, http.MethodDelete, seg("v1/{}/vpc-endpoint-services/{}"), 204, deleteService},
	{api.OpRenameService, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}/name"), 200, renameService},

	{api.OpListPermissions, http.MethodGet, seg("v1/{}/vpc-endpoint-services/{}/permissions"), 200, listPermissions},
	{api.OpPermissionAction, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/permissions/action"), 200, permissionAction},
	{api.OpBatchAddPermissions, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/permissions/batch-create"), 200, batchAddPermissions},
	{api.OpBatchRemovePermissions, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/permissions/batch-delete"), 200, batchRemovePermissions},
	{api.OpUpdatePermissionDesc, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}/permissions/{}"), 200, updatePermissionDesc},

	{api.OpListPublicServices, http.MethodGet, seg("v1/{}/vpc-endpoint-services/public"), 200, listPublicServices},
	{api.OpDescribeService, http.MethodGet, seg("v1/{}/vpc-endpoint-services/describe"), 200, describeService},

	{api.OpListResourceInstances, http.MethodPost, seg("v1/{}/{}/resource_instances/action"), 200, listResourceInstances},
	{api.OpTagAction, http.MethodPost, seg("v1/{}/{}/{}/tags/action"), 204, tagAction},
	{api.OpListProjectTags, http.MethodGet, seg("v1/{}/{}/tags"), 200, listProjectTags},

	{api.OpListConnections, http.MethodGet, seg("v1/{}/vpc-endpoint-services/{}/connections"), 200, listConnections},
	{api.OpConnectionAction, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/connections/action"), 200, connectionAction},
	{api.OpUpdateConnectionsDesc, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}/connections/description"), 200, updateConnectionsDesc},

	{api.OpCreateEndpoint, http.MethodPost, seg("v1/{}/vpc-endpoints"), 200, createEndpoint},
	{api.OpListEndpoints, http.MethodGet, seg("v1/{}/vpc-endpoints"), 200, listEndpoints},
	{api.OpGetEndpoint, http.MethodGet, seg("v1/{}/vpc-endpoints/{}"), 200, getEndpoint},
	{api.OpDeleteEndpoint, http.MethodDelete, seg("v1/{}/vpc-endpoints/{}"), 204, deleteEndpoint},
	{api.OpUpdateEndpointWhitelist, http.MethodPut, seg("v1/{}/vpc-endpoints/{}"), 200, updateEndpointWhite},
	{api.OpUpdateEndpointPolicy, http.MethodPut, seg("v1/{}/vpc-endpoints/{}/policy"), 200, updateEndpointPolicy},
	{api.OpDeleteEndpointPolicy, http.MethodDelete, seg("v1/{}/vpc-endpoints/{}/policy"), 200, deleteEndpointPolicy},
	{api.OpUpdateEndpointRoutetables, http.MethodPut, seg("v1/{}/vpc-endpoints/{}/routetables"), 200, updateEndpointRoutetable},

	{api.OpListQuotas, http.MethodGet, seg("v1/{}/quotas"), 200, listQuotas},
}

// seg splits a route pattern into segments.
func seg(pattern string) []string {
	segs, _ := splitPath("/"+strings.TrimPrefix(pattern, "/"), make([]string, 0, maxSegs))
	return segs
}
