package fake_test

import (
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// A gateway endpoint created without routetables gets its VPC's default
// route table (docs/vpcep-api.md §3.14): the first of a seeded VPC's tables, or, with
// none seeded, an id derived from the VPC id, the same in every server.
func TestGatewayDefaultRouteTable(t *testing.T) {
	t.Parallel()
	obs := uuid.NewString()
	vpcA, vpcB, rt := uuid.NewString(), uuid.NewString(), uuid.NewString()
	gateway := fake.WithPublicServices(fake.PublicService{ID: obs, Name: "com.t-systems.otc.eu-de.obs", Type: "gateway"})
	create := func(srv *fake.Server, vpc string) []string {
		c := newClient(t, srv, fake.DefaultTenant)
		return c.createEndpoint(map[string]any{"endpoint_service_id": obs, "vpc_id": vpc}).Routetables
	}
	a1 := create(fake.NewTest(t, gateway), vpcA)
	require.Len(t, a1, 1)
	assert.NoError(t, uuid.Validate(a1[0]))
	assert.Equal(t, a1, create(fake.NewTest(t, gateway), vpcA), "deterministic")
	assert.NotEqual(t, a1, create(fake.NewTest(t, gateway), vpcB), "one per VPC")
	seeded := fake.WithNetwork(fake.Network{VPCs: []fake.VPC{{ID: vpcA, RouteTables: []string{rt, uuid.NewString()}}}})
	assert.Equal(t, []string{rt}, create(fake.NewTest(t, gateway, seeded), vpcA), "a seeded VPC's first table")
}
