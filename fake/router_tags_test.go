package fake

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

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
