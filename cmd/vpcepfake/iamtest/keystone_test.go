package iamtest

import (
	"net"
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// freeAddr returns a loopback address that was free a moment ago.
func freeAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

// login logs in as terraform does, with auth_url authURL.
func login(t *testing.T, authURL string) (*golangsdk.ProviderClient, *golangsdk.ServiceClient) {
	t.Helper()
	pc, err := openstack.AuthenticatedClient(golangsdk.AuthOptions{
		IdentityEndpoint: authURL, Username: fake.DefaultUserName, Password: fake.DefaultPassword,
		DomainName: fake.DefaultDomainName, TenantName: fake.DefaultRegion, AllowReauth: true,
	})
	require.NoError(t, err, authURL)
	sc, err := openstack.NewVpcEpV1(pc, golangsdk.EndpointOpts{Region: fake.DefaultRegion})
	require.NoError(t, err)
	return pc, sc
}

// With -iam-addr, gophertelekomcloud finds IAM with either form of
// auth_url: without /v3 through Keystone's version discovery at "/", with
// /v3 directly; the catalog sends it to the VPCEP listener either way. The
// main listener's /v3 keeps working.
func TestKeystoneDiscoveryOnIAMListener(t *testing.T) {
	for _, k := range []string{"OS_CLOUD", "OS_REGION_NAME", "OS_AUTH_URL", "OS_TOKEN"} {
		t.Setenv(k, "")
	}
	iamAddr := freeAddr(t)
	base, _ := startBinary(t, "-iam-addr", iamAddr)
	for _, authURL := range []string{"http://" + iamAddr, "http://" + iamAddr + "/", "http://" + iamAddr + "/v3", base + "/v3"} {
		_, sc := login(t, authURL)
		assert.Equal(t, base+"/v1/"+fake.DefaultProjectID+"/", sc.Endpoint, authURL)
		_, err := services.List(sc, nil).AllPages()
		require.NoError(t, err, authURL)
	}
}

// A token that expires mid-run gets 401; gophertelekomcloud (AllowReauth,
// as terraform sets it) logs in again with a fresh token and goes on.
func TestTokenExpiryReauthentication(t *testing.T) {
	for _, k := range []string{"OS_CLOUD", "OS_REGION_NAME", "OS_AUTH_URL", "OS_TOKEN"} {
		t.Setenv(k, "")
	}
	base, _ := startBinary(t, "-manual-clock", "-token-lifetime", "1h")
	pc, sc := login(t, base+"/v3")
	first := pc.TokenID
	_, err := services.List(sc, nil).AllPages()
	require.NoError(t, err)

	code, body := control(t, "POST", base+"/_fake/clock/advance", `{"by":"1h"}`)
	require.Equal(t, 200, code, body)
	_, err = services.List(sc, nil).AllPages()
	require.NoError(t, err, "re-authenticated after the 401")
	assert.NotEqual(t, first, pc.TokenID, "with a fresh token")
}
