package api

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKnownOpIsTheSpecsV1Operations(t *testing.T) {
	t.Parallel()
	assert.Len(t, V1Operations(), 30, "the 33 operations of operations.json less the three /v2 ones")
	for op, want := range map[string]bool{
		OpCreateService: true, OpUpdateEndpointRoutetables: true, OpListVersions: true,
		"UpgradeEndpoint": false, "GetService": false, "": false,
	} {
		assert.Equal(t, want, KnownOp(op), op)
	}
}
