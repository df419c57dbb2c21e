package fake_test

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// iamTenant is a second account with its own login and a named project.
var iamTenant = fake.Tenant{DomainID: "d2d2d2d2", ProjectID: "p2p2p2p2", Token: "tok-2",
	DomainName: "other-domain", UserName: "alice", Password: "secret", ProjectName: "eu-de_alice"}

func passwordLogin(user, password, domain, scope string) string {
	return `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + user +
		`","password":"` + password + `","domain":{"name":"` + domain + `"}}}}` + scope + `}}`
}

func TestIAMPasswordLogin(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(iamTenant))
	for _, tc := range []struct {
		name, body, wantToken, wantProject, wantDomain string
	}{
		{"default tenant, project by name", passwordLogin("fake-user", "fake-password", "fake-domain",
			`,"scope":{"project":{"name":"eu-de","domain":{"name":"fake-domain"}}}`), fake.DefaultToken, fake.DefaultProjectID, ""},
		{"project by id", passwordLogin("alice", "secret", "other-domain", `,"scope":{"project":{"id":"p2p2p2p2"}}`),
			"tok-2", "p2p2p2p2", ""},
		{"named project", passwordLogin("alice", "secret", "other-domain",
			`,"scope":{"project":{"name":"eu-de_alice","domain":{"id":"d2d2d2d2"}}}`), "tok-2", "p2p2p2p2", ""},
		{"domain scope", passwordLogin("fake-user", "fake-password", "fake-domain", `,"scope":{"domain":{"name":"fake-domain"}}`),
			fake.DefaultToken, "", fake.DefaultDomainID},
		{"no scope", passwordLogin("alice", "secret", "other-domain", ""), "tok-2", "p2p2p2p2", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := front(t, srv, "POST", "/v3/auth/tokens", tc.body)
			require.Equal(t, 201, a.status, a.raw)
			assert.Equal(t, tc.wantToken, a.header.Get("X-Subject-Token"))
			tok := a.body["token"]
			if tc.wantProject != "" {
				assert.Equal(t, tc.wantProject, dig(tok, "project", "id"))
				assert.Equal(t, srv.URL+"/v1/"+tc.wantProject, dig(tok, "catalog", 0, "endpoints", 0, "url"))
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
	srv := fake.NewTest(t, fake.WithTenants(iamTenant))
	for _, tc := range []struct {
		name, body string
		status     int
	}{
		{"wrong password", passwordLogin("fake-user", "nope", "fake-domain", ""), 401},
		{"unknown user", passwordLogin("bob", "fake-password", "fake-domain", ""), 401},
		{"wrong domain", passwordLogin("alice", "secret", "fake-domain", ""), 401},
		{"project of another account", passwordLogin("alice", "secret", "other-domain",
			`,"scope":{"project":{"id":"`+fake.DefaultProjectID+`"}}`), 401},
		{"unknown project name", passwordLogin("fake-user", "fake-password", "fake-domain",
			`,"scope":{"project":{"name":"eu-nl","domain":{"name":"fake-domain"}}}`), 401},
		{"unknown token", `{"auth":{"identity":{"methods":["token"],"token":{"id":"nope"}}}}`, 401},
		{"no identity", `{"auth":{"identity":{"methods":[]}}}`, 400},
		{"not JSON", `{`, 400},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := front(t, srv, "POST", "/v3/auth/tokens", tc.body)
			assert.Equal(t, tc.status, a.status, a.raw)
			assert.Empty(t, a.header.Get("X-Subject-Token"))
			assert.EqualValues(t, tc.status, dig(a.body, "error", "code"))
		})
	}
}

