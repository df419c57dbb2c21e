package api

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
