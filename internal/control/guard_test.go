package control

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

const jsonType = "Content-Type: application/json"

// Names that a rebinding page could use are refused; addresses, localhost
// and the allowed names pass.
func TestGuardHost(t *testing.T) {
	t.Parallel()
	g := Guard{Hosts: []string{"vpcepfake", "Fake.Example"}}
	for host, ok := range map[string]bool{
		"127.0.0.1:8780": true, "127.0.0.1": true, "[::1]:8780": true, "10.0.0.7:8780": true,
		"localhost:8780": true, "LOCALHOST": true, "app.localhost:80": true, "localhost.:8780": true,
		"vpcepfake:8780": true, "fake.example": true,
		"evil.example:8780": false, "localhost.evil.example": false, "vpcepfake.evil": false, "": false,
		"127.0.0.1.evil.example": false,
	} {
		assert.Equal(t, ok, g.hostAllowed(host), host)
	}
	assert.True(t, Guard{Hosts: []string{"*"}}.hostAllowed("anything.example"))

	h, _ := newHandler(t, g)
	resp := call(h, "GET", "/_fake/state", "", "Host: evil.example:8780")
	assert.Equal(t, http.StatusForbidden, resp.StatusCode)
	assert.Contains(t, text(t, resp), "-allowed-hosts")
	assert.Equal(t, http.StatusOK, call(h, "GET", "/_fake/health", "", "Host: evil.example").StatusCode, "probes pass")
}

// With a token, every control call but health needs it, as Bearer or as
// the Basic password.
func TestGuardToken(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, Guard{Token: "s3cret"})
	for _, tc := range []struct {
		header string
		want   int
	}{
		{"", http.StatusUnauthorized},
		{"Authorization: Bearer wrong", http.StatusUnauthorized},
		{"Authorization: Bearer s3cret", http.StatusOK},
		{"Authorization: Basic dTpzM2NyZXQ=", http.StatusOK}, // u:s3cret
		{"Authorization: Basic dTp3cm9uZw==", http.StatusUnauthorized},
	} {
		resp := call(h, "GET", "/_fake/tenants", "", tc.header)
		assert.Equal(t, tc.want, resp.StatusCode, tc.header)
		if tc.want == http.StatusUnauthorized {
			assert.Contains(t, resp.Header.Get("WWW-Authenticate"), "Basic")
		}
	}
	assert.Equal(t, http.StatusOK, call(h, "GET", "/_fake/health", "").StatusCode)
}

// A page of another origin cannot change state: text/plain (what a form
// or a simple fetch sends), a foreign Origin and cross-site fetch metadata
// are refused before anything runs.
func TestGuardRefusesCrossOriginCalls(t *testing.T) {
	t.Parallel()
	h, f := newHandler(t, Guard{})
	for _, tc := range []struct {
		name    string
		headers []string
		want    int
	}{
		{"no content type", nil, http.StatusUnsupportedMediaType},
		{"text/plain", []string{"Content-Type: text/plain"}, http.StatusUnsupportedMediaType},
		{"form", []string{"Content-Type: application/x-www-form-urlencoded"}, http.StatusUnsupportedMediaType},
		{"foreign origin", []string{jsonType, "Origin: http://evil.example"}, http.StatusForbidden},
		{"other port", []string{jsonType, "Origin: http://127.0.0.1:3000"}, http.StatusForbidden},
		{"cross-site", []string{jsonType, "Sec-Fetch-Site: cross-site"}, http.StatusForbidden},
		{"same-site", []string{jsonType, "Sec-Fetch-Site: same-site"}, http.StatusForbidden},
		{"curl", []string{jsonType}, http.StatusNoContent},
		{"own page", []string{"Content-Type: application/json; charset=utf-8", "Origin: http://127.0.0.1:8780", "Sec-Fetch-Site: same-origin"}, http.StatusNoContent},
	} {
		before := f.resets
		resp := call(h, "POST", "/_fake/reset", "", tc.headers...)
		assert.Equal(t, tc.want, resp.StatusCode, tc.name)
		if tc.want != http.StatusNoContent {
			assert.Equal(t, before, f.resets, "%s: nothing ran", tc.name)
			assert.Contains(t, text(t, resp), `"error"`, tc.name)
		}
	}
}

// Bodies are bounded and must be one JSON value: a text/plain form wraps
// JSON in "name=value", which is refused even with the right type.
func TestControlBodies(t *testing.T) {
	t.Parallel()
	h, _ := newHandler(t, Guard{})
	huge := `{"domain_id":"` + strings.Repeat("a", maxBody) + `","project_id":"p2","token":"t2"}`
	assert.Equal(t, http.StatusRequestEntityTooLarge, call(h, "POST", "/_fake/tenants", huge, jsonType).StatusCode)
	form := `{"domain_id":"d2","project_id":"p2","token":"t2"}=`
	assert.Equal(t, http.StatusBadRequest, call(h, "POST", "/_fake/tenants", form, jsonType).StatusCode)
	long := `{"domain_id":"` + strings.Repeat("a", 65) + `","project_id":"p2","token":"t2"}`
	assert.Equal(t, http.StatusBadRequest, call(h, "POST", "/_fake/tenants", long, jsonType).StatusCode)
	assert.Equal(t, http.StatusCreated, call(h, "POST", "/_fake/tenants", `{"domain_id":"d2","project_id":"p2","token":"t2"}`, jsonType).StatusCode)
}
