package fake

import (
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// routes is the API surface, one row per operation (spec section 3).
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
}

// seg splits a route pattern into segments.
func seg(pattern string) []string { return splitPath("/" + strings.TrimPrefix(pattern, "/")) }
