package fake_test

import (
	"context"
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
