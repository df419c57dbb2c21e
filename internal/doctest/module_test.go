package doctest

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// repoRoot is the repository, seen from this package.
var repoRoot = filepath.Join("..", "..")

// newModule creates, outside the repository, a module that depends on this
// one as a user's would after go get: the repository's requirements and
// go.sum, with a replace directive to the working tree.
func newModule(t *testing.T) string {
	t.Helper()
	root, err := filepath.Abs(repoRoot)
	require.NoError(t, err)
	gomod, err := os.ReadFile(filepath.Join(root, "go.mod"))
	require.NoError(t, err)
	const self = "github.com/seed42eb3344/vpcepfake"
	mod := strings.Replace(string(gomod), "module "+self+"\n", "module example.com/consumer\n", 1)
	mod += "\nrequire " + self + " v0.0.0\n\nreplace " + self + " => " + root + "\n"
	dir := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644))
	sum, err := os.ReadFile(filepath.Join(root, "go.sum"))
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "go.sum"), sum, 0o644))
	return dir
}

// goIn runs the go command in dir and fails the test with its output.
func goIn(t *testing.T, dir string, args ...string) {
	t.Helper()
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "go %s:\n%s", strings.Join(args, " "), out)
}
