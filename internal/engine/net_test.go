package engine

import (
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

var (
	netOwner = Tenant{DomainID: "d1", ProjectID: "p1", Token: "t1"}
	netOther = Tenant{DomainID: "d2", ProjectID: "p2", Token: "t2"}
)

// netEngine returns an engine on a mock clock with both tenants.
func netEngine(t *testing.T, cfg Config) (*Engine, *clock.Mock) {
	t.Helper()
	mock := clock.NewMock()
	cfg.Clock = mock
	e := New(cfg)
	require.NoError(t, e.AddTenant(netOwner))
	require.NoError(t, e.AddTenant(netOther))
	return e, mock
}

// stack creates a VPC 10.0.0.0/16 and a subnet 10.0.1.0/24 of netOwner.
func stack(t *testing.T, e *Engine) (api.VPC, api.Subnet) {
	t.Helper()
	v, err := e.CreateVPC(netOwner, api.VPCRequest{Name: ptr("vpc-1"), CIDR: ptr("10.0.0.0/16")})
	require.Nil(t, err)
	s, err := e.CreateSubnet(netOwner, api.SubnetRequest{Name: ptr("subnet-1"), CIDR: ptr("10.0.1.0/24"),
		GatewayIP: ptr("10.0.1.1"), VpcID: ptr(v.ID), PrimaryDNS: ptr("100.125.4.25"), SecondaryDNS: ptr("100.125.129.199")})
	require.Nil(t, err)
	return v, s
}

func TestVPCCreateShowsCreatingThenOK(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	v, err := e.CreateVPC(netOwner, api.VPCRequest{Name: ptr("vpc-1"), CIDR: ptr("192.168.0.0/16"), Description: ptr("d")})
	require.Nil(t, err)
	assert.Equal(t, "CREATING", v.Status)
	assert.Equal(t, "p1", v.TenantID)
	assert.Equal(t, []api.VPCRoute{}, v.Routes)
	got, err := e.GetVPC(netOwner, v.ID)
	require.Nil(t, err)
	assert.Equal(t, "OK", got.Status)
	assert.Equal(t, "d", got.Description)
	_, err = e.GetVPC(netOther, v.ID)
	assert.Equal(t, api.VPC0003, err, "another project's VPC is not found")
}

func TestVPCRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		req  api.VPCRequest
		want *api.Error
	}{
		{"name with a space", api.VPCRequest{Name: ptr("a b")}, api.VPC0101},
		{"name of 65", api.VPCRequest{Name: ptr(string(make([]byte, 65)))}, api.VPC0101},
		{"description with <", api.VPCRequest{Description: ptr("<x>")}, api.VPC0101},
		{"public cidr", api.VPCRequest{CIDR: ptr("8.8.0.0/16")}, api.VPC0101},
		{"mask /25", api.VPCRequest{CIDR: ptr("10.0.0.0/25")}, api.VPC0101},
		{"host bits set", api.VPCRequest{CIDR: ptr("10.0.0.1/16")}, api.VPC0101},
		{"duplicate name", api.VPCRequest{Name: ptr("taken")}, api.VPC0115},
		{"all optional", api.VPCRequest{}, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := netEngine(t, Config{})
			_, err := e.CreateVPC(netOwner, api.VPCRequest{Name: ptr("taken")})
			require.Nil(t, err)
			_, err = e.CreateVPC(netOwner, tc.req)
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestSubnetRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		mod  func(r *api.SubnetRequest)
		want *api.Error
	}{
		{"ok", func(*api.SubnetRequest) {}, nil},
		{"no name", func(r *api.SubnetRequest) { r.Name = nil }, api.VPC0201},
		{"no vpc", func(r *api.SubnetRequest) { r.VpcID = nil }, api.VPC0201},
		{"unknown vpc", func(r *api.SubnetRequest) { r.VpcID = ptr("0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b99") }, api.VPC0003},
		{"mask /29", func(r *api.SubnetRequest) { r.CIDR, r.GatewayIP = ptr("10.0.2.0/29"), ptr("10.0.2.1") }, api.VPC0212},
		{"gateway outside", func(r *api.SubnetRequest) { r.GatewayIP = ptr("10.0.3.1") }, api.VPC0201},
		{"gateway is the network", func(r *api.SubnetRequest) { r.GatewayIP = ptr("10.0.2.0") }, api.VPC0201},
		{"outside the vpc", func(r *api.SubnetRequest) { r.CIDR, r.GatewayIP = ptr("10.1.0.0/24"), ptr("10.1.0.1") }, api.VPC0203},
		{"overlaps a sibling", func(r *api.SubnetRequest) { r.CIDR, r.GatewayIP = ptr("10.0.1.0/25"), ptr("10.0.1.1") }, api.VPC0204},
		{"bad dns", func(r *api.SubnetRequest) { r.PrimaryDNS = ptr("dns") }, api.VPC0201},
		{"ipv6", func(r *api.SubnetRequest) { r.IPv6Enable = ptr(true) }, api.VPC0201},
		{"bad ntp", func(r *api.SubnetRequest) {
			r.ExtraDHCPOpts = &[]api.DHCPOpt{{OptName: "ntp", OptValue: "1.1.1.1,1.1.1.1"}}
		}, api.VPC0201},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := netEngine(t, Config{})
			v, _ := stack(t, e)
			r := api.SubnetRequest{Name: ptr("s2"), CIDR: ptr("10.0.2.0/24"), GatewayIP: ptr("10.0.2.1"), VpcID: ptr(v.ID)}
			tc.mod(&r)
			_, err := e.CreateSubnet(netOwner, r)
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestSubnetFieldsRoundTrip(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	v, s := stack(t, e)
	assert.Equal(t, "UNKNOWN", s.Status, "the create answer, as the reference's example")
	got, err := e.GetSubnet(netOwner, s.ID)
	require.Nil(t, err)
	assert.Equal(t, "ACTIVE", got.Status)
	assert.Equal(t, got.ID, got.NeutronNetworkID)
	assert.NotEqual(t, got.ID, got.NeutronSubnetID)
	assert.Equal(t, v.ID, got.VpcID)
	assert.Equal(t, []string{"100.125.4.25", "100.125.129.199"}, got.DNSList)
	assert.True(t, got.DHCPEnable)
	assert.Empty(t, got.AvailabilityZone, "not invented")
	list, err := e.ListSubnets(netOwner, api.SubnetQuery{VpcID: v.ID})
	require.Nil(t, err)
	assert.Len(t, list, 1)
	list, err = e.ListSubnets(netOwner, api.SubnetQuery{VpcID: "other"})
	require.Nil(t, err)
	assert.Empty(t, list)
	_, err = e.ListSubnets(netOwner, api.SubnetQuery{NetPage: api.NetPage{Limit: "2001"}})
	assert.Equal(t, api.VPC0201, err)
	st, err := e.UpdateSubnet(netOwner, v.ID, s.ID, api.SubnetRequest{Name: ptr("renamed"), SecondaryDNS: ptr("")})
	require.Nil(t, err)
	assert.Equal(t, api.SubnetStatus{ID: s.ID, Status: "ACTIVE"}, st)
	got, _ = e.GetSubnet(netOwner, s.ID)
	assert.Equal(t, "renamed", got.Name)
	assert.Equal(t, []string{"100.125.4.25"}, got.DNSList)
	_, err = e.UpdateSubnet(netOwner, "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b99", s.ID, api.SubnetRequest{Name: ptr("x")})
	assert.Equal(t, api.VPC0207, err)
}

// createLB creates a load balancer of netOwner in s.
func createLB(t *testing.T, e *Engine, s api.Subnet, mod func(r *api.LoadBalancerRequest)) api.LoadBalancer {
	t.Helper()
	r := api.LoadBalancerRequest{Name: ptr("lb-1"), VipSubnetID: ptr(s.NeutronSubnetID)}
	if mod != nil {
		mod(&r)
	}
	lb, err := e.CreateLoadBalancer(netOwner, r)
	require.Nil(t, err)
	return lb
}

func TestLoadBalancerLifecycleOnTheClock(t *testing.T) {
	t.Parallel()
	e, mock := netEngine(t, Config{Delays: Delays{LoadBalancerCreate: time.Minute, LoadBalancerDelete: time.Minute}})
	_, s := stack(t, e)
	lb := createLB(t, e, s, nil)
	assert.Equal(t, "PENDING_CREATE", lb.ProvisioningStatus)
	assert.Equal(t, "10.0.1.2", lb.VipAddress, "the first free host address")
	assert.Equal(t, s.NeutronSubnetID, lb.VipSubnetID)
	assert.Equal(t, "vlb", lb.Provider)
	assert.True(t, lb.AdminStateUp)
	assert.Empty(t, lb.Description, "not invented")
	mock.Add(59 * time.Second)
	got, err := e.GetLoadBalancer(netOwner, lb.ID)
	require.Nil(t, err)
	assert.Equal(t, "PENDING_CREATE", got.ProvisioningStatus)
	mock.Add(time.Second)
	got, _ = e.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, "ACTIVE", got.ProvisioningStatus)

	require.Nil(t, e.DeleteLoadBalancer(netOwner, lb.ID))
	got, _ = e.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, "PENDING_DELETE", got.ProvisioningStatus)
	require.Nil(t, e.DeleteLoadBalancer(netOwner, lb.ID), "a repeated delete succeeds")
	mock.Add(time.Minute)
	_, err = e.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, api.ELB9800, err)
	assert.Equal(t, api.ELB9800, e.DeleteLoadBalancer(netOwner, lb.ID))
}

