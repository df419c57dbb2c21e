package api

import (
	_ "embed"
	"encoding/json"
)

// Operation ids of the fake IAM (iam_operations.json), named as in the
// Huawei/OTC IAM API reference. Scenario rules and the journal name IAM
// requests by them, as they name VPCEP requests by the spec's ids.
const (
	OpKeystoneListVersions              = "KeystoneListVersions"
	OpKeystoneShowVersion               = "KeystoneShowVersion"
	OpKeystoneCreateUserTokenByPassword = "KeystoneCreateUserTokenByPassword"
	OpKeystoneCreateScopedToken         = "KeystoneCreateScopedToken"
	OpKeystoneValidateToken             = "KeystoneValidateToken"
	OpKeystoneListProjects              = "KeystoneListProjects"
	OpKeystoneListAuthProjects          = "KeystoneListAuthProjects"
	OpKeystoneListAuthDomains           = "KeystoneListAuthDomains"
	OpKeystoneShowCatalog               = "KeystoneShowCatalog"
)

//go:embed iam_operations.json
var iamOperationsJSON []byte

// IAMOperation is one row of iam_operations.json.
type IAMOperation struct {
	ID            string `json:"id"`
	Method        string `json:"method"`
	Path          string `json:"path"`
	SuccessStatus int    `json:"success_status"`
	Notes         string `json:"notes,omitempty"`
}

// IAMOperations are the operations of the fake IAM, in the order of
// iam_operations.json.
var IAMOperations = func() []IAMOperation {
	var rows []IAMOperation
	if err := json.Unmarshal(iamOperationsJSON, &rows); err != nil {
		panic("api: iam_operations.json: " + err.Error())
	}
	return rows
}()

// iamOps are the ids of IAMOperations.
var iamOps = func() map[string]bool {
	m := make(map[string]bool, len(IAMOperations))
	for _, o := range IAMOperations {
		m[o.ID] = true
	}
	return m
}()
