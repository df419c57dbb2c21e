package fake_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// basicInfo is the ListServiceDescribeDetails response.
type basicInfo struct {
	ID           string  `json:"id"`
	ServiceName  string  `json:"service_name"`
	ServiceType  string  `json:"service_type"`
	ServerType   *string `json:"server_type"`
	CreatedAt    string  `json:"created_at"`
	IsCharge     *bool   `json:"is_charge"`
	EnablePolicy *bool   `json:"enable_policy"`
}

// describe calls describe as tn with the query q.
func describe(t *testing.T, srv *fake.Server, tn fake.Tenant, q url.Values) reply {
	t.Helper()
	return send(t, srv, tn, http.MethodGet, servicesPath(tn, "/describe?"+q.Encode()), nil)
}

func byName(name string) url.Values { return url.Values{"endpoint_service_name": {name}} }
func byID(id string) url.Values     { return url.Values{"id": {id}} }

func TestDescribePublicAndOwn(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	pub := listPublic(t, srv, fake.DefaultTenant, "?endpoint_service_name=com.t-systems.otc.eu-de.obs").Services[0]
	id, name := newService(t, srv, fake.DefaultTenant)

	for _, q := range []url.Values{byName(pub.ServiceName), byID(pub.ID)} {
		var got basicInfo
		describe(t, srv, fake.DefaultTenant, q).into(t, &got)
		assert.Equal(t, pub.ID, got.ID)
		assert.Equal(t, "com.t-systems.otc.eu-de.obs", got.ServiceName)
		assert.Equal(t, "gateway", got.ServiceType)
		assert.Equal(t, pub.CreatedAt, got.CreatedAt)
		require.NotNil(t, got.IsCharge)
		require.NotNil(t, got.EnablePolicy)
		assert.Nil(t, got.ServerType)
	}
	for _, q := range []url.Values{byName(name), byID(id)} {
		var got basicInfo
		describe(t, srv, fake.DefaultTenant, q).into(t, &got)
		assert.Equal(t, id, got.ID)
		assert.Equal(t, name, got.ServiceName)
		assert.Equal(t, "interface", got.ServiceType)
		require.NotNil(t, got.ServerType)
		assert.Equal(t, "LB", *got.ServerType)
		require.NotNil(t, got.IsCharge)
		assert.False(t, *got.IsCharge)
	}
}

func TestDescribeErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, name := newService(t, srv, fake.DefaultTenant)
	tests := []struct {
		name   string
		q      url.Values
		status int
		code   string
	}{
		{"neither", url.Values{}, 400, "EndPoint.0002"},
		{"both", url.Values{"id": {id}, "endpoint_service_name": {name}}, 400, "EndPoint.0002"},
		{"both empty", url.Values{"id": {""}, "endpoint_service_name": {""}}, 400, "EndPoint.0002"},
		{"malformed id", byID("nope"), 400, "EndPoint.3062"},
		{"unknown id", byID(uuid.NewString()), 404, "EndPoint.0005"},
		{"unknown name", byName("eu-de.svc." + uuid.NewString()), 404, "EndPoint.0005"},
		{"name is exact, not fuzzy", byName("com.t-systems.otc.eu-de.ob"), 404, "EndPoint.0005"},
		{"name is case-sensitive", byName("COM.T-SYSTEMS.OTC.EU-DE.OBS"), 404, "EndPoint.0005"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := describe(t, srv, fake.DefaultTenant, tc.q)
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
}

// describeStatus answers describe by id and by name for each tenant.
func describeStatus(t *testing.T, srv *fake.Server, id, name string, tns ...fake.Tenant) []int {
	t.Helper()
	var out []int
	for _, tn := range tns {
		a, b := describe(t, srv, tn, byID(id)).Status, describe(t, srv, tn, byName(name)).Status
		require.Equal(t, a, b, "by id and by name differ for %s", tn.ProjectID)
		out = append(out, a)
	}
	return out
}

func TestDescribeFollowsWhitelist(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(tenantB, tenantC))
	id, name := newService(t, srv, fake.DefaultTenant)
	a := fake.DefaultTenant
	steps := []struct {
		action string
		perms  []string
		want   []int // A, B, C
	}{
		{"", nil, []int{200, 404, 404}},
		{"add", []string{domain(tenantB)}, []int{200, 200, 404}},
		{"remove", []string{domain(tenantB)}, []int{200, 404, 404}},
		{"add", []string{"*"}, []int{200, 200, 200}},
		{"remove", []string{"iam:domain::*"}, []int{200, 404, 404}},
		{"add", []string{"iam:domain::ccc*"}, []int{200, 404, 200}}, // '*' inside an id is a wildcard
	}
	for i, st := range steps {
		if st.action != "" {
			require.Equal(t, http.StatusOK, permAction(t, srv, a, id, st.action, st.perms...).Status)
		}
		assert.Equal(t, st.want, describeStatus(t, srv, id, name, a, tenantB, tenantC), "step %d", i)
	}
	// A whitelisted tenant still cannot read the service itself.
	r := send(t, srv, tenantC, http.MethodGet, servicesPath(tenantC, "/"+id), nil)
	assert.Equal(t, 404, r.Status)
}
