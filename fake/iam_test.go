package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// iamTenant is a second account with its own login and a named project.
var iamTenant = fake.Tenant{DomainID: "d2d2d2d2", ProjectID: "p2p2p2p2", Token: "tok-2",
	DomainName: "other-domain", UserName: "alice", Password: "secret", ProjectName: "eu-de_alice"}

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

// IAM requests go through the scenario like VPCEP ones: rules match them
// by their Keystone operation ids and fail them in Keystone's shape, and
// the journal records them. A token that expires mid-test gets 401; the
// client logs in again and continues.
func TestIAMUnderScenario(t *testing.T) {
	t.Parallel()
	mock := newMock()
	scn := scenario.New()
	require.NoError(t, scn.Add(scenario.Rule{Name: "iam down", Match: scenario.Match{Op: "KeystoneCreateUserTokenByPassword"},
		Trigger: scenario.Nth(1), Effect: scenario.Throttle(3)}))
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithScenario(scn))
	body := passwordLogin(fake.DefaultUserName, fake.DefaultPassword, fake.DefaultDomainName, "")

	a := front(t, srv, "POST", "/v3/auth/tokens", body)
	require.Equal(t, 429, a.status, a.raw)
	assert.EqualValues(t, 429, dig(a.body, "error", "code"), "Keystone's error shape")
	assert.Equal(t, "3", a.header.Get("Retry-After"))
	assert.Empty(t, a.header.Get("X-Subject-Token"))

	a = front(t, srv, "POST", "/v3/auth/tokens", body)
	require.Equal(t, 201, a.status, a.raw)
	token := a.header.Get("X-Subject-Token")
	list := func(tok string) answer {
		return front(t, srv, "GET", "/v1/"+fake.DefaultProjectID+services, "", "X-Auth-Token: "+tok)
	}
	assert.Equal(t, 200, list(token).status)
	mock.Add(fake.DefaultTokenLifetime)
	expired := list(token)
	assert.Equal(t, 401, expired.status)
	assert.Equal(t, "EndPoint.0003", expired.body["error_code"])
	a = front(t, srv, "POST", "/v3/auth/tokens", body)
	require.Equal(t, 201, a.status, a.raw)
	assert.NotEqual(t, token, a.header.Get("X-Subject-Token"), "a fresh token")
	assert.Equal(t, 200, list(a.header.Get("X-Subject-Token")).status)

	assert.Equal(t, 3, scn.Count(scenario.Query{Op: "KeystoneCreateUserTokenByPassword", Template: "/v3/auth/tokens"}))
	assert.Equal(t, 1, scn.Count(scenario.Query{Op: "KeystoneCreateUserTokenByPassword", Status: 429, Rule: "iam down"}))
	assert.Equal(t, 1, scn.Count(scenario.Query{Op: "ListEndpointService", Status: 401, ErrorCode: "EndPoint.0003"}))
	assert.Equal(t, 0, scn.Count(scenario.Query{Op: "KeystoneValidateToken"}))
}

// IAMHandler serves IAM alone: Keystone's discovery at "/", and a catalog
// that names the VPCEP listener; the server's own "/" stays VPCEP's.
func TestIAMHandlerAlone(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	c := fake.ClientFor(srv.IAMHandler("http://vpcep.example:8780"))
	get := func(c *http.Client, url string, out any) int {
		r, err := roundTrip(c, http.MethodGet, url, nil, nil)
		require.NoError(t, err)
		r.decode(t, out)
		return r.Status
	}
	var versions struct {
		Versions struct {
			Values []struct {
				ID, Status string
				Links      []struct{ Href, Rel string }
			}
		}
	}
	require.Equal(t, 200, get(c, "http://iam.example:5000/", &versions))
	require.Len(t, versions.Versions.Values, 1)
	v := versions.Versions.Values[0]
	assert.Equal(t, "v3.0", v.ID)
	assert.Equal(t, "stable", v.Status)
	assert.Equal(t, "http://iam.example:5000/v3/", v.Links[0].Href)

	var catalog map[string]any
	r, err := roundTrip(c, http.MethodGet, "http://iam.example:5000/v3/auth/catalog", nil, map[string]string{"X-Auth-Token": fake.DefaultToken})
	require.NoError(t, err)
	r.decode(t, &catalog)
	assert.Equal(t, "http://vpcep.example:8780/v1/"+fake.DefaultProjectID, dig(catalog, "catalog", 0, "endpoints", 0, "url"))
	assert.Equal(t, "http://iam.example:5000/v3", dig(catalog, "catalog", 1, "endpoints", 0, "url"))

	var vpcep map[string]any
	require.Equal(t, 200, get(srv.Client(), srv.URL+"/", &vpcep))
	assert.Equal(t, "v1", dig(vpcep, "versions", 0, "id"), "the API's own root is VPCEP's")
}
