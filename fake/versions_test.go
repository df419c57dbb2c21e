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
