// Package iamtest proves, with the real gophertelekomcloud SDK, that the
// vpcepfake binary serves what terraform's login path needs: it logs in
// through the fake IAM with openstack.AuthenticatedClient and drives the
// control API. It is a module of its own so that the main module never
// depends on the SDK; run it with (cd cmd/vpcepfake/iamtest && go test ./...).
package iamtest
