package gopher093

import (
	"errors"
	"testing"
	"testing/synctest"
	"time"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/common/tags"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/networking/v1/subnets"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/networking/v1/vpcs"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/networking/v2/extensions/lbaas_v2/loadbalancers"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// netEnv holds the companion clients as the provider builds them from the
// catalog: network + v1/, network + v2.0/ (tags), elb + v2.0/.
type netEnv struct {
	env
	net1, net2, elb *golangsdk.ServiceClient
}

// lbDelay is how long the fake takes to create and to delete a load
// balancer in these tests.
const lbDelay = 30 * time.Second

func startNet(t *testing.T) netEnv {
	t.Helper()
	sc := scenario.New()
	srv := fake.NewTest(t, fake.WithScenario(sc), fake.WithDelays(fake.Delays{LoadBalancerCreate: lbDelay, LoadBalancerDelete: lbDelay}))
	pc := &golangsdk.ProviderClient{TokenID: fake.DefaultToken, ProjectID: fake.DefaultProjectID, RegionID: fake.DefaultRegion}
	pc.HTTPClient = *srv.Client()
	client := func(base, version string) *golangsdk.ServiceClient {
		return &golangsdk.ServiceClient{ProviderClient: pc, Endpoint: base + "/", ResourceBase: base + "/" + version}
	}
	return netEnv{env: env{srv: srv, journal: sc, sc: &golangsdk.ServiceClient{ProviderClient: pc, Endpoint: srv.ProjectURL(fake.DefaultProjectID)}},
		net1: client(srv.NetworkURL(), "v1/"), net2: client(srv.NetworkURL(), "v2.0/"), elb: client(srv.ELBURL(), "v2.0/")}
}

// waitLB is the provider's waitForLBV2LoadBalancer: poll every 2 s after
// 5 s until the status is target; gone reports a 404 instead.
func waitLB(t *testing.T, c *golangsdk.ServiceClient, id, target string) (gone bool) {
	t.Helper()
	time.Sleep(5 * time.Second)
	for range 300 {
		lb, err := loadbalancers.Get(c, id).Extract()
		var nf golangsdk.ErrDefault404
		if errors.As(err, &nf) {
			return true
		}
		require.NoError(t, err)
		if lb.ProvisioningStatus == target {
			return false
		}
		time.Sleep(2 * time.Second)
	}
	t.Fatalf("load balancer %s never reached %s", id, target)
	return false
}

// TestNetworkCompanionsThroughTheSDK drives the VPC v1, v2.0 tag and ELB
// v2.0 packages the provider uses: every answer decodes into the SDK's
// structs, the OkCodes fit (200 for VPC and subnet create, 201 for LB
// create), lists page through loadbalancers_links, the LB moves through
// PENDING_CREATE and PENDING_DELETE on the clock, and deleting in the
// wrong order fails with the status types the provider branches on.
func TestNetworkCompanionsThroughTheSDK(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := startNet(t)
		vpc, err := vpcs.Create(e.net1, vpcs.CreateOpts{Name: "vpc", Description: "d", CIDR: "10.0.0.0/16"}).Extract()
		require.NoError(t, err)
		assert.Equal(t, "CREATING", vpc.Status)
		desc := ""
		vpc, err = vpcs.Update(e.net1, vpc.ID, vpcs.UpdateOpts{Name: "vpc2", Description: &desc}).Extract()
		require.NoError(t, err)
		assert.Equal(t, "", vpc.Description)
		all, err := vpcs.List(e.net1, vpcs.ListOpts{Name: "vpc2"})
		require.NoError(t, err)
		require.Len(t, all, 1)
		assert.Equal(t, "OK", all[0].Status)

		on := true
		sn, err := subnets.Create(e.net1, subnets.CreateOpts{Name: "sn", CIDR: "10.0.1.0/24", GatewayIP: "10.0.1.1",
			VpcID: vpc.ID, EnableDHCP: &on, AvailabilityZone: "eu-de-01", DNSList: []string{"100.125.4.25"}}).Extract()
		require.NoError(t, err)
		assert.Equal(t, "UNKNOWN", sn.Status)
		sn, err = subnets.Get(e.net1, sn.ID).Extract()
		require.NoError(t, err)
		assert.Equal(t, "ACTIVE", sn.Status)
		assert.Equal(t, "eu-de-01", sn.AvailabilityZone)
		assert.Equal(t, []string{"100.125.4.25"}, sn.DNSList)
		byVPC, err := subnets.List(e.net1, subnets.ListOpts{VpcID: vpc.ID})
		require.NoError(t, err)
		assert.Len(t, byVPC, 1)
		_, err = subnets.Update(e.net1, vpc.ID, sn.ID, subnets.UpdateOpts{Name: "sn2"}).Extract()
		require.NoError(t, err)
		require.NoError(t, tags.Create(e.net2, "subnets", sn.ID, []tags.ResourceTag{{Key: "a", Value: "1"}}).ExtractErr())
		require.NoError(t, tags.Delete(e.net2, "subnets", sn.ID, []tags.ResourceTag{{Key: "a"}}).ExtractErr())
		st, err := tags.Get(e.net2, "subnets", sn.ID).Extract()
		require.NoError(t, err)
		assert.Empty(t, st)

		var ids []string
		for _, name := range []string{"lb1", "lb2"} {
			lb, err := loadbalancers.Create(e.elb, loadbalancers.CreateOpts{Name: name, VipSubnetID: sn.SubnetID, AdminStateUp: &on}).Extract()
			require.NoError(t, err)
			assert.Equal(t, "PENDING_CREATE", lb.ProvisioningStatus)
			assert.Equal(t, "vlb", lb.Provider)
			created := time.Now()
			require.False(t, waitLB(t, e.elb, lb.ID, "ACTIVE"))
			assert.GreaterOrEqual(t, time.Since(created), lbDelay)
			ids = append(ids, lb.ID)
		}
		lb, err := loadbalancers.Update(e.elb, ids[0], loadbalancers.UpdateOpts{Description: "x"}).Extract()
		require.NoError(t, err)
		assert.Equal(t, "x", lb.Description)
		pages, err := loadbalancers.List(e.elb, loadbalancers.ListOpts{Limit: 1}).AllPages()
		require.NoError(t, err)
		listed, err := loadbalancers.ExtractLoadBalancers(pages)
		require.NoError(t, err)
		assert.Len(t, listed, 2, "two pages through loadbalancers_links")
		assert.Equal(t, 3, e.calls("ListLoadBalancers"), "two pages and an empty third")

		var conflict golangsdk.ErrDefault409
		assert.ErrorAs(t, vpcs.Delete(e.net1, vpc.ID).ExtractErr(), &conflict, "VPC.0118: load balancers in the VPC")
		var inUse golangsdk.ErrDefault500
		assert.ErrorAs(t, subnets.Delete(e.net1, vpc.ID, sn.ID).ExtractErr(), &inUse, "VPC.0211: retried by the provider")

		for _, id := range ids {
			require.NoError(t, loadbalancers.Delete(e.elb, id).ExtractErr())
			lb, err := loadbalancers.Get(e.elb, id).Extract()
			require.NoError(t, err)
			assert.Equal(t, "PENDING_DELETE", lb.ProvisioningStatus)
			require.True(t, waitLB(t, e.elb, id, "gone"))
		}
		var nf golangsdk.ErrDefault404
		assert.ErrorAs(t, loadbalancers.Delete(e.elb, ids[0]).ExtractErr(), &nf)
		assert.ErrorAs(t, vpcs.Delete(e.net1, vpc.ID).ExtractErr(), &conflict, "VPC.0104: a subnet remains")
		require.NoError(t, subnets.Delete(e.net1, vpc.ID, sn.ID).ExtractErr())
		_, err = subnets.Get(e.net1, sn.ID).Extract()
		assert.ErrorAs(t, err, &nf)
		require.NoError(t, vpcs.Delete(e.net1, vpc.ID).ExtractErr())
		_, err = vpcs.Get(e.net1, vpc.ID).Extract()
		assert.ErrorAs(t, err, &nf)
	})
}
