package gopher093

import (
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/common/tags"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/endpoints"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

const (
	vpcID    = "3f1a7c52-6a0e-4c4b-9d0e-2b1c3d4e5f60"
	portID   = "7b2c8d63-7b1f-4d5c-8e1f-3c2d4e5f6071"
	subnetID = "9d4e0f85-9d3b-4f7e-a03b-5e4f60718293"
)

// TestTerraformServiceAndEndpoint replays terraform's service and endpoint
// resources and data sources through v0.9.3 (docs/real-clients.md §1.4, 4.3 A):
// create → wait available → whitelist → read; data sources; update
// (also with {}); endpoint create → wait → read; list; destroy in
// terraform's order (endpoint, then the service at once) → wait for 404.
// Inside a synctest bubble the SDK's 1-second polls against the fake's
// 1-minute transitions take no real time.
func TestTerraformServiceAndEndpoint(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := start(t)
		const name = "tfsvc"

		// Terraform create: POST, poll until available, whitelist (prefix added, "*" too), read.
		start := e.mark()
		svc, err := services.Create(e.sc, services.CreateOpts{
			PortID: portID, RouterID: vpcID, ServerType: services.ServerTypeVM, ServiceName: name,
			ApprovalEnabled: ptr(false), Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 8080}},
			Tags: []tags.ResourceTag{{Key: "env", Value: "test"}},
		}).Extract()
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("%s.%s.%s", fake.DefaultRegion, name, svc.ID), svc.ServiceName)
		assert.Equal(t, "TCP", svc.Ports[0].Protocol, `"" means TCP`)
		assert.Equal(t, services.StatusCreating, svc.Status)
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusAvailable, 120))
		assert.GreaterOrEqual(t, e.calls("ListServiceDetails"), int(fake.RealisticDelays.ServiceCreate/time.Second)-1, "1-second polls through the realistic creation")

		d1, d2 := "iam:domain::0123456789abcdef0123456789abcdef", "iam:domain::*"
		wl, err := endpoints.BatchUpdateWhitelist(e.sc, svc.ID, endpoints.BatchUpdateReq{Permissions: []string{d1, d2}, Action: "add"})
		require.NoError(t, err)
		assert.Subset(t, wl.Permissions, []string{d1})
		got, err := services.Get(e.sc, svc.ID).Extract()
		require.NoError(t, err)
		assert.Equal(t, svc.CreatedAt, got.CreatedAt)
		assert.Zero(t, got.ConnectionCount)
		assert.Equal(t, []tags.ResourceTag{{Key: "env", Value: "test"}}, got.Tags)
		perms, err := endpoints.GetWhitelist(e.sc, svc.ID)
		require.NoError(t, err)
		assert.Equal(t, 2, perms.TotalCount, "the owner is not listed")
		for _, p := range perms.Permissions {
			assert.True(t, strings.HasPrefix(p.Permission, "iam:domain::") || p.Permission == "*", p.Permission)
		}
		assert.Equal(t, []string{"CreateEndpointService 200", "ListServiceDetails 200", "AddOrRemoveServicePermissions 200",
			"ListServiceDetails 200", "ListServicePermissionsDetails 200"}, e.since(start), "terraform's create sequence")

		// Data source: AllPages sends the GET twice and needs exactly one array.
		before := e.calls("ListEndpointService")
		pages, err := services.List(e.sc, services.ListOpts{Name: strings.ToUpper(name)}).AllPages()
		require.NoError(t, err)
		list, err := services.ExtractServices(pages)
		require.NoError(t, err)
		require.Len(t, list, 1)
		assert.Equal(t, svc.ID, list[0].ID)
		assert.Equal(t, 2, e.calls("ListEndpointService")-before, "AllPages reads the first page twice")

		pages, err = services.ListPublic(e.sc, services.ListOpts{Name: "com.t-systems.otc.eu-de.obs"}).AllPages()
		require.NoError(t, err)
		public, err := services.ExtractPublicServices(pages)
		require.NoError(t, err)
		require.Len(t, public, 1)
		assert.Equal(t, "OTC", public[0].Owner)
		assert.Equal(t, services.ServiceTypeGateway, public[0].ServiceType)

		// Update: name, two ports, approval on; then terraform's whitelist-only {}.
		upd, err := services.Update(e.sc, svc.ID, services.UpdateOpts{ApprovalEnabled: ptr(true), ServiceName: "tfsvc2",
			Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 8080, Protocol: "TCP"}, {ClientPort: 443, ServerPort: 8443, Protocol: "TCP"}}}).Extract()
		require.NoError(t, err)
		assert.Equal(t, fmt.Sprintf("%s.tfsvc2.%s", fake.DefaultRegion, svc.ID), upd.ServiceName)
		assert.Len(t, upd.Ports, 2)

		// Terraform's whitelist-only update: PUT {}, poll, remove then add, read.
		start = e.mark()
		_, err = services.Update(e.sc, svc.ID, services.UpdateOpts{}).Extract()
		require.NoError(t, err, "PUT {} succeeds")
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusAvailable, 60))
		_, err = endpoints.BatchUpdateWhitelist(e.sc, svc.ID, endpoints.BatchUpdateReq{Permissions: []string{d2}, Action: "remove"})
		require.NoError(t, err)
		d3 := "iam:domain::fedcba9876543210fedcba9876543210"
		_, err = endpoints.BatchUpdateWhitelist(e.sc, svc.ID, endpoints.BatchUpdateReq{Permissions: []string{d3}, Action: "add"})
		require.NoError(t, err)
		_, err = services.Get(e.sc, svc.ID).Extract()
		require.NoError(t, err)
		perms, err = endpoints.GetWhitelist(e.sc, svc.ID)
		require.NoError(t, err)
		var entries []string
		for _, p := range perms.Permissions {
			entries = append(entries, p.Permission)
		}
		assert.ElementsMatch(t, []string{d1, d3}, entries, "the wildcard is gone, d3 is in")
		assert.Equal(t, []string{"UpdateEndpointService 200", "ListServiceDetails 200", "AddOrRemoveServicePermissions 200",
			"ListServiceDetails 200", "ListServicePermissionsDetails 200"}, e.since(start), "terraform's update sequence")

		// Endpoint: approval is now on, so it waits in pendingAcceptance.
		ep, err := endpoints.Create(e.sc, endpoints.CreateOpts{ServiceID: svc.ID, RouterID: vpcID, NetworkID: subnetID,
			EnableDNS: true, Tags: []tags.ResourceTag{{Key: "k", Value: "v"}}}).Extract()
		require.NoError(t, err)
		assert.Equal(t, endpoints.StatusCreating, ep.Status)
		require.NoError(t, endpoints.WaitForEndpointStatus(e.sc, ep.ID, endpoints.StatusPendingAcceptance, 120))
		ep, err = endpoints.Get(e.sc, ep.ID).Extract()
		require.NoError(t, err)
		assert.Equal(t, upd.ServiceName, ep.ServiceName)
		assert.Equal(t, []string{"active"}, ep.ActiveStatus)
		assert.Positive(t, ep.MarkerID)
		assert.Less(t, ep.MarkerID, 1<<31)

		pages, err = endpoints.List(e.sc, nil).AllPages()
		require.NoError(t, err)
		eps, err := endpoints.ExtractEndpoints(pages)
		require.NoError(t, err)
		require.Len(t, eps, 1)
		assert.Equal(t, ep.ID, eps[0].ID)

		// Destroy in terraform's order: no wait between the two deletes.
		start = e.mark()
		require.NoError(t, endpoints.Delete(e.sc, ep.ID).ExtractErr(), "endpoint delete answers 204")
		require.NoError(t, services.Delete(e.sc, svc.ID).ExtractErr(), "service delete right after its endpoint's")
		require.NoError(t, endpoints.WaitForEndpointStatus(e.sc, ep.ID, "", 120))
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusDeleted, 120))
		// Both deletions ran in parallel for a minute: once the endpoint is
		// gone, so is the service, and its wait ends at the first poll.
		assert.Equal(t, []string{"DeleteEndpoint 204", "DeleteEndpointService 204", "ListEndpointInfoDetails 200",
			"ListEndpointInfoDetails 404", "ListServiceDetails 404"}, e.since(start), "terraform's destroy sequence")

		err = services.Delete(e.sc, svc.ID).ExtractErr()
		var nf golangsdk.ErrDefault404
		require.ErrorAs(t, err, &nf, "a second delete is 404")
	})
}

