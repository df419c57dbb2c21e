package conformance_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// Two accounts with every kind of credential, as the standalone binary
// can be given them.
var (
	alice = fake.Tenant{DomainID: "a11ce0000000400080000000000000d1", ProjectID: "a11ce0000000400080000000000000p1",
		Token: "alice-token", DomainName: "alice-domain", UserName: "alice", Password: "alice-pw",
		AccessKey: "ALICEAK", SecretKey: "alice-sk"}
	bob = fake.Tenant{DomainID: "b0b00000000040008000000000000d02", ProjectID: "b0b00000000040008000000000000p02",
		Token: "bob-token", DomainName: "bob-domain", UserName: "bob", Password: "bob-pw",
		AccessKey: "BOBAK", SecretKey: "bob-sk"}
)

// credentialEnv is the environment of each credential variant for a
// server at url; the second tenant uses the _2 variables.
func credentialEnv(variant, url string) map[string]string {
	env := map[string]string{}
	for sfx, tn := range map[string]fake.Tenant{"": alice, "_2": bob} {
		switch variant {
		case "token":
			env["VPCEP_CONFORMANCE_URL"] = url
			env["VPCEP_TOKEN"+sfx], env["VPCEP_PROJECT_ID"+sfx], env["VPCEP_DOMAIN_ID"+sfx] = tn.Token, tn.ProjectID, tn.DomainID
		case "password":
			env["VPCEP_CONFORMANCE"], env["OS_AUTH_URL"], env["OS_PROJECT_NAME"] = "1", url+"/v3", fake.DefaultRegion
			env["OS_USERNAME"+sfx], env["OS_PASSWORD"+sfx], env["OS_DOMAIN_NAME"+sfx] = tn.UserName, tn.Password, tn.DomainName
		case "aksk":
			env["VPCEP_CONFORMANCE"], env["OS_AUTH_URL"], env["OS_PROJECT_NAME"] = "1", url, fake.DefaultRegion
			env["OS_ACCESS_KEY"+sfx], env["OS_SECRET_KEY"+sfx] = tn.AccessKey, tn.SecretKey
		}
	}
	return env
}

func getenv(env map[string]string) func(string) string {
	return func(k string) string { return env[k] }
}

// TestFromEnv runs the whole suite over a loopback socket with each kind of
// credential a user has, two tenants each: a raw token, an IAM password
// login (the endpoint found in the IAM catalog) and AK/SK signatures that
// the fake verifies.
func TestFromEnv(t *testing.T) {
	for _, variant := range []string{"token", "password", "aksk"} {
		t.Run(variant, func(t *testing.T) {
			srv := fake.NewServer(fake.WithDefaultTenant(alice), fake.WithTenants(bob))
			t.Cleanup(srv.Close)
			tg, err := conformance.FromEnv(context.Background(), getenv(credentialEnv(variant, srv.URL)))
			require.NoError(t, err)
			assert.Equal(t, srv.URL, tg.BaseURL)
			assert.Equal(t, alice.ProjectID, tg.Tenant.ProjectID)
			assert.Equal(t, alice.DomainID, tg.Tenant.DomainID)
			require.NotNil(t, tg.Other)
			assert.Equal(t, bob.DomainID, tg.Other.DomainID)
			t.Run("suite", func(t *testing.T) { conformance.Run(t, tg) })
			snap := srv.Export()
			assert.Empty(t, snap.Services, "everything the suite made is deleted")
			assert.Empty(t, snap.Endpoints)
		})
	}
}

