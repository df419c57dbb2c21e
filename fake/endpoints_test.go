package fake_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// A seeded network: vpcID (with a route table) holds subnetID
// (10.0.1.0/24) and the backend port; otherVPC holds otherSubnet;
// reservedSubnet overlaps 198.19.128.0/17.
const (
	otherVPC       = "4f5a9e87-6a7c-4e87-9e77-ac6e6c9e7f05"
	otherSubnet    = "5a4bafa8-7b8d-4fa8-8f88-bd7f7daf8a06"
	reservedSubnet = "6b3cbab9-8c9e-4ab9-9a99-ce8a8eba9b07"
	unknownID      = "7c2dcbca-9daf-4bca-8baa-df9b9fcbac08"
)

func seededNetwork() fake.Option {
	return fake.WithNetwork(fake.Network{
		VPCs:    []fake.VPC{{ID: vpcID, CIDR: "10.0.0.0/16", RouteTables: []string{rtID}}, {ID: otherVPC, CIDR: "172.16.0.0/16"}},
		Subnets: []fake.Subnet{{ID: subnetID, VpcID: vpcID, CIDR: "10.0.1.0/24"}, {ID: otherSubnet, VpcID: otherVPC, CIDR: "172.16.1.0/24"}, {ID: reservedSubnet, VpcID: vpcID, CIDR: "198.19.130.0/24"}},
		Ports:   []fake.Port{{ID: portID, VpcID: vpcID, IP: "10.0.1.10"}},
	})
}

// with returns endpointBody(serviceID) changed by kv pairs; a nil value
// removes the key.
func with(serviceID string, kv ...any) map[string]any {
	b := endpointBody(serviceID)
	for i := 0; i < len(kv); i += 2 {
		if kv[i+1] == nil {
			delete(b, kv[i].(string))
			continue
		}
		b[kv[i].(string)] = kv[i+1]
	}
	return b
}

func TestCreateEndpointErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, seededNetwork(), fake.WithQuotas(fake.Quotas{Services: 5, Endpoints: 2}))
	a := newClient(t, srv, fake.DefaultTenant)
	svc := a.createService(true)
	used := a.createEndpoint(with(svc.ID, "port_ip", "10.0.1.50"))
	tooMany := make([]string, 21)
	for i := range tooMany {
		tooMany[i] = "10.0.0.1"
	}
	cases := []struct {
		name   string
		body   any
		status int
		code   string
	}{
		{"no body", nil, 400, "EndPoint.0002"},
		{"malformed json", "{", 400, "EndPoint.0002"},
		{"service id missing", with(svc.ID, "endpoint_service_id", nil), 400, "EndPoint.2029"},
		{"service id empty", with(svc.ID, "endpoint_service_id", ""), 400, "EndPoint.2029"},
		{"service unknown", with(unknownID), 400, "EndPoint.2003"},
		{"service id malformed", with("nope"), 400, "EndPoint.2003"},
		{"vpc missing", with(svc.ID, "vpc_id", nil), 400, "EndPoint.2011"},
		{"vpc malformed", with(svc.ID, "vpc_id", "vpc-1"), 400, "EndPoint.0020"},
		{"vpc unknown", with(svc.ID, "vpc_id", unknownID), 400, "EndPoint.2001"},
		{"subnet missing", with(svc.ID, "subnet_id", nil), 400, "EndPoint.2010"},
		{"subnet malformed", with(svc.ID, "subnet_id", "net"), 400, "EndPoint.0023"},
		{"subnet unknown", with(svc.ID, "subnet_id", unknownID), 404, "EndPoint.4004"},
		{"subnet of another vpc", with(svc.ID, "subnet_id", otherSubnet), 400, "EndPoint.2037"},
		{"subnet overlaps reserved range", with(svc.ID, "subnet_id", reservedSubnet), 400, "EndPoint.3009"},
		{"port_ip not ipv4", with(svc.ID, "port_ip", "10.0.1"), 400, "EndPoint.2041"},
		{"port_ip ipv6", with(svc.ID, "port_ip", "::1"), 400, "EndPoint.2041"},
		{"port_ip outside subnet", with(svc.ID, "port_ip", "10.0.2.5"), 400, "EndPoint.2043"},
		{"port_ip in use", with(svc.ID, "port_ip", "10.0.1.50"), 400, "EndPoint.2042"},
		{"whitelist entry", with(svc.ID, "whitelist", []string{"10.0.0.0/8", "host"}), 400, "EndPoint.2044"},
		{"whitelist wrong type", with(svc.ID, "whitelist", []int{1}), 400, "EndPoint.2044"},
		{"whitelist too long", with(svc.ID, "whitelist", tooMany), 400, "EndPoint.2045"},
		{"enable_dns not bool", with(svc.ID, "enable_dns", "yes"), 400, "EndPoint.2033"},
		{"specification", with(svc.ID, "specification_name", "large"), 400, "EndPoint.2009"},
		{"policy on interface", with(svc.ID, "policy_statement", []map[string]any{{"Effect": "Allow", "Action": []string{"a"}, "Resource": []string{"r"}}}), 400, "EndPoint.2048"},
		{"description too long", with(svc.ID, "description", strings.Repeat("d", 129)), 400, "EndPoint.0002"},
		{"description angle bracket", with(svc.ID, "description", "<b>"), 400, "EndPoint.0002"},
		{"tag key empty", with(svc.ID, "tags", []map[string]string{{"key": "", "value": "v"}}), 400, "EndPoint.3066"},
		{"tag duplicate", with(svc.ID, "tags", []map[string]string{{"key": "k"}, {"key": "k"}}), 400, "EndPoint.3067"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a.fails(http.MethodPost, "/vpc-endpoints", tc.body, tc.status, tc.code)
		})
	}
	t.Cleanup(func() {
		// Nothing refused was stored: one endpoint, still in use.
		assert.Equal(t, 1, a.quota("endpoint").Used)
		assert.Equal(t, used.ID, a.getEndpoint(used.ID).ID)
	})
}

