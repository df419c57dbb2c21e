package gopher093

import (
	"testing"
	"testing/synctest"

	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestFailedServiceRunsIntoTheTimeout: for WaitForServiceStatus "failed"
// is not terminal, so a failed service makes terraform's wait run its
// whole timeout (docs/real-clients.md §3.2 item 7); the status and error[]
// decode.
func TestFailedServiceRunsIntoTheTimeout(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := startWith(t, scenario.CreationFails(scenario.ServiceCreate, "EndPoint.0001", "boom"))
		sc := e.sc
		svc, err := services.Create(sc, services.CreateOpts{PortID: portID, RouterID: vpcID, ServerType: services.ServerTypeVM,
			Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80}}}).Extract()
		require.NoError(t, err)

		err = services.WaitForServiceStatus(sc, svc.ID, services.StatusAvailable, 60)
		require.Error(t, err, "the wait times out")
		got, err := services.Get(sc, svc.ID).Extract()
		require.NoError(t, err)
		assert.Equal(t, services.StatusFailed, got.Status)
		assert.Len(t, got.Error, 1)
	})
}
