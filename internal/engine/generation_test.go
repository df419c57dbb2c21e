package engine

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tenant look-ups run concurrently with Reset and Import, which replace
// the tenant indexes (a data race under -race before they were read under
// the lock), and every Reset moves the generation.
func TestTenantLookupsDuringReset(t *testing.T) {
	t.Parallel()
	e := New(Config{})
	tn := Tenant{DomainID: "d", ProjectID: "p", Token: "tok", AccessKey: "ak"}
	require.NoError(t, e.AddTenant(tn))
	snap := e.Export()
	var wg sync.WaitGroup
	wg.Go(func() {
		for range 200 {
			_, ok := e.TenantByToken("tok")
			assert.True(t, ok)
			_, ok = e.TenantByAccessKey("ak")
			assert.True(t, ok)
			_, ok = e.TenantByProject("p")
			assert.True(t, ok)
		}
	})
	gen := e.HoldState()
	e.ReleaseState()
	for range 50 {
		require.NoError(t, e.Reset(snap))
	}
	wg.Wait()
	assert.Equal(t, gen+50, e.HoldState())
	e.ReleaseState()
}