func TestCreateEndpointRefusedByState(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 5, Endpoints: 1}), failing("service.create", "EndPoint.0001"))
	a := newClient(t, srv, fake.DefaultTenant)
	var svc struct{ ID, Status string }
	a.ok(http.MethodPost, "/vpc-endpoint-services", map[string]any{
		"port_id": portID, "vpc_id": vpcID, "server_type": "VM",
		"ports": []map[string]any{{"client_port": 80, "server_port": 80}},
	}, 200, &svc)
	a.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2004") // creating
	require.Equal(t, "failed", a.getService(svc.ID).Status)
	a.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2004") // failed
}

func TestCreateEndpointQuota(t *testing.T) {
	t.Parallel()
	mock, a := onMock(t, fake.Delays{EndpointDelete: time.Second}, fake.WithQuotas(fake.Quotas{Services: 5, Endpoints: 1}))
	svc := a.createService(false)
	ep := a.createEndpoint(endpointBody(svc.ID))
	a.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "Endpoint.1018")
	a.getEndpoint(ep.ID)
	a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
	a.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "Endpoint.1018") // deleting still counts
	mock.Add(time.Second)
	a.fails(http.MethodGet, "/vpc-endpoints/"+ep.ID, nil, 404, "EndPoint.2006")
	a.createEndpoint(endpointBody(svc.ID))
}

func TestEndpointByIDErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := newClient(t, srv, fake.DefaultTenant)
	svc := a.createService(false)
	for _, m := range []string{http.MethodGet, http.MethodDelete, http.MethodPut} {
		t.Run(m, func(t *testing.T) {
			t.Parallel()
			body := map[string]any{}
			a.fails(m, "/vpc-endpoints/not-a-uuid", body, 400, "EndPoint.2017")
			a.fails(m, "/vpc-endpoints/"+unknownID, body, 404, "EndPoint.2006")
			a.fails(m, "/vpc-endpoints/"+svc.ID, body, 404, "EndPoint.2006") // a service id is no endpoint
		})
	}
}

