package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// validCreate is the smallest valid CreateEndpointService body.
func validCreate() *api.CreateServiceRequest {
	return &api.CreateServiceRequest{PortID: ptr(uuidA), VpcID: ptr(uuidB), ServerType: ptr("VM"), Ports: ports(1)}
}

// Every row of createServiceRules answers each documented code, both on
// its own and as part of CreateService; every row that can fail is tested.
func TestCreateServiceRows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		row  string
		name string
		mod  func(r *api.CreateServiceRequest)
		want *api.Error
	}{
		{"port_id", "missing", func(r *api.CreateServiceRequest) { r.PortID = nil }, api.E0002},
		{"port_id", "empty", func(r *api.CreateServiceRequest) { r.PortID = ptr("") }, api.E0002},
		{"port_id", "malformed", func(r *api.CreateServiceRequest) { r.PortID = ptr("not-a-uuid") }, api.E3003},
		{"vpc_id", "missing", func(r *api.CreateServiceRequest) { r.VpcID = nil }, api.E2011},
		{"vpc_id", "empty", func(r *api.CreateServiceRequest) { r.VpcID = ptr("") }, api.E2011},
		{"vpc_id", "malformed", func(r *api.CreateServiceRequest) { r.VpcID = ptr("vpc-1") }, api.E0020},
		{"server_type", "missing", func(r *api.CreateServiceRequest) { r.ServerType = nil }, api.E0002},
		{"server_type", "unknown", func(r *api.CreateServiceRequest) { r.ServerType = ptr("ELB") }, api.E3021},
		{"ports", "missing", func(r *api.CreateServiceRequest) { r.Ports = nil }, api.E0002},
		{"ports", "201", func(r *api.CreateServiceRequest) { r.Ports = ports(201) }, api.E3074},
		{"ports", "server_port missing", func(r *api.CreateServiceRequest) { r.Ports[0].ServerPort = nil }, api.E2028},
		{"ports", "client_port 0", func(r *api.CreateServiceRequest) { r.Ports = []api.PortMappingRequest{port(0, 80, nil)} }, api.E3043},
		{"ports", "UDP", func(r *api.CreateServiceRequest) { r.Ports = []api.PortMappingRequest{port(80, 80, ptr("UDP"))} }, api.E3075},
		{"ports", "client port twice", func(r *api.CreateServiceRequest) {
			r.Ports = []api.PortMappingRequest{port(80, 80, nil), port(80, 81, nil)}
		}, api.E3044},
		{"service_name", "17", func(r *api.CreateServiceRequest) { r.ServiceName = ptr(strings.Repeat("a", 17)) }, api.E3076},
		{"service_name", "dot", func(r *api.CreateServiceRequest) { r.ServiceName = ptr("a.b") }, api.E3076},
		{"service_type", "gateway", func(r *api.CreateServiceRequest) { r.ServiceType = ptr("gateway") }, api.E0002},
		{"tcp_proxy", "unknown", func(r *api.CreateServiceRequest) { r.TCPProxy = ptr("on") }, api.E0002},
		{"tcp_proxy", "empty", func(r *api.CreateServiceRequest) { r.TCPProxy = ptr("") }, api.E0002},
		{"description", "129", func(r *api.CreateServiceRequest) { r.Description = ptr(strings.Repeat("d", 129)) }, api.E0002},
		{"description", "angle bracket", func(r *api.CreateServiceRequest) { r.Description = ptr("a<b") }, api.E0002},
		{"tags", "21", func(r *api.CreateServiceRequest) { r.Tags = tagReqs(21) }, api.E3069},
		{"tags", "key missing", func(r *api.CreateServiceRequest) { r.Tags = []api.TagRequest{{Value: ptr("v")}} }, api.E3066},
		{"tags", "key twice", func(r *api.CreateServiceRequest) { r.Tags = []api.TagRequest{tagReq("k", "1"), tagReq("k", "2")} }, api.E3067},
		{"tags", "key 129", func(r *api.CreateServiceRequest) { r.Tags = []api.TagRequest{tagReq(strings.Repeat("k", 129), "v")} }, api.E3072},
		{"tags", "value 256", func(r *api.CreateServiceRequest) { r.Tags = []api.TagRequest{tagReq("k", strings.Repeat("v", 256))} }, api.E3073},
		{"tags", "key charset", func(r *api.CreateServiceRequest) { r.Tags = []api.TagRequest{tagReq("a/b", "v")} }, api.E3068},
		{"enterprise_project_id", "not a UUID", func(r *api.CreateServiceRequest) { r.EnterpriseProjectID = ptr("abc") }, api.E0002},
		{"enterprise_project_id", "empty", func(r *api.CreateServiceRequest) { r.EnterpriseProjectID = ptr("") }, api.E0002},
		{"ip_version, payer, supported_editions, enable_policy", "ip_version", func(r *api.CreateServiceRequest) { r.IPVersion = ptr("ipv5") }, api.E0002},
		{"ip_version, payer, supported_editions, enable_policy", "payer", func(r *api.CreateServiceRequest) { r.Payer = ptr("me") }, api.E0002},
		{"ip_version, payer, supported_editions, enable_policy", "supported_editions", func(r *api.CreateServiceRequest) {
			r.SupportedEditions = []string{"basic", "gold"}
		}, api.E0002},
		{"ip", "on an interface service", func(r *api.CreateServiceRequest) { r.IP = ptr("10.0.0.1") }, api.E3011},
		{"vip_port_id", "malformed", func(r *api.CreateServiceRequest) { r.VipPortID = ptr("vip") }, api.E3051},
	}
	rows := map[string]serviceRule{}
	for _, r := range createServiceRules {
		rows[r.field] = r
	}
	tested := map[string]bool{}
	for _, tc := range tests {
		tested[tc.row] = true
		t.Run(tc.row+"/"+tc.name, func(t *testing.T) {
			t.Parallel()
			row, ok := rows[tc.row]
			require.True(t, ok, "no row %q", tc.row)
			req := validCreate()
			tc.mod(req)
			assert.Equal(t, tc.want, row.check(req, &api.Service{}), "the row alone")
			assert.Equal(t, tc.want, CreateService(req, &api.Service{}), "the whole table")
		})
	}
	for _, r := range createServiceRules {
		if r.field != "approval_enabled" { // the one row that cannot fail
			assert.True(t, tested[r.field], "row %q has no failing case", r.field)
		}
	}
}