func TestIAMTokenMethodAndValidation(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(iamTenant))
	a := front(t, srv, "POST", "/v3/auth/tokens",
		`{"auth":{"identity":{"methods":["token"],"token":{"id":"tok-2"}},"scope":{"project":{"id":"p2p2p2p2"}}}}`)
	require.Equal(t, 201, a.status, a.raw)
	assert.Equal(t, "tok-2", a.header.Get("X-Subject-Token"))

	a = front(t, srv, "GET", "/v3/auth/tokens", "", "X-Auth-Token: tok-2", "X-Subject-Token: "+fake.DefaultToken)
	require.Equal(t, 200, a.status, a.raw)
	assert.Equal(t, fake.DefaultToken, a.header.Get("X-Subject-Token"), "the subject token is echoed")
	assert.Equal(t, fake.DefaultProjectID, dig(a.body, "token", "project", "id"))

	a = front(t, srv, "GET", "/v3/auth/tokens", "", "X-Auth-Token: nope", "X-Subject-Token: tok-2")
	assert.Equal(t, 401, a.status)
	a = front(t, srv, "GET", "/v3/auth/tokens", "", "X-Auth-Token: tok-2", "X-Subject-Token: nope")
	assert.Equal(t, 404, a.status)
}

func TestIAMIssuedTokenAuthenticatesVPCEP(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(iamTenant))
	a := front(t, srv, "POST", "/v3/auth/tokens", passwordLogin("alice", "secret", "other-domain", ""))
	require.Equal(t, 201, a.status)
	url := dig(a.body, "token", "catalog", 0, "endpoints", 0, "url").(string)
	path := url[len(srv.URL):] + "/vpc-endpoint-services"
	c := front(t, srv, "POST", path, serviceBody("0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f"), "X-Auth-Token: "+a.header.Get("X-Subject-Token"))
	require.Equal(t, 200, c.status, c.raw)
	assert.Equal(t, "p2p2p2p2", c.body["project_id"])
	assert.Equal(t, "d2d2d2d2", c.body["domain_id"])
}

func TestIAMDirectory(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(iamTenant))
	signed := "Authorization: SDK-HMAC-SHA256 Access=AK, SignedHeaders=x-sdk-date, Signature=00"
	for _, tc := range []struct {
		name, path string
		headers    []string
		status     int
		check      func(t *testing.T, body map[string]any)
	}{
		{"projects by name", "/v3/projects?name=eu-de", []string{signed}, 200, func(t *testing.T, b map[string]any) {
			assert.Len(t, b["projects"], 1)
			assert.Equal(t, fake.DefaultProjectID, dig(b, "projects", 0, "id"))
			assert.Equal(t, fake.DefaultDomainID, dig(b, "projects", 0, "domain_id"))
		}},
		{"projects of the caller's domain", "/v3/projects", []string{"X-Auth-Token: tok-2"}, 200, func(t *testing.T, b map[string]any) {
			assert.Len(t, b["projects"], 1)
			assert.Equal(t, "eu-de_alice", dig(b, "projects", 0, "name"))
		}},
		{"domains by name", "/v3/auth/domains?name=other-domain", []string{signed}, 200, func(t *testing.T, b map[string]any) {
			assert.Len(t, b["domains"], 1)
			assert.Equal(t, "d2d2d2d2", dig(b, "domains", 0, "id"))
		}},
		{"catalog of the signed project", "/v3/auth/catalog", []string{signed, "X-Project-Id: p2p2p2p2"}, 200, func(t *testing.T, b map[string]any) {
			assert.Equal(t, srv.URL+"/v1/p2p2p2p2", dig(b, "catalog", 0, "endpoints", 0, "url"))
		}},
		{"catalog by token", "/v3/auth/catalog", []string{"X-Auth-Token: " + fake.DefaultToken}, 200, func(t *testing.T, b map[string]any) {
			assert.Equal(t, srv.URL+"/v1/"+fake.DefaultProjectID, dig(b, "catalog", 0, "endpoints", 0, "url"))
		}},
		{"catalog without credentials", "/v3/auth/catalog", nil, 401, nil},
		{"version discovery", "/v3", nil, 200, func(t *testing.T, b map[string]any) {
			assert.Equal(t, "v3.0", dig(b, "version", "id"))
			assert.Equal(t, srv.URL+"/v3/", dig(b, "version", "links", 0, "href"))
		}},
		{"unknown path", "/v3/users", nil, 404, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := front(t, srv, "GET", tc.path, "", tc.headers...)
			require.Equal(t, tc.status, a.status, a.raw)
			if tc.check != nil {
				tc.check(t, a.body)
			}
		})
	}
}
