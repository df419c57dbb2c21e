package conformance

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// endpointFlows are the endpoint, approval and cross-tenant sequences
// (docs/real-clients.md §1.4, 4.3 A.7-9 and B).
var endpointFlows = []Flow{
	{Name: "approval", Slow: true,
		Ops: []string{OpCreateService, OpCreateEndpoint, OpGetEndpoint, OpListConnections, OpConnectionAction,
			OpGetService, OpDeleteService, OpDeleteEndpoint},
		run: approval},
	{Name: "endpoint without approval", Slow: true,
		Ops: []string{OpCreateService, OpCreateEndpoint, OpGetEndpoint, OpListEndpoints, OpDeleteEndpoint},
		run: withoutApproval},
	{Name: "cross-tenant whitelist", Slow: true, NeedsOther: true,
		Ops: []string{OpCreateService, OpPermissionAction, OpCreateEndpoint, OpListConnections, OpDescribeService},
		run: crossTenant},
}

// approval: an endpoint of an approval service waits in pendingAcceptance
// and shows in the connections with the same marker_id; receive answers
// accepted in the response itself; the service cannot be deleted while it
// has an accepted endpoint; reject answers rejected; then the terraform
// destroy order: delete endpoint, delete service at once, both gone.
func approval(t testing.TB, w *world, c Client) {
	ctx := w.ctx
	svc := w.createService(t, c, map[string]any{"approval_enabled": true})
	sid, _ := svc["id"].(string)
	ep := w.createEndpoint(t, c, sid, nil)
	eid, _ := ep["id"].(string)
	require.Equal(t, "pendingAcceptance", ep["status"])

	r := c.ListConnections(ctx, sid, url.Values{"id": {eid}})
	requireStatus(t, r, http.StatusOK, "connections")
	conns, _ := r.Body["connections"].([]any)
	require.Len(t, conns, 1)
	conn, _ := conns[0].(map[string]any)
	assert.Equal(t, ep["marker_id"], conn["marker_id"], "one marker_id in both views")
	assert.Equal(t, w.tg.Tenant.DomainID, conn["domain_id"])
	assert.Less(t, ep["marker_id"], float64(1<<31), "marker_id fits int32")

	r = c.ConnectionAction(ctx, sid, "receive", []string{eid})
	requireStatus(t, r, http.StatusOK, "receive")
	conns, _ = r.Body["connections"].([]any)
	require.Len(t, conns, 1)
	assert.Equal(t, "accepted", conns[0].(map[string]any)["status"], "the action's answer shows the new status")
	accepted := w.waitStatus(t, "endpoint "+eid, func() Result { return c.GetEndpoint(ctx, eid) }, "accepted")
	assert.NotEmpty(t, accepted["ip"], "an accepted interface endpoint has an address")
	got := w.waitStatus(t, "service "+sid, func() Result { return c.GetService(ctx, sid) }, "available")
	assert.EqualValues(t, 1, got["connection_count"])

	r = c.DeleteService(ctx, sid)
	assert.Equal(t, http.StatusBadRequest, r.Status, "delete with an accepted endpoint: %s", describe(r))
	assert.Equal(t, "EndPoint.3006", r.ErrorCode)

	r = c.ConnectionAction(ctx, sid, "reject", []string{eid})
	requireStatus(t, r, http.StatusOK, "reject")
	rejected := w.waitStatus(t, "endpoint "+eid, func() Result { return c.GetEndpoint(ctx, eid) }, "rejected")
	assert.Equal(t, accepted["ip"], rejected["ip"], "a rejected endpoint keeps its address")
	r = c.ListConnections(ctx, sid, url.Values{"status": {"rejected"}})
	requireStatus(t, r, http.StatusOK, "connections rejected")
	assert.EqualValues(t, 1, r.Body["total_count"])

	requireStatus(t, c.DeleteEndpoint(ctx, eid), http.StatusNoContent, "delete endpoint")
	requireStatus(t, c.DeleteService(ctx, sid), http.StatusNoContent, "delete service right after its endpoint")
	w.waitGone(t, "endpoint "+eid, func() Result { return c.GetEndpoint(ctx, eid) })
	w.waitGone(t, "service "+sid, func() Result { return c.GetService(ctx, sid) })
}

