package fake_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestCrossAccountStory is the whole cross-tenant story with a mock clock
// only: account A offers a service, account B connects to it. Every
// asynchronous step takes a minute, as in the cloud.
func TestCrossAccountStory(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name          string
		approval      bool
		whitelist     bool
		action        string // A's action on the pending connection, if any
		settled       string // B's status once creation completes
		final         string // B's status after A's action
		deleteRefused bool   // A's service delete is refused before B deletes
	}{
		{"approval, accepted", true, true, "receive", "pendingAcceptance", "accepted", true},
		{"approval off", false, true, "", "accepted", "accepted", true},
		{"approval, rejected", true, true, "reject", "pendingAcceptance", "rejected", false},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mock := clock.NewMock()
			srv := fake.NewTest(t, fake.WithClock(mock), fake.WithDelays(fake.RealisticDelays), fake.WithTenants(tenantB))
			a, b := newClient(t, srv, fake.DefaultTenant), newClient(t, srv, tenantB)

			var svc struct{ ID, Status string }
			a.ok(http.MethodPost, "/vpc-endpoint-services", map[string]any{
				"port_id": portID, "vpc_id": vpcID, "server_type": "LB", "approval_enabled": tc.approval,
				"ports": []map[string]any{{"client_port": 443, "server_port": 8443}},
			}, 200, &svc)
			require.Equal(t, "creating", svc.Status)
			mock.Add(time.Minute)
			require.Equal(t, "available", a.getService(svc.ID).Status)
			a.ok(http.MethodPost, "/vpc-endpoint-services/"+svc.ID+"/permissions/action",
				map[string]any{"action": "add", "permissions": []string{"iam:domain::" + tenantB.DomainID}}, 200, nil)

			ep := b.createEndpoint(endpointBody(svc.ID))
			mock.Add(time.Minute)
			require.Equal(t, tc.settled, b.getEndpoint(ep.ID).Status)
			conns := a.connections(svc.ID, "?id="+ep.ID)
			require.Len(t, conns.Connections, 1, "A sees B's endpoint in its connections")
			assert.Equal(t, tc.settled, conns.Connections[0].Status)
			assert.Equal(t, tenantB.DomainID, conns.Connections[0].DomainID)
			assert.Equal(t, ep.MarkerID, conns.Connections[0].MarkerID)

			if tc.action != "" {
				assert.Equal(t, tc.final, a.action(svc.ID, tc.action, ep.ID).Status)
			}
			assert.Equal(t, tc.final, b.getEndpoint(ep.ID).Status, "B sees A's decision")
			assert.Equal(t, tc.final, a.connections(svc.ID, "").Connections[0].Status)

			if tc.deleteRefused {
				a.fails(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 400, "EndPoint.3006")
			}
			b.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
			assert.Equal(t, "deleting", b.getEndpoint(ep.ID).Status)
			mock.Add(time.Minute)
			b.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
			assert.Empty(t, a.connections(svc.ID, "").Connections)
			assert.Equal(t, 0, b.quota("endpoint").Used)

			a.ok(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 204, nil)
			assert.Equal(t, "deleting", a.getService(svc.ID).Status)
			mock.Add(time.Minute)
			a.fails(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil, 404, "EndPoint.0005")
			b.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
		})
	}
}

// TestCrossAccountNotWhitelisted: without a whitelist record B is refused
// and nothing is stored; the record opens the door, removing it closes it
// for new endpoints only.
func TestCrossAccountNotWhitelisted(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(tenantB))
	a, b := newClient(t, srv, fake.DefaultTenant), newClient(t, srv, tenantB)
	svc := a.createService(true)
	perm := func(action string) {
		a.ok(http.MethodPost, "/vpc-endpoint-services/"+svc.ID+"/permissions/action",
			map[string]any{"action": action, "permissions": []string{"iam:domain::" + tenantB.DomainID}}, 200, nil)
	}

	b.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2012")
	assert.Equal(t, 0, b.quota("endpoint").Used)
	assert.Empty(t, a.connections(svc.ID, "").Connections)

	perm("add")
	ep := b.createEndpoint(endpointBody(svc.ID))
	perm("remove")
	b.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2012")
	assert.Equal(t, "pendingAcceptance", b.getEndpoint(ep.ID).Status, "an existing endpoint stays")
}
