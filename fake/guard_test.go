package fake_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// statusOf sends one request through srv's in-memory client and returns the status.
func statusOf(t *testing.T, srv *fake.Server, method, url, body string, hdr ...string) int {
	t.Helper()
	r, err := roundTrip(srv.Client(), method, url, body, headerMap(nil, hdr))
	require.NoError(t, err)
	return r.Status
}

// The attack of the issue: a web page posts a rule that fails every call
// as text/plain (a form or a simple fetch). It is refused, and the API
// keeps answering.
func TestCrossOriginRuleInjectionRefused(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithScenario(scenario.New()))
	rule := `{"rules":[{"name":"x","effect":{"code":"EndPoint.0001"}}]}`
	list := srv.URL + "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"
	assert.Equal(t, 415, statusOf(t, srv, "POST", srv.URL+"/_fake/scenario", rule, "Content-Type: text/plain"))
	assert.Equal(t, 400, statusOf(t, srv, "POST", srv.URL+"/_fake/scenario", rule+"=", "Content-Type: application/json"),
		"JSON wrapped in a form's name=value")
	assert.Equal(t, 403, statusOf(t, srv, "POST", srv.URL+"/_fake/scenario", rule,
		"Content-Type: application/json", "Origin: http://evil.example"))
	assert.Empty(t, srv.Scenario().Stats(), "no rule was added")
	assert.Equal(t, 200, statusOf(t, srv, "GET", list, "", "X-Auth-Token: "+fake.DefaultToken))
}

// WithAllowedHosts and WithControlToken configure the control API's guard;
// the VPCEP API answers any Host and needs no control token.
func TestServerGuardOptions(t *testing.T) {
	t.Parallel()
	list := "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services"
	srv := fake.NewTest(t)
	assert.Equal(t, 403, statusOf(t, srv, "GET", "http://fake.example/_fake/state", ""))
	assert.Equal(t, 200, statusOf(t, srv, "GET", "http://fake.example"+list, "", "X-Auth-Token: "+fake.DefaultToken))
	assert.Equal(t, 200, statusOf(t, srv, "GET", srv.URL+"/_fake/state", ""), "the in-memory URL is allowed")

	srv = fake.NewTest(t, fake.WithAllowedHosts("fake.example"), fake.WithControlToken("s3cret"))
	assert.Equal(t, 401, statusOf(t, srv, "GET", "http://fake.example/_fake/state", ""))
	assert.Equal(t, 200, statusOf(t, srv, "GET", "http://fake.example/_fake/state", "", "Authorization: Bearer s3cret"))
	assert.Equal(t, 200, statusOf(t, srv, "GET", srv.URL+"/_fake/health", ""))
	assert.Equal(t, 200, statusOf(t, srv, "GET", srv.URL+list, "", "X-Auth-Token: "+fake.DefaultToken))
}
