package engine

import (
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestEngineImports fails when a file of the engine or its rules (tests
// included) imports what lies above it: HTTP and URL parsing are fake's, so
// the engine takes typed queries; fake, iam and control call the engine, not
// the other way round.
func TestEngineImports(t *testing.T) {
	t.Parallel()
	forbidden := []string{"net/url", "net/http",
		"github.com/seed42eb3344/vpcepfake/fake",
		"github.com/seed42eb3344/vpcepfake/internal/iam",
		"github.com/seed42eb3344/vpcepfake/internal/control"}
	files := 0
	err := filepath.WalkDir(".", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.ImportsOnly)
		if err != nil {
			return err
		}
		files++
		for _, im := range f.Imports {
			p, err := strconv.Unquote(im.Path.Value)
			require.NoError(t, err)
			for _, bad := range forbidden {
				assert.False(t, p == bad || strings.HasPrefix(p, bad+"/"), "%s imports %s", path, p)
			}
		}
		return nil
	})
	require.NoError(t, err)
	assert.Greater(t, files, 20, "the walk found the engine's files")
}
