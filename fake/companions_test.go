package fake_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// netPath is a VPC API path of tenant tn's project: /network/v1/{pid}{rest}.
func netPath(tn fake.Tenant, rest string) string { return "/network/v1/" + tn.ProjectID + rest }

// wantNetError requires a companion error: status, code and the envelope
// of its API (VPC {"code","message"}, ELB {"error_code","error_msg",
// "request_id"} with the request id of the answer).
func wantNetError(t *testing.T, r reply, status int, code string) {
	t.Helper()
	require.Equal(t, status, r.Status, "%s %s: %s", r.method, r.url, r.Body)
	var m map[string]string
	require.NoError(t, json.Unmarshal(r.Body, &m), "%s", r.Body)
	if strings.HasPrefix(code, "ELB.") || strings.Contains(r.url, "/elb/") {
		assert.Equal(t, map[string]string{"error_code": code, "error_msg": m["error_msg"], "request_id": r.Header.Get("X-Request-Id")}, m)
		assert.NotEmpty(t, m["error_msg"])
		return
	}
	assert.Equal(t, map[string]string{"code": code, "message": m["message"]}, m)
	assert.NotEmpty(t, m["message"])
}

func TestCompanionRoutesAreTheOperationData(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	param := regexp.MustCompile(`\{[a-z_]+\}`)
	byID := map[string]api.Operation{}
	for _, o := range api.NetworkOps {
		byID[o.ID] = o
	}
	for _, rt := range fake.NetRoutesForTest() {
		o, ok := byID[rt.Op]
		require.True(t, ok, rt.Op)
		assert.Equal(t, o.Method, rt.Method, rt.Op)
		assert.Equal(t, o.SuccessStatus, rt.Status, rt.Op)
		assert.Equal(t, param.ReplaceAllString(o.Path, "{}"), rt.Pattern, rt.Op)
		delete(byID, rt.Op)
	}
	assert.Empty(t, byID, "operations without a route")
	// Every path of the data reaches its operation, not the unknown-path answer.
	for _, o := range api.NetworkOps {
		path := strings.ReplaceAll(param.ReplaceAllString(o.Path, "x"), "/x/", "/"+fake.DefaultProjectID+"/")
		r := send(t, srv, fake.DefaultTenant, o.Method, path, nil)
		assert.NotContains(t, string(r.Body), "APIGW.0101", o.ID)
	}
}

func TestCompanionErrorsAndAuthentication(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(otherTenant))
	anon := fake.Tenant{}
	lbs := "/elb/v2.0/lbaas/loadbalancers"
	for _, tc := range []struct {
		name         string
		tn           fake.Tenant
		method, path string
		body         any
		status       int
		code         string
	}{
		{"vpc without token", anon, http.MethodGet, netPath(fake.DefaultTenant, "/vpcs"), nil, 401, "VPC.0008"},
		{"vpc of another project", fake.DefaultTenant, http.MethodGet, netPath(otherTenant, "/vpcs"), nil, 400, "VPC.0007"},
		{"elb without token", anon, http.MethodGet, lbs, nil, 401, "ELB.1102"},
		{"elb tags of another project", fake.DefaultTenant, http.MethodGet, "/elb/v2.0/" + otherProject + "/loadbalancers/x/tags", nil, 400, "ELB.9808"},
		{"unknown vpc", fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/vpcs/nope"), nil, 404, "VPC.0003"},
		{"unknown subnet", fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/subnets/nope"), nil, 404, "VPC.0202"},
		{"unknown lb", fake.DefaultTenant, http.MethodGet, lbs + "/nope", nil, 404, "ELB.9800"},
		{"malformed vpc body", fake.DefaultTenant, http.MethodPost, netPath(fake.DefaultTenant, "/vpcs"), "{", 400, "VPC.0101"},
		{"malformed subnet body", fake.DefaultTenant, http.MethodPost, netPath(fake.DefaultTenant, "/subnets"), `{"subnet":1}`, 400, "VPC.0201"},
		{"lb without subnet", fake.DefaultTenant, http.MethodPost, lbs, `{"loadbalancer":{}}`, 400, "ELB.9805"},
		{"lb body not json", fake.DefaultTenant, http.MethodPost, lbs, "x", 400, "ELB.0002"},
		{"unknown network path", fake.DefaultTenant, http.MethodGet, "/network/v1/" + fake.DefaultProjectID + "/ports", nil, 404, "APIGW.0101"},
		{"unknown elb path", fake.DefaultTenant, http.MethodGet, "/elb/v3/loadbalancers", nil, 404, "APIGW.0101"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			wantNetError(t, send(t, srv, tc.tn, tc.method, tc.path, tc.body), tc.status, tc.code)
		})
	}
}

