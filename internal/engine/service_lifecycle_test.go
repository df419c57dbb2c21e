package engine

import (
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// A service's status changes through setStatus only, as an endpoint's
// does: error[] shows only while the service is failed (docs/vpcep-api.md §2.4), so a
// failed service that is being deleted no longer carries it.
func TestServiceStatusError(t *testing.T) {
	t.Parallel()
	policy := scenario.New().
		Kind(scenario.ServiceCreate, scenario.Immediately().Failing("EndPoint.0001", "boom")).
		Kind(scenario.ServiceDelete, scenario.Held())
	e := New(Config{Clock: clock.NewMock(), Policy: policy})
	one := 80
	created, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC), ServerType: ptr("VM"),
		Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}})
	require.Nil(t, err)
	svc := created.ID
	got, err := e.GetService(gwTenant, svc)
	require.Nil(t, err)
	require.Equal(t, statusFailed, got.Status)
	assert.Equal(t, []api.ErrorEntry{{ErrorCode: "EndPoint.0001", ErrorMessage: "boom"}}, got.Error)

	require.Nil(t, e.DeleteService(gwTenant, svc))
	got, err = e.GetService(gwTenant, svc)
	require.Nil(t, err)
	assert.Equal(t, statusDeleting, got.Status)
	assert.Empty(t, got.Error, "error[] belongs to status failed")
}
