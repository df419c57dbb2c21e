package api

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIAMOperationsAreKnown(t *testing.T) {
	t.Parallel()
	want := []string{"KeystoneListVersions", "KeystoneShowVersion", "KeystoneCreateUserTokenByPassword",
		"KeystoneCreateScopedToken", "KeystoneValidateToken", "KeystoneListProjects", "KeystoneListAuthProjects",
		"KeystoneListAuthDomains", "KeystoneShowCatalog"}
	ids := make([]string, 0, len(IAMOperations))
	for _, o := range IAMOperations {
		ids = append(ids, o.ID)
		assert.True(t, KnownOp(o.ID), o.ID)
		assert.NotEmpty(t, o.Method, o.ID)
		assert.Contains(t, []int{200, 201}, o.SuccessStatus, o.ID)
		assert.NotContains(t, V1Operations(), o, "%s is no VPCEP operation", o.ID)
	}
	assert.Equal(t, want, ids, "the fake IAM's operations, in order")
	assert.False(t, KnownOp("KeystoneDeleteToken"))
}
