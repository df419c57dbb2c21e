package conformance

// Operation ids of docs/vpcep-api.md §3 (internal/api/operations.json). The suite keeps
// its own copy instead of importing the fake's: it judges an
// implementation from the outside and must not follow it.
const (
	OpListVersions          = "ListVersionDetails"
	OpShowVersion           = "ListSpecifiedVersionDetails"
	OpCreateService         = "CreateEndpointService"
	OpGetService            = "ListServiceDetails"
	OpUpdateService         = "UpdateEndpointService"
	OpDeleteService         = "DeleteEndpointService"
	OpListServices          = "ListEndpointService"
	OpListConnections       = "ListServiceConnections"
	OpConnectionAction      = "AcceptOrRejectEndpoint"
	OpListPermissions       = "ListServicePermissionsDetails"
	OpPermissionAction      = "AddOrRemoveServicePermissions"
	OpListPublicServices    = "ListServicePublicDetails"
	OpDescribeService       = "ListServiceDescribeDetails"
	OpCreateEndpoint        = "CreateEndpoint"
	OpGetEndpoint           = "ListEndpointInfoDetails"
	OpDeleteEndpoint        = "DeleteEndpoint"
	OpListEndpoints         = "ListEndpoints"
	OpListQuotas            = "ListQuotaDetails"
	OpListResourceInstances = "ListResourceInstances"
	OpTagAction             = "BatchAddOrRemoveResourceInstance"
	OpListProjectTags       = "ListQueryProjectResourceTags"
)

// listOps are the GET lists whose bodies must hold exactly one array.
var listOps = map[string]bool{
	OpListServices: true, OpListPublicServices: true, OpListPermissions: true,
	OpListConnections: true, OpListEndpoints: true,
}
