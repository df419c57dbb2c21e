package iamtest

import (
	"errors"
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/common/tags"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/networking/v1/subnets"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/networking/v1/vpcs"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/networking/v2/extensions/lbaas_v2/loadbalancers"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/endpoints"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// clients are the service clients the terraform provider builds from the
// catalog (its config.go: NetworkingV1Client, NetworkingV2Client,
// NetworkingV3Client, ElbV2Client, VpcEpV1Client).
type clients struct {
	net1, net2, vpc3, elb, vpcep *golangsdk.ServiceClient
}

func newClients(t *testing.T, base string) clients {
	t.Helper()
	pc, err := openstack.AuthenticatedClient(golangsdk.AuthOptions{IdentityEndpoint: base + "/v3",
		Username: fake.DefaultUserName, Password: fake.DefaultPassword, DomainName: fake.DefaultDomainName,
		TenantName: fake.DefaultRegion})
	require.NoError(t, err)
	eo := golangsdk.EndpointOpts{Region: fake.DefaultRegion}
	var c clients
	for _, mk := range []struct {
		dst *(*golangsdk.ServiceClient)
		fn  func(*golangsdk.ProviderClient, golangsdk.EndpointOpts) (*golangsdk.ServiceClient, error)
	}{{&c.net1, openstack.NewNetworkV1}, {&c.net2, openstack.NewNetworkV2}, {&c.vpc3, openstack.NewVpcV3},
		{&c.elb, openstack.NewELBV2}, {&c.vpcep, openstack.NewVpcEpV1}} {
		*mk.dst, err = mk.fn(pc, eo)
		require.NoError(t, err)
	}
	return c
}

// is404 reports whether err is the SDK's 404.
func is404(err error) bool {
	var nf golangsdk.ErrDefault404
	return errors.As(err, &nf)
}

// TestTerraformModuleAgainstBinary replays a terraform module with an
// opentelekomcloud_vpc_v1, a vpc_subnet_v1 (and the subnet data source),
// an lb_loadbalancer_v2, a vpcep_service_v1 on the LB's vip_port_id and a
// vpcep_endpoint_v1, created and destroyed with the provider's SDK calls,
// against the binary started with no flags and no set-up. The binary's
// zero delays complete every transition on the next read, so each wait
// loop of the provider ends at its first poll.
func TestTerraformModuleAgainstBinary(t *testing.T) {
	for _, k := range []string{"OS_CLOUD", "OS_REGION_NAME", "OS_AUTH_URL", "OS_TOKEN"} {
		t.Setenv(k, "")
	}
	base, _ := startBinary(t)
	c := newClients(t, base)

	// resource "opentelekomcloud_vpc_v1": create (200), wait for OK, read.
	vpc, err := vpcs.Create(c.net1, vpcs.CreateOpts{Name: "module-vpc", CIDR: "192.168.0.0/16"}).Extract()
	require.NoError(t, err)
	vpc, err = vpcs.Get(c.net1, vpc.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, "OK", vpc.Status)
	require.NoError(t, tags.Create(c.net2, "vpcs", vpc.ID, []tags.ResourceTag{{Key: "module", Value: "vpcep"}}).ExtractErr())
	vt, err := tags.Get(c.net2, "vpcs", vpc.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, []tags.ResourceTag{{Key: "module", Value: "vpcep"}}, vt)
	var v3 struct {
		Vpc struct {
			ExtendCidrs []string `json:"extend_cidrs"`
		} `json:"vpc"`
	}
	_, err = c.vpc3.Get(c.vpc3.ServiceURL("vpcs", vpc.ID), &v3, nil)
	require.NoError(t, err, "readSecondaryCidr")
	assert.Empty(t, v3.Vpc.ExtendCidrs)

	// resource "opentelekomcloud_vpc_subnet_v1", then the data source by name.
	on := true
	sn, err := subnets.Create(c.net1, subnets.CreateOpts{Name: "module-subnet", CIDR: "192.168.10.0/24",
		GatewayIP: "192.168.10.1", VpcID: vpc.ID, EnableDHCP: &on, EnableIpv6: new(bool),
		PrimaryDNS: "100.125.4.25", SecondaryDNS: "100.125.129.199"}).Extract()
	require.NoError(t, err)
	sn, err = subnets.Get(c.net1, sn.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, "ACTIVE", sn.Status)
	found, err := subnets.List(c.net1, subnets.ListOpts{Name: "module-subnet"})
	require.NoError(t, err)
	require.Len(t, found, 1)
	assert.Equal(t, sn.SubnetID, found[0].SubnetID)
	assert.Equal(t, sn.ID, found[0].NetworkID)

	// resource "opentelekomcloud_lb_loadbalancer_v2": create (201), wait for ACTIVE, tags.
	lb, err := loadbalancers.Create(c.elb, loadbalancers.CreateOpts{Name: "module-lb", VipSubnetID: sn.SubnetID,
		AdminStateUp: &on}).Extract()
	require.NoError(t, err)
	lb, err = loadbalancers.Get(c.elb, lb.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, "ACTIVE", lb.ProvisioningStatus)
	assert.Equal(t, sn.SubnetID, lb.VipSubnetID)
	assert.Equal(t, fake.DefaultProjectID, lb.TenantID)
	require.NoError(t, tags.Create(c.elb, "loadbalancers", lb.ID, []tags.ResourceTag{{Key: "module", Value: "vpcep"}}).ExtractErr())
	lt, err := tags.Get(c.elb, "loadbalancers", lb.ID).Extract()
	require.NoError(t, err)
	assert.Len(t, lt, 1)

	// resource "opentelekomcloud_vpcep_service_v1" on the LB's VIP port, and an endpoint.
	off := false
	svc, err := services.Create(c.vpcep, services.CreateOpts{PortID: lb.VipPortID, RouterID: vpc.ID,
		ServerType: services.ServerTypeLB, ApprovalEnabled: &off,
		Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80, Protocol: "TCP"}}}).Extract()
	require.NoError(t, err)
	got, err := services.Get(c.vpcep, svc.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, services.StatusAvailable, got.Status)
	ep, err := endpoints.Create(c.vpcep, endpoints.CreateOpts{ServiceID: svc.ID, RouterID: vpc.ID, NetworkID: sn.ID,
		EnableDNS: true}).Extract()
	require.NoError(t, err)
	gotEP, err := endpoints.Get(c.vpcep, ep.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, endpoints.StatusAccepted, gotEP.Status)

	// terraform destroy: reverse order, each resource waiting for its 404.
	require.NoError(t, endpoints.Delete(c.vpcep, ep.ID).ExtractErr())
	_, err = endpoints.Get(c.vpcep, ep.ID).Extract()
	assert.True(t, is404(err), "endpoint gone: %v", err)
	require.NoError(t, services.Delete(c.vpcep, svc.ID).ExtractErr())
	_, err = services.Get(c.vpcep, svc.ID).Extract()
	assert.True(t, is404(err), "service gone: %v", err)
	require.NoError(t, loadbalancers.Delete(c.elb, lb.ID).ExtractErr())
	_, err = loadbalancers.Get(c.elb, lb.ID).Extract()
	assert.True(t, is404(err), "load balancer gone: %v", err)
	require.NoError(t, subnets.Delete(c.net1, vpc.ID, sn.ID).ExtractErr())
	_, err = subnets.Get(c.net1, sn.ID).Extract()
	assert.True(t, is404(err), "subnet gone: %v", err)
	require.NoError(t, vpcs.Delete(c.net1, vpc.ID).ExtractErr())
	_, err = vpcs.Get(c.net1, vpc.ID).Extract()
	assert.True(t, is404(err), "vpc gone: %v", err)
}
