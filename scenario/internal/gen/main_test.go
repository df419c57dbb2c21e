package main

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedFileIsCurrent fails when scenario/ids_gen.go differs from
// what the generator writes now: run go generate ./scenario.
func TestGeneratedFileIsCurrent(t *testing.T) {
	t.Parallel()
	want, err := render()
	require.NoError(t, err)
	got, err := os.ReadFile(filepath.Join("..", "..", output))
	require.NoError(t, err)
	assert.Equal(t, string(want), string(got), "scenario/%s is stale: run go generate ./scenario", output)
}

func TestConstName(t *testing.T) {
	t.Parallel()
	for code, want := range map[string]string{"EndPoint.3043": "ErrEndPoint3043", "Endpoint.1018": "ErrEndpoint1018"} {
		assert.Equal(t, want, constName(code))
	}
}
