package fake

import (
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// routes is the API surface, one row per operation (docs/vpcep-api.md §3).
var routes = []route{
	{scenario.OpListVersionDetails, http.MethodGet, seg(""), 200, listVersions},
	{scenario.OpListSpecifiedVersionDetails, http.MethodGet, seg("{}"), 200, showVersion},

	{scenario.OpCreateEndpointService, http.MethodPost, seg("v1/{}/vpc-endpoint-services"), 200, createService},
	{scenario.OpListEndpointService, http.MethodGet, seg("v1/{}/vpc-endpoint-services"), 200, listServices},
	{scenario.OpListServiceDetails, http.MethodGet, seg("v1/{}/vpc-endpoint-services/{}"), 200, getService},
	{scenario.OpUpdateEndpointService, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}"), 200, updateService},
	{scenario.OpDeleteEndpointService, http.MethodDelete, seg("v1/{}/vpc-endpoint-services/{}"), 204, deleteService},
	{scenario.OpUpdateEndpointServiceName, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}/name"), 200, renameService},

	{scenario.OpListServicePermissionsDetails, http.MethodGet, seg("v1/{}/vpc-endpoint-services/{}/permissions"), 200, listPermissions},
	{scenario.OpAddOrRemoveServicePermissions, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/permissions/action"), 200, permissionAction},
	{scenario.OpBatchAddEndpointServicePermissions, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/permissions/batch-create"), 200, batchAddPermissions},
	{scenario.OpBatchRemoveEndpointServicePermissions, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/permissions/batch-delete"), 200, batchRemovePermissions},
	{scenario.OpUpdateEndpointServicePermissionDesc, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}/permissions/{}"), 200, updatePermissionDesc},

	{scenario.OpListServicePublicDetails, http.MethodGet, seg("v1/{}/vpc-endpoint-services/public"), 200, listPublicServices},
	{scenario.OpListServiceDescribeDetails, http.MethodGet, seg("v1/{}/vpc-endpoint-services/describe"), 200, describeService},

	{scenario.OpListResourceInstances, http.MethodPost, seg("v1/{}/{}/resource_instances/action"), 200, listResourceInstances},
	{scenario.OpBatchAddOrRemoveResourceInstance, http.MethodPost, seg("v1/{}/{}/{}/tags/action"), 204, tagAction},
	{scenario.OpListQueryProjectResourceTags, http.MethodGet, seg("v1/{}/{}/tags"), 200, listProjectTags},

	{scenario.OpListServiceConnections, http.MethodGet, seg("v1/{}/vpc-endpoint-services/{}/connections"), 200, listConnections},
	{scenario.OpAcceptOrRejectEndpoint, http.MethodPost, seg("v1/{}/vpc-endpoint-services/{}/connections/action"), 200, connectionAction},
	{scenario.OpUpdateEndpointConnectionsDesc, http.MethodPut, seg("v1/{}/vpc-endpoint-services/{}/connections/description"), 200, updateConnectionsDesc},

	{scenario.OpCreateEndpoint, http.MethodPost, seg("v1/{}/vpc-endpoints"), 200, createEndpoint},
	{scenario.OpListEndpoints, http.MethodGet, seg("v1/{}/vpc-endpoints"), 200, listEndpoints},
	{scenario.OpListEndpointInfoDetails, http.MethodGet, seg("v1/{}/vpc-endpoints/{}"), 200, getEndpoint},
	{scenario.OpDeleteEndpoint, http.MethodDelete, seg("v1/{}/vpc-endpoints/{}"), 204, deleteEndpoint},
	{scenario.OpUpdateEndpointWhite, http.MethodPut, seg("v1/{}/vpc-endpoints/{}"), 200, updateEndpointWhite},
	{scenario.OpUpdateEndpointPolicy, http.MethodPut, seg("v1/{}/vpc-endpoints/{}/policy"), 200, updateEndpointPolicy},
	{scenario.OpDeleteEndpointPolicy, http.MethodDelete, seg("v1/{}/vpc-endpoints/{}/policy"), 200, deleteEndpointPolicy},
	{scenario.OpUpdateEndpointRoutetable, http.MethodPut, seg("v1/{}/vpc-endpoints/{}/routetables"), 200, updateEndpointRoutetable},

	{scenario.OpListQuotaDetails, http.MethodGet, seg("v1/{}/quotas"), 200, listQuotas},
}

// seg splits a route pattern into segments.
func seg(pattern string) []string {
	segs, _ := splitPath("/"+strings.TrimPrefix(pattern, "/"), make([]string, 0, maxSegs))
	return segs
}
