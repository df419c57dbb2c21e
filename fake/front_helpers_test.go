package fake_test

import (
	"encoding/json"
	"io"
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

// request sends body (none when "") to path with the given headers
// ("Name: value") and decodes a JSON reply.
func request(t *testing.T, srv *fake.Server, method, path, body string, headers ...string) answer {
	t.Helper()
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
	require.NoError(t, err)
	if body != "" {
		req.Header.Set("Content-Type", "application/json")
	}
	for _, h := range headers {
		k, v, _ := strings.Cut(h, ": ")
		req.Header.Set(k, v)
	}
	resp, err := srv.Client().Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	a := answer{status: resp.StatusCode, header: resp.Header, raw: string(raw)}
	if strings.HasPrefix(resp.Header.Get("Content-Type"), "application/json") && len(raw) > 0 {
		require.NoError(t, json.Unmarshal(raw, &a.body), string(raw))
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
