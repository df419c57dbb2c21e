package conformance

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Flow is a sequence of calls through a Client, for rules that need state.
type Flow struct {
	Name string
	// Ops are the operations the flow calls.
	Ops []string
	// NeedsOther marks a flow that needs Target.Other.
	NeedsOther bool
	// Slow marks a flow that takes minutes of real time.
	Slow bool
	run  func(t testing.TB, w *world, c Client)
}

// serviceFlows are the service lifecycle and whitelist sequences that
// terraform and the SDK acceptance tests replay (docs/real-clients.md §1.4,
// 4.3 A).
var serviceFlows = []Flow{
	{Name: "service lifecycle", Slow: true,
		Ops: []string{OpCreateService, OpGetService, OpListServices, OpUpdateService, OpDeleteService},
		run: serviceLifecycle},
	{Name: "whitelist", Ops: []string{OpPermissionAction, OpListPermissions}, run: whitelist},
	{Name: "default page of 10", Slow: true, Ops: []string{OpCreateService, OpPermissionAction, OpListPermissions}, run: defaultPage},
}

// serviceLifecycle: create (creating), wait available, get, list by id and
// by upper-case name, update, update {}, delete (204), deleting or 404,
// gone, delete again 404.
func serviceLifecycle(t testing.TB, w *world, c Client) {
	ctx := w.ctx
	name := w.name()
	tags := []any{map[string]any{"key": "flow", "value": "lifecycle"}, w.markerTag()}
	r := c.CreateService(ctx, w.serviceBody(map[string]any{"service_name": name, "approval_enabled": false, "tags": tags}))
	requireStatus(t, r, http.StatusOK, "create")
	id, _ := r.Body["id"].(string)
	t.Cleanup(func() { w.deleteService(t, c, id) })
	assert.Contains(t, []any{"creating", "available"}, r.Body["status"], "status after create")
	assert.True(t, strings.HasSuffix(r.Body["service_name"].(string), "."+name+"."+id), "service_name %v is {region}.{name}.{id}", r.Body["service_name"])
	created := r.Body["created_at"]

	got := w.waitStatus(t, "service "+id, func() Result { return c.GetService(ctx, id) }, "available")
	assert.Equal(t, created, got["created_at"], "created_at unchanged")
	assert.EqualValues(t, 0, got["connection_count"], "connection_count of a new service")
	assert.Equal(t, false, got["approval_enabled"])
	assert.ElementsMatch(t, tags, got["tags"])

	r = c.ListServices(ctx, url.Values{"id": {id}})
	requireStatus(t, r, http.StatusOK, "list by id")
	assert.EqualValues(t, 1, r.Body["total_count"])
	r = c.ListServices(ctx, url.Values{"endpoint_service_name": {strings.ToUpper(name)}})
	requireStatus(t, r, http.StatusOK, "list by name")
	assert.EqualValues(t, 1, r.Body["total_count"], "name filter is a case-insensitive substring match")

	newName := w.name()
	r = c.UpdateService(ctx, id, map[string]any{"service_name": newName, "approval_enabled": true,
		"ports": []map[string]any{{"client_port": 80, "server_port": w.serverPort()}, {"client_port": 443, "server_port": w.serverPort()}}})
	requireStatus(t, r, http.StatusOK, "update")
	assert.True(t, strings.HasSuffix(r.Body["service_name"].(string), "."+newName+"."+id), "renamed: %v", r.Body["service_name"])
	assert.Len(t, r.Body["ports"], 2)
	assert.Equal(t, true, r.Body["approval_enabled"])
	requireStatus(t, c.UpdateService(ctx, id, map[string]any{}), http.StatusOK, "update with {}")

	requireStatus(t, c.DeleteService(ctx, id), http.StatusNoContent, "delete")
	r = c.GetService(ctx, id)
	if r.Status == http.StatusOK {
		assert.Equal(t, "deleting", r.Body["status"], "status right after delete")
	}
	w.waitGone(t, "service "+id, func() Result { return c.GetService(ctx, id) })
	r = c.DeleteService(ctx, id)
	assert.Equal(t, http.StatusNotFound, r.Status, "second delete: %s", describe(r))
}

// whitelist: add two domains (200, full list back), list them with the
// prefix and without the owner, remove one; 12 entries list as a default
// page of 10 with total_count 12.
func whitelist(t testing.TB, w *world, c Client) {
	ctx := w.ctx
	id, _ := w.service["id"].(string)
	d1, d2 := "iam:domain::"+strings.ReplaceAll(randomUUID(), "-", ""), "iam:domain::"+strings.ReplaceAll(randomUUID(), "-", "")
	t.Cleanup(func() { c.PermissionAction(context.WithoutCancel(ctx), id, "remove", []string{d1, d2}) })
	r := c.PermissionAction(ctx, id, "add", []string{d1, d2})
	requireStatus(t, r, http.StatusOK, "add")
	assert.Subset(t, r.Body["permissions"], []any{d1, d2})

	r = c.ListPermissions(ctx, id, url.Values{"permission": {d1[len("iam:domain::"):]}})
	requireStatus(t, r, http.StatusOK, "list")
	assert.EqualValues(t, 1, r.Body["total_count"], "fuzzy filter on the permission")
	r = c.ListPermissions(ctx, id, url.Values{"permission": {w.tg.Tenant.DomainID}})
	requireStatus(t, r, http.StatusOK, "list owner")
	assert.EqualValues(t, 0, r.Body["total_count"], "the owner is not listed")

	requireStatus(t, c.PermissionAction(ctx, id, "remove", []string{d1}), http.StatusOK, "remove")
	r = c.ListPermissions(ctx, id, url.Values{"permission": {d1[len("iam:domain::"):]}})
	requireStatus(t, r, http.StatusOK, "list after remove")
	assert.EqualValues(t, 0, r.Body["total_count"])
}

// defaultPage: 12 whitelist entries on a fresh service list as 10 without
// a limit, with total_count 12 (docs/real-clients.md §3.2 item 2).
func defaultPage(t testing.TB, w *world, c Client) {
	ctx := w.ctx
	svc := w.createService(t, c, nil)
	id, _ := svc["id"].(string)
	var perms []string
	for range 12 {
		perms = append(perms, "iam:domain::"+strings.ReplaceAll(randomUUID(), "-", ""))
	}
	requireStatus(t, c.PermissionAction(ctx, id, "add", perms), http.StatusOK, "add 12")
	r := c.ListPermissions(ctx, id, nil)
	requireStatus(t, r, http.StatusOK, "list")
	assert.Len(t, r.Body["permissions"], 10, "default page")
	assert.EqualValues(t, 12, r.Body["total_count"])
	r = c.ListPermissions(ctx, id, url.Values{"limit": {"5"}, "offset": {"10"}})
	require.Equal(t, http.StatusOK, r.Status)
	assert.Len(t, r.Body["permissions"], 2, "offset 10 of 12")
}
