package iam

import (
	"encoding/json"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// base is the URL every test request reaches.
const base = "http://iam.test"

// The default tenant of the tests, as the fake's.
var (
	defaultTenant = engine.Tenant{DomainID: "9c7f3a1e4b2d4e6f8a0b1c2d3e4f5a6b", ProjectID: "5f2ad3b3b7d24a8e9c9e0f1a2b3c4d5e",
		Token: "vpcepfake-token", DomainName: "fake-domain", UserName: "fake-user", Password: "fake-password"}
	// iamTenant is a second account with its own login and a named project.
	iamTenant = engine.Tenant{DomainID: "d2d2d2d2", ProjectID: "p2p2p2p2", Token: "tok-2",
		DomainName: "other-domain", UserName: "alice", Password: "secret", ProjectName: "eu-de_alice"}
)

// newHandler returns IAM over an engine with tenants, on a mock clock.
func newHandler(t *testing.T, tenants ...engine.Tenant) (*Handler, *clock.Mock) {
	t.Helper()
	mock := clock.NewMock()
	mock.Set(time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC))
	e := engine.New(engine.Config{Clock: mock})
	for _, tn := range tenants {
		require.NoError(t, e.AddTenant(tn))
	}
	return &Handler{Auth: &Authority{Dir: e, Now: mock.Now, NewID: e.NewRequestID}, Region: "eu-de"}, mock
}

// answer is a decoded IAM reply.
type answer struct {
	status  int
	subject string
	body    map[string]any
	raw     string
}

// call routes and serves one request with headers ("Name: value").
func call(t *testing.T, h *Handler, method, path, body string, headers ...string) answer {
	t.Helper()
	r := httptest.NewRequest(method, base+path, strings.NewReader(body))
	for _, hd := range headers {
		k, v, _ := cutHeader(hd)
		r.Header.Set(k, v)
	}
	rep := NotFound()
	if op, ok := Route(method, r.URL.Path, []byte(body)); ok {
		rep = h.Serve(op, r, []byte(body))
	}
	raw, err := json.Marshal(rep.Body)
	require.NoError(t, err)
	a := answer{status: rep.Status, subject: rep.Subject, raw: string(raw)}
	require.NoError(t, json.Unmarshal(raw, &a.body), a.raw)
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

func passwordLogin(user, password, domain, scope string) string {
	return `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + user +
		`","password":"` + password + `","domain":{"name":"` + domain + `"}}}}` + scope + `}}`
}

// cutHeader splits "Name: value".
func cutHeader(h string) (name, value string, ok bool) { return strings.Cut(h, ": ") }
