package fake

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Scenario rules validate operation ids with api.KnownOp: every routed
// operation must be known there, and templates must name their parameters.
func TestRoutesHaveKnownOpsAndTemplates(t *testing.T) {
	t.Parallel()
	rt := newRouter(routes)
	for i := range routes {
		r := &routes[i]
		assert.True(t, api.KnownOp(r.op), r.op)
		assert.NotContains(t, rt.templates[r], "{}", r.op)
	}
	assert.Equal(t, "/v1/{project_id}/vpc-endpoint-services/{id}/name", template(seg("v1/{}/vpc-endpoint-services/{}/name")))
	assert.Equal(t, "/{version}", template(seg("{}")))
	assert.Equal(t, "/", template(seg("")))
}
