package fake_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// akskHeaders are the headers the Huawei SDK sends in AK/SK mode.
func akskHeaders(project string) map[string]string {
	return map[string]string{
		"Authorization": "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=user-agent;x-project-id;x-sdk-date, Signature=0123abcd",
		"X-Sdk-Date":    "20261122T023108Z",
		"X-Project-Id":  project,
		"Content-Type":  "application/json;charset=UTF-8",
	}
}

func TestAuthentication(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(otherTenant))
	own := "/v1/" + fake.DefaultProjectID + services
	tok := func(token string) map[string]string { return map[string]string{"X-Auth-Token": token} }
	gopherAKSK := map[string]string{
		"Authorization": "SDK-HMAC-SHA256 Credential=AK/20261122///sdk_request, SignedHeaders=accept;host;user-agent;x-sdk-date, Signature=ff",
		"X-Sdk-Date":    "20261122T023108Z",
		"X-Project-Id":  fake.DefaultProjectID,
	}
	noDate := akskHeaders(fake.DefaultProjectID)
	delete(noDate, "X-Sdk-Date")
	basic := akskHeaders(fake.DefaultProjectID)
	basic["Authorization"] = "Basic dXNlcjpwYXNz"
	tests := []struct {
		name   string
		method string
		path   string
		hdr    map[string]string
		want   *api.Error // nil: 200
	}{
		{"token", http.MethodGet, own, tok(fake.DefaultToken), nil},
		{"no token", http.MethodGet, own, nil, api.E0003},
		{"empty token", http.MethodGet, own, tok(""), api.E0003},
		{"unknown token", http.MethodGet, own, tok("nope"), api.E0003},
		{"unknown token, malformed project", http.MethodGet, "/v1/bad!id" + services, tok("nope"), api.E0003},
		{"other project's token", http.MethodGet, own, tok(otherToken), api.E0004},
		{"token of own project on other's path", http.MethodGet, "/v1/" + otherProject + services, tok(fake.DefaultToken), api.E0004},
		{"unknown project in path", http.MethodGet, "/v1/abcdef" + services, tok(fake.DefaultToken), api.E0004},
		{"malformed project", http.MethodGet, "/v1/bad!id" + services, tok(fake.DefaultToken), api.E0014},
		{"malformed project on get", http.MethodGet, "/v1/bad.id" + services + "/x", tok(fake.DefaultToken), api.E0014},
		{"project too long", http.MethodPost, "/v1/" + string(make65()) + services, tok(fake.DefaultToken), api.E0014},
		{"aksk huawei", http.MethodGet, own, akskHeaders(fake.DefaultProjectID), nil},
		{"aksk gopher", http.MethodGet, own, gopherAKSK, nil},
		{"aksk other project header", http.MethodGet, own, akskHeaders(otherProject), api.E0004},
		{"aksk unknown project", http.MethodGet, own, akskHeaders("0000"), api.E0003},
		{"aksk without date", http.MethodGet, own, noDate, api.E0003},
		{"basic auth", http.MethodGet, own, basic, api.E0003},
		{"auth before routing of ids", http.MethodGet, own + "/not-a-uuid", nil, api.E0003},
		{"auth before body", http.MethodPost, own, nil, api.E0003},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := request(t, srv, tt.method, tt.path, "", tt.hdr)
			if tt.want == nil {
				require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				assert.NotEmpty(t, r.Header.Get("X-Request-Id"))
				return
			}
			requireError(t, r, tt.want)
		})
	}
}

func make65() []byte {
	b := make([]byte, 65)
	for i := range b {
		b[i] = 'a'
	}
	return b
}

// TestAKSKCreate drives a full create and read as the Huawei SDK does.
func TestAKSKCreate(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	path := "/v1/" + fake.DefaultProjectID + services
	r := request(t, srv, http.MethodPost, path, body(t, baseCreate(), nil), akskHeaders(fake.DefaultProjectID))
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	m := r.JSON(t)
	assert.Equal(t, fake.DefaultProjectID, m["project_id"])
	assert.Equal(t, fake.DefaultDomainID, m["domain_id"])
	g := request(t, srv, http.MethodGet, path+"/"+m["id"].(string), "", akskHeaders(fake.DefaultProjectID))
	assert.Equal(t, http.StatusOK, g.Status)
}

