package gopher093

import (
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestAKSKSigning: in AK/SK mode the SDK sends no token but an
// SDK-HMAC-SHA256 Authorization, X-Sdk-Date and X-Project-Id; the fake
// finds the tenant by its access key and verifies the signature with its
// secret key (docs/real-clients.md §1.1, 2.1).
func TestAKSKSigning(t *testing.T) {
	t.Parallel()
	signer := fake.DefaultTenant
	signer.AccessKey, signer.SecretKey = "AK", "SK" // the fake checks every signature
	sc0 := scenario.New()
	srv := fake.NewTest(t, fake.WithScenario(sc0), fake.WithDefaultTenant(signer))
	e := env{srv: srv, journal: sc0}
	pc := &golangsdk.ProviderClient{AKSKAuthOptions: golangsdk.AKSKAuthOptions{AccessKey: "AK", SecretKey: "SK", ProjectId: fake.DefaultProjectID}}
	pc.HTTPClient = *e.srv.Client()
	sc := &golangsdk.ServiceClient{ProviderClient: pc, Endpoint: e.srv.ProjectURL(fake.DefaultProjectID)}

	svc, err := services.Create(sc, services.CreateOpts{PortID: portID, RouterID: vpcID, ServerType: services.ServerTypeVM,
		Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80}}}).Extract()
	require.NoError(t, err)
	pages, err := services.List(sc, services.ListOpts{ID: svc.ID}).AllPages()
	require.NoError(t, err)
	list, err := services.ExtractServices(pages)
	require.NoError(t, err)
	assert.Len(t, list, 1)
	assert.Zero(t, e.journal.Count(scenario.Query{Status: 401}))
}
