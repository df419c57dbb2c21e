package doctest

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/require"
)

// TestConsumerModule runs testdata/consumer in a module of its own, as a
// team that adopts the fake would: start a fake, create a service with
// plain net/http, move a mock clock, script a failure with public
// constants, read the journal and run conformance.Run with a fake.Tenant.
func TestConsumerModule(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := newModule(t)
	src, err := os.ReadFile(filepath.Join("testdata", "consumer", "consumer_test.go"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "consumer_test.go"), src, 0o644))
	goIn(t, dir, "vet", "./...")
	goIn(t, dir, "test", "-count=1", "./...")
}