func TestRequestIDs(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	seen := map[string]bool{}
	for _, r := range []reply{
		request(t, srv, http.MethodGet, "/", "", nil),
		as(t, srv, http.MethodGet, services, ""),
		as(t, srv, http.MethodPost, services, "{"),
		request(t, srv, http.MethodGet, "/nowhere/at/all", "", nil),
		request(t, srv, http.MethodGet, "/v1/x"+services, "", nil),
		as(t, srv, http.MethodDelete, services+"/77777777-7777-4777-8777-777777777777", ""),
	} {
		id := r.Header.Get("X-Request-Id")
		assert.Regexp(t, `^[0-9a-f-]{36}$`, id)
		assert.False(t, seen[id], "request ids are unique")
		seen[id] = true
	}
}

func TestSeedMakesRequestIDsReproducible(t *testing.T) {
	t.Parallel()
	run := func() []string {
		srv := fake.NewTest(t, fake.WithSeed(7), fake.WithClock(newMock()))
		s := create(t, srv, nil)
		return []string{s.ID, s.PoolID, as(t, srv, http.MethodGet, services, "").Header.Get("X-Request-Id")}
	}
	a := run()
	assert.Equal(t, a, run())
	other := fake.NewTest(t, fake.WithSeed(8))
	assert.NotEqual(t, a[0], create(t, other, nil).ID)
}

func TestUnknownPaths(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	own := "/v1/" + fake.DefaultProjectID
	tok := map[string]string{"X-Auth-Token": fake.DefaultToken}
	tests := []struct{ name, method, path string }{
		{"unknown resource", http.MethodGet, own + "/vpc-endpoint-things"},
		{"too deep", http.MethodGet, own + services + "/a/b/c/d"},
		{"wrong method", http.MethodPatch, own + services},
		{"post on item", http.MethodPost, own + services + "/77777777-7777-4777-8777-777777777777"},
		{"v2", http.MethodGet, "/v2/" + fake.DefaultProjectID + services},
		{"unknown version", http.MethodGet, "/v9"}, // /v3 is the fake IAM,
		{"empty id", http.MethodGet, own + services + "//name"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			requireError(t, request(t, srv, tt.method, tt.path, "", tok), api.E0005)
		})
	}
}

func TestTrailingSlash(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	r := request(t, srv, http.MethodGet, "/v1/"+fake.DefaultProjectID+services+"/", "", map[string]string{"X-Auth-Token": fake.DefaultToken})
	assert.Equal(t, http.StatusOK, r.Status)
}

func TestVersions(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	v1 := map[string]any{
		"id": "v1", "status": "CURRENT", "updated": "2018-09-30T00:00:00Z", "version": "1", "min_version": "",
		"links": []any{map[string]any{"href": "http://vpcep.fake.invalid/v1", "type": "application/json", "rel": "self"}},
	}
	for _, path := range []string{"/", ""} {
		r := request(t, srv, http.MethodGet, path, "", nil)
		require.Equal(t, http.StatusOK, r.Status, "no auth needed for %q", path)
		assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
		assert.Equal(t, map[string]any{"versions": []any{v1}}, r.JSON(t))
	}
	r := request(t, srv, http.MethodGet, "/v1", "", map[string]string{"X-Auth-Token": "garbage"})
	require.Equal(t, http.StatusOK, r.Status)
	assert.Equal(t, map[string]any{"version": v1}, r.JSON(t))
	requireError(t, request(t, srv, http.MethodPost, "/", "", nil), api.E0005)
}

func TestVersionsOnListener(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer()
	defer srv.Close()
	res, err := http.Get(srv.URL + "/v1")
	require.NoError(t, err)
	defer res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.NotEmpty(t, res.Header.Get("X-Request-Id"))
	var v struct {
		Version struct {
			Links []struct{ Href string } `json:"links"`
		} `json:"version"`
	}
	require.NoError(t, json.NewDecoder(res.Body).Decode(&v))
	require.Len(t, v.Version.Links, 1)
	assert.Equal(t, srv.URL+"/v1", v.Version.Links[0].Href)
}
