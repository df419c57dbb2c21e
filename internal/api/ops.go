package api

// Operation ids as in the spec (shared/spec/operations.json). The journal and
// scenario rules name operations by these strings.
const (
	OpListVersions              = "ListVersionDetails"
	OpShowVersion               = "ListSpecifiedVersionDetails"
	OpCreateService             = "CreateEndpointService"
	OpGetService                = "ListServiceDetails"
	OpUpdateService             = "UpdateEndpointService"
	OpDeleteService             = "DeleteEndpointService"
	OpListServices              = "ListEndpointService"
	OpListConnections           = "ListServiceConnections"
	OpConnectionAction          = "AcceptOrRejectEndpoint"
	OpListPermissions           = "ListServicePermissionsDetails"
	OpPermissionAction          = "AddOrRemoveServicePermissions"
	OpListPublicServices        = "ListServicePublicDetails"
	OpDescribeService           = "ListServiceDescribeDetails"
	OpCreateEndpoint            = "CreateEndpoint"
	OpGetEndpoint               = "ListEndpointInfoDetails"
	OpDeleteEndpoint            = "DeleteEndpoint"
	OpListEndpoints             = "ListEndpoints"
	OpListQuotas                = "ListQuotaDetails"
	OpListResourceInstances     = "ListResourceInstances"
	OpTagAction                 = "BatchAddOrRemoveResourceInstance"
	OpListProjectTags           = "ListQueryProjectResourceTags"
	OpRenameService             = "UpdateEndpointServiceName"
	OpUpdateConnectionsDesc     = "UpdateEndpointConnectionsDesc"
	OpBatchAddPermissions       = "BatchAddEndpointServicePermissions"
	OpBatchRemovePermissions    = "BatchRemoveEndpointServicePermissions"
	OpUpdatePermissionDesc      = "UpdateEndpointServicePermissionDesc"
	OpUpdateEndpointWhitelist   = "UpdateEndpointWhite"
	OpUpdateEndpointPolicy      = "UpdateEndpointPolicy"
	OpDeleteEndpointPolicy      = "DeleteEndpointPolicy"
	OpUpdateEndpointRoutetables = "UpdateEndpointRoutetable"
)

// KnownOp reports whether op is one of the operation ids above.
func KnownOp(op string) bool {
	switch op {
	case OpListVersions, OpShowVersion, OpCreateService, OpGetService, OpUpdateService, OpDeleteService,
		OpListServices, OpListConnections, OpConnectionAction, OpListPermissions, OpPermissionAction,
		OpListPublicServices, OpDescribeService, OpCreateEndpoint, OpGetEndpoint, OpDeleteEndpoint,
		OpListEndpoints, OpListQuotas, OpListResourceInstances, OpTagAction, OpListProjectTags,
		OpRenameService, OpUpdateConnectionsDesc, OpBatchAddPermissions, OpBatchRemovePermissions,
		OpUpdatePermissionDesc, OpUpdateEndpointWhitelist, OpUpdateEndpointPolicy, OpDeleteEndpointPolicy,
		OpUpdateEndpointRoutetables:
		return true
	}
	return false
}
