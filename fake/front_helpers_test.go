package fake_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// answer is a decoded reply of the IAM or control API.
type answer struct {
	status int
	header http.Header
	body   map[string]any
	raw    string
}

// front sends body (none when "") to path with the given headers
// ("Name: value") and decodes a JSON reply. A body, or a method that may
// change state, goes with Content-Type: application/json.
func front(t *testing.T, srv *fake.Server, method, path, body string, headers ...string) answer {
	t.Helper()
	hdr := map[string]string{}
	if body != "" || (method != "GET" && method != "HEAD") {
		hdr["Content-Type"] = "application/json"
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		hdr[k] = v
	}
	r := request(t, srv, method, path, body, hdr)
	a := answer{status: r.Status, header: r.Header, raw: string(r.Body)}
	if strings.HasPrefix(r.Header.Get("Content-Type"), "application/json") && len(r.Body) > 0 {
		require.NoError(t, json.Unmarshal(r.Body, &a.body), a.raw)
	}
	return a
}

// dig walks nested maps and arrays: dig(m, "token", "project", "id"),
// dig(m, "catalog", 0, "type").
func dig(v any, path ...any) any {
	for _, p := range path {
		switch k := p.(type) {
		case string:
			m, _ := v.(map[string]any)
			v = m[k]
		case int:
			a, _ := v.([]any)
			if k >= len(a) {
				return nil
			}
			v = a[k]
		}
	}
	return v
}

// serviceBody is a valid create-service request; port picks the backend
// port id so that several services do not clash.
func serviceBody(port string) string {
	return `{"port_id":"` + port + `","vpc_id":"1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a","server_type":"VM","ports":[{"client_port":80,"server_port":8080}]}`
}
