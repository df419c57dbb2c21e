package control

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Tokens, passwords and secret keys show only when asked for.
func TestSecretsRedacted(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, Guard{})
	all := []string{secretTenant.Token, secretTenant.Password, secretTenant.SecretKey}
	for path, secrets := range map[string][]string{"/_fake/tenants": all, "/_fake/state": all,
		"/_fake/": {secretTenant.Token}} { // the dashboard shows no password or secret key
		body := text(t, call(h, "GET", path, ""))
		for _, s := range all {
			assert.NotContains(t, body, s, path)
		}
		assert.Contains(t, body, Redacted, path)
		assert.Contains(t, body, secretTenant.AccessKey, "an access key is no secret")
		shown := text(t, call(h, "GET", path+"?secrets=true", ""))
		for _, s := range secrets {
			assert.Contains(t, shown, s, path+"?secrets=true")
		}
	}
	resp := call(h, "POST", "/_fake/tenants", `{"domain_id":"d2","project_id":"p2","token":"(redacted)"}`, jsonType)
	assert.Equal(t, http.StatusBadRequest, resp.StatusCode, "a redacted secret is never taken for a real one")
	state := text(t, call(h, "GET", "/_fake/state", ""))
	resp = call(h, "PUT", "/_fake/state", state, jsonType)
	require.Equal(t, http.StatusBadRequest, resp.StatusCode)
	assert.Contains(t, text(t, resp), "?secrets=true")
	full := text(t, call(h, "GET", "/_fake/state?secrets=true", ""))
	assert.Equal(t, http.StatusNoContent, call(h, "PUT", "/_fake/state", full, jsonType).StatusCode)
	assert.True(t, strings.Contains(full, secretTenant.Token))
}

// The id generator's state decides every id and issued IAM token to come:
// a redacted export leaves it out (such an export cannot be imported
// anyway), one with ?secrets=true keeps it, so export, import, export is
// still the same.
func TestRedactedStateHidesTheIDGenerator(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, Guard{})
	for _, tc := range []struct {
		query string
		shown bool
	}{{"", false}, {"?secrets=true", true}} {
		var state map[string]any
		require.NoError(t, json.Unmarshal([]byte(text(t, call(h, "GET", "/_fake/state"+tc.query, ""))), &state))
		_, ok := state["ids"]
		assert.Equal(t, tc.shown, ok, "ids in /_fake/state%s", tc.query)
	}
}
