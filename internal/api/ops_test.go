package api

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestKnownOpIsTheSpecsV1Operations(t *testing.T) {
	t.Parallel()
	assert.Len(t, V1Operations(), 30, "the 33 operations of operations.json less the three /v2 ones")
	for op, want := range map[string]bool{
		"CreateEndpointService": true, "UpdateEndpointRoutetable": true, "ListVersionDetails": true,
		"UpgradeEndpoint": false, "GetService": false, "": false,
	} {
		assert.Equal(t, want, KnownOp(op), op)
	}
}

func TestKnownOpAcceptsTheCompanionOperations(t *testing.T) {
	t.Parallel()
	assert.Len(t, NetworkOps, 22)
	seen := map[string]bool{}
	for _, o := range NetworkOps {
		assert.True(t, KnownOp(o.ID), o.ID)
		assert.False(t, seen[o.ID], "repeated %s", o.ID)
		seen[o.ID] = true
		assert.Contains(t, []string{"vpc", "elb"}, o.API, o.ID)
	}
	assert.False(t, KnownOp("CreateVPC"), "ids are case-sensitive")
}

func TestLookupFindsCompanionCodes(t *testing.T) {
	t.Parallel()
	e, ok := Lookup("VPC.0104")
	assert.True(t, ok)
	assert.Equal(t, 409, e.Status)
	e.Status = 400
	assert.Equal(t, 409, VPC0104.Status, "Lookup hands out a copy")
	_, ok = Lookup("ELB.9805")
	assert.True(t, ok)
	_, ok = Lookup("VPC.9999")
	assert.False(t, ok)
}
