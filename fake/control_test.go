package fake_test

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

func TestControlHealth(t *testing.T) {
	t.Parallel()
	a := front(t, fake.NewTest(t), "GET", "/_fake/health", "")
	require.Equal(t, 200, a.status)
	assert.Equal(t, "ok", a.body["status"])
	assert.Equal(t, fake.Version, a.body["version"])
}

func TestControlClock(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t)
	id := createService(t, srv, portA)

	a := front(t, srv, "GET", "/_fake/clock", "")
	require.Equal(t, 200, a.status)
	assert.Equal(t, "2026-01-02T03:04:05.000Z", a.body["now"], "RFC 3339 with milliseconds")
	assert.EqualValues(t, time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC).UnixMilli(), a.body["unix_ms"])
	assert.Equal(t, true, a.body["manual"])

	a = front(t, srv, "POST", "/_fake/clock/advance", `{"by":"59s"}`)
	require.Equal(t, 200, a.status, a.raw)
	assert.Equal(t, "2026-01-02T03:05:04.000Z", a.body["now"])
	_, st := serviceStatus(t, srv, id)
	assert.Equal(t, "creating", st)

	a = front(t, srv, "PUT", "/_fake/clock", `{"now":"2026-01-02T03:05:05Z"}`)
	require.Equal(t, 200, a.status, a.raw)
	_, st = serviceStatus(t, srv, id)
	assert.Equal(t, "available", st)
	assert.Equal(t, time.Date(2026, 1, 2, 3, 5, 5, 0, time.UTC), mock.Now().UTC())

	for _, tc := range []struct{ method, path, body string }{
		{"POST", "/_fake/clock/advance", `{"by":"-1s"}`},
		{"POST", "/_fake/clock/advance", `{"by":"soon"}`},
		{"POST", "/_fake/clock/advance", `{"in":"1s"}`},
		{"PUT", "/_fake/clock", `{"now":"2020-01-01T00:00:00Z"}`},
		{"PUT", "/_fake/clock", `{"now":"yesterday"}`},
		{"PUT", "/_fake/clock", `{"now":"10000-01-01T00:00:00Z"}`},
	} {
		a := front(t, srv, tc.method, tc.path, tc.body)
		assert.Equal(t, 400, a.status, tc.body)
		assert.NotEmpty(t, a.body["error"])
	}
	assert.Equal(t, time.Date(2026, 1, 2, 3, 5, 5, 0, time.UTC), mock.Now().UTC(), "rejected moves change nothing")
}

// JSON and RFC 3339 end at year 9999: the clock cannot pass it, so the
// state stays exportable.
func TestControlClockStopsAtYear9999(t *testing.T) {
	t.Parallel()
	srv, _ := mockServer(t)
	createService(t, srv, portA)
	a := front(t, srv, "PUT", "/_fake/clock", `{"now":"9999-12-31T23:00:00Z"}`)
	require.Equal(t, 200, a.status, a.raw)
	a = front(t, srv, "POST", "/_fake/clock/advance", `{"by":"2h"}`)
	assert.Equal(t, 400, a.status, a.raw)
	assert.Contains(t, a.body["error"], "9999")
	state := front(t, srv, "GET", "/_fake/state", "")
	require.Equal(t, 200, state.status)
	assert.Len(t, state.body["services"], 1, "the state is still written")
}

// A clock moved past year 9999 through the Go API makes the state
// unwritable as JSON: the control API says so instead of an empty 200.
func TestControlStateUnwritable(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t)
	createService(t, srv, portA)
	mock.Set(time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC))
	createService(t, srv, portB)
	a := front(t, srv, "GET", "/_fake/state", "")
	assert.Equal(t, 409, a.status)
	assert.Contains(t, a.body["error"], "cannot be written as JSON")
}

func TestControlClockRealIsNotMovable(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := front(t, srv, "GET", "/_fake/clock", "")
	assert.Equal(t, false, a.body["manual"])
	assert.Equal(t, 409, front(t, srv, "POST", "/_fake/clock/advance", `{"by":"1s"}`).status)
	assert.Equal(t, 409, front(t, srv, "PUT", "/_fake/clock", `{"now":"2099-01-01T00:00:00Z"}`).status)
}

func TestControlTenants(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := front(t, srv, "POST", "/_fake/tenants", `{"domain_id":"d9","project_id":"p9","token":"t9","user_name":"u9","password":"pw"}`)
	require.Equal(t, 201, a.status, a.raw)
	a = front(t, srv, "GET", "/_fake/tenants", "")
	require.Equal(t, 200, a.status)
	assert.Len(t, a.body["tenants"], 2)
	assert.Equal(t, 200, front(t, srv, "GET", "/v1/p9/vpc-endpoint-services", "", "X-Auth-Token: t9").status)
	assert.Equal(t, 201, front(t, srv, "POST", "/v3/auth/tokens", passwordLogin("u9", "pw", "d9", "")).status)

	for _, body := range []string{
		`{"domain_id":"d8","project_id":"p8","token":"t9"}`, // token taken
		`{"domain_id":"d8","project_id":"p/8","token":"t8"}`,
		`{"domain_id":"d8","project_id":"p8"}`,
		`{"domain":"d8"}`,
	} {
		assert.Equal(t, 400, front(t, srv, "POST", "/_fake/tenants", body).status, body)
	}
	assert.Len(t, srv.Tenants(), 2)
}