// withoutApproval: endpoints of a service without approval go to accepted
// and get an address and one DNS name; the list is newest first; marker_id
// is unique; connection_count counts accepted endpoints and drops when one
// is deleted, which also leaves the connections list.
func withoutApproval(t testing.TB, w *world, c Client) {
	ctx := w.ctx
	svc := w.createService(t, c, map[string]any{"approval_enabled": false})
	sid, _ := svc["id"].(string)
	first := w.createEndpoint(t, c, sid, map[string]any{"enable_dns": true})
	assert.Equal(t, "accepted", first["status"])
	assert.NotEmpty(t, first["ip"], "an accepted interface endpoint has an address")
	assert.Len(t, first["dns_names"], 1, "enable_dns gives one name")
	second := w.createEndpoint(t, c, sid, nil)

	name, _ := svc["service_name"].(string)
	r := c.ListEndpoints(ctx, url.Values{"endpoint_service_name": {name}})
	requireStatus(t, r, http.StatusOK, "list")
	eps, _ := r.Body["endpoints"].([]any)
	require.Len(t, eps, 2)
	assert.Equal(t, second["id"], eps[0].(map[string]any)["id"], "default order is created_at desc")
	assert.NotEqual(t, first["marker_id"], second["marker_id"], "marker_id is unique per endpoint")
	got := w.waitStatus(t, "service "+sid, func() Result { return c.GetService(ctx, sid) }, "available")
	assert.EqualValues(t, 2, got["connection_count"], "accepted endpoints count as connections")

	// A deleted endpoint leaves the service's connections and count.
	fid, _ := first["id"].(string)
	w.deleteEndpoint(t, c, fid)
	r = c.ListConnections(ctx, sid, nil)
	requireStatus(t, r, http.StatusOK, "connections")
	assert.EqualValues(t, 1, r.Body["total_count"])
	got = w.waitStatus(t, "service "+sid, func() Result { return c.GetService(ctx, sid) }, "available")
	assert.EqualValues(t, 1, got["connection_count"])
}

// crossTenant: another account cannot connect until the owner whitelists
// it; then its endpoint waits for approval and shows in the owner's
// connections with its domain_id; iam:domain::* admits every account.
func crossTenant(t testing.TB, w *world, c Client) {
	ctx := w.ctx
	other := w.tg.client(*w.tg.Other)
	svc := w.createService(t, c, map[string]any{"approval_enabled": true})
	sid, _ := svc["id"].(string)
	body := map[string]any{"endpoint_service_id": sid, "vpc_id": w.net.VpcID, "subnet_id": w.net.SubnetID}
	r := other.CreateEndpoint(ctx, body)
	assert.Equal(t, "EndPoint.2012", r.ErrorCode, "not whitelisted: %s", describe(r))

	requireStatus(t, c.PermissionAction(ctx, sid, "add", []string{"iam:domain::" + w.tg.Other.DomainID}), http.StatusOK, "whitelist")
	r = other.DescribeService(ctx, url.Values{"id": {sid}})
	requireStatus(t, r, http.StatusOK, "describe by the whitelisted tenant")
	assert.Equal(t, sid, r.Body["id"])
	assert.NotContains(t, r.Body, "port_id", "describe reveals no backend")
	ep := w.createEndpoint(t, other, sid, nil)
	assert.Equal(t, "pendingAcceptance", ep["status"], "a whitelisted account still waits for approval")
	r = c.ListConnections(ctx, sid, url.Values{"id": {ep["id"].(string)}})
	requireStatus(t, r, http.StatusOK, "connections")
	conns, _ := r.Body["connections"].([]any)
	require.Len(t, conns, 1)
	assert.Equal(t, w.tg.Other.DomainID, conns[0].(map[string]any)["domain_id"])

	// The wildcard lets every account in.
	open := w.createService(t, c, map[string]any{"approval_enabled": false})
	oid, _ := open["id"].(string)
	requireStatus(t, c.PermissionAction(ctx, oid, "add", []string{"iam:domain::*"}), http.StatusOK, "whitelist *")
	assert.Equal(t, "accepted", w.createEndpoint(t, other, oid, nil)["status"])
}
