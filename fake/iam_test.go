package fake_test

import (
	"testing"

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
