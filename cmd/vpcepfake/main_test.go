package main

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/binarytest"
)

// TestBinaryLifecycle builds the real binary, starts it on a free loopback
// port and drives one service through creating → available → deleting →
// 404 over HTTP. -after-reads 1 makes every transition complete after one
// read, so the test needs no clock and never sleeps.
func TestBinaryLifecycle(t *testing.T) {
	t.Parallel()
	root, cmd := binarytest.Start(t, ".", "-after-reads", "1")
	base := root + "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"

	do := func(method, url, body string) (int, map[string]any) {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		require.NoError(t, err)
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		raw, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.NotEmpty(t, resp.Header.Get("X-Request-Id"))
		var m map[string]any
		if len(raw) > 0 {
			require.NoError(t, json.Unmarshal(raw, &m), string(raw))
		}
		return resp.StatusCode, m
	}

	code, svc := do("POST", base, `{"port_id":"0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a","server_type":"VM","ports":[{"client_port":80,"server_port":8080}]}`)
	require.Equal(t, 200, code, svc)
	require.Equal(t, "creating", svc["status"])
	url := base + "/" + svc["id"].(string)
	for _, want := range []string{"creating", "available"} {
		code, got := do("GET", url, "")
		require.Equal(t, 200, code)
		assert.Equal(t, want, got["status"])
	}
	code, _ = do("DELETE", url, "")
	require.Equal(t, 204, code)
	code, got := do("GET", url, "")
	require.Equal(t, 200, code)
	assert.Equal(t, "deleting", got["status"])
	code, got = do("GET", url, "")
	require.Equal(t, 404, code)
	assert.Equal(t, "EndPoint.0005", got["error_code"])

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, cmd.Wait(), "graceful shutdown exits 0")
}

func TestRunRejectsBadFlags(t *testing.T) {
	t.Parallel()
	for _, args := range [][]string{
		{"-log-level", "loud"},
		{"-project", "no/slash"},
		{"-token", ""},
		{"extra"},
		{"-addr", "256.0.0.1:1"},
		{"-fixtures", "/nonexistent/state.json"},
		{"-scenario", "testdata/missing.json"},
	} {
		t.Run(strings.Join(args, " "), func(t *testing.T) {
			t.Parallel()
			var out, errOut bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			assert.Error(t, run(ctx, args, noEnv, &out, &errOut))
			assert.Empty(t, out.String(), "nothing is served")
		})
	}
}

func noEnv(string) string { return "" }

func TestEnvironmentSetsFlags(t *testing.T) {
	t.Parallel()
	env := map[string]string{"VPCEPFAKE_ADDR": "127.0.0.1:9999", "VPCEPFAKE_SERVICE_CREATE_DELAY": "30s",
		"VPCEPFAKE_MANUAL_CLOCK": "true", "VPCEPFAKE_USER": "bob"}
	o, err := parse([]string{"-user", "carol"}, func(k string) string { return env[k] }, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1:9999", o.addr)
	assert.Equal(t, 30*time.Second, o.delays.ServiceCreate)
	assert.True(t, o.manualClock)
	assert.Equal(t, "carol", o.tenant.UserName, "the command line wins")

	_, err = parse(nil, func(k string) string {
		return map[string]string{"VPCEPFAKE_SEED": "many"}[k]
	}, io.Discard)
	require.ErrorIs(t, err, errUsage)
	assert.Contains(t, err.Error(), "$VPCEPFAKE_SEED")
}

func TestExitCodes(t *testing.T) {
	t.Parallel()
	ctx := context.Background()
	var out bytes.Buffer
	require.NoError(t, run(ctx, []string{"-version"}, noEnv, &out, io.Discard))
	assert.Regexp(t, `^vpcepfake `+regexp.QuoteMeta(fake.Version)+` go`, out.String())

	for _, tc := range []struct {
		args []string
		code int
	}{
		{[]string{"-h"}, 0},
		{[]string{"-no-such-flag"}, 2},
		{[]string{"-log-level", "loud"}, 2},
		{[]string{"-fixtures", "/nonexistent/state.json"}, 1},
	} {
		assert.Equal(t, tc.code, exitCode(run(ctx, tc.args, noEnv, io.Discard, io.Discard), io.Discard), tc.args)
	}
}

func TestRunServesUntilCancelled(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithCancel(context.Background())
	cancel() // shut down right after start-up
	var out bytes.Buffer
	args := []string{"-addr", "127.0.0.1:0", "-scenario", "../../scenario/testdata/example.json", "-after-reads", "2"}
	require.NoError(t, run(ctx, args, noEnv, &out, io.Discard))
	assert.Contains(t, out.String(), "vpcepfake listening on http://127.0.0.1:")
	assert.Contains(t, out.String(), "token:      "+fake.DefaultToken)
}

func TestLoadFixtures(t *testing.T) {
	t.Parallel()
	src := fake.NewTest(t, fake.WithTenants(fake.Tenant{DomainID: "d2", ProjectID: "p2", Token: "t2"}))
	raw, err := json.Marshal(src.Export())
	require.NoError(t, err)
	dir := t.TempDir()
	good, bad := filepath.Join(dir, "state.json"), filepath.Join(dir, "bad.json")
	require.NoError(t, os.WriteFile(good, raw, 0o600))
	require.NoError(t, os.WriteFile(bad, []byte(`{"version":99}`), 0o600))

	srv := fake.New()
	require.NoError(t, loadFixtures(srv, good))
	assert.Len(t, srv.Tenants(), 2, "the fixture's tenants replace the configured ones")
	assert.ErrorContains(t, loadFixtures(srv, bad), "version")
	assert.Len(t, srv.Tenants(), 2, "a bad fixture changes nothing")
}
