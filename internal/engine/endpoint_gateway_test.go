package engine

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Users cannot create gateway services over the API, so these tests turn
// a user service into one inside the engine.

var (
	gwTenant = Tenant{DomainID: "d", ProjectID: "p", Token: "t"}
	gwVPC    = "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01"
	gwPort   = "2d7e7c65-4e5a-4c65-9c55-8a4c4a7c5d03"
	rt1      = "3e6f8d76-5f6b-4d76-8d66-9b5d5b8d6e04"
	rt2      = "4f5a9e87-6a7c-4e87-9e77-ac6e6c9e7f05"
	rtOther  = "5a4bafa8-7b8d-4fa8-8f88-bd7f7daf8a06"
)

func ptr[T any](v T) *T { return &v }

// gatewayEngine returns an engine whose VPC has two route tables and an
// available gateway service of gwTenant.
func gatewayEngine(t *testing.T, cfg Config) (*Engine, string) {
	t.Helper()
	cfg.Network = Network{VPCs: []VPC{{ID: gwVPC, RouteTables: []string{rt1, rt2}}}, Ports: []Port{{ID: gwPort, VpcID: gwVPC}}}
	e := New(cfg)
	one := 80
	svc, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC), ServerType: ptr("VM"),
		Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}, ApprovalEnabled: ptr(false)})
	require.Nil(t, err)
	e.lock()
	s := e.services[svc.ID]
	s.view.ServiceType = "gateway"
	e.mu.Unlock()
	return e, svc.ID
}

func gatewayRequest(svc string, mod func(r *api.CreateEndpointRequest)) *api.CreateEndpointRequest {
	r := &api.CreateEndpointRequest{EndpointServiceID: ptr(svc), VpcID: ptr(gwVPC), EnableDNS: ptr(true)}
	if mod != nil {
		mod(r)
	}
	return r
}

func statement(effect string) api.PolicyStatementRequest {
	return api.PolicyStatementRequest{Effect: ptr(effect), Action: []string{"obs:object:GetObject"}, Resource: []string{"obs:*:*:*:*/*"}}
}

func TestGatewayEndpoint(t *testing.T) {
	t.Parallel()
	e, svc := gatewayEngine(t, Config{})
	ep, err := e.CreateEndpoint(gwTenant, gatewayRequest(svc, func(r *api.CreateEndpointRequest) {
		r.SubnetID, r.Whitelist = ptr("ignored"), []string{"10.0.0.1"}
	}))
	require.Nil(t, err)
	assert.Equal(t, "gateway", ep.ServiceType)
	assert.Equal(t, rules.DefaultPolicy, ep.PolicyStatement)
	assert.Equal(t, []string{rt1}, ep.Routetables, "the VPC's default route table")
	assert.Empty(t, ep.SubnetID)
	assert.Equal(t, []string{}, ep.Whitelist)
	got, err := e.GetEndpoint(gwTenant, ep.ID)
	require.Nil(t, err)
	assert.Equal(t, statusAccepted, got.Status)
	assert.Empty(t, got.IP, "gateways have no address")
	assert.Empty(t, got.DNSNames, "nor DNS names, whatever enable_dns")
}