func TestLoadBalancerScenarioPlanFails(t *testing.T) {
	t.Parallel()
	scn := scenario.New().Kind(scenario.LoadBalancerCreate, scenario.After(time.Second).Failing("ELB.1001", "boom"))
	e, mock := netEngine(t, Config{Policy: scn})
	_, s := stack(t, e)
	lb := createLB(t, e, s, nil)
	mock.Add(time.Second)
	got, _ := e.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, "ERROR", got.ProvisioningStatus)
}

func TestLoadBalancerRules(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		mod  func(r *api.LoadBalancerRequest)
		want *api.Error
	}{
		{"no subnet", func(r *api.LoadBalancerRequest) { r.VipSubnetID = nil }, api.ELB9805},
		{"unknown subnet", func(r *api.LoadBalancerRequest) { r.VipSubnetID = ptr("nope") }, api.ELB9800},
		{"other tenant", func(r *api.LoadBalancerRequest) { r.TenantID = ptr("p2") }, api.ELB9808},
		{"provider", func(r *api.LoadBalancerRequest) { r.Provider = ptr("octavia") }, api.ELB1001},
		{"admin down", func(r *api.LoadBalancerRequest) { r.AdminStateUp = ptr(false) }, api.ELB1001},
		{"address outside", func(r *api.LoadBalancerRequest) { r.VipAddress = ptr("10.0.2.5") }, api.ELB1001},
		{"gateway address", func(r *api.LoadBalancerRequest) { r.VipAddress = ptr("10.0.1.1") }, api.ELB1001},
		{"address taken", func(r *api.LoadBalancerRequest) { r.VipAddress = ptr("10.0.1.9") }, api.ELBAddressInUse},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e, _ := netEngine(t, Config{})
			_, s := stack(t, e)
			createLB(t, e, s, func(r *api.LoadBalancerRequest) { r.VipAddress = ptr("10.0.1.9") })
			r := api.LoadBalancerRequest{VipSubnetID: ptr(s.NeutronSubnetID)}
			tc.mod(&r)
			_, err := e.CreateLoadBalancer(netOwner, r)
			assert.Equal(t, tc.want, err)
		})
	}
}

