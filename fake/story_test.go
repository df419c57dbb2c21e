package fake_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestEndpointStory walks an endpoint through its life as both its owner
// and the service's owner see it: create, settle, accept or reject,
// delete, and the service's delete afterwards.
func TestEndpointStory(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name     string
		approval bool
		action   string // "" none, "receive", "reject"
		settled  string // status after create settles
		final    string // status after the action
		conns    int    // connection_count after the action
	}{
		{"approval on, accepted", true, "receive", "pendingAcceptance", "accepted", 1},
		{"approval on, rejected", true, "reject", "pendingAcceptance", "rejected", 0},
		{"approval off", false, "", "accepted", "accepted", 1},
		{"approval off, rejected later", false, "reject", "accepted", "rejected", 0},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mock, a := onMock(t, fake.Delays{EndpointCreate: time.Minute, EndpointDelete: time.Minute})
			svc := a.createService(tc.approval)

			ep := a.createEndpoint(endpointBody(svc.ID))
			assert.Equal(t, []string{"active"}, ep.ActiveStatus)
			assert.Equal(t, svc.ServiceName, ep.EndpointServiceName)
			assert.Empty(t, ep.IP)
			assert.Empty(t, ep.DNSNames)
			assert.Positive(t, ep.MarkerID)
			assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount, "creating counts")
			assert.Equal(t, 1, a.quota("endpoint").Used)

			// Still creating until the delay passes.
			assert.Equal(t, "creating", a.getEndpoint(ep.ID).Status)
			mock.Add(time.Minute)
			got := a.getEndpoint(ep.ID)
			require.Equal(t, tc.settled, got.Status)
			conns := a.connections(svc.ID, "")
			require.Len(t, conns.Connections, 1)
			c := conns.Connections[0]
			assert.Equal(t, got.Status, c.Status, "both views show one status")
			assert.Equal(t, ep.MarkerID, c.MarkerID)
			assert.Equal(t, fake.DefaultDomainID, c.DomainID)
			assert.Equal(t, got.UpdatedAt, c.UpdatedAt)

			if tc.action != "" {
				res := a.action(svc.ID, tc.action, ep.ID)
				assert.Equal(t, tc.final, res.Status, "the action's answer shows the outcome")
			}
			got = a.getEndpoint(ep.ID)
			require.Equal(t, tc.final, got.Status)
			assert.Equal(t, tc.conns, a.getService(svc.ID).ConnectionCount)
			if tc.final == "accepted" || tc.settled == "accepted" {
				assert.NotEmpty(t, got.IP, "accepted interface endpoints have an ip, kept after reject")
				assert.Len(t, got.DNSNames, 1)
			} else {
				assert.Empty(t, got.IP)
			}
			if tc.conns > 0 {
				a.fails(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 400, "EndPoint.3006")
			}

			// Delete: deleting, then gone everywhere.
			a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
			assert.Equal(t, "deleting", a.getEndpoint(ep.ID).Status)
			assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
			a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil) // idempotent retry
			mock.Add(time.Minute)
			a.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
			assert.Empty(t, a.connections(svc.ID, "").Connections)
			assert.Equal(t, 0, a.quota("endpoint").Used)
			assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)

			a.ok(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 204, nil)
			a.fails(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil, 404, "EndPoint.0005")
			assert.Equal(t, 0, a.quota("endpoint_service").Used)
		})
	}
}

// TestEndpointCrossTenant: another account sees its own endpoint and not
// the service's connections; with no whitelist it is refused (2012).
func TestEndpointCrossTenant(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(tenantB))
	a, b := newClient(t, srv, fake.DefaultTenant), newClient(t, srv, tenantB)
	svc := a.createService(true)
	b.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2012")
	assert.Equal(t, 0, b.quota("endpoint").Used, "a refused create stores nothing")

	ep := a.createEndpoint(endpointBody(svc.ID))
	b.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
	b.fails(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
	b.fails(http.MethodGet, "/vpc-endpoint-services/"+svc.ID+"/connections", nil, 404, "EndPoint.0005")
	b.fails(http.MethodPost, "/vpc-endpoint-services/"+svc.ID+"/connections/action",
		map[string]any{"action": "receive", "endpoints": []string{ep.ID}}, 404, "EndPoint.0005")
	var l struct{ Endpoints []any }
	b.ok(http.MethodGet, "/vpc-endpoints", nil, 200, &l)
	assert.Empty(t, l.Endpoints)
}

// TestEndpointWaitsForAction: with a delayed accept the action answers
// creating, and the endpoint settles when the delay passes; it cannot be
// acted on or deleted meanwhile.
func TestEndpointWaitsForAction(t *testing.T) {
	t.Parallel()
	mock, a := onMock(t, fake.Delays{EndpointAccept: time.Minute})
	svc := a.createService(true)
	ep := a.createEndpoint(endpointBody(svc.ID))
	require.Equal(t, "pendingAcceptance", a.getEndpoint(ep.ID).Status)

	assert.Equal(t, "creating", a.action(svc.ID, "receive", ep.ID).Status)
	assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount)
	a.fails(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 400, "EndPoint.2019")
	a.fails(http.MethodPost, "/vpc-endpoint-services/"+svc.ID+"/connections/action",
		map[string]any{"action": "reject", "endpoints": []string{ep.ID}}, 400, "EndPoint.2019")
	mock.Add(time.Minute)
	assert.Equal(t, "accepted", a.getEndpoint(ep.ID).Status)

	// rejected → accepted again
	assert.Equal(t, "rejected", a.action(svc.ID, "reject", ep.ID).Status, "reject has no delay")
	assert.Equal(t, "rejected", a.getEndpoint(ep.ID).Status)
	assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
	assert.Equal(t, "creating", a.action(svc.ID, "receive", ep.ID).Status)
	mock.Add(time.Minute)
	assert.Equal(t, "accepted", a.connections(svc.ID, "").Connections[0].Status)
	assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount)
}

