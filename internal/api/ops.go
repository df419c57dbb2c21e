package api

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
)

// Operation ids as in docs/vpcep-api.md §3 (operations.json). The journal and
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

// Operation is one row of the operation catalog (operations.json).
type Operation struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	Path   string `json:"path"`
}

// v1Operations are the operations of docs/vpcep-api.md (operations.json, a copy of the
// table in docs/vpcep-api.md) that the fake serves: all but the /v2 ones,
// in the reference's order.
var v1Operations = func() []Operation {
	var rows []Operation
	if err := json.Unmarshal(operationsJSON, &rows); err != nil {
		panic("api: operations.json: " + err.Error())
	}
	return slices.DeleteFunc(rows, func(o Operation) bool { return strings.HasPrefix(o.Path, "/v2/") })
}()

var v1Ops = func() map[string]bool {
	m := make(map[string]bool, len(v1Operations))
	for _, o := range v1Operations {
		m[o.ID] = true
	}
	return m
}()

// V1Operations returns the VPCEP v1 operations the fake serves, in the
// reference's order; package scenario's Op constants are generated from it.
func V1Operations() []Operation { return slices.Clone(v1Operations) }

// NetworkOperations returns the companion (VPC and ELB) operations the fake
// serves, in documentation order; package scenario's Op constants for them
// are generated from it.
func NetworkOperations() []Operation {
	ops := make([]Operation, len(NetworkOps))
	for i, o := range NetworkOps {
		ops[i] = Operation{ID: o.ID, Method: o.Method, Path: o.Path}
	}
	return ops
}

// KnownOp reports whether op is the id of a v1 operation of
// docs/vpcep-api.md or of a companion operation (NetworkOps).
func KnownOp(op string) bool { return v1Ops[op] || networkOpIDs[op] }

// networkOpIDs are the ids of NetworkOps.
var networkOpIDs = func() map[string]bool {
	m := make(map[string]bool, len(NetworkOps))
	for _, o := range NetworkOps {
		m[o.ID] = true
	}
	return m
}()
