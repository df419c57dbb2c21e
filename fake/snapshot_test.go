package fake_test

import (
	"bytes"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestSnapshotKeepsEndpoints round-trips endpoints in every situation: an
// approval still pending on the clock, an accepted endpoint with its
// address and DNS name, and one whose service was deleted under it.
func TestSnapshotKeepsEndpoints(t *testing.T) {
	t.Parallel()
	mock, c := onMock(t, fake.Delays{EndpointAccept: time.Minute})
	approving := c.createService(true)
	open := c.createService(false)
	doomed := c.createService(true) // its pendingAcceptance endpoint does not block the delete

	waiting := c.createEndpoint(endpointBody(approving.ID))
	require.Equal(t, "pendingAcceptance", c.getEndpoint(waiting.ID).Status)
	require.Equal(t, "creating", c.action(approving.ID, "receive", waiting.ID).Status)
	accepted := c.createEndpoint(endpointBody(open.ID))
	orphan := c.createEndpoint(endpointBody(doomed.ID))
	require.Equal(t, "accepted", c.getEndpoint(accepted.ID).Status)
	c.ok(http.MethodDelete, "/vpc-endpoint-services/"+doomed.ID, nil, 204, nil)
	c.fails(http.MethodGet, "/vpc-endpoint-services/"+doomed.ID, nil, 404, "EndPoint.0005")
	mock.Add(20 * time.Second)

	views := func() map[string]any {
		return map[string]any{
			"waiting": c.getEndpoint(waiting.ID), "accepted": c.getEndpoint(accepted.ID), "orphan": c.getEndpoint(orphan.ID),
			"approving": c.getService(approving.ID), "open": c.getService(open.ID),
			"conns1": c.connections(approving.ID, ""), "conns2": c.connections(open.ID, ""),
		}
	}
	before := views()
	require.NotEmpty(t, before["accepted"].(api.Endpoint).IP)
	assert.Equal(t, 1, before["open"].(api.Service).ConnectionCount)

	state := front(t, c.srv, "GET", "/_fake/state?secrets=true", "")
	require.Equal(t, 200, state.status)
	assert.Len(t, state.body["endpoints"], 3)
	assert.Equal(t, doomed.ID, dig(state.body, "endpoints", 2, "gone_service", "id"), "the deleted service travels with its endpoint")
	require.Equal(t, 204, front(t, c.srv, "POST", "/_fake/reset", "").status)
	c.fails(http.MethodGet, "/vpc-endpoints/"+accepted.ID, nil, 404, "EndPoint.2006")
	require.Equal(t, 204, front(t, c.srv, "PUT", "/_fake/state", state.raw).status)

	assert.Equal(t, before, views(), "every view is back")

	mock.Add(39 * time.Second)
	assert.Equal(t, "creating", c.getEndpoint(waiting.ID).Status, "40s of the approval were left")
	mock.Add(time.Second)
	assert.Equal(t, "accepted", c.getEndpoint(waiting.ID).Status)

	fresh := c.createEndpoint(endpointBody(open.ID))
	got := c.getEndpoint(fresh.ID)
	require.Equal(t, "accepted", got.Status)
	for _, ep := range []api.Endpoint{c.getEndpoint(waiting.ID), before["accepted"].(api.Endpoint)} {
		assert.NotEqual(t, ep.IP, got.IP, "reserved addresses stay reserved")
	}
}

func TestImportRejectsBadEndpoints(t *testing.T) {
	t.Parallel()
	_, c := onMock(t, fake.Delays{})
	svc := c.createService(false)
	ep := c.createEndpoint(endpointBody(svc.ID))
	good := c.srv.Export()
	for _, tc := range []struct {
		name string
		edit func(s *fake.Snapshot)
	}{
		{"unknown service", func(s *fake.Snapshot) {
			s.Endpoints[0].Endpoint = bytes.ReplaceAll(s.Endpoints[0].Endpoint, []byte(svc.ID), []byte(ep.ID))
		}},
		{"bad address", func(s *fake.Snapshot) { s.Endpoints[0].IP = "999.1.1.1" }},
		{"repeated", func(s *fake.Snapshot) { s.Endpoints = append(s.Endpoints, s.Endpoints[0]) }},
		{"service transition", func(s *fake.Snapshot) {
			s.Endpoints[0].Pending = &fake.PendingState{Transition: "service.create"}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			snap := c.srv.Export()
			tc.edit(&snap)
			assert.Error(t, c.srv.Import(snap))
			assert.Equal(t, good, c.srv.Export(), "a failed import changes nothing")
		})
	}
}

// TestSnapshotJSONIsTheStateFormat: the JSON of Export is what GET
// /_fake/state serves, and it imports through PUT and Import alike.
func TestSnapshotJSONIsTheStateFormat(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t, fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}),
		fake.WithScenario(scenario.New().Named(scenario.ServiceCreate, "held", scenario.Held())))
	createService(t, srv, portA)
	mock.Add(time.Minute)
	createService(t, srv, portB) // still creating: a pending transition with due_in

	state := front(t, srv, "GET", "/_fake/state?secrets=true", "")
	require.Equal(t, 200, state.status)
	raw, err := json.Marshal(srv.Export())
	require.NoError(t, err)
	assert.JSONEq(t, state.raw, string(raw))
	assert.Contains(t, string(raw), `"due_in":"1m0s"`)

	var snap fake.Snapshot
	require.NoError(t, json.Unmarshal([]byte(state.raw), &snap))
	srv.Reset()
	require.NoError(t, srv.Import(snap))
	assert.JSONEq(t, state.raw, front(t, srv, "GET", "/_fake/state?secrets=true", "").raw, "export, import, export gives the same JSON")
}
