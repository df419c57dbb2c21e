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

// module drives one tenant through a loopback fake with the URLs of its
// IAM catalog, as the terraform provider does.
type module struct {
	t       *testing.T
	tn      fake.Tenant
	catalog map[string]string // type → URL
}

// loginModule logs tn in with a password scoped to its project and keeps
// the catalog of the token.
func loginModule(t *testing.T, srv *fake.Server, tn fake.Tenant) *module {
	t.Helper()
	body := map[string]any{"auth": map[string]any{
		"identity": map[string]any{"methods": []string{"password"}, "password": map[string]any{"user": map[string]any{
			"name": tn.UserName, "password": tn.Password, "domain": map[string]any{"name": tn.DomainName}}}},
		"scope": map[string]any{"project": map[string]any{"id": tn.ProjectID}}}}
	r, err := roundTrip(http.DefaultClient, http.MethodPost, srv.URL+"/v3/auth/tokens", body, map[string]string{"Content-Type": "application/json"})
	require.NoError(t, err)
	var tok struct {
		Token struct {
			Catalog []struct {
				Type      string
				Endpoints []struct{ URL string }
			}
		}
	}
	r.want(t, http.StatusCreated, &tok)
	m := &module{t: t, tn: tn, catalog: map[string]string{}}
	m.tn.Token = r.Header.Get("X-Subject-Token")
	for _, c := range tok.Token.Catalog {
		m.catalog[c.Type] = c.Endpoints[0].URL
	}
	return m
}

// call sends method to the catalog URL of typ joined with rest.
func (m *module) call(method, typ, rest string, body any) reply {
	m.t.Helper()
	r, err := roundTrip(http.DefaultClient, method, m.catalog[typ]+rest, body, tenantHeaders(m.tn))
	require.NoError(m.t, err)
	return r
}

// vpc, elb and vpcep are the provider's three base URLs.
func (m *module) vpc(method, rest string, body any) reply {
	return m.call(method, "network", "/v1/"+m.tn.ProjectID+rest, body)
}
func (m *module) elb(method, rest string, body any) reply {
	return m.call(method, "elb", "/v2.0"+rest, body)
}
func (m *module) vpcep(method, rest string, body any) reply {
	return m.call(method, "vpcep", rest, body)
}

// network creates a VPC and a subnet as the vpc_v1 and vpc_subnet_v1
// resources do (create, wait, read with tags and the v3 VPC) and returns
// them.
func (m *module) network(cidr, subnetCIDR, gateway string) (api.VPC, api.Subnet) {
	m.t.Helper()
	var v struct{ Vpc api.VPC }
	m.vpc(http.MethodPost, "/vpcs", map[string]any{"vpc": map[string]any{"name": "vpc-" + m.tn.ProjectID[:4], "cidr": cidr}}).want(m.t, 200, &v)
	assert.Equal(m.t, "CREATING", v.Vpc.Status)
	m.vpc(http.MethodGet, "/vpcs/"+v.Vpc.ID, nil).want(m.t, 200, &v)
	assert.Equal(m.t, "OK", v.Vpc.Status)
	m.call(http.MethodGet, "network", "/v2.0/"+m.tn.ProjectID+"/vpcs/"+v.Vpc.ID+"/tags", nil).want(m.t, 200, nil)
	var v3 struct {
		Vpc struct {
			ExtendCidrs []string `json:"extend_cidrs"`
		}
	}
	// NewVpcV3: the first "v1" of the vpc entry becomes "v3", then "vpc/" follows.
	r, err := roundTrip(http.DefaultClient, http.MethodGet, strings.Replace(m.catalog["vpc"], "v1", "v3", 1)+"/vpc/vpcs/"+v.Vpc.ID,
		nil, tenantHeaders(m.tn))
	require.NoError(m.t, err)
	r.want(m.t, 200, &v3)
	assert.Equal(m.t, []string{}, v3.Vpc.ExtendCidrs)

	var s struct{ Subnet api.Subnet }
	m.vpc(http.MethodPost, "/subnets", map[string]any{"subnet": map[string]any{"name": "subnet-" + m.tn.ProjectID[:4],
		"cidr": subnetCIDR, "gateway_ip": gateway, "vpc_id": v.Vpc.ID, "dhcp_enable": true, "ipv6_enable": false,
		"primary_dns": "100.125.4.25", "secondary_dns": "100.125.129.199"}}).want(m.t, 200, &s)
	m.vpc(http.MethodGet, "/subnets/"+s.Subnet.ID, nil).want(m.t, 200, &s)
	assert.Equal(m.t, "ACTIVE", s.Subnet.Status)
	m.call(http.MethodPost, "network", "/v2.0/"+m.tn.ProjectID+"/subnets/"+s.Subnet.ID+"/tags/action",
		map[string]any{"action": "create", "tags": []map[string]string{{"key": "env", "value": "test"}}}).want(m.t, 204, nil)
	return v.Vpc, s.Subnet
}

