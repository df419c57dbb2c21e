package conformance_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestTenantOf: a fake.Tenant (or any Identity) becomes the suite's
// caller without copying fields by hand.
func TestTenantOf(t *testing.T) {
	t.Parallel()
	want := conformance.Tenant{ProjectID: fake.DefaultProjectID, Token: fake.DefaultToken, DomainID: fake.DefaultDomainID}
	assert.Equal(t, want, conformance.TenantOf(fake.DefaultTenant))
	assert.Equal(t, want, conformance.TenantOf(want))
}