func TestDeleteOrderDependencies(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	v, s := stack(t, e)
	lb := createLB(t, e, s, nil)
	assert.Equal(t, api.VPC0118, e.DeleteVPC(netOwner, v.ID))
	assert.Equal(t, api.VPC0211, e.DeleteSubnet(netOwner, v.ID, s.ID))
	require.Nil(t, e.DeleteLoadBalancer(netOwner, lb.ID))
	_, _ = e.GetLoadBalancer(netOwner, lb.ID) // the zero-delay delete completes
	assert.Equal(t, api.VPC0104, e.DeleteVPC(netOwner, v.ID))
	assert.Equal(t, api.VPC0207, e.DeleteSubnet(netOwner, "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b99", s.ID))
	require.Nil(t, e.DeleteSubnet(netOwner, v.ID, s.ID))
	assert.Equal(t, api.VPC0202, e.DeleteSubnet(netOwner, v.ID, s.ID))
	require.Nil(t, e.DeleteVPC(netOwner, v.ID))
	assert.Equal(t, api.VPC0003, e.DeleteVPC(netOwner, v.ID))
}

func TestVPCEPSeesCompanionResources(t *testing.T) {
	t.Parallel()
	for _, strict := range []bool{false, true} {
		e, _ := netEngine(t, Config{StrictNetwork: strict})
		v, s := stack(t, e)
		lb := createLB(t, e, s, nil)
		one := 80
		svcReq := func(vpc string) *api.CreateServiceRequest {
			return &api.CreateServiceRequest{PortID: ptr(lb.VipPortID), VpcID: ptr(vpc), ServerType: ptr("LB"),
				Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}, ApprovalEnabled: ptr(false)}
		}
		v2, err := e.CreateVPC(netOwner, api.VPCRequest{CIDR: ptr("172.16.0.0/16")})
		require.Nil(t, err)
		_, err = e.CreateService(netOwner, svcReq(v2.ID))
		assert.Equal(t, api.E3042, err, "strict=%v: the VIP port is in another VPC", strict)
		svc, err := e.CreateService(netOwner, svcReq(v.ID))
		require.Nil(t, err, "strict=%v", strict)
		_, err = e.CreateEndpoint(netOwner, &api.CreateEndpointRequest{EndpointServiceID: ptr(svc.ID), VpcID: ptr(v2.ID), SubnetID: ptr(s.ID)})
		assert.Equal(t, api.E2037, err, "strict=%v: the subnet is in another VPC", strict)
		ep, err := e.CreateEndpoint(netOwner, &api.CreateEndpointRequest{EndpointServiceID: ptr(svc.ID), VpcID: ptr(v.ID), SubnetID: ptr(s.ID)})
		require.Nil(t, err)
		got, _ := e.GetEndpoint(netOwner, ep.ID)
		assert.NotEqual(t, lb.VipAddress, got.IP, "endpoints and VIPs share the address index")
		s2, err := e.CreateSubnet(netOwner, api.SubnetRequest{Name: ptr("s2"), CIDR: ptr("10.0.2.0/24"), GatewayIP: ptr("10.0.2.1"), VpcID: ptr(v.ID)})
		require.Nil(t, err)
		_, err = e.CreateEndpoint(netOwner, &api.CreateEndpointRequest{EndpointServiceID: ptr(svc.ID), VpcID: ptr(v.ID), SubnetID: ptr(s2.ID)})
		require.Nil(t, err)
		assert.Equal(t, api.VPC0208, e.DeleteSubnet(netOwner, v.ID, s2.ID), "the endpoint's address is in use")
	}
}

