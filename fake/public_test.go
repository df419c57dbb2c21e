package fake_test

import (
	"net/http"
	"net/url"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// publicItem is an item of ListServicePublicDetails, with is_charge and
// enable_policy as pointers to prove they are sent as booleans.
type publicItem struct {
	ID           string `json:"id"`
	Owner        string `json:"owner"`
	ServiceName  string `json:"service_name"`
	ServiceType  string `json:"service_type"`
	CreatedAt    string `json:"created_at"`
	IsCharge     *bool  `json:"is_charge"`
	EnablePolicy *bool  `json:"enable_policy"`
}

type publicList struct {
	Services   []publicItem `json:"endpoint_services"`
	TotalCount int          `json:"total_count"`
}

func listPublic(t *testing.T, srv *fake.Server, tn fake.Tenant, q string) publicList {
	t.Helper()
	var out publicList
	send(t, srv, tn, http.MethodGet, servicesPath(tn, "/public"+q), nil).into(t, &out)
	return out
}

func names(items []publicItem) []string {
	var out []string
	for _, it := range items {
		out = append(out, it.ServiceName)
	}
	return out
}

func TestListPublicServicesDefault(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithClock(clock.NewMock()), fake.WithTenants(tenantB))
	newService(t, srv, fake.DefaultTenant) // tenants' services never appear

	all := listPublic(t, srv, tenantB, "?sort_dir=asc")
	assert.Equal(t, 3, all.TotalCount)
	assert.Equal(t, []string{"com.t-systems.otc.eu-de.obs", "com.t-systems.otc.eu-de.dns", "com.t-systems.otc.eu-de.apig"}, names(all.Services))
	for _, it := range all.Services {
		assert.Equal(t, "OTC", it.Owner)
		_, err := uuid.Parse(it.ID)
		assert.NoError(t, err)
		assert.Equal(t, "1970-01-01T00:00:00Z", it.CreatedAt)
		require.NotNil(t, it.IsCharge)
		require.NotNil(t, it.EnablePolicy)
	}
	assert.Equal(t, "gateway", all.Services[0].ServiceType)
	assert.Equal(t, "interface", all.Services[1].ServiceType)

	tests := []struct {
		name  string
		query string
		total int
		want  []string
	}{
		// The OTC terraform data source needs exactly one match.
		{"full obs name", "?endpoint_service_name=com.t-systems.otc.eu-de.obs", 1, []string{"com.t-systems.otc.eu-de.obs"}},
		{"fuzzy, any case", "?endpoint_service_name=EU-DE.D", 1, []string{"com.t-systems.otc.eu-de.dns"}},
		{"fuzzy, several", "?endpoint_service_name=otc&sort_dir=asc", 3, names(all.Services)},
		{"id", "?id=" + all.Services[2].ID, 1, []string{"com.t-systems.otc.eu-de.apig"}},
		{"unknown id", "?id=" + uuid.NewString(), 0, nil},
		{"default order newest first", "?limit=1", 3, []string{"com.t-systems.otc.eu-de.apig"}},
		{"paged", "?limit=1&offset=1&sort_dir=asc", 3, []string{"com.t-systems.otc.eu-de.dns"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := listPublic(t, srv, fake.DefaultTenant, tc.query)
			assert.Equal(t, tc.total, got.TotalCount)
			assert.Equal(t, tc.want, names(got.Services))
		})
	}
}

func TestListPublicServicesErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	tests := []struct {
		query string
		code  string
	}{
		{"?limit=1001", "EndPoint.0006"},
		{"?limit=a", "EndPoint.0006"},
		{"?offset=-1", "EndPoint.0010"},
		{"?sort_key=id", "EndPoint.0017"},
		{"?sort_dir=sideways", "EndPoint.0018"},
	}
	for _, tc := range tests {
		t.Run(tc.query, func(t *testing.T) {
			r := send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "/public"+tc.query), nil)
			assert.Equal(t, 400, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
}

func TestPublicServicesAreNotTenants(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 1, Endpoints: 1}))
	pub := listPublic(t, srv, fake.DefaultTenant, "?limit=1").Services[0]
	var own struct {
		TotalCount int `json:"total_count"`
	}
	send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, ""), nil).into(t, &own)
	assert.Zero(t, own.TotalCount)
	// Public services take no quota: the one allowed service can be created.
	newService(t, srv, fake.DefaultTenant)

	for _, m := range []string{http.MethodGet, http.MethodPut, http.MethodDelete} {
		r := send(t, srv, fake.DefaultTenant, m, servicesPath(fake.DefaultTenant, "/"+pub.ID), map[string]any{})
		assert.Equal(t, 404, r.Status, m)
		assert.Equal(t, "EndPoint.0005", r.code(t), m)
	}
	assert.Equal(t, 3, listPublic(t, srv, fake.DefaultTenant, "").TotalCount)
}

func TestWithPublicServices(t *testing.T) {
	t.Parallel()
	id := uuid.NewString()
	tests := []struct {
		name string
		opts []fake.Option
		want []string
	}{
		{"none", []fake.Option{fake.WithPublicServices()}, nil},
		{"region eu-nl", []fake.Option{fake.WithRegion("eu-nl")}, []string{"com.t-systems.otc.eu-nl.obs", "com.t-systems.otc.eu-nl.dns"}},
		{"custom", []fake.Option{fake.WithPublicServices(
			fake.PublicService{ID: id, Name: "com.t-systems.otc.eu-de.obs", Type: "gateway"},
			fake.PublicService{Name: "com.t-systems.otc.eu-de.obs-2", Type: "Interface", Owner: "Partner", IsCharge: true, EnablePolicy: true},
		)}, []string{"com.t-systems.otc.eu-de.obs", "com.t-systems.otc.eu-de.obs-2"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			srv := fake.NewTest(t, tc.opts...)
			got := listPublic(t, srv, fake.DefaultTenant, "?sort_dir=asc")
			assert.Equal(t, len(tc.want), got.TotalCount)
			assert.Equal(t, tc.want, names(got.Services))
		})
	}
	srv := fake.NewTest(t, tests[2].opts...)
	got := listPublic(t, srv, fake.DefaultTenant, "?sort_dir=asc").Services
	require.Len(t, got, 2)
	assert.Equal(t, id, got[0].ID)
	assert.Equal(t, "interface", got[1].ServiceType)
	assert.Equal(t, "Partner", got[1].Owner)
	assert.True(t, *got[1].IsCharge)
	assert.True(t, *got[1].EnablePolicy)
	assert.False(t, *got[0].IsCharge)
}

func TestWithPublicServicesInvalid(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		ps   []fake.PublicService
	}{
		{"empty name", []fake.PublicService{{Type: "gateway"}}},
		{"repeated name", []fake.PublicService{{Name: "a", Type: "gateway"}, {Name: "a", Type: "gateway"}}},
		{"bad type", []fake.PublicService{{Name: "a", Type: "tunnel"}}},
		{"bad id", []fake.PublicService{{ID: "x", Name: "a", Type: "gateway"}}},
		{"repeated id", []fake.PublicService{{ID: "6f0e8f2a-1b1c-4d5e-9f00-0123456789ab", Name: "a", Type: "gateway"},
			{ID: "6f0e8f2a-1b1c-4d5e-9f00-0123456789ab", Name: "b", Type: "gateway"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Panics(t, func() { fake.New(fake.WithPublicServices(tc.ps...)) })
		})
	}
}

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