func TestGatewayEndpointErrors(t *testing.T) {
	t.Parallel()
	e, svc := gatewayEngine(t, Config{})
	_, err := e.CreateEndpoint(gwTenant, gatewayRequest(svc, nil))
	require.Nil(t, err)
	eleven := make([]api.PolicyStatementRequest, 11)
	for i := range eleven {
		eleven[i] = statement("Allow")
	}
	cases := []struct {
		name string
		mod  func(r *api.CreateEndpointRequest)
		want *api.Error
	}{
		{"default table in use", nil, api.E2039},
		{"table in use", func(r *api.CreateEndpointRequest) { r.Routetables = []string{rt2, rt1} }, api.E2039},
		{"table not of the vpc", func(r *api.CreateEndpointRequest) { r.Routetables = []string{rtOther} }, api.E1019},
		{"table malformed", func(r *api.CreateEndpointRequest) { r.Routetables = []string{"rtb-1"} }, api.E1019},
		{"table twice", func(r *api.CreateEndpointRequest) { r.Routetables = []string{rt2, rt2} }, api.E1019},
		{"eleven statements", func(r *api.CreateEndpointRequest) { r.PolicyStatement = eleven }, api.E2048},
		{"bad effect", func(r *api.CreateEndpointRequest) {
			r.PolicyStatement = []api.PolicyStatementRequest{statement("Maybe")}
		}, api.E2048},
		{"no action", func(r *api.CreateEndpointRequest) {
			r.PolicyStatement = []api.PolicyStatementRequest{{Effect: ptr("Allow"), Resource: []string{"r"}}}
		}, api.E2048},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			_, err := e.CreateEndpoint(gwTenant, gatewayRequest(svc, tc.mod))
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestGatewayPolicyAndRoutetables(t *testing.T) {
	t.Parallel()
	e, svc := gatewayEngine(t, Config{})
	ep, err := e.CreateEndpoint(gwTenant, gatewayRequest(svc, func(r *api.CreateEndpointRequest) {
		r.PolicyStatement, r.Routetables = []api.PolicyStatementRequest{}, []string{rt2}
	}))
	require.Nil(t, err)
	_, err = e.GetEndpoint(gwTenant, ep.ID)
	require.Nil(t, err)
	assert.Empty(t, ep.PolicyStatement)
	_, err = e.DeleteEndpointPolicy(gwTenant, ep.ID)
	assert.Equal(t, api.E2049, err, "no policy to delete")

	_, err = e.UpdateEndpointPolicy(gwTenant, ep.ID, &api.UpdateEndpointPolicyRequest{})
	assert.Equal(t, api.E2048, err)
	got, err := e.UpdateEndpointPolicy(gwTenant, ep.ID, &api.UpdateEndpointPolicyRequest{PolicyStatement: []api.PolicyStatementRequest{statement("Deny")}})
	require.Nil(t, err)
	assert.Equal(t, []api.PolicyStatement{{Effect: "Deny", Action: []string{"obs:object:GetObject"}, Resource: []string{"obs:*:*:*:*/*"}}}, got.PolicyStatement)
	got, err = e.DeleteEndpointPolicy(gwTenant, ep.ID)
	require.Nil(t, err)
	assert.Equal(t, rules.DefaultPolicy, got.PolicyStatement, "delete resets to the default")

	other, err := e.CreateEndpoint(gwTenant, gatewayRequest(svc, nil))
	require.Nil(t, err)
	_, err = e.UpdateEndpointRoutetable(gwTenant, ep.ID, &api.RoutetablesRequest{Routetables: []string{rt1}})
	assert.Equal(t, api.E2039, err)
	_, err = e.UpdateEndpointRoutetable(gwTenant, ep.ID, &api.RoutetablesRequest{})
	assert.Equal(t, api.E0002, err)
	res, err := e.UpdateEndpointRoutetable(gwTenant, ep.ID, &api.RoutetablesRequest{Routetables: []string{}})
	require.Nil(t, err)
	assert.Empty(t, res.Routetables)
	res, err = e.UpdateEndpointRoutetable(gwTenant, other.ID, &api.RoutetablesRequest{Routetables: []string{rt2, rt1}})
	require.Nil(t, err)
	assert.Equal(t, []string{rt2, rt1}, res.Routetables)
	_, err = e.UpdateEndpointWhite(gwTenant, other.ID, &api.UpdateEndpointWhiteRequest{EnableWhitelist: ptr(true)})
	assert.Equal(t, api.E0002, err, "gateways have no access list")
}

// holdAll holds every transition until Release.
type holdAll struct{}

func (holdAll) Plan(_ scenario.Change, def scenario.Plan) scenario.Plan { def.Hold = true; return def }

func TestEndpointPendingAndRelease(t *testing.T) {
	t.Parallel()
	e, svc := gatewayEngine(t, Config{})
	e.cfg.Policy = holdAll{}
	ep, err := e.CreateEndpoint(gwTenant, gatewayRequest(svc, nil))
	require.Nil(t, err)
	p := e.Pending()
	require.Len(t, p, 1)
	assert.Equal(t, scenario.EndpointCreate, p[0].Change.Transition)
	assert.Equal(t, ep.ID, p[0].Change.ResourceID)
	assert.True(t, p[0].Held)
	got, _ := e.GetEndpoint(gwTenant, ep.ID)
	assert.Equal(t, statusCreating, got.Status)
	assert.True(t, e.Release(ep.ID))
	got, _ = e.GetEndpoint(gwTenant, ep.ID)
	assert.Equal(t, statusAccepted, got.Status)
	assert.False(t, e.Release(ep.ID))
	assert.Empty(t, e.Pending())
}