func TestSeededInventoryIsVisibleReadOnly(t *testing.T) {
	t.Parallel()
	vpc, sub := "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01", "1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c02"
	e, _ := netEngine(t, Config{Network: Network{VPCs: []VPC{{ID: vpc, CIDR: "192.168.0.0/16"}},
		Subnets: []Subnet{{ID: sub, VpcID: vpc, CIDR: "192.168.1.0/24"}}}})
	for _, tn := range []Tenant{netOwner, netOther} {
		list, err := e.ListSubnets(tn, api.SubnetQuery{})
		require.Nil(t, err)
		require.Len(t, list, 1)
		assert.Equal(t, "192.168.1.1", list[0].GatewayIP)
		assert.Equal(t, tn.ProjectID, list[0].TenantID)
		vpcs, err := e.ListVPCs(tn, api.VPCQuery{})
		require.Nil(t, err)
		assert.Len(t, vpcs, 1)
	}
	s, _ := e.GetSubnet(netOwner, sub)
	lb := createLB(t, e, s, nil)
	assert.Equal(t, "192.168.1.2", lb.VipAddress)
	assert.Equal(t, api.VPC0101, e.DeleteVPC(netOwner, vpc))
	assert.Equal(t, api.VPC0201, e.DeleteSubnet(netOwner, vpc, sub))
}

