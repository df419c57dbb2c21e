package fake_test

import (
	"os"
	"regexp"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestVersionIsTheLatestRelease: fake.Version is the first released
// section of CHANGELOG.md ("## [x.y.z] - date"; Unreleased does not count).
func TestVersionIsTheLatestRelease(t *testing.T) {
	t.Parallel()
	log, err := os.ReadFile("../CHANGELOG.md")
	require.NoError(t, err)
	m := regexp.MustCompile(`(?m)^## \[(\d+\.\d+\.\d+)\] - \d{4}-\d{2}-\d{2}$`).FindSubmatch(log)
	require.NotNil(t, m, "a released section in CHANGELOG.md")
	assert.Equal(t, string(m[1]), fake.Version)
}
