package gopher098

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/endpoints"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/quota"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestApprovalResource replays the upstream acceptance flow and
// terraform's vpcep_approval resource (docs/real-clients.md §1.3, 1.4, 4.3 B):
// quota, describe, endpoint in pendingAcceptance, connections, receive
// (accepted in the answer itself), reject, polling ListConnections{ID}
// every 3 s like the provider, paging, deletes with waits for 404.
func TestApprovalResource(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := start(t)
		before, err := quota.Get(e.sc, "endpoint_service")
		require.NoError(t, err)

		svc, err := services.Create(e.sc, services.CreateOpts{PortID: portID, VpcId: vpcID, ServerType: services.ServerTypeVM,
			ServiceName: "appr", Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80}}})
		require.NoError(t, err)
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusAvailable, 120))
		assert.True(t, svc.ApprovalEnabled, "approval defaults to true")

		after, err := quota.Get(e.sc, "endpoint_service")
		require.NoError(t, err)
		require.Len(t, after.Quotas.Resources, 1)
		assert.Equal(t, "endpoint_service", after.Quotas.Resources[0].Type)
		assert.Equal(t, before.Quotas.Resources[0].Used+1, after.Quotas.Resources[0].Used)

		info, err := services.GetBasicInfo(e.sc, services.BasicOpts{Name: svc.ServiceName})
		require.NoError(t, err)
		assert.Equal(t, svc.ID, info.ID)

		ep, err := endpoints.Create(e.sc, endpoints.CreateOpts{ServiceID: svc.ID, VpcId: vpcID, NetworkID: subnetID})
		require.NoError(t, err)
		assert.Equal(t, endpoints.StatusCreating, ep.Status)
		require.NoError(t, endpoints.WaitForEndpointStatus(e.sc, ep.ID, endpoints.StatusPendingAcceptance, 120))

		conns, err := services.ListConnections(e.sc, svc.ID, services.ListConnectionsOpts{})
		require.NoError(t, err)
		require.Len(t, conns, 1)
		assert.Equal(t, "pendingAcceptance", conns[0].Status)
		assert.Equal(t, ep.MarkerID, conns[0].MarkerId)
		assert.Equal(t, fake.DefaultDomainID, conns[0].DomainId)

		// The approval resource: GET service, one action per endpoint, poll every 3 s.
		mark := len(e.journal.Requests(scenario.Query{}))
		_, err = services.Get(e.sc, svc.ID)
		require.NoError(t, err)
		acted, err := services.Action(e.sc, svc.ID, services.ActionOpts{Action: "receive", Endpoints: []string{ep.ID}})
		require.NoError(t, err)
		require.Len(t, acted, 1)
		assert.Equal(t, "accepted", acted[0].Status, "the action's answer already shows accepted")
		assert.Equal(t, "accepted", pollConnection(t, e, svc.ID, ep.ID, "accepted"))
		var ops []string
		for _, r := range e.journal.Requests(scenario.Query{})[mark:] {
			ops = append(ops, r.Op)
		}
		assert.Equal(t, []string{"ListServiceDetails", "AcceptOrRejectEndpoint", "ListServiceConnections"}, ops,
			"the approval resource's create: accepted at the first poll")
		got, err := endpoints.Get(e.sc, ep.ID)
		require.NoError(t, err)
		assert.Equal(t, endpoints.StatusAccepted, got.Status)
		s, err := services.Get(e.sc, svc.ID)
		require.NoError(t, err)
		assert.Equal(t, 1, s.ConnectionCount)

		_, err = services.Action(e.sc, svc.ID, services.ActionOpts{Action: "receive", Endpoints: []string{ep.ID, ep.ID}})
		require.Error(t, err, "one endpoint per request")

		acted, err = services.Action(e.sc, svc.ID, services.ActionOpts{Action: "reject", Endpoints: []string{ep.ID}})
		require.NoError(t, err)
		assert.Equal(t, "rejected", acted[0].Status)
		assert.Equal(t, "rejected", pollConnection(t, e, svc.ID, ep.ID, "rejected"))
		rejected, err := services.ListConnections(e.sc, svc.ID, services.ListConnectionsOpts{Status: "rejected"})
		require.NoError(t, err)
		assert.Len(t, rejected, 1)

		// Lists are single pages: one GET each.
		n := e.calls("ListEndpointService")
		one := 1
		list, err := services.List(e.sc, services.ListOpts{Limit: &one, Offset: ptr(0)})
		require.NoError(t, err)
		assert.Len(t, list, 1)
		assert.Equal(t, 1, e.calls("ListEndpointService")-n, "no automatic paging")

		require.NoError(t, endpoints.Delete(e.sc, ep.ID))
		require.NoError(t, endpoints.WaitForEndpointStatus(e.sc, ep.ID, "", 120))
		require.NoError(t, services.Delete(e.sc, svc.ID))
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusDeleted, 120))
	})
}

// pollConnection polls ListConnections{ID} every 3 s as the approval
// resource does, until the connection has status want (or 10 minutes).
func pollConnection(t *testing.T, e env, serviceID, endpointID, want string) string {
	t.Helper()
	deadline := time.Now().Add(10 * time.Minute)
	for {
		time.Sleep(3 * time.Second)
		conns, err := services.ListConnections(e.sc, serviceID, services.ListConnectionsOpts{ID: endpointID})
		require.NoError(t, err)
		require.Len(t, conns, 1, "exactly one connection per endpoint id")
		if conns[0].Status == want || time.Now().After(deadline) {
			return conns[0].Status
		}
	}
}

// TestDefaultPageOfTen: without limit, ListConnections and GetWhitelist
// see the server's first 10 (docs/real-clients.md §3.2 item 2).
func TestDefaultPageOfTen(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := start(t, fake.WithDelays(fake.Delays{}))
		svc, err := services.Create(e.sc, services.CreateOpts{PortID: portID, VpcId: vpcID, ServerType: services.ServerTypeVM,
			ApprovalEnabled: ptr(false), Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80}}})
		require.NoError(t, err)
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusAvailable, 10))
		var perms []string
		for i := range 12 {
			perms = append(perms, "iam:domain::domain"+string(rune('a'+i)))
		}
		_, err = endpoints.BatchUpdateWhitelist(e.sc, svc.ID, endpoints.BatchUpdateReq{Permissions: perms, Action: "add"})
		require.NoError(t, err)
		wl, err := endpoints.GetWhitelist(e.sc, svc.ID)
		require.NoError(t, err)
		assert.Len(t, wl.Permissions, 10)
		assert.Equal(t, 12, wl.TotalCount)

		for range 11 {
			_, err := endpoints.Create(e.sc, endpoints.CreateOpts{ServiceID: svc.ID, VpcId: vpcID, NetworkID: subnetID})
			require.NoError(t, err)
		}
		eps, err := endpoints.List(e.sc, endpoints.ListOpts{})
		require.NoError(t, err)
		assert.Len(t, eps, 10)
	})
}