func TestCatalogPointsAtTheCompanions(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer()
	t.Cleanup(srv.Close)
	r, err := roundTrip(http.DefaultClient, http.MethodGet, srv.URL+"/v3/auth/catalog", nil, tenantHeaders(fake.DefaultTenant))
	require.NoError(t, err)
	var cat struct {
		Catalog []struct {
			Type      string
			Endpoints []struct{ Interface, Region, URL string }
		}
	}
	require.NoError(t, json.Unmarshal(r.Body, &cat), "%s", r.Body)
	urls := map[string]string{}
	for _, c := range cat.Catalog {
		require.Len(t, c.Endpoints, 1)
		assert.Equal(t, "public", c.Endpoints[0].Interface)
		assert.Equal(t, fake.DefaultRegion, c.Endpoints[0].Region)
		urls[c.Type] = c.Endpoints[0].URL
	}
	assert.Equal(t, srv.NetworkURL(), urls["network"])
	assert.Equal(t, srv.ELBURL(), urls["elb"])
	assert.Equal(t, srv.NetworkURL()+"/v1/"+fake.DefaultProjectID, urls["vpc"])
	// What the clients build from them: network + v1/, elb + v2.0/, vpc with v1 → v3.
	for _, u := range []string{urls["network"] + "/v1/" + fake.DefaultProjectID + "/subnets", urls["elb"] + "/v2.0/lbaas/loadbalancers"} {
		r, err := roundTrip(http.DefaultClient, http.MethodGet, u, nil, tenantHeaders(fake.DefaultTenant))
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, r.Status, "%s: %s", u, r.Body)
	}
}

