package api

import (
	_ "embed"
	"encoding/json"
	"slices"
	"strings"
)

//go:embed operations.json
var operationsJSON []byte

//go:embed network_operations.json
var networkOperationsJSON []byte

//go:embed iam_operations.json
var iamOperationsJSON []byte

// Operation is one row of an operation catalog: operations.json (VPCEP),
// network_operations.json (the VPC and ELB companions) or
// iam_operations.json (the fake IAM).
type Operation struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	// Path is the path template; for the companions the API's own path
	// under the fake's /network or /elb prefix.
	Path string `json:"path"`
	// SuccessStatus is the status of a successful answer (companions and
	// IAM).
	SuccessStatus int `json:"success_status,omitempty"`
	// API is "vpc" or "elb" for a companion operation: which error
	// envelope it answers with.
	API string `json:"api,omitempty"`
	// Doc names the OTC (or Huawei) API reference page (companions).
	Doc string `json:"doc,omitempty"`
	// Notes says how the fake serves it (IAM).
	Notes string `json:"notes,omitempty"`
}

// loadOperations reads one embedded catalog.
func loadOperations(name string, raw []byte) []Operation {
	var rows []Operation
	if err := json.Unmarshal(raw, &rows); err != nil {
		panic("api: " + name + ": " + err.Error())
	}
	return rows
}

// v1Operations are the operations of docs/vpcep-api.md (operations.json, a
// copy of its table) that the fake serves: all but the /v2 ones, in the
// reference's order.
var v1Operations = slices.DeleteFunc(loadOperations("operations.json", operationsJSON),
	func(o Operation) bool { return strings.HasPrefix(o.Path, "/v2/") })

// NetworkOps are the companion (VPC and ELB) operations, in documentation
// order.
var NetworkOps = loadOperations("network_operations.json", networkOperationsJSON)

// IAMOperations are the operations of the fake IAM, in the order of
// iam_operations.json.
var IAMOperations = loadOperations("iam_operations.json", iamOperationsJSON)

// knownOps are the ids of every operation the fake serves.
var knownOps = func() map[string]bool {
	m := map[string]bool{}
	for _, ops := range [][]Operation{v1Operations, NetworkOps, IAMOperations} {
		for _, o := range ops {
			m[o.ID] = true
		}
	}
	return m
}()

// V1Operations returns the VPCEP v1 operations the fake serves, in the
// reference's order; package scenario's Op constants are generated from it.
func V1Operations() []Operation { return slices.Clone(v1Operations) }

// KnownOp reports whether op is the id of an operation the fake serves: a
// v1 operation of docs/vpcep-api.md, a companion operation (NetworkOps) or
// one of the fake IAM (IAMOperations).
func KnownOp(op string) bool { return knownOps[op] }
