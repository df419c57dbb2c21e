package doctest

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// jsonBlock finds a ```json block; group 1 is its text.
var jsonBlock = regexp.MustCompile("(?ms)^```json\n(.*?)^```")

// TestReadmeJSONBlocksAreScenarioFiles loads every JSON block of the READMEs
// as a scenario file (all of them are): an example a user copies into
// -scenario or POST /_fake/scenario loads as shown.
func TestReadmeJSONBlocksAreScenarioFiles(t *testing.T) {
	t.Parallel()
	blocks := 0
	for _, name := range readmes {
		text, err := os.ReadFile(filepath.Join(repoRoot, name))
		require.NoError(t, err)
		for _, m := range jsonBlock.FindAllSubmatchIndex(text, -1) {
			line := 1 + strings.Count(string(text[:m[0]]), "\n")
			_, err := scenario.Load(strings.NewReader(string(text[m[2]:m[3]])))
			require.NoError(t, err, "%s line %d", name, line)
			blocks++
		}
	}
	require.Positive(t, blocks)
}
