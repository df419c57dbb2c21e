package conformance_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestCleanupAfterFailureOrInterrupt runs TestRealCloud in a child process
// (this test binary) against a fake on a loopback socket, the way a user
// runs it, and breaks the run: a check fails, or the child gets SIGINT
// while it waits for its fixture endpoint. Either way the child fails,
// reports what happened, and leaves nothing behind.
func TestCleanupAfterFailureOrInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("needs SIGINT")
	}
	t.Parallel()
	tests := []struct {
		name string
		// hook answers r instead of the fake when it returns true.
		hook func(child *os.Process, w http.ResponseWriter, r *http.Request) bool
		want string // in the child's output and the report's messages
	}{
		{"a check fails", func(_ *os.Process, w http.ResponseWriter, r *http.Request) bool {
			if !strings.HasSuffix(r.URL.Path, "/quotas") {
				return false
			}
			w.Header().Set("X-Request-Id", "r")
			w.WriteHeader(http.StatusTeapot)
			return true
		}, "got 418"},
		{"interrupted", interruptOnce(), "interrupted"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			f := fake.New(fake.WithDefaultTenant(alice), fake.WithTenants(bob))
			var mu sync.Mutex
			var child *os.Process
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				mu.Lock()
				p := child
				mu.Unlock()
				if !tt.hook(p, w, r) {
					f.ServeHTTP(w, r)
				}
			}))
			t.Cleanup(srv.Close)
			report := filepath.Join(t.TempDir(), "report.json")
			cmd := exec.Command(os.Args[0], "-test.run=^TestRealCloud$", "-test.count=1")
			cmd.Env = append(childEnv(), "VPCEP_CONFORMANCE_REPORT="+report, "VPCEP_POLL_INTERVAL=10ms")
			for k, v := range credentialEnv("token", srv.URL) {
				cmd.Env = append(cmd.Env, k+"="+v)
			}
			var out bytes.Buffer
			cmd.Stdout, cmd.Stderr = &out, &out
			mu.Lock()
			require.NoError(t, cmd.Start())
			child = cmd.Process
			mu.Unlock()
			err := cmd.Wait()
			var exit *exec.ExitError
			require.True(t, errors.As(err, &exit), "the child fails: %v\n%s", err, out.String())
			assert.Contains(t, out.String(), tt.want)
			assert.NotContains(t, out.String(), "unexpected goroutines")

			snap := f.Export()
			assert.Empty(t, snap.Services, "every service deleted")
			assert.Empty(t, snap.Endpoints, "every endpoint deleted")

			raw, err := os.ReadFile(report)
			require.NoError(t, err)
			var rep struct {
				Summary map[string]int
				Entries []struct {
					Name, Result string
					Messages     []string
				}
			}
			require.NoError(t, json.Unmarshal(raw, &rep))
			assert.Positive(t, rep.Summary["fail"])
			require.NotEmpty(t, rep.Entries)
			assert.Equal(t, "fail", rep.Entries[0].Result, "failures come first")
			assert.Contains(t, strings.Join(rep.Entries[0].Messages, " "), tt.want)
		})
	}
}

// interruptOnce sends SIGINT to the child at its first look at an
// endpoint (the fixture's wait) and holds that request until the child,
// interrupted, gives up on it.
func interruptOnce() func(*os.Process, http.ResponseWriter, *http.Request) bool {
	var once sync.Once
	return func(child *os.Process, _ http.ResponseWriter, r *http.Request) bool {
		if r.Method != http.MethodGet || !strings.Contains(r.URL.Path, "/vpc-endpoints/") {
			return false
		}
		fired := false
		once.Do(func() { fired = child.Signal(os.Interrupt) == nil })
		if fired {
			<-r.Context().Done()
		}
		return fired
	}
}

// childEnv is this process's environment without the variables that
// configure a real-cloud run.
func childEnv() []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "VPCEP_") && !strings.HasPrefix(kv, "OS_") {
			env = append(env, kv)
		}
	}
	return env
}
