package conformance_test

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestLeftoverSweep leaves what a crashed run leaves (services with the
// suite's name or tag, endpoints of both tenants on them) beside resources
// of the accounts' own, sweeps, and finds only the suite's gone.
func TestLeftoverSweep(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer(fake.WithDefaultTenant(alice), fake.WithTenants(bob))
	t.Cleanup(srv.Close)
	ctx := context.Background()
	a := conformance.NewHTTPClient(srv.URL, tenant(alice), srv.Client())
	b := conformance.NewHTTPClient(srv.URL, tenant(bob), srv.Client())
	marker := []map[string]string{{"key": conformance.TagKey, "value": "crashed-run"}}
	port := 8080
	create := func(c *conformance.HTTPClient, op func(context.Context, map[string]any) conformance.Result, body map[string]any) string {
		t.Helper()
		body["port_id"], body["vpc_id"], body["subnet_id"] = "6feafc17-e84c-4b58-8a10-0df0e707ddba", "565064ae-a0d6-4627-a9de-a6d6c72bd784", "0c8f52dd-cb36-47d5-927a-06bce4feaecd"
		body["server_type"], body["ports"] = "VM", []map[string]int{{"client_port": 80, "server_port": port}}
		port++
		r := op(ctx, body)
		require.Equal(t, http.StatusOK, r.Status, "%v", r.Body)
		id, _ := r.Body["id"].(string)
		return id
	}
	byName := create(a, a.CreateService, map[string]any{"service_name": conformance.NamePrefix + "1a2b3c4", "approval_enabled": false})
	byTag := create(a, a.CreateService, map[string]any{"service_name": "tagged", "tags": marker, "approval_enabled": false})
	mine := create(a, a.CreateService, map[string]any{"service_name": conformance.NamePrefix + "-prod", "approval_enabled": false,
		"tags": []map[string]string{{"key": "owner", "value": "team"}}})
	require.Equal(t, http.StatusOK, a.PermissionAction(ctx, byName, "add", []string{"iam:domain::" + bob.DomainID}).Status)
	type resource struct {
		get func(context.Context, string) conformance.Result
		id  string
	}
	swept := []resource{{a.GetService, byName}, {a.GetService, byTag},
		{a.GetEndpoint, create(a, a.CreateEndpoint, map[string]any{"endpoint_service_id": byName})},
		{b.GetEndpoint, create(b, b.CreateEndpoint, map[string]any{"endpoint_service_id": byName})},
		{a.GetEndpoint, create(a, a.CreateEndpoint, map[string]any{"endpoint_service_id": mine, "tags": marker})}}
	kept := []resource{{a.GetService, mine}, {b.GetService, create(b, b.CreateService, map[string]any{"service_name": "bobsvc"})},
		{a.GetEndpoint, create(a, a.CreateEndpoint, map[string]any{"endpoint_service_id": mine})}}

	t.Run("sweep", func(t *testing.T) {
		conformance.Sweep(t, conformance.Target{BaseURL: srv.URL, Tenant: tenant(alice), Other: otherTenant(bob)})
	})
	for _, r := range swept {
		assert.Equal(t, http.StatusNotFound, r.get(ctx, r.id).Status, "%s swept", r.id)
	}
	for _, r := range kept {
		assert.Equal(t, http.StatusOK, r.get(ctx, r.id).Status, "%s kept", r.id)
	}
}
