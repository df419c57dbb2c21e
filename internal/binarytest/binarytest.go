// Package binarytest builds and starts the vpcepfake binary for tests that
// drive it over a real socket, in this module and in the nested modules
// that test it with real SDKs.
package binarytest

import (
	"bufio"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// Start builds the command in dir (cmd/vpcepfake), starts it on a free
// loopback port with args and returns its base URL and process. The
// environment holds only PATH, so no VPCEPFAKE_* of the host leaks in. The
// process is killed when the test ends unless the test stopped it.
func Start(tb testing.TB, dir string, args ...string) (string, *exec.Cmd) {
	tb.Helper()
	bin := filepath.Join(tb.TempDir(), "vpcepfake")
	build := exec.Command("go", "build", "-o", bin, ".")
	build.Dir = dir
	build.Stderr = os.Stderr
	require.NoError(tb, build.Run())
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0"}, args...)...)
	cmd.Env = []string{"PATH=" + os.Getenv("PATH")}
	stdout, err := cmd.StdoutPipe()
	require.NoError(tb, err)
	require.NoError(tb, cmd.Start())
	tb.Cleanup(func() { _ = cmd.Process.Kill() })
	lines := bufio.NewScanner(stdout)
	require.True(tb, lines.Scan(), "no output from the binary")
	url, ok := strings.CutPrefix(lines.Text(), "vpcepfake listening on ")
	require.True(tb, ok, lines.Text())
	require.True(tb, strings.HasPrefix(url, "http://127.0.0.1:"), url)
	go func() { _, _ = io.Copy(io.Discard, stdout) }()
	return url, cmd
}