func TestControlExportResetImport(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t)
	done := createService(t, srv, portA)
	mock.Add(time.Minute)
	a := front(t, srv, "POST", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services/"+done+"/permissions/action",
		`{"action":"add","permissions":["iam:domain::1234"]}`, "X-Auth-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	mock.Add(20 * time.Second)
	creating := createService(t, srv, portB)
	mock.Add(20 * time.Second)

	state := front(t, srv, "GET", "/_fake/state?secrets=true", "")
	require.Equal(t, 200, state.status)
	assert.Len(t, state.body["services"], 2)
	assert.Equal(t, "40s", dig(state.body, "services", 1, "pending", "due_in"))

	redacted := front(t, srv, "GET", "/_fake/state", "")
	assert.Equal(t, "(redacted)", dig(redacted.body, "tenants", 0, "token"))
	assert.Equal(t, 400, front(t, srv, "PUT", "/_fake/state", redacted.raw).status, "a redacted export is refused, not imported")

	require.Equal(t, 204, front(t, srv, "POST", "/_fake/reset", "").status)
	code, _ := serviceStatus(t, srv, done)
	assert.Equal(t, 404, code)

	require.Equal(t, 204, front(t, srv, "PUT", "/_fake/state", state.raw).status)
	code, st := serviceStatus(t, srv, done)
	assert.Equal(t, 200, code)
	assert.Equal(t, "available", st)
	a = front(t, srv, "GET", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services/"+done+"/permissions", "", "X-Auth-Token: "+fake.DefaultToken)
	assert.Equal(t, "iam:domain::1234", dig(a.body, "permissions", 0, "permission"))
	_, st = serviceStatus(t, srv, creating)
	assert.Equal(t, "creating", st)
	mock.Add(39 * time.Second)
	_, st = serviceStatus(t, srv, creating)
	assert.Equal(t, "creating", st, "the remaining 40s are kept")
	mock.Add(time.Second)
	_, st = serviceStatus(t, srv, creating)
	assert.Equal(t, "available", st)
}

func TestResetNeverReusesIDs(t *testing.T) {
	t.Parallel()
	srv, _ := mockServer(t, fake.WithSeed(7))
	before := createService(t, srv, portA)
	srv.Reset()
	code, _ := serviceStatus(t, srv, before)
	assert.Equal(t, 404, code)
	assert.NotEqual(t, before, createService(t, srv, portA), "the seeded generator goes on after a reset")
	assert.Len(t, srv.Tenants(), 1)
}

func TestImportIsClockIndependent(t *testing.T) {
	t.Parallel()
	src, mock := mockServer(t)
	id := createService(t, src, portA)
	mock.Add(15 * time.Second)
	snap := src.Export()

	dst, other := mockServer(t)
	other.Add(1000 * time.Hour)
	require.NoError(t, dst.Import(snap))
	other.Add(44 * time.Second)
	_, st := serviceStatus(t, dst, id)
	assert.Equal(t, "creating", st)
	other.Add(time.Second)
	_, st = serviceStatus(t, dst, id)
	assert.Equal(t, "available", st)

	again := dst.Export()
	raw1, err := json.Marshal(again)
	require.NoError(t, err)
	require.NoError(t, dst.Import(again))
	raw2, err := json.Marshal(dst.Export())
	require.NoError(t, err)
	assert.JSONEq(t, string(raw1), string(raw2), "export → import → export is lossless")
}

func TestImportRejectsBadState(t *testing.T) {
	t.Parallel()
	srv, _ := mockServer(t)
	id := createService(t, srv, portA)
	good := front(t, srv, "GET", "/_fake/state", "").raw
	for _, tc := range []struct{ name, from, to string }{
		{"version", `"version": 1`, `"version": 7`},
		{"unknown field", `"seq":`, `"nonsense": 1, "seq":`},
		{"not JSON", `{`, `[`},
		{"bad service id", id, "not-a-uuid"},
		{"unknown project", `"project_id": "` + fake.DefaultProjectID + `",
        "domain_id"`, `"project_id": "nobody",
        "domain_id"`},
		{"unknown transition", `"transition": "service.create"`, `"transition": "endpoint.accept"`},
		{"bad duration", `"due_in": "1m0s"`, `"due_in": "later"`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			bad := strings.Replace(good, tc.from, tc.to, 1)
			require.NotEqual(t, good, bad, "the test edits the state")
			a := front(t, srv, "PUT", "/_fake/state", bad)
			assert.Equal(t, 400, a.status, a.raw)
			code, _ := serviceStatus(t, srv, id)
			assert.Equal(t, 200, code, "a failed import changes nothing")
		})
	}
}