func TestCompanionScenarioRulesAndJournal(t *testing.T) {
	t.Parallel()
	sc := scenario.New()
	require.NoError(t, sc.Add(scenario.Rule{Name: "quota", Match: scenario.Match{Op: "CreateLoadBalancer"},
		Effect: scenario.Effect{Code: "ELB.9807"}}))
	srv := fake.NewTest(t, fake.WithScenario(sc))
	r := send(t, srv, fake.DefaultTenant, http.MethodPost, "/elb/v2.0/lbaas/loadbalancers", `{"loadbalancer":{"vip_subnet_id":"x"}}`)
	wantNetError(t, r, 400, "ELB.9807")
	send(t, srv, fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/subnets"), nil).want(t, 200, nil)
	got := sc.Requests(scenario.Query{})
	require.Len(t, got, 2)
	assert.Equal(t, "CreateLoadBalancer", got[0].Op)
	assert.Equal(t, "ELB.9807", got[0].ErrorCode)
	assert.Equal(t, "quota", got[0].Rule)
	assert.Equal(t, fake.DefaultProjectID, got[0].Project, "the caller's project, though the path has none")
	assert.Equal(t, "ListSubnets", got[1].Op)
	assert.Equal(t, "/network/v1/{project_id}/subnets", got[1].Template)
}

func TestSeededNetworkShowsThroughTheReadAPIs(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithNetwork(fake.Network{VPCs: []fake.VPC{{ID: vpcA, CIDR: "192.168.0.0/16"}},
		Subnets: []fake.Subnet{{ID: subnetID, VpcID: vpcA, CIDR: "192.168.0.0/24"}}}))
	var subs struct{ Subnets []api.Subnet }
	send(t, srv, fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/subnets"), nil).want(t, 200, &subs)
	require.Len(t, subs.Subnets, 1)
	assert.Equal(t, vpcA, subs.Subnets[0].VpcID)
	var lb struct{ Loadbalancer api.LoadBalancer }
	send(t, srv, fake.DefaultTenant, http.MethodPost, "/elb/v2.0/lbaas/loadbalancers",
		map[string]any{"loadbalancer": map[string]any{"vip_subnet_id": subs.Subnets[0].NeutronSubnetID}}).want(t, 201, &lb)
	// The VIP port joins the seeded inventory: a service on it is accepted
	// in its VPC and refused in another.
	as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": lb.Loadbalancer.VipPortID})).want(t, 200, nil)
	requireError(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": unknownID})), api.E3008)
}

func TestStateAndResetCoverTheCompanions(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	send(t, srv, fake.DefaultTenant, http.MethodPost, netPath(fake.DefaultTenant, "/vpcs"), `{"vpc":{"name":"v","cidr":"10.0.0.0/16"}}`).want(t, 200, nil)
	r := send(t, srv, fake.Tenant{}, http.MethodGet, "/_fake/state?secrets=true", nil)
	var st fake.Snapshot
	r.want(t, 200, &st)
	require.NotNil(t, st.Network)
	var network struct {
		VPCs []struct{ VPC struct{ Name string } } `json:"vpcs"`
	}
	require.NoError(t, json.Unmarshal(st.Network, &network))
	require.Len(t, network.VPCs, 1)
	assert.Equal(t, "v", network.VPCs[0].VPC.Name)

	old := st
	old.Network = nil // an export from before the companions
	raw, err := json.Marshal(old)
	require.NoError(t, err)
	assert.NotContains(t, string(raw), `"network"`)
	send(t, srv, fake.Tenant{}, http.MethodPut, "/_fake/state", string(raw)).want(t, 204, nil)
	var vpcs struct{ Vpcs []api.VPC }
	send(t, srv, fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/vpcs"), nil).want(t, 200, &vpcs)
	assert.Empty(t, vpcs.Vpcs)

	require.NoError(t, srv.Import(st))
	send(t, srv, fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/vpcs"), nil).want(t, 200, &vpcs)
	assert.Len(t, vpcs.Vpcs, 1)
	srv.Reset()
	send(t, srv, fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/vpcs"), nil).want(t, 200, &vpcs)
	assert.Empty(t, vpcs.Vpcs)
}

func TestDashboardShowsTheCompanions(t *testing.T) {
	t.Parallel()
	srv, _ := mockServer(t, fake.WithDelays(fake.Delays{LoadBalancerCreate: time.Minute}))
	var v struct{ Vpc api.VPC }
	send(t, srv, fake.DefaultTenant, http.MethodPost, netPath(fake.DefaultTenant, "/vpcs"), `{"vpc":{"name":"dash-vpc","cidr":"10.0.0.0/16"}}`).want(t, 200, &v)
	var s struct{ Subnet api.Subnet }
	send(t, srv, fake.DefaultTenant, http.MethodPost, netPath(fake.DefaultTenant, "/subnets"), map[string]any{"subnet": map[string]any{
		"name": "dash-subnet", "cidr": "10.0.1.0/24", "gateway_ip": "10.0.1.1", "vpc_id": v.Vpc.ID}}).want(t, 200, &s)
	var lb struct{ Loadbalancer api.LoadBalancer }
	send(t, srv, fake.DefaultTenant, http.MethodPost, "/elb/v2.0/lbaas/loadbalancers",
		map[string]any{"loadbalancer": map[string]any{"name": "dash-lb", "vip_subnet_id": s.Subnet.NeutronSubnetID}}).want(t, 201, &lb)
	a := front(t, srv, "GET", "/_fake/", "")
	require.Equal(t, 200, a.status)
	for _, want := range []string{`id="network"`, "dash-vpc", "dash-subnet", "dash-lb", lb.Loadbalancer.VipPortID, "PENDING_CREATE", "loadbalancer.create in 1m0s"} {
		assert.Contains(t, a.raw, want)
	}
	assert.Contains(t, front(t, fake.NewTest(t), "GET", "/_fake/", "").raw, `<td colspan="6">none</td>`)
}