func TestEndpointFields(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, seededNetwork())
	a := newClient(t, srv, fake.DefaultTenant)
	svc := a.createService(false)
	ep := a.createEndpoint(with(svc.ID, "port_ip", "10.0.1.77", "whitelist", []string{"10.0.0.1", "192.168.0.0/24"},
		"enable_whitelist", true, "description", "mine", "tags", []map[string]string{{"key": "env", "value": "test"}}))
	assert.Equal(t, "interface", ep.ServiceType)
	assert.Equal(t, "default", ep.SpecificationName)
	assert.Equal(t, "enable", ep.EnableStatus)
	assert.Equal(t, fake.DefaultProjectID, ep.ProjectID)
	assert.Equal(t, subnetID, ep.SubnetID)
	assert.Equal(t, []string{"10.0.0.1", "192.168.0.0/24"}, ep.Whitelist)
	assert.True(t, ep.EnableWhitelist)
	assert.Equal(t, []string{}, ep.Routetables)
	assert.Nil(t, ep.PolicyStatement)
	assert.Equal(t, "mine", ep.Description)
	assert.Equal(t, "env", ep.Tags[0].Key)

	got := a.getEndpoint(ep.ID)
	assert.Equal(t, "accepted", got.Status)
	assert.Equal(t, "10.0.1.77", got.IP, "port_ip is echoed into ip")
	assert.Equal(t, []string{ep.ID + "." + svc.ID + ".vpcep.internal"}, got.DNSNames)

	// Automatic addresses come from the subnet and skip taken ones; no DNS
	// without enable_dns.
	ep2 := a.createEndpoint(with(svc.ID, "enable_dns", false))
	got2 := a.getEndpoint(ep2.ID)
	assert.Equal(t, "10.0.1.2", got2.IP)
	assert.Empty(t, got2.DNSNames)
	assert.Greater(t, got2.MarkerID, got.MarkerID)

	// The address is freed with the endpoint.
	a.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
	a.getEndpoint(ep2.ID)
	ep3 := a.createEndpoint(with(svc.ID, "port_ip", "10.0.1.77"))
	assert.Greater(t, ep3.MarkerID, got2.MarkerID, "marker ids are never reused")
}

func TestUpdateEndpointWhite(t *testing.T) {
	t.Parallel()
	mock, a := onMock(t, fake.Delays{EndpointCreate: time.Second, EndpointDelete: time.Second})
	svc := a.createService(false)
	ep := a.createEndpoint(with(svc.ID, "whitelist", []string{"10.0.0.1"}))
	path := "/vpc-endpoints/" + ep.ID
	a.fails(http.MethodPut, path, map[string]any{"enable_whitelist": true}, 400, "EndPoint.2019")
	mock.Add(time.Second)
	var got struct {
		Whitelist       []string
		EnableWhitelist bool `json:"enable_whitelist"`
	}
	a.ok(http.MethodPut, path, map[string]any{"enable_whitelist": true}, 200, &got)
	assert.Equal(t, []string{"10.0.0.1"}, got.Whitelist, "absent whitelist stays")
	assert.True(t, got.EnableWhitelist)
	a.ok(http.MethodPut, path, map[string]any{"whitelist": []string{"10.1.0.0/16"}}, 200, &got)
	assert.Equal(t, []string{"10.1.0.0/16"}, got.Whitelist)
	assert.True(t, got.EnableWhitelist, "absent enable_whitelist stays")
	a.ok(http.MethodPut, path, map[string]any{"whitelist": []string{}}, 200, &got)
	assert.Empty(t, got.Whitelist)
	a.fails(http.MethodPut, path, map[string]any{"whitelist": []string{"x"}}, 400, "EndPoint.2044")
	a.fails(http.MethodPut, path, "{", 400, "EndPoint.0002")
	a.ok(http.MethodDelete, path, nil, 204, nil)
	a.fails(http.MethodPut, path, map[string]any{"enable_whitelist": true}, 400, "EndPoint.2018")
	// Interface endpoints have neither policy nor route tables.
	ep2 := a.createEndpoint(endpointBody(svc.ID))
	mock.Add(time.Second)
	a.fails(http.MethodDelete, "/vpc-endpoints/"+ep2.ID+"/policy", nil, 400, "EndPoint.2049")
	a.fails(http.MethodPut, "/vpc-endpoints/"+ep2.ID+"/policy", map[string]any{"policy_statement": []any{}}, 400, "EndPoint.2048")
	a.fails(http.MethodPut, "/vpc-endpoints/"+ep2.ID+"/routetables", map[string]any{"routetables": []string{rtID}}, 400, "EndPoint.2040")
}

