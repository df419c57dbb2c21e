package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// TestEndpointTags: the tag APIs address endpoints (resource_type
// endpoint, docs/vpcep-api.md §3.19-3.21) and share the tags array of the endpoint
// object; the resource_name of an endpoint is its id.
func TestEndpointTags(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	c := newClient(t, srv, srv.Tenant())
	svc := c.createService(false)
	ep := c.createEndpoint(endpointBody(svc.ID))

	c.ok(http.MethodPost, "/endpoint/"+ep.ID+"/tags/action", tagBody("create", "team", "net"), 204, nil)
	assert.Equal(t, []api.Tag{{Key: "team", Value: "net"}}, c.getEndpoint(ep.ID).Tags)

	var found struct {
		Resources []struct {
			ID   string    `json:"resource_id"`
			Name string    `json:"resource_name"`
			Tags []api.Tag `json:"tags"`
		} `json:"resources"`
		TotalCount int `json:"total_count"`
	}
	c.ok(http.MethodPost, "/endpoint/resource_instances/action", map[string]any{"action": "filter",
		"tags": []map[string]any{{"key": "team", "values": []string{"net"}}}}, 200, &found)
	require.Equal(t, 1, found.TotalCount)
	assert.Equal(t, ep.ID, found.Resources[0].ID)
	assert.Equal(t, ep.ID, found.Resources[0].Name, "an endpoint's resource_name is its id")

	var keys struct {
		Tags []struct {
			Key    string   `json:"key"`
			Values []string `json:"values"`
		} `json:"tags"`
	}
	c.ok(http.MethodGet, "/endpoint/tags", nil, 200, &keys)
	require.Len(t, keys.Tags, 1)
	assert.Equal(t, "team", keys.Tags[0].Key)

	c.ok(http.MethodPost, "/endpoint/"+ep.ID+"/tags/action", tagBody("delete", "team", nil), 204, nil)
	assert.Empty(t, c.getEndpoint(ep.ID).Tags)
}