// TestTerraformEndpointAccepted: without approval the endpoint reaches
// accepted with the requested port_ip and one DNS name (terraform's
// acceptance test checks both).
func TestTerraformEndpointAccepted(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		e := start(t)
		svc, err := services.Create(e.sc, services.CreateOpts{PortID: portID, RouterID: vpcID, ServerType: services.ServerTypeLB,
			ApprovalEnabled: ptr(false), Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80, Protocol: "TCP"}}}).Extract()
		require.NoError(t, err)
		require.NoError(t, services.WaitForServiceStatus(e.sc, svc.ID, services.StatusAvailable, 120))
		ep, err := endpoints.Create(e.sc, endpoints.CreateOpts{ServiceID: svc.ID, RouterID: vpcID, NetworkID: subnetID, EnableDNS: true}).Extract()
		require.NoError(t, err)
		require.NoError(t, endpoints.WaitForEndpointStatus(e.sc, ep.ID, endpoints.StatusAccepted, 120))
		ep, err = endpoints.Get(e.sc, ep.ID).Extract()
		require.NoError(t, err)
		assert.NotEmpty(t, ep.IP)
		assert.Len(t, ep.DNSNames, 1)

		_, err = services.Get(e.sc, svc.ID).Extract()
		require.NoError(t, err)
		require.NoError(t, endpoints.Delete(e.sc, ep.ID).ExtractErr())
		require.NoError(t, endpoints.WaitForEndpointStatus(e.sc, ep.ID, "", 120))
	})
}