func TestNetTags(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	v, s := stack(t, e)
	lb := createLB(t, e, s, nil)
	act := func(k NetTagKind, id, action string, tags ...api.NetTag) *api.Error {
		return e.NetTagAction(netOwner, k, id, api.NetTagAction{Action: ptr(action), Tags: &tags})
	}
	for _, k := range []struct {
		kind NetTagKind
		id   string
	}{{TagVPC, v.ID}, {TagSubnet, s.ID}, {TagLoadBalancer, lb.ID}} {
		require.Nil(t, act(k.kind, k.id, "create", api.NetTag{Key: "a", Value: "1"}, api.NetTag{Key: "b", Value: "2"}))
		require.Nil(t, act(k.kind, k.id, "create", api.NetTag{Key: "a", Value: "3"}), "create overwrites")
		require.Nil(t, act(k.kind, k.id, "delete", api.NetTag{Key: "b"}))
		got, err := e.NetTags(netOwner, k.kind, k.id)
		require.Nil(t, err)
		assert.Equal(t, []api.NetTag{{Key: "a", Value: "3"}}, got)
		assert.Equal(t, api.VPC1801, act(k.kind, k.id, "create", api.NetTag{Key: "x"}, api.NetTag{Key: "x"}))
		assert.Equal(t, api.VPC1801, act(k.kind, k.id, "rename"))
		_, err = e.NetTags(netOther, k.kind, k.id)
		assert.Equal(t, api.VPC1814, err)
	}
	assert.Nil(t, act(TagVPC, v.ID, "delete", api.NetTag{Key: "absent"}), "VPC deletes are idempotent")
	assert.Equal(t, api.VPC1814, act(TagLoadBalancer, lb.ID, "delete", api.NetTag{Key: "absent"}))
	got, _ := e.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, []string{"a=3"}, got.Tags)
}

func TestNetworkSnapshotRoundTripAndReset(t *testing.T) {
	t.Parallel()
	e, mock := netEngine(t, Config{Delays: Delays{LoadBalancerCreate: time.Minute}})
	initial := e.Export()
	assert.Nil(t, initial.Network)
	v, s := stack(t, e)
	lb := createLB(t, e, s, nil)
	require.Nil(t, e.NetTagAction(netOwner, TagVPC, v.ID, api.NetTagAction{Action: ptr("create"), Tags: &[]api.NetTag{{Key: "k", Value: "v"}}}))
	snap := e.Export()
	raw, err := json.Marshal(snap)
	require.NoError(t, err)
	var back Snapshot
	require.NoError(t, json.Unmarshal(raw, &back))

	e2, mock2 := netEngine(t, Config{Delays: Delays{LoadBalancerCreate: time.Minute}})
	require.NoError(t, e2.Import(back))
	got, err := e2.GetLoadBalancer(netOwner, lb.ID)
	require.Nil(t, err)
	assert.Equal(t, "PENDING_CREATE", got.ProvisioningStatus, "the pending transition resumes")
	mock2.Add(time.Minute)
	got, _ = e2.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, "ACTIVE", got.ProvisioningStatus)
	tags, _ := e2.NetTags(netOwner, TagVPC, v.ID)
	assert.Equal(t, []api.NetTag{{Key: "k", Value: "v"}}, tags)
	_, err = e2.CreateLoadBalancer(netOwner, api.LoadBalancerRequest{VipSubnetID: ptr(s.NeutronSubnetID), VipAddress: ptr(lb.VipAddress)})
	assert.Equal(t, api.ELBAddressInUse, err, "imported VIPs hold their address")

	bad := back
	bad.Network = &NetworkState{Subnets: back.Network.Subnets}
	assert.ErrorContains(t, e2.Import(bad), "is not stored", "a subnet without its VPC")

	require.NoError(t, e.Reset(initial))
	_, err = e.GetVPC(netOwner, v.ID)
	assert.Equal(t, api.VPC0003, err, "reset drops the companions")
	mock.Add(time.Hour)
	assert.Empty(t, e.Pending())
}

