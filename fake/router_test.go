package fake

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// The literal segments public and describe share a level with the service
// id; the router must never take them for an id (docs/vpcep-api.md §1.1).
func TestRouterPrefersLiteralServiceSegments(t *testing.T) {
	t.Parallel()
	rt := newRouter(routes)
	const id = "6f0e8f2a-1b1c-4d5e-9f00-0123456789ab"
	tests := []struct {
		method, path string
		op           string
		params       []string
	}{
		{http.MethodGet, "/v1/p/vpc-endpoint-services/public", scenario.OpListServicePublicDetails, []string{"p"}},
		{http.MethodGet, "/v1/p/vpc-endpoint-services/describe", scenario.OpListServiceDescribeDetails, []string{"p"}},
		{http.MethodGet, "/v1/p/vpc-endpoint-services/" + id, scenario.OpListServiceDetails, []string{"p", id}},
		{http.MethodGet, "/v1/p/vpc-endpoint-services/" + id + "/permissions", scenario.OpListServicePermissionsDetails, []string{"p", id}},
		{http.MethodPost, "/v1/p/vpc-endpoint-services/" + id + "/permissions/action", scenario.OpAddOrRemoveServicePermissions, []string{"p", id}},
		{http.MethodPost, "/v1/p/vpc-endpoint-services/" + id + "/permissions/batch-create", scenario.OpBatchAddEndpointServicePermissions, []string{"p", id}},
		{http.MethodPost, "/v1/p/vpc-endpoint-services/" + id + "/permissions/batch-delete", scenario.OpBatchRemoveEndpointServicePermissions, []string{"p", id}},
		{http.MethodPut, "/v1/p/vpc-endpoint-services/" + id + "/permissions/" + id, scenario.OpUpdateEndpointServicePermissionDesc, []string{"p", id, id}},
	}
	for _, tc := range tests {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			r, params, ok := matchPath(rt, tc.method, tc.path)
			require.True(t, ok)
			assert.Equal(t, tc.op, r.op)
			assert.Equal(t, tc.params, params)
		})
	}
	// /public serves only GET: other methods fall through to the id
	// routes, where "public" is a malformed id (EndPoint.3062).
	for m, op := range map[string]string{http.MethodPut: scenario.OpUpdateEndpointService, http.MethodDelete: scenario.OpDeleteEndpointService} {
		r, _, ok := matchPath(rt, m, "/v1/p/vpc-endpoint-services/public")
		require.True(t, ok)
		assert.Equal(t, op, r.op)
	}
}

// matchPath is router.match with the parameters as a slice.
func matchPath(rt *router, method, path string) (*route, []string, bool) {
	var params [maxSegs]string
	r, n, ok := rt.match(method, path, &params)
	return r, params[:n], ok
}

// TestRouterTagPaths checks that the tag paths, whose resource_type shares
// a level with vpc-endpoint-services, reach the right operations.
func TestRouterTagPaths(t *testing.T) {
	t.Parallel()
	rt := newRouter(routes)
	const id = "e9c186ca-99e4-4a88-9011-8898f1d680c0"
	cases := []struct {
		method, path string
		op           string
		params       []string
	}{
		{http.MethodGet, "/v1/p/endpoint_service/tags", scenario.OpListQueryProjectResourceTags, []string{"p", "endpoint_service"}},
		{http.MethodGet, "/v1/p/endpoint/tags", scenario.OpListQueryProjectResourceTags, []string{"p", "endpoint"}},
		{http.MethodGet, "/v1/p/vpc-endpoint-services/" + id, scenario.OpListServiceDetails, []string{"p", id}},
		{http.MethodGet, "/v1/p/vpc-endpoint-services/tags", scenario.OpListServiceDetails, []string{"p", "tags"}},
		{http.MethodPost, "/v1/p/endpoint/" + id + "/tags/action", scenario.OpBatchAddOrRemoveResourceInstance, []string{"p", "endpoint", id}},
		{http.MethodPost, "/v1/p/endpoint_service/" + id + "/tags/action", scenario.OpBatchAddOrRemoveResourceInstance, []string{"p", "endpoint_service", id}},
		{http.MethodPost, "/v1/p/endpoint_service/resource_instances/action", scenario.OpListResourceInstances, []string{"p", "endpoint_service"}},
		{http.MethodPost, "/v1/p/vpc-endpoint-services", scenario.OpCreateEndpointService, []string{"p"}},
		{http.MethodPut, "/v1/p/vpc-endpoint-services/" + id + "/name", scenario.OpUpdateEndpointServiceName, []string{"p", id}},
	}
	for _, tc := range cases {
		t.Run(tc.method+" "+tc.path, func(t *testing.T) {
			t.Parallel()
			r, params, ok := matchPath(rt, tc.method, tc.path)
			require.True(t, ok)
			assert.Equal(t, tc.op, r.op)
			assert.Equal(t, tc.params, params)
		})
	}
	t.Run("wrong method", func(t *testing.T) {
		t.Parallel()
		_, _, ok := matchPath(rt, http.MethodGet, "/v1/p/endpoint/"+id+"/tags/action")
		assert.False(t, ok)
	})
}