// TestEndpointFailures: a failed create, action and delete end in failed
// with error[] and drop out of connection_count.
func TestEndpointFailures(t *testing.T) {
	t.Parallel()
	for _, tr := range []scenario.Transition{scenario.EndpointCreate, scenario.EndpointAccept, scenario.EndpointDelete} {
		t.Run(string(tr), func(t *testing.T) {
			t.Parallel()
			srv := fake.NewTest(t, failing(tr, "EndPoint.2022"))
			a := newClient(t, srv, fake.DefaultTenant)
			svc := a.createService(true)
			ep := a.createEndpoint(endpointBody(svc.ID))
			switch tr {
			case scenario.EndpointAccept:
				require.Equal(t, "pendingAcceptance", a.getEndpoint(ep.ID).Status)
				assert.Equal(t, "failed", a.action(svc.ID, "receive", ep.ID).Status)
			case scenario.EndpointDelete:
				a.getEndpoint(ep.ID)
				a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
			}
			got := a.getEndpoint(ep.ID)
			require.Equal(t, "failed", got.Status)
			require.Len(t, got.Error, 1)
			assert.Equal(t, "EndPoint.2022", got.Error[0].ErrorCode)
			c := a.connections(svc.ID, "?status=failed")
			require.Len(t, c.Connections, 1)
			assert.Equal(t, got.Error, c.Connections[0].Error)
			assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
			a.fails(http.MethodPut, "/vpc-endpoints/"+ep.ID, map[string]any{"enable_whitelist": true}, 400, "EndPoint.2047")

			// A failed endpoint can be deleted (unless deletes fail).
			if tr != scenario.EndpointDelete {
				a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
				a.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
			}
		})
	}
}

// TestServiceDeleteWithDeletingEndpoint: terraform deletes the endpoint
// and then the service back to back; the endpoint outlives nothing it
// should not, and stays unchanged when its service goes first.
func TestServiceDeleteWithDeletingEndpoint(t *testing.T) {
	t.Parallel()
	mock, a := onMock(t, fake.Delays{EndpointDelete: time.Minute})
	svc := a.createService(false)
	ep := a.createEndpoint(endpointBody(svc.ID))
	a.getEndpoint(ep.ID)
	a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
	a.ok(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 204, nil)
	a.fails(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil, 404, "EndPoint.0005")
	assert.Equal(t, "deleting", a.getEndpoint(ep.ID).Status)
	mock.Add(time.Minute)
	a.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")

	// A rejected endpoint survives its service unchanged (docs/vpcep-api.md §4.4).
	svc = a.createService(true)
	ep = a.createEndpoint(endpointBody(svc.ID))
	a.getEndpoint(ep.ID)
	a.action(svc.ID, "reject", ep.ID)
	a.ok(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 204, nil)
	a.fails(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil, 404, "EndPoint.0005")
	got := a.getEndpoint(ep.ID)
	assert.Equal(t, "rejected", got.Status)
	assert.Equal(t, svc.ServiceName, got.EndpointServiceName)
	a.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2003")
}

// TestEndpointOtherProject: a second project of the service owner's
// account connects (the owner's domain may always connect); its endpoint
// lives in its own project while the service's owner sees and approves the
// connection, and both views agree at every step.
func TestEndpointOtherProject(t *testing.T) {
	t.Parallel()
	a2 := fake.Tenant{DomainID: fake.DefaultDomainID, ProjectID: "project-a2", Token: "token-a2"}
	srv := fake.NewTest(t, fake.WithTenants(a2))
	owner, consumer := newClient(t, srv, fake.DefaultTenant), newClient(t, srv, a2)
	svc := owner.createService(true)
	ep := consumer.createEndpoint(endpointBody(svc.ID))
	assert.Equal(t, "project-a2", ep.ProjectID)
	owner.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
	assert.Equal(t, 0, owner.quota("endpoint").Used)
	assert.Equal(t, 1, consumer.quota("endpoint").Used)

	step := func(want string) {
		t.Helper()
		c := owner.connections(svc.ID, "?id="+ep.ID)
		require.Len(t, c.Connections, 1)
		assert.Equal(t, want, c.Connections[0].Status)
		assert.Equal(t, want, consumer.getEndpoint(ep.ID).Status)
		assert.Equal(t, fake.DefaultDomainID, c.Connections[0].DomainID)
	}
	step("pendingAcceptance")
	assert.Equal(t, "accepted", owner.action(svc.ID, "receive", ep.ID).Status)
	step("accepted")
	owner.fails(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 400, "EndPoint.3006")
	consumer.fails(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 404, "EndPoint.0005")
	consumer.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
	consumer.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
	assert.Zero(t, owner.connections(svc.ID, "").TotalCount)
	assert.Zero(t, consumer.quota("endpoint").Used)
	owner.ok(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil, 204, nil)
	owner.fails(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil, 404, "EndPoint.0005")
}

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
