package engine

import (
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Describe by full name finds a tenant service through the id its name ends
// in and a public service through the name map: a rename answers to the new
// name only, a deleted service to none, and a name whose id part belongs to
// another service (or to none) finds nothing.
func TestDescribeByFullName(t *testing.T) {
	t.Parallel()
	policy := scenario.New().Kind(scenario.ServiceDelete, scenario.Immediately())
	e := New(Config{Clock: clock.NewMock(), Policy: policy,
		PublicServices: []PublicService{{Name: "com.t-systems.otc.eu-de.obs", Type: "interface"}}})
	create := func(name string, port int) api.Service {
		v, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC),
			ServerType: ptr("VM"), ServiceName: ptr(name), Ports: []api.PortMappingRequest{{ClientPort: &port, ServerPort: &port}}})
		require.Nil(t, err)
		return v
	}
	a := create("alpha", 80)
	b := create("beta", 81)
	before := a.ServiceName
	renamed, err := e.UpdateService(gwTenant, a.ID, &api.UpdateServiceRequest{ServiceName: ptr("gamma")})
	require.Nil(t, err)
	require.NotEqual(t, before, renamed.ServiceName)
	require.Nil(t, e.DeleteService(gwTenant, b.ID))

	for _, tc := range []struct {
		name, want string
	}{
		{renamed.ServiceName, a.ID},
		{"com.t-systems.otc.eu-de.obs", ""}, // public: any id
		{before, "-"},
		{b.ServiceName, "-"},
		{renamed.ServiceName[:len(renamed.ServiceName)-len(a.ID)] + b.ID, "-"},
		{"eu-de.gamma." + a.ID + "x", "-"},
		{a.ID, "-"},
		{".", "-"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := e.DescribeService(gwTenant, api.DescribeQuery{Name: tc.name})
			if tc.want == "-" {
				assert.Equal(t, api.E0005, err)
				return
			}
			require.Nil(t, err)
			assert.Equal(t, tc.name, got.ServiceName)
			if tc.want != "" {
				assert.Equal(t, tc.want, got.ID)
			}
		})
	}
}
