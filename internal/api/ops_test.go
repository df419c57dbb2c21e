package api

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKnownOpIsTheSpecsV1Operations(t *testing.T) {
	t.Parallel()
	assert.Len(t, v1Ops, 33, "every operation of operations.json")
	for op, want := range map[string]bool{
		OpCreateService: true, OpUpdateEndpointRoutetables: true, OpListVersions: true,
		"UpgradeEndpoint": false, "GetService": false, "": false,
	} {
		assert.Equal(t, want, KnownOp(op), op)
	}
}
