package api

import (
	_ "embed"
	"encoding/json"
)

// NetworkOp is one operation of the companion APIs (VPC and ELB) the fake
// serves beside VPCEP, as listed in network_operations.json.
type NetworkOp struct {
	ID     string `json:"id"`
	Method string `json:"method"`
	// Path is the fake's path template: the API's own path under the
	// fake's /network or /elb prefix.
	Path          string `json:"path"`
	SuccessStatus int    `json:"success_status"`
	// API is "vpc" or "elb": which error envelope the operation answers
	// with.
	API string `json:"api"`
	// Doc names the OTC (or Huawei) API reference page.
	Doc string `json:"doc"`
}

//go:embed network_operations.json
var networkOperationsJSON []byte

// NetworkOps are the companion operations, in documentation order.
var NetworkOps = func() []NetworkOp {
	var rows []NetworkOp
	if err := json.Unmarshal(networkOperationsJSON, &rows); err != nil {
		panic("api: network_operations.json: " + err.Error())
	}
	return rows
}()
