package api

import (
	_ "embed"
	"encoding/json"
	"strings"
)

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

//go:embed operations.json
var operationsJSON []byte

// v1Ops are the ids of the spec's operations (operations.json, copied from
// shared/spec) that the fake serves: all but the /v2 ones.
var v1Ops = func() map[string]bool {
	var rows []struct{ ID, Path string }
	if err := json.Unmarshal(operationsJSON, &rows); err != nil {
		panic("api: operations.json: " + err.Error())
	}
	m := make(map[string]bool, len(rows))
	for _, r := range rows {
		m[r.ID] = !strings.HasPrefix(r.Path, "/v2/")
	}
	return m
}()

// KnownOp reports whether op is the id of a v1 operation of the spec or
// of an operation of the fake IAM (IAMOperations).
func KnownOp(op string) bool { return v1Ops[op] || iamOps[op] }
