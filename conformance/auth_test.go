package conformance_test

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestAKSKSignature checks the signer against the fake's verifier: a
// signed request passes; a wrong secret, another body than the signed one,
// or a changed query after signing are refused with 401.
func TestAKSKSignature(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer(fake.WithDefaultTenant(alice))
	t.Cleanup(srv.Close)
	keys := conformance.AKSK{AccessKey: alice.AccessKey, SecretKey: alice.SecretKey, ProjectID: alice.ProjectID}
	body := []byte(`{"action":"filter","limit":"10"}`)
	wrong := keys
	wrong.SecretKey = "other"
	tests := []struct {
		name   string
		keys   conformance.AKSK
		sent   []byte
		query  string // appended after signing
		status int
	}{
		{"signed", keys, body, "", http.StatusOK},
		{"wrong secret", wrong, body, "", http.StatusUnauthorized},
		{"another body", keys, []byte(`{"action":"count"}`), "", http.StatusUnauthorized},
		{"query added after signing", keys, body, "?limit=1", http.StatusUnauthorized},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			u := srv.URL + "/v1/" + alice.ProjectID + "/endpoint_service/resource_instances/action"
			req, err := http.NewRequestWithContext(context.Background(), http.MethodPost, u, nil)
			require.NoError(t, err)
			req.Header.Set("Content-Type", "application/json")
			require.NoError(t, tt.keys.Authorize(req, body))
			assert.Regexp(t, `^\d{8}T\d{6}Z$`, req.Header.Get("X-Sdk-Date"))
			assert.Regexp(t, `^SDK-HMAC-SHA256 Access=`+tt.keys.AccessKey+`, SignedHeaders=host;x-project-id;x-sdk-date, Signature=[0-9a-f]{64}$`,
				req.Header.Get("Authorization"))
			req.Body, req.ContentLength = io.NopCloser(bytes.NewReader(tt.sent)), int64(len(tt.sent))
			if tt.query != "" {
				req.URL.RawQuery = tt.query[1:]
			}
			resp, err := srv.Client().Do(req)
			require.NoError(t, err)
			resp.Body.Close()
			assert.Equal(t, tt.status, resp.StatusCode)
		})
	}
}