// gone requires a 404 from GET rest on the API typ.
func (m *module) gone(r reply) {
	m.t.Helper()
	assert.Equal(m.t, http.StatusNotFound, r.Status, "%s %s: %s", r.method, r.url, r.Body)
}

// TestModuleFlowOverHTTP is a terraform module with a VPC, a subnet, a
// shared load balancer, a VPCEP service on the LB's VIP port and an
// endpoint from another tenant, created and destroyed with the provider's
// calls through the URLs of the IAM catalog: no set-up beyond the
// tenants. Tearing down in the wrong order gets the real cloud's
// dependency errors.
func TestModuleFlowOverHTTP(t *testing.T) {
	t.Parallel()
	consumer := fake.Tenant{DomainID: "d2", DomainName: "consumer", UserName: "u2", Password: "p2", ProjectID: otherProject, Token: otherToken}
	srv := fake.NewServer(fake.WithTenants(consumer))
	t.Cleanup(srv.Close)
	owner, other := loginModule(t, srv, fake.DefaultTenant), loginModule(t, srv, consumer)

	vpc, subnet := owner.network("192.168.0.0/16", "192.168.1.0/24", "192.168.1.1")

	// data "opentelekomcloud_vpc_subnet_v1": the whole list, filtered client-side.
	var subs struct{ Subnets []api.Subnet }
	owner.vpc(http.MethodGet, "/subnets", nil).want(t, 200, &subs)
	require.Len(t, subs.Subnets, 1)
	assert.Equal(t, subnet.NeutronSubnetID, subs.Subnets[0].NeutronSubnetID)

	var lb struct{ Loadbalancer api.LoadBalancer }
	owner.elb(http.MethodPost, "/lbaas/loadbalancers", map[string]any{"loadbalancer": map[string]any{
		"name": "lb", "vip_subnet_id": subnet.NeutronSubnetID, "admin_state_up": true}}).want(t, 201, &lb)
	assert.Equal(t, "PENDING_CREATE", lb.Loadbalancer.ProvisioningStatus)
	owner.elb(http.MethodGet, "/lbaas/loadbalancers/"+lb.Loadbalancer.ID, nil).want(t, 200, &lb)
	assert.Equal(t, "ACTIVE", lb.Loadbalancer.ProvisioningStatus)
	owner.elb(http.MethodPost, "/"+owner.tn.ProjectID+"/loadbalancers/"+lb.Loadbalancer.ID+"/tags/action",
		map[string]any{"action": "create", "tags": []map[string]string{{"key": "k", "value": "v"}}}).want(t, 204, nil)
	var tags struct{ Tags []api.NetTag }
	owner.elb(http.MethodGet, "/"+owner.tn.ProjectID+"/loadbalancers/"+lb.Loadbalancer.ID+"/tags", nil).want(t, 200, &tags)
	assert.Equal(t, []api.NetTag{{Key: "k", Value: "v"}}, tags.Tags)

	var svc api.Service
	owner.vpcep(http.MethodPost, "/vpc-endpoint-services", map[string]any{"port_id": lb.Loadbalancer.VipPortID,
		"vpc_id": vpc.ID, "server_type": "LB", "approval_enabled": true,
		"ports": []map[string]any{{"client_port": 80, "server_port": 80, "protocol": "TCP"}}}).want(t, 200, &svc)
	owner.vpcep(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil).want(t, 200, &svc)
	require.Equal(t, "available", svc.Status)
	owner.vpcep(http.MethodPost, "/vpc-endpoint-services/"+svc.ID+"/permissions/action",
		map[string]any{"action": "add", "permissions": []string{"iam:domain::" + consumer.DomainID}}).want(t, 200, nil)

	ovpc, osub := other.network("10.0.0.0/16", "10.0.1.0/24", "10.0.1.1")
	var ep api.Endpoint
	other.vpcep(http.MethodPost, "/vpc-endpoints", map[string]any{"endpoint_service_id": svc.ID, "vpc_id": ovpc.ID,
		"subnet_id": osub.ID, "enable_dns": true}).want(t, 200, &ep)
	other.vpcep(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil).want(t, 200, &ep)
	require.Equal(t, "pendingAcceptance", ep.Status)
	owner.vpcep(http.MethodPost, "/vpc-endpoint-services/"+svc.ID+"/connections/action",
		map[string]any{"action": "receive", "endpoints": []string{ep.ID}}).want(t, 200, nil)
	other.vpcep(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil).want(t, 200, &ep)
	require.Equal(t, "accepted", ep.Status)

	// Destroy in the wrong order first: the real cloud's dependency errors.
	wantNetError(t, owner.vpc(http.MethodDelete, "/vpcs/"+vpc.ID, nil), 409, "VPC.0118")
	wantNetError(t, owner.vpc(http.MethodDelete, "/vpcs/"+vpc.ID+"/subnets/"+subnet.ID, nil), 500, "VPC.0211")
	wantNetError(t, other.vpc(http.MethodDelete, "/vpcs/"+ovpc.ID+"/subnets/"+osub.ID, nil), 500, "VPC.0208")
	wantNetError(t, other.vpc(http.MethodDelete, "/vpcs/"+ovpc.ID, nil), 409, "VPC.0104")

	// Then in reverse order of creation, each waiting as the provider does.
	other.vpcep(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil).want(t, 204, nil)
	other.gone(other.vpcep(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil))
	other.vpc(http.MethodDelete, "/vpcs/"+ovpc.ID+"/subnets/"+osub.ID, nil).want(t, 204, nil)
	other.gone(other.vpc(http.MethodGet, "/subnets/"+osub.ID, nil))
	other.vpc(http.MethodDelete, "/vpcs/"+ovpc.ID, nil).want(t, 204, nil)
	other.gone(other.vpc(http.MethodGet, "/vpcs/"+ovpc.ID, nil))
	owner.vpcep(http.MethodDelete, "/vpc-endpoint-services/"+svc.ID, nil).want(t, 204, nil)
	owner.gone(owner.vpcep(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil))
	owner.elb(http.MethodDelete, "/lbaas/loadbalancers/"+lb.Loadbalancer.ID, nil).want(t, 204, nil)
	owner.gone(owner.elb(http.MethodGet, "/lbaas/loadbalancers/"+lb.Loadbalancer.ID, nil))
	owner.vpc(http.MethodDelete, "/vpcs/"+vpc.ID+"/subnets/"+subnet.ID, nil).want(t, 204, nil)
	owner.gone(owner.vpc(http.MethodGet, "/subnets/"+subnet.ID, nil))
	owner.vpc(http.MethodDelete, "/vpcs/"+vpc.ID, nil).want(t, 204, nil)
	owner.gone(owner.vpc(http.MethodGet, "/vpcs/"+vpc.ID, nil))
	assert.Nil(t, srv.Export().Network, "nothing left")
}

// A scenario rule that answers a VPCEP authentication code (a token storm
// over every operation) answers each companion API's own code.
func TestCompanionScenarioRuleOfAVPCEPCode(t *testing.T) {
	t.Parallel()
	sc := scenario.New()
	require.NoError(t, sc.Add(scenario.Rule{Name: "storm", Effect: scenario.Effect{Code: "EndPoint.0003"}}))
	srv := fake.NewTest(t, fake.WithScenario(sc))
	wantNetError(t, send(t, srv, fake.DefaultTenant, http.MethodGet, netPath(fake.DefaultTenant, "/subnets"), nil), 401, "VPC.0008")
	wantNetError(t, send(t, srv, fake.DefaultTenant, http.MethodGet, "/elb/v2.0/lbaas/loadbalancers", nil), 401, "ELB.1102")
}
