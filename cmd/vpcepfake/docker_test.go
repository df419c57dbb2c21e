package main

import (
	"debug/elf"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// dockerBuild finds the RUN line of the Dockerfile that builds the binary:
// the shell command and its output path.
var dockerBuild = regexp.MustCompile(`(?m)^RUN (CGO_ENABLED=0 go build .* -o (\S+) \./cmd/vpcepfake)$`)

// TestDockerfileBuildsAStaticBinary runs the Dockerfile's go build command
// (there is no Docker daemon in CI) and checks that the result is a static
// executable: no ELF interpreter, no shared libraries. It also checks the
// image runs as non-root and listens on all interfaces.
func TestDockerfileBuildsAStaticBinary(t *testing.T) {
	t.Parallel()
	if testing.Short() {
		t.Skip("builds the binary")
	}
	root := filepath.Join("..", "..")
	df, err := os.ReadFile(filepath.Join(root, "Dockerfile"))
	require.NoError(t, err)
	text := string(df)
	m := dockerBuild.FindStringSubmatch(text)
	require.NotNil(t, m, "the Dockerfile's go build line")
	assert.Regexp(t, `(?m)^USER [1-9][0-9]*`, text, "a non-root user")
	assert.Contains(t, text, "\nENV VPCEPFAKE_ADDR=0.0.0.0:8780\n")
	assert.Regexp(t, `(?m)^ENV VPCEPFAKE_ALLOWED_HOSTS=\S+`, text, "the control API's Host check")

	bin := filepath.Join(t.TempDir(), "vpcepfake")
	cmd := exec.Command("sh", "-c", strings.Replace(m[1], " -o "+m[2]+" ", " -o "+bin+" ", 1)) // as RUN does
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, string(out))

	f, err := elf.Open(bin)
	require.NoError(t, err)
	defer f.Close()
	for _, p := range f.Progs {
		assert.NotEqual(t, elf.PT_INTERP, p.Type, "a static binary has no interpreter")
	}
	libs, err := f.ImportedLibraries()
	require.NoError(t, err)
	assert.Empty(t, libs)
}