func TestControlUnknownOperationAndMethod(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	assert.Equal(t, 404, front(t, srv, "GET", "/_fake/nothing", "").status)
	for _, tc := range []struct{ method, path, allow string }{
		{"DELETE", "/_fake/state", "GET, PUT, HEAD"},
		{"GET", "/_fake/reset", "POST"},
		{"POST", "/_fake/", "GET, HEAD"},
		{"PATCH", "/_fake/requests", "GET, DELETE, HEAD"},
		{"POST", "/_fake/health", "GET, HEAD"},
	} {
		a := front(t, srv, tc.method, tc.path, "")
		assert.Equal(t, 405, a.status, tc.method+" "+tc.path)
		assert.Equal(t, tc.allow, a.header.Get("Allow"), tc.method+" "+tc.path)
		assert.Contains(t, a.body["error"], "not allowed", "the JSON envelope")
	}
}

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

// chromium is Debian's headless-capable browser (apt-get install -y
// chromium); the browser test skips without it.
const chromium = "/usr/bin/chromium"

// dashboardFixture fills srv with an available service, its whitelist,
// tags and one connected endpoint, then a second service still creating;
// it returns the ids the dashboard must show.
func dashboardFixture(t *testing.T, srv *fake.Server, mock *clock.Mock) (id, epID, creating string) {
	t.Helper()
	a := front(t, srv, "POST", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services",
		`{"port_id":"`+portA+`","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a","server_type":"VM","service_name":"shop",`+
			`"ports":[{"client_port":443,"server_port":8443}],"tags":[{"key":"team","value":"blue"}]}`,
		"X-Auth-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	id = a.body["id"].(string)
	a = front(t, srv, "POST", "/v1/"+fake.DefaultProjectID+"/vpc-endpoint-services/"+id+"/permissions/action",
		`{"action":"add","permissions":["iam:domain::4242"]}`, "X-Auth-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	mock.Add(time.Minute)
	a = front(t, srv, "POST", "/v1/"+fake.DefaultProjectID+"/vpc-endpoints",
		`{"endpoint_service_id":"`+id+`","vpc_id":"`+vpcID+`","subnet_id":"`+subnetID+`"}`, "X-Auth-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	epID = a.body["id"].(string)
	return id, epID, createService(t, srv, portB)
}

// dashboardShows asserts that html shows the fixture.
func dashboardShows(t *testing.T, html, id, epID, creating string) {
	t.Helper()
	for _, want := range []string{
		id, "eu-de.shop." + id, fake.DefaultProjectID, "(redacted)", fake.DefaultDomainName,
		"iam:domain::4242", "team=blue", "443→8443/TCP", "com.t-systems.otc.eu-de.obs",
		`id="clock"`, "(manual)", epID, "pendingAcceptance", creating, "service.create in 1m0s",
		`id="requests"`, "/vpc-endpoints", "CreateEndpoint",
	} {
		assert.Contains(t, html, want)
	}
	assert.NotContains(t, html, fake.DefaultToken, "secrets are redacted")
}

func TestDashboardHTML(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t, fake.WithScenario(scenario.New()))
	id, epID, creating := dashboardFixture(t, srv, mock)
	for _, path := range []string{"/_fake/", "/_fake"} {
		a := front(t, srv, "GET", path, "")
		require.Equal(t, 200, a.status)
		assert.Equal(t, "text/html; charset=utf-8", a.header.Get("Content-Type"))
		assert.Contains(t, a.raw, `<meta http-equiv="refresh" content="2">`)
		dashboardShows(t, a.raw, id, epID, creating)
	}
	a := front(t, srv, "GET", "/_fake/?secrets=true", "")
	assert.Contains(t, a.raw, fake.DefaultToken, "secrets show when asked for")

	plain := fake.NewTest(t)
	createService(t, plain, portA)
	a = front(t, plain, "GET", "/_fake/", "")
	assert.Contains(t, a.raw, "CreateEndpointService", "without a scenario the journal shows requests too")
	assert.Contains(t, a.raw, "1 recorded, 1 kept (at most 10000), 0 dropped")
}

func TestDashboardEscapes(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(fake.Tenant{DomainID: "d", ProjectID: "p", Token: "t", DomainName: "<script>x</script>"}))
	a := front(t, srv, "GET", "/_fake/", "")
	assert.NotContains(t, a.raw, "<script>x")
	assert.Contains(t, a.raw, "&lt;script&gt;x")
}

// TestDashboardInChromium renders the dashboard in headless Chromium and
// checks the DOM it built.
func TestDashboardInChromium(t *testing.T) {
	t.Parallel()
	if _, err := os.Stat(chromium); err != nil {
		t.Skip("no " + chromium + " (apt-get install -y chromium)")
	}
	mock := clock.NewMock()
	srv := fake.NewServer(fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}),
		fake.WithScenario(scenario.New()))
	t.Cleanup(srv.Close)
	id, epID, creating := dashboardFixture(t, srv, mock)

	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	out, err := exec.CommandContext(ctx, chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
		"--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
		"--user-data-dir="+t.TempDir(), "--dump-dom", srv.URL+"/_fake/").Output()
	require.NoError(t, err)
	dom := string(out)
	require.True(t, strings.Contains(dom, "<table"), dom)
	dashboardShows(t, dom, id, epID, creating)
}
