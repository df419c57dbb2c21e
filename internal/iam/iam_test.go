package iam

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestIAMDirectory(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, defaultTenant, iamTenant)
	signed, date := "Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=00", "X-Sdk-Date: 20261122T023108Z"
	for _, tc := range []struct {
		name, path string
		headers    []string
		status     int
		check      func(t *testing.T, body map[string]any)
	}{
		{"projects by name", "/v3/projects?name=eu-de", []string{signed, date}, 200, func(t *testing.T, b map[string]any) {
			assert.Len(t, b["projects"], 1)
			assert.Equal(t, defaultTenant.ProjectID, dig(b, "projects", 0, "id"))
			assert.Equal(t, defaultTenant.DomainID, dig(b, "projects", 0, "domain_id"))
		}},
		{"projects of the caller's domain", "/v3/projects", []string{"X-Auth-Token: tok-2"}, 200, func(t *testing.T, b map[string]any) {
			assert.Len(t, b["projects"], 1)
			assert.Equal(t, "eu-de_alice", dig(b, "projects", 0, "name"))
		}},
		{"domains by name", "/v3/auth/domains?name=other-domain", []string{signed, date}, 200, func(t *testing.T, b map[string]any) {
			assert.Len(t, b["domains"], 1)
			assert.Equal(t, "d2d2d2d2", dig(b, "domains", 0, "id"))
		}},
		{"catalog of the signed project", "/v3/auth/catalog", []string{signed, date, "X-Project-Id: p2p2p2p2"}, 200, func(t *testing.T, b map[string]any) {
			assert.Equal(t, base+"/v1/p2p2p2p2", dig(b, "catalog", 0, "endpoints", 0, "url"))
		}},
		{"catalog by token", "/v3/auth/catalog", []string{"X-Auth-Token: " + defaultTenant.Token}, 200, func(t *testing.T, b map[string]any) {
			assert.Equal(t, base+"/v1/"+defaultTenant.ProjectID, dig(b, "catalog", 0, "endpoints", 0, "url"))
		}},
		{"catalog without credentials", "/v3/auth/catalog", nil, 401, nil},
		{"version discovery", "/v3", nil, 200, func(t *testing.T, b map[string]any) {
			assert.Equal(t, "v3.0", dig(b, "version", "id"))
			assert.Equal(t, base+"/v3/", dig(b, "version", "links", 0, "href"))
		}},
		{"unknown path", "/v3/users", nil, 404, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := call(t, h, "GET", tc.path, "", tc.headers...)
			require.Equal(t, tc.status, a.status, a.raw)
			if tc.check != nil {
				tc.check(t, a.body)
			}
		})
	}
}