func TestNetQuotasLeaveNoTrace(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	_, s := stack(t, e)
	for range maxLBs {
		createLB(t, e, s, nil)
	}
	before := e.ipNext[s.ID]
	_, err := e.CreateLoadBalancer(netOwner, api.LoadBalancerRequest{VipSubnetID: ptr(s.NeutronSubnetID)})
	assert.Equal(t, api.ELB9807, err)
	assert.Equal(t, before, e.ipNext[s.ID], "a refused create takes no address")
	for range maxVPCs - 1 {
		_, err := e.CreateVPC(netOwner, api.VPCRequest{})
		require.Nil(t, err)
	}
	_, err = e.CreateVPC(netOwner, api.VPCRequest{})
	assert.Equal(t, api.VPC0114, err)
	_, err = e.CreateVPC(netOther, api.VPCRequest{})
	assert.Nil(t, err, "quotas are per project")
}

func TestNetListsPageAndFilter(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	_, s := stack(t, e)
	var ids []string
	for _, name := range []string{"a", "b", "c"} {
		ids = append(ids, createLB(t, e, s, func(r *api.LoadBalancerRequest) { r.Name = ptr(name) }).ID)
	}
	names := func(q api.LoadBalancerQuery) ([]string, bool) {
		l, more, err := e.ListLoadBalancers(netOwner, q)
		require.Nil(t, err)
		var out []string
		for _, lb := range l {
			out = append(out, lb.Name)
		}
		return out, more
	}
	got, more := names(api.LoadBalancerQuery{NetPage: api.NetPage{Limit: "2"}})
	assert.Equal(t, []string{"a", "b"}, got)
	assert.True(t, more)
	got, more = names(api.LoadBalancerQuery{NetPage: api.NetPage{Limit: "2", Marker: ids[1]}})
	assert.Equal(t, []string{"c"}, got)
	assert.False(t, more)
	got, _ = names(api.LoadBalancerQuery{NetPage: api.NetPage{Limit: "5", PageReverse: "true"}})
	assert.Equal(t, []string{"c", "b", "a"}, got)
	got, _ = names(api.LoadBalancerQuery{Filters: map[string]string{"name": "b"}})
	assert.Equal(t, []string{"b"}, got)
	got, _ = names(api.LoadBalancerQuery{NetPage: api.NetPage{Marker: "ignored without limit"}})
	assert.Len(t, got, 3)
	_, _, err := e.ListLoadBalancers(netOwner, api.LoadBalancerQuery{NetPage: api.NetPage{Limit: "x"}})
	assert.Equal(t, api.ELB1001, err)
	_, _, err = e.ListLoadBalancers(netOwner, api.LoadBalancerQuery{NetPage: api.NetPage{Limit: "1", Marker: "unknown"}})
	assert.Equal(t, api.ELB9800, err)
	l, _, _ := e.ListLoadBalancers(netOther, api.LoadBalancerQuery{})
	assert.Empty(t, l, "another project's load balancers are not listed")

	vpcs, err := e.ListVPCs(netOwner, api.VPCQuery{NetPage: api.NetPage{Limit: "1"}})
	require.Nil(t, err)
	assert.Len(t, vpcs, 1)
	_, err = e.ListVPCs(netOwner, api.VPCQuery{NetPage: api.NetPage{Limit: "-1"}})
	assert.Equal(t, api.VPC0101, err)
}

