package fake_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

func TestControlScenarioAndJournal(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithScenario(scenario.New()))
	list := "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"
	auth := "X-Auth-Token: " + fake.DefaultToken

	a := front(t, srv, "POST", "/_fake/scenario", `{"rules":[{"name":"list-fails","match":{"op":"ListEndpointService"},
		"trigger":{"nth":2},"effect":{"code":"EndPoint.0001"}}],
		"policies":[{"transition":"service.create","hold":true}]}`)
	require.Equal(t, 204, a.status, a.raw)
	assert.Equal(t, 200, front(t, srv, "GET", list, "", auth).status)
	assert.Equal(t, 500, front(t, srv, "GET", list, "", auth).status, "the loaded rule fires on the 2nd list")
	id := createService(t, srv, portA)
	_, st := serviceStatus(t, srv, id)
	assert.Equal(t, "creating", st, "the loaded policy holds the create")

	a = front(t, srv, "GET", "/_fake/scenario", "")
	require.Equal(t, 200, a.status)
	assert.Equal(t, "list-fails", dig(a.body, "rules", 0, "name"))
	assert.EqualValues(t, 2, dig(a.body, "rules", 0, "matches"))
	assert.EqualValues(t, 1, dig(a.body, "rules", 0, "fired"))

	a = front(t, srv, "GET", "/_fake/requests?op=ListEndpointService&status=500", "")
	require.Equal(t, 200, a.status, a.raw)
	assert.EqualValues(t, 1, a.body["count"])
	assert.Equal(t, "EndPoint.0001", dig(a.body, "requests", 0, "error_code"))
	assert.Equal(t, "list-fails", dig(a.body, "requests", 0, "rule"))
	assert.Equal(t, 400, front(t, srv, "GET", "/_fake/requests?status=bad", "").status)

	a = front(t, srv, "GET", "/_fake/pending", "")
	require.Equal(t, 200, a.status)
	assert.Equal(t, id, dig(a.body, "pending", 0, "resource_id"))
	assert.Equal(t, true, dig(a.body, "pending", 0, "held"))
	assert.Equal(t, 204, front(t, srv, "POST", "/_fake/release", `{"id":"`+id+`"}`).status)
	_, st = serviceStatus(t, srv, id)
	assert.Equal(t, "available", st)
	assert.Equal(t, 404, front(t, srv, "POST", "/_fake/release", `{"id":"`+id+`"}`).status, "nothing left to release")

	assert.Equal(t, 204, front(t, srv, "DELETE", "/_fake/requests", "").status)
	a = front(t, srv, "GET", "/_fake/requests", "")
	assert.EqualValues(t, 0, a.body["count"])
	assert.Equal(t, []any{}, a.body["requests"])

	for _, bad := range []string{`{"rules":[{"effect":{"code":"EndPoint.9999"}}]}`, `{"nonsense":1}`, `{`} {
		a = front(t, srv, "POST", "/_fake/scenario", bad)
		assert.Equal(t, 400, a.status, bad)
	}
	a = front(t, srv, "GET", "/_fake/scenario", "")
	assert.Len(t, a.body["rules"], 1, "rejected files add nothing")
}

func TestControlWithoutScenario(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	for _, tc := range []struct{ method, path, body string }{
		{"GET", "/_fake/scenario", ""},
		{"POST", "/_fake/scenario", `{}`},
	} {
		assert.Equal(t, 409, front(t, srv, tc.method, tc.path, tc.body).status, tc.path)
	}
	createService(t, srv, portA)
	a := front(t, srv, "GET", "/_fake/requests", "")
	require.Equal(t, 200, a.status, "the journal exists without a scenario")
	assert.EqualValues(t, 1, a.body["count"])
	assert.Equal(t, "CreateEndpointService", dig(a.body, "requests", 0, "op"))
	assert.Equal(t, 204, front(t, srv, "DELETE", "/_fake/requests", "").status)
	assert.Zero(t, srv.Count(scenario.Query{}))
}
