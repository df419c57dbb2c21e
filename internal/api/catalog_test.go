package api_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// TestMain fails the package when a test leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCatalogLookup checks that every catalog row is found by Lookup with
// its status and message, and that every status is an HTTP error status.
func TestCatalogLookup(t *testing.T) {
	t.Parallel()
	require.NotEmpty(t, api.Catalog)
	for code, row := range api.Catalog {
		e, ok := api.Lookup(code)
		require.True(t, ok, code)
		assert.Equal(t, row.Status, e.Status, code)
		assert.Equal(t, row.Msg, e.Msg, code)
		assert.GreaterOrEqual(t, e.Status, 400, code)
		assert.Less(t, e.Status, 600, code)
	}
	_, ok := api.Lookup("EndPoint.9999")
	assert.False(t, ok)
}
