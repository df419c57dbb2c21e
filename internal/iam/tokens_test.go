package iam

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIAMPasswordLogin(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, defaultTenant, iamTenant)
	for _, tc := range []struct {
		name, body, wantToken, wantProject, wantDomain string
	}{
		{"default tenant, project by name", passwordLogin("fake-user", "fake-password", "fake-domain",
			`,"scope":{"project":{"name":"eu-de","domain":{"name":"fake-domain"}}}`), defaultTenant.Token, defaultTenant.ProjectID, ""},
		{"project by id", passwordLogin("alice", "secret", "other-domain", `,"scope":{"project":{"id":"p2p2p2p2"}}`),
			"tok-2", "p2p2p2p2", ""},
		{"named project", passwordLogin("alice", "secret", "other-domain",
			`,"scope":{"project":{"name":"eu-de_alice","domain":{"id":"d2d2d2d2"}}}`), "tok-2", "p2p2p2p2", ""},
		{"domain scope", passwordLogin("fake-user", "fake-password", "fake-domain", `,"scope":{"domain":{"name":"fake-domain"}}`),
			defaultTenant.Token, "", defaultTenant.DomainID},
		{"no scope", passwordLogin("alice", "secret", "other-domain", ""), "tok-2", "p2p2p2p2", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := call(t, h, "POST", "/v3/auth/tokens", tc.body)
			require.Equal(t, 201, a.status, a.raw)
			assertIssuedFor(t, h, a.subject, tc.wantToken)
			tok := a.body["token"]
			if tc.wantProject != "" {
				assert.Equal(t, tc.wantProject, dig(tok, "project", "id"))
				assert.Equal(t, base+"/v1/"+tc.wantProject, dig(tok, "catalog", 0, "endpoints", 0, "url"))
			} else {
				assert.Equal(t, tc.wantDomain, dig(tok, "domain", "id"))
				assert.Nil(t, dig(tok, "project"))
			}
			assert.Equal(t, "vpcep", dig(tok, "catalog", 0, "type"))
			assert.Equal(t, "public", dig(tok, "catalog", 0, "endpoints", 0, "interface"))
			assert.Equal(t, "eu-de", dig(tok, "catalog", 0, "endpoints", 0, "region"))
			_, err := time.Parse(time.RFC3339, dig(tok, "expires_at").(string))
			assert.NoError(t, err)
			assert.NotEmpty(t, dig(tok, "user", "id"))
		})
	}
}

func TestIAMLoginRejected(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, defaultTenant, iamTenant)
	for _, tc := range []struct {
		name, body string
		status     int
	}{
		{"wrong password", passwordLogin("fake-user", "nope", "fake-domain", ""), 401},
		{"unknown user", passwordLogin("bob", "fake-password", "fake-domain", ""), 401},
		{"wrong domain", passwordLogin("alice", "secret", "fake-domain", ""), 401},
		{"project of another account", passwordLogin("alice", "secret", "other-domain",
			`,"scope":{"project":{"id":"`+defaultTenant.ProjectID+`"}}`), 401},
		{"unknown project name", passwordLogin("fake-user", "fake-password", "fake-domain",
			`,"scope":{"project":{"name":"eu-nl","domain":{"name":"fake-domain"}}}`), 401},
		{"unknown token", `{"auth":{"identity":{"methods":["token"],"token":{"id":"nope"}}}}`, 401},
		{"no identity", `{"auth":{"identity":{"methods":[]}}}`, 400},
		{"not JSON", `{`, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := call(t, h, "POST", "/v3/auth/tokens", tc.body)
			assert.Equal(t, tc.status, a.status, a.raw)
			assert.Empty(t, a.subject)
			assert.EqualValues(t, tc.status, dig(a.body, "error", "code"))
		})
	}
}

func TestIAMTokenMethodAndValidation(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, defaultTenant, iamTenant)
	a := call(t, h, "POST", "/v3/auth/tokens",
		`{"auth":{"identity":{"methods":["token"],"token":{"id":"tok-2"}},"scope":{"project":{"id":"p2p2p2p2"}}}}`)
	require.Equal(t, 201, a.status, a.raw)
	assertIssuedFor(t, h, a.subject, "tok-2")

	a = call(t, h, "GET", "/v3/auth/tokens", "", "X-Auth-Token: tok-2", "X-Subject-Token: "+defaultTenant.Token)
	require.Equal(t, 200, a.status, a.raw)
	assert.Equal(t, defaultTenant.Token, a.subject, "the subject token is echoed")
	assert.Equal(t, defaultTenant.ProjectID, dig(a.body, "token", "project", "id"))

	a = call(t, h, "GET", "/v3/auth/tokens", "", "X-Auth-Token: nope", "X-Subject-Token: tok-2")
	assert.Equal(t, 401, a.status)
	a = call(t, h, "GET", "/v3/auth/tokens", "", "X-Auth-Token: tok-2", "X-Subject-Token: nope")
	assert.Equal(t, 404, a.status)
}

// assertIssuedFor asserts that tok is a fresh token of the tenant whose
// configured token is want.
func assertIssuedFor(t *testing.T, h *Handler, tok, want string) {
	t.Helper()
	assert.True(t, strings.HasPrefix(tok, tokenPrefix), "a fresh token: %s", tok)
	tn, ok := h.Auth.tokenTenant(tok)
	assert.True(t, ok, "the token authenticates")
	assert.Equal(t, want, tn.Token, "as the scoped tenant")
}