// A gateway endpoint created without routetables gets its VPC's default
// route table (docs/vpcep-api.md §3.14): the first of a seeded VPC's tables, or, with
// none seeded, an id derived from the VPC id, the same in every server.
func TestGatewayDefaultRouteTable(t *testing.T) {
	t.Parallel()
	obs := uuid.NewString()
	vpcA, vpcB, rt := uuid.NewString(), uuid.NewString(), uuid.NewString()
	gateway := fake.WithPublicServices(fake.PublicService{ID: obs, Name: "com.t-systems.otc.eu-de.obs", Type: "gateway"})
	create := func(srv *fake.Server, vpc string) []string {
		c := newClient(t, srv, fake.DefaultTenant)
		return c.createEndpoint(map[string]any{"endpoint_service_id": obs, "vpc_id": vpc}).Routetables
	}
	a1 := create(fake.NewTest(t, gateway), vpcA)
	require.Len(t, a1, 1)
	assert.NoError(t, uuid.Validate(a1[0]))
	assert.Equal(t, a1, create(fake.NewTest(t, gateway), vpcA), "deterministic")
	assert.NotEqual(t, a1, create(fake.NewTest(t, gateway), vpcB), "one per VPC")
	seeded := fake.WithNetwork(fake.Network{VPCs: []fake.VPC{{ID: vpcA, RouteTables: []string{rt, uuid.NewString()}}}})
	assert.Equal(t, []string{rt}, create(fake.NewTest(t, gateway, seeded), vpcA), "a seeded VPC's first table")
}

func TestListEndpoints(t *testing.T) {
	t.Parallel()
	mock := clock.NewMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithTenants(tenantB))
	a, b := newClient(t, srv, fake.DefaultTenant), newClient(t, srv, tenantB)
	var named api.Service
	a.nsvc++
	a.ok(http.MethodPost, "/vpc-endpoint-services", map[string]any{
		"port_id": portID, "vpc_id": vpcID, "server_type": "VM", "service_name": "Billing",
		"ports": []map[string]any{{"client_port": 80, "server_port": 9999}},
	}, 200, &named)
	a.getService(named.ID)
	plain := a.createService(false)
	b.createService(false) // another tenant's data never shows
	var ids []string
	for i := range 11 {
		body := endpointBody(plain.ID)
		if i == 0 {
			body = endpointBody(named.ID)
			body["vpc_id"] = otherVPC
		}
		ids = append(ids, a.createEndpoint(body).ID)
		mock.Add(time.Second)
	}
	list := func(q string) api.EndpointList {
		var l api.EndpointList
		a.ok(http.MethodGet, "/vpc-endpoints"+q, nil, 200, &l)
		return l
	}
	l := list("")
	assert.Equal(t, 11, l.TotalCount)
	require.Len(t, l.Endpoints, 10, "default page of 10")
	assert.Equal(t, ids[10], l.Endpoints[0].ID, "newest first")

	l = list("?sort_dir=asc&offset=10")
	require.Len(t, l.Endpoints, 1)
	assert.Equal(t, ids[10], l.Endpoints[0].ID)
	assert.Empty(t, list("?offset=50").Endpoints)
	assert.Equal(t, 11, list("?offset=50").TotalCount)

	l = list("?endpoint_service_name=billing")
	require.Len(t, l.Endpoints, 1, "fuzzy, case-insensitive")
	assert.Equal(t, ids[0], l.Endpoints[0].ID)
	assert.Equal(t, 1, list("?vpc_id="+otherVPC).TotalCount)
	assert.Equal(t, 10, list("?vpc_id="+vpcID).TotalCount)
	assert.Equal(t, 1, list("?id="+ids[4]).TotalCount)
	assert.Equal(t, 0, list("?id="+unknownID).TotalCount)

	var empty map[string]any
	b.ok(http.MethodGet, "/vpc-endpoints", nil, 200, &empty)
	assert.Equal(t, map[string]any{"endpoints": []any{}, "total_count": float64(0)}, empty, "exactly one array, even when empty")

	for q, code := range map[string]string{"?limit=x": "EndPoint.0006", "?offset=x": "EndPoint.0010", "?sort_key=id": "EndPoint.0017", "?sort_dir=x": "EndPoint.0018"} {
		a.fails(http.MethodGet, "/vpc-endpoints"+q, nil, 400, code)
	}
}
