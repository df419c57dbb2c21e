package doctest

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// readmes are the documents whose Go blocks must compile.
var readmes = []string{"README.md", "scenario/README.md"}

// goBlock finds a ```go block; group 1 is its code.
var goBlock = regexp.MustCompile("(?ms)^```go\n(.*?)^```")

// prelude starts every fragment: the packages a README block may use, each
// referred to once so that a block need not use them all.
const prelude = `package doc

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

var (
	_ = context.Background
	_ = json.Marshal
	_ = fmt.Sprint
	_ = http.NewRequest
	_ = strings.NewReader
	_ = synctest.Test
	_ = time.Second
	_ = clock.NewMock
	_ = assert.Equal
	_ = require.Equal
	_ = conformance.Run
	_ = fake.New
	_ = scenario.New
	_ testing.TB
)
`

// declaration starts a block of top-level declarations.
var declaration = regexp.MustCompile(`^(func|type|var|const) `)

// goFile turns a README block into a Go test file. The kind of block is
// told by its first line of code:
//   - "package ...": a whole file, taken as it is;
//   - "func ...", "type ...", "var ..." or "const ...": declarations, after
//     the prelude;
//   - anything else: statements, the body of a function of t *testing.T,
//     after the prelude.
//
// Test functions of the first two kinds run.
func goFile(code string) string {
	first := strings.TrimSpace(code)
	for strings.HasPrefix(first, "//") {
		_, first, _ = strings.Cut(first, "\n")
		first = strings.TrimSpace(first)
	}
	switch {
	case strings.HasPrefix(first, "package "):
		return code
	case declaration.MatchString(first):
		return prelude + "\n" + code
	default:
		return prelude + "\nfunc _(t *testing.T) {\n" + code + "}\n"
	}
}

// TestReadmeGoBlocksCompile writes every Go block of the READMEs into a
// package of its own in a module outside the repository, vets it and runs
// its tests: what the README shows compiles against the public API.
func TestReadmeGoBlocksCompile(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds a module")
	}
	dir := newModule(t)
	blocks := 0
	for _, name := range readmes {
		text, err := os.ReadFile(filepath.Join(repoRoot, name))
		require.NoError(t, err)
		for _, m := range goBlock.FindAllSubmatchIndex(text, -1) {
			line := 1 + strings.Count(string(text[:m[0]]), "\n")
			pkg := filepath.Join(dir, fmt.Sprintf("%s_line%d", strings.NewReplacer("/", "_", ".", "_").Replace(name), line))
			require.NoError(t, os.Mkdir(pkg, 0o755))
			require.NoError(t, os.WriteFile(filepath.Join(pkg, "block_test.go"), []byte(goFile(string(text[m[2]:m[3]]))), 0o644))
			blocks++
		}
	}
	require.Positive(t, blocks)
	goIn(t, dir, "vet", "./...")
	goIn(t, dir, "test", "-count=1", "./...")
}