func TestVPCUpdate(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{})
	v, _ := stack(t, e)
	_, err := e.UpdateVPC(netOwner, v.ID, api.VPCRequest{CIDR: ptr("10.1.0.0/16")})
	assert.Equal(t, api.VPC0117, err, "the subnet 10.0.1.0/24 would fall outside")
	_, err = e.CreateVPC(netOwner, api.VPCRequest{Name: ptr("other")})
	require.Nil(t, err)
	_, err = e.UpdateVPC(netOwner, v.ID, api.VPCRequest{Name: ptr("other")})
	assert.Equal(t, api.VPC0115, err)
	got, err := e.UpdateVPC(netOwner, v.ID, api.VPCRequest{CIDR: ptr("10.0.0.0/8"), EnableSharedSnat: ptr(true),
		Routes: &[]api.VPCRoute{{Destination: "0.0.0.0/0", NextHop: "10.0.1.5"}}})
	require.Nil(t, err)
	assert.Equal(t, "10.0.0.0/8", got.CIDR)
	assert.True(t, got.EnableSharedSnat)
	assert.Len(t, got.Routes, 1)
	_, err = e.UpdateVPC(netOther, v.ID, api.VPCRequest{})
	assert.Equal(t, api.VPC0003, err)
}

func TestLoadBalancerHeldAndReleased(t *testing.T) {
	t.Parallel()
	e, _ := netEngine(t, Config{Policy: holdAll{}})
	_, s := stack(t, e)
	lb := createLB(t, e, s, nil)
	p := e.Pending()
	require.Len(t, p, 1)
	assert.Equal(t, scenario.LoadBalancerCreate, p[0].Change.Transition)
	assert.Equal(t, lb.ID, p[0].Change.ResourceID)
	assert.True(t, p[0].Held)
	require.True(t, e.Release(lb.ID))
	got, _ := e.GetLoadBalancer(netOwner, lb.ID)
	assert.Equal(t, "ACTIVE", got.ProvisioningStatus)
}

// Lists of VPCs and subnets show the seeded inventory first, in its
// order, then what the companion APIs created, in creation order, the
// same on every call: a marker page follows that order. The seeded ones
// once shared sequence numbers with the first created ones, and their
// order came from map iteration.
func TestNetListsKeepOneOrder(t *testing.T) {
	t.Parallel()
	var seeded []VPC
	var subnets []Subnet
	for i := range 40 {
		id := fmt.Sprintf("0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b%02d", i)
		seeded = append(seeded, VPC{ID: id, CIDR: fmt.Sprintf("10.%d.0.0/16", i)})
		subnets = append(subnets, Subnet{ID: fmt.Sprintf("1c8d6b54-3d4f-4b54-8b44-7f3b3f6b4c%02d", i), VpcID: id, CIDR: fmt.Sprintf("10.%d.1.0/24", i)})
	}
	e, _ := netEngine(t, Config{Network: Network{VPCs: seeded, Subnets: subnets}})
	var want, wantSubnets []string
	for _, v := range seeded {
		want = append(want, v.ID)
	}
	for _, s := range subnets {
		wantSubnets = append(wantSubnets, s.ID)
	}
	for i := range 4 {
		v, err := e.CreateVPC(netOwner, api.VPCRequest{Name: ptr(fmt.Sprint("vpc-", i)), CIDR: ptr(fmt.Sprintf("172.%d.0.0/16", 16+i))})
		require.Nil(t, err)
		want = append(want, v.ID)
		s, err := e.CreateSubnet(netOwner, api.SubnetRequest{Name: ptr("s"), CIDR: ptr(fmt.Sprintf("172.%d.1.0/24", 16+i)),
			GatewayIP: ptr(fmt.Sprintf("172.%d.1.1", 16+i)), VpcID: ptr(v.ID)})
		require.Nil(t, err)
		wantSubnets = append(wantSubnets, s.ID)
	}
	for range 20 {
		vpcs, err := e.ListVPCs(netOwner, api.VPCQuery{})
		require.Nil(t, err)
		got := make([]string, len(vpcs))
		for i, v := range vpcs {
			got[i] = v.ID
		}
		require.Equal(t, want, got)
		list, err := e.ListSubnets(netOwner, api.SubnetQuery{})
		require.Nil(t, err)
		got = make([]string, len(list))
		for i, s := range list {
			got[i] = s.ID
		}
		require.Equal(t, wantSubnets, got)
	}
}
