package fake_test

import (
	"net/http"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

func TestConnectionActionErrors(t *testing.T) {
	t.Parallel()
	mock, a := onMock(t, fake.Delays{EndpointCreate: time.Second, EndpointDelete: time.Minute})
	svc, other := a.createService(true), a.createService(true)
	pending := a.createEndpoint(endpointBody(svc.ID))
	mock.Add(time.Second)
	deleting := a.createEndpoint(endpointBody(svc.ID))
	mock.Add(time.Second)
	a.ok(http.MethodDelete, "/vpc-endpoints/"+deleting.ID, nil, 204, nil)
	creating2 := a.createEndpoint(endpointBody(svc.ID)) // stays creating: the clock does not move again
	foreign := a.createEndpoint(endpointBody(other.ID))
	path := "/vpc-endpoint-services/" + svc.ID + "/connections/action"
	one := func(action string, ids ...string) map[string]any {
		return map[string]any{"action": action, "endpoints": ids}
	}
	cases := []struct {
		name   string
		path   string
		body   any
		status int
		code   string
	}{
		{"no body", path, nil, 400, "EndPoint.0002"},
		{"endpoints not a list", path, map[string]any{"action": "receive", "endpoints": "x"}, 400, "EndPoint.0002"},
		{"action missing", path, map[string]any{"endpoints": []string{pending.ID}}, 400, "EndPoint.2027"},
		{"action unknown", path, one("accept", pending.ID), 400, "EndPoint.2027"},
		{"no endpoint", path, one("receive"), 400, "EndPoint.2002"},
		{"two endpoints", path, one("receive", pending.ID, foreign.ID), 400, "EndPoint.2031"},
		{"malformed endpoint id", path, one("receive", "ep"), 400, "EndPoint.2017"},
		{"unknown endpoint", path, one("receive", unknownID), 400, "EndPoint.2013"},
		{"endpoint of another service", path, one("receive", foreign.ID), 400, "EndPoint.2013"},
		{"endpoint creating", path, one("receive", creating2.ID), 400, "EndPoint.2019"},
		{"endpoint deleting", path, one("reject", deleting.ID), 400, "EndPoint.2018"},
		{"service malformed", "/vpc-endpoint-services/svc/connections/action", one("receive", pending.ID), 400, "EndPoint.3062"},
		{"service unknown", "/vpc-endpoint-services/" + unknownID + "/connections/action", one("receive", pending.ID), 404, "EndPoint.0005"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a.fails(http.MethodPost, tc.path, tc.body, tc.status, tc.code)
		})
	}
}

// TestConnectionActionIdempotent: receive on an accepted endpoint and
// reject on a rejected one succeed unchanged (gophertelekomcloud's
// acceptance test receives an endpoint that approval-free creation already
// accepted).
func TestConnectionActionIdempotent(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := newClient(t, srv, fake.DefaultTenant)
	svc := a.createService(false)
	ep := a.createEndpoint(endpointBody(svc.ID))
	before := a.getEndpoint(ep.ID)
	require.Equal(t, "accepted", before.Status)
	assert.Equal(t, "accepted", a.action(svc.ID, "receive", ep.ID).Status)
	assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount)
	assert.Equal(t, "rejected", a.action(svc.ID, "reject", ep.ID).Status)
	assert.Equal(t, "rejected", a.action(svc.ID, "reject", ep.ID).Status)
	after := a.getEndpoint(ep.ID)
	assert.Equal(t, before.IP, after.IP, "a rejected endpoint keeps its ip")
	assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
}

func TestListConnections(t *testing.T) {
	t.Parallel()
	mock, a := onMock(t, fake.Delays{})
	svc := a.createService(true)
	var ids []string
	var markers []int32
	for range 12 {
		ep := a.createEndpoint(endpointBody(svc.ID))
		ids, markers = append(ids, ep.ID), append(markers, ep.MarkerID)
		mock.Add(time.Second)
	}
	a.action(svc.ID, "receive", ids[0])
	a.action(svc.ID, "reject", ids[1])

	all := a.connections(svc.ID, "")
	assert.Equal(t, 12, all.TotalCount)
	require.Len(t, all.Connections, 10, "default page of 10")
	assert.Equal(t, ids[11], all.Connections[0].ID, "newest first")

	asc := a.connections(svc.ID, "?sort_dir=asc&limit=2&offset=1")
	require.Len(t, asc.Connections, 2)
	assert.Equal(t, ids[1], asc.Connections[0].ID)
	assert.Equal(t, 12, asc.TotalCount)

	byUpdate := a.connections(svc.ID, "?sort_key=updated_at&limit=1")
	require.Len(t, byUpdate.Connections, 1)
	assert.Equal(t, ids[1], byUpdate.Connections[0].ID, "the last action updated it last")

	byID := a.connections(svc.ID, "?id="+ids[3])
	require.Len(t, byID.Connections, 1)
	assert.Equal(t, "pendingAcceptance", byID.Connections[0].Status)

	byMarker := a.connections(svc.ID, "?marker_id="+strconv.Itoa(int(markers[5])))
	require.Len(t, byMarker.Connections, 1)
	assert.Equal(t, ids[5], byMarker.Connections[0].ID)

	for status, want := range map[string]int{"accepted": 1, "rejected": 1, "pendingAcceptance": 10, "failed": 0} {
		assert.Equal(t, want, a.connections(svc.ID, "?status="+status).TotalCount, status)
	}
	base := "/vpc-endpoint-services/" + svc.ID + "/connections"
	for q, code := range map[string]string{
		"?marker_id=abc": "EndPoint.0021", "?marker_id=99999999999": "EndPoint.0021", "?status=creating": "EndPoint.0019",
		"?limit=1001": "EndPoint.0006", "?offset=-1": "EndPoint.0010", "?sort_key=name": "EndPoint.0017", "?sort_dir=up": "EndPoint.0018",
	} {
		a.fails(http.MethodGet, base+q, nil, 400, code)
	}
}

func TestUpdateConnectionsDesc(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := newClient(t, srv, fake.DefaultTenant)
	svc, other := a.createService(true), a.createService(true)
	ep := a.createEndpoint(endpointBody(svc.ID))
	foreign := a.createEndpoint(endpointBody(other.ID))
	path := "/vpc-endpoint-services/" + svc.ID + "/connections/description"
	entry := func(id, desc any) map[string]any {
		return map[string]any{"connections": []map[string]any{{"id": id, "description": desc}}}
	}
	var out struct {
		Connections []struct{ ID, Description string }
	}
	a.ok(http.MethodPut, path, entry(ep.ID, "approved by ops"), 200, &out)
	require.Len(t, out.Connections, 1)
	assert.Equal(t, "approved by ops", out.Connections[0].Description)
	c := a.connections(svc.ID, "")
	assert.Equal(t, "approved by ops", c.Connections[0].Description)
	assert.Empty(t, a.getEndpoint(ep.ID).Description, "the endpoint's own description is another field")

	for name, tc := range map[string]struct {
		body any
		code string
	}{
		"no entries":          {map[string]any{"connections": []any{}}, "EndPoint.0002"},
		"id missing":          {entry(nil, "d"), "EndPoint.0002"},
		"description missing": {entry(ep.ID, nil), "EndPoint.0002"},
		"description invalid": {entry(ep.ID, "<x>"), "EndPoint.0002"},
		"malformed id":        {entry("x", "d"), "EndPoint.2017"},
		"other service's":     {entry(foreign.ID, "d"), "EndPoint.2013"},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			a.fails(http.MethodPut, path, tc.body, 400, tc.code)
		})
	}
}
