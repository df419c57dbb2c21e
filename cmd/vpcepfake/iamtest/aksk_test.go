package iamtest

import (
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestAKSKSignedByGopher signs with gophertelekomcloud's AK/SK signer
// against a binary that knows the tenant's keys: the right SK lists
// services, a wrong one gets 401.
func TestAKSKSignedByGopher(t *testing.T) {
	base, _ := startBinary(t, "-access-key", "MYAK", "-secret-key", "my-secret")
	client := func(sk string) *golangsdk.ServiceClient {
		pc := &golangsdk.ProviderClient{AKSKAuthOptions: golangsdk.AKSKAuthOptions{
			AccessKey: "MYAK", SecretKey: sk, ProjectId: fake.DefaultProjectID,
		}}
		return &golangsdk.ServiceClient{ProviderClient: pc, Endpoint: base + "/v1/" + fake.DefaultProjectID + "/"}
	}

	pages, err := services.List(client("my-secret"), services.ListOpts{Name: "a b"}).AllPages()
	require.NoError(t, err)
	list, err := services.ExtractServices(pages)
	require.NoError(t, err)
	assert.Empty(t, list)

	_, err = services.Create(client("my-secret"), services.CreateOpts{
		PortID: "0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f", RouterID: "1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a",
		ServerType: services.ServerTypeVM, Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 8080, Protocol: "TCP"}},
	}).Extract()
	require.NoError(t, err, "a signed POST with a body verifies")

	_, err = services.List(client("wrong"), nil).AllPages()
	require.ErrorAs(t, err, new(golangsdk.ErrDefault401))
}