func TestFromEnvErrors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		env  map[string]string
		want string
	}{
		{"no credentials", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1"}, "no credentials"},
		{"token without project", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1", "VPCEP_TOKEN": "t"}, "VPCEP_PROJECT_ID"},
		{"second token without project", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1", "VPCEP_TOKEN": "t",
			"VPCEP_PROJECT_ID": "p", "VPCEP_TOKEN_2": "t2"}, "VPCEP_PROJECT_ID_2"},
		{"access key without secret", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1", "OS_ACCESS_KEY": "ak"}, "OS_SECRET_KEY"},
		{"access key without a way to its project", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1",
			"OS_ACCESS_KEY": "ak", "OS_SECRET_KEY": "sk"}, "OS_AUTH_URL"},
		{"password without auth url", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1", "OS_USERNAME": "u"}, "OS_AUTH_URL"},
		{"no url and no catalog", map[string]string{"VPCEP_CONFORMANCE": "1", "VPCEP_TOKEN": "t", "VPCEP_PROJECT_ID": "p"}, "VPCEP_CONFORMANCE_URL"},
		{"bad wait timeout", map[string]string{"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1", "VPCEP_TOKEN": "t",
			"VPCEP_PROJECT_ID": "p", "VPCEP_WAIT_TIMEOUT": "soon"}, "VPCEP_WAIT_TIMEOUT"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			_, err := conformance.FromEnv(context.Background(), getenv(tt.env))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestFromEnvSettings(t *testing.T) {
	t.Parallel()
	tg, err := conformance.FromEnv(context.Background(), getenv(map[string]string{
		"VPCEP_CONFORMANCE_URL": "http://127.0.0.1:1/", "VPCEP_TOKEN": "t", "VPCEP_PROJECT_ID": "p",
		"VPCEP_WAIT_TIMEOUT": "90s", "VPCEP_POLL_INTERVAL": "2s", "VPCEP_CONFORMANCE_REPORT": "/tmp/r.json",
	}))
	require.NoError(t, err)
	assert.Equal(t, "http://127.0.0.1:1", tg.BaseURL)
	assert.Equal(t, "1m30s", tg.WaitTimeout.String())
	assert.Equal(t, "2s", tg.PollInterval.String())
	assert.Equal(t, "/tmp/r.md", tg.ReportMarkdown, "the Markdown report sits beside the JSON one")
	assert.Nil(t, tg.Other)
}

func TestEnabled(t *testing.T) {
	t.Parallel()
	assert.False(t, conformance.Enabled(getenv(map[string]string{"OS_AUTH_URL": "x", "OS_USERNAME": "u"})),
		"terraform's variables alone never start a run")
	assert.True(t, conformance.Enabled(getenv(map[string]string{"VPCEP_CONFORMANCE_URL": "x"})))
	assert.True(t, conformance.Enabled(getenv(map[string]string{"VPCEP_CONFORMANCE": "1"})))
}

// TestRenewAfter401: a 401 to a logged-in tenant (its token expired) makes
// it log in again and send the request once more; AK/SK does not retry.
func TestRenewAfter401(t *testing.T) {
	t.Parallel()
	for _, tt := range []struct {
		variant              string
		wantStatus           int
		wantLogins, wantAPIs int64
	}{
		{"password", http.StatusOK, 1, 2},
		{"aksk", http.StatusUnauthorized, 0, 1},
	} {
		t.Run(tt.variant, func(t *testing.T) {
			t.Parallel()
			f := fake.New(fake.WithDefaultTenant(alice))
			var logins, apis atomic.Int64
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				switch {
				case r.Method == http.MethodPost && r.URL.Path == "/v3/auth/tokens":
					logins.Add(1)
				case strings.HasPrefix(r.URL.Path, "/v1/") && apis.Add(1) == 1:
					w.Header().Set("X-Request-Id", "r")
					w.WriteHeader(http.StatusUnauthorized)
					_, _ = w.Write([]byte(`{"error_code":"APIGW.0307","error_msg":"The token expires."}`))
					return
				}
				f.ServeHTTP(w, r)
			}))
			t.Cleanup(srv.Close)
			env := credentialEnv(tt.variant, srv.URL)
			env["VPCEP_CONFORMANCE_URL"] = srv.URL
			for k := range env {
				if strings.HasSuffix(k, "_2") {
					delete(env, k)
				}
			}
			tg, err := conformance.FromEnv(context.Background(), getenv(env))
			require.NoError(t, err)
			t.Cleanup(tg.HTTPClient.CloseIdleConnections)
			logins.Store(0)
			r := conformance.NewHTTPClient(tg.BaseURL, tg.Tenant, tg.HTTPClient).ListServices(context.Background(), nil)
			assert.Equal(t, tt.wantStatus, r.Status, "%v", r.Body)
			assert.Equal(t, tt.wantLogins, logins.Load(), "logins after the first")
			assert.Equal(t, tt.wantAPIs, apis.Load(), "API requests")
		})
	}
}
