package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

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