// A valid body comes out normalised: canonical enum spellings and the
// documented defaults.
func TestCreateServiceNormalises(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		mod  func(r *api.CreateServiceRequest)
		want func(s *api.Service)
	}{
		{"defaults", func(*api.CreateServiceRequest) {}, func(*api.Service) {}},
		{"server_type any case", func(r *api.CreateServiceRequest) { r.ServerType = ptr("lb") }, func(s *api.Service) { s.ServerType = "LB" }},
		{"tcp_proxy any case", func(r *api.CreateServiceRequest) { r.TCPProxy = ptr("TOA_OPEN") }, func(s *api.Service) { s.TCPProxy = "toa_open" }},
		{"empty protocol is TCP", func(r *api.CreateServiceRequest) { r.Ports = []api.PortMappingRequest{port(80, 8080, ptr(""))} },
			func(s *api.Service) { s.Ports = []api.PortMapping{{ClientPort: 80, ServerPort: 8080, Protocol: "TCP"}} }},
		{"empty service_name", func(r *api.CreateServiceRequest) { r.ServiceName = ptr("") }, func(*api.Service) {}},
		{"explicit interface", func(r *api.CreateServiceRequest) { r.ServiceType = ptr("interface") }, func(*api.Service) {}},
		{"description", func(r *api.CreateServiceRequest) { r.Description = ptr("ä") }, func(s *api.Service) { s.Description = "ä" }},
		{"tag without value", func(r *api.CreateServiceRequest) { r.Tags = []api.TagRequest{{Key: ptr("k")}} },
			func(s *api.Service) { s.Tags = []api.Tag{{Key: "k"}} }},
		{"enterprise project", func(r *api.CreateServiceRequest) { r.EnterpriseProjectID = ptr(uuidA) },
			func(s *api.Service) { s.EnterpriseProjectID = uuidA }},
		{"reserved fields", func(r *api.CreateServiceRequest) {
			r.IPVersion, r.Payer, r.SupportedEditions, r.EnablePolicy = ptr("IPv4"), ptr("Endpoint"), []string{"BASIC"}, ptr(true)
		}, func(s *api.Service) {
			s.IPVersion, s.Payer, s.SupportedEditions, s.EnablePolicy = "ipv4", "endpoint", []string{"basic"}, true
		}},
		{"empty ip", func(r *api.CreateServiceRequest) { r.IP = ptr("") }, func(*api.Service) {}},
		{"empty vip_port_id", func(r *api.CreateServiceRequest) { r.VipPortID = ptr("") }, func(*api.Service) {}},
		{"vip_port_id", func(r *api.CreateServiceRequest) { r.VipPortID = ptr(uuidA) }, func(s *api.Service) { s.VipPortID = uuidA }},
		{"approval off", func(r *api.CreateServiceRequest) { r.ApprovalEnabled = ptr(false) }, func(s *api.Service) { s.ApprovalEnabled = false }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			req := validCreate()
			tc.mod(req)
			want := api.Service{PortID: uuidA, VpcID: uuidB, ServerType: "VM", ServiceType: "interface", TCPProxy: "close",
				Ports: []api.PortMapping{{ClientPort: 1, ServerPort: 80, Protocol: "TCP"}}, Tags: []api.Tag{},
				EnterpriseProjectID: "0", ApprovalEnabled: true}
			tc.want(&want)
			var got api.Service
			require.Nil(t, CreateService(req, &got))
			assert.Equal(t, want, got)
		})
	}
}
