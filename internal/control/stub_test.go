package control

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// stub is the Fake behind the handler in these tests: a real engine and
// journal, no scenario.
type stub struct {
	*engine.Engine
	journal *scenario.Journal
	resets  int
}

func (s *stub) Reset()                       { s.resets++ }
func (s *stub) Scenario() *scenario.Scenario { return nil }
func (s *stub) Journal() *scenario.Journal   { return s.journal }

// secretTenant is the stub's tenant, with every secret set.
var secretTenant = engine.Tenant{DomainID: "d1", ProjectID: "p1", Token: "tok-1", UserName: "u", Password: "pw-1",
	AccessKey: "AK1", SecretKey: "SK-1"}

// newHandler returns a handler over a fresh stub with guard g.
func newHandler(t *testing.T, g Guard) (*Handler, *stub) {
	t.Helper()
	f := &stub{Engine: engine.New(engine.Config{Clock: clock.NewMock()}), journal: scenario.NewJournal(10)}
	require.NoError(t, f.AddTenant(secretTenant))
	return &Handler{Fake: f, Guard: g}, f
}

// call serves one request; headers are "Name: value".
func call(h http.Handler, method, target, body string, headers ...string) *http.Response {
	var rd io.Reader
	if body != "" {
		rd = strings.NewReader(body)
	}
	r := httptest.NewRequest(method, target, rd)
	r.Host = "127.0.0.1:8780"
	for _, hd := range headers {
		k, v, _ := strings.Cut(hd, ": ")
		if k == "Host" {
			r.Host = v
			continue
		}
		r.Header.Set(k, v)
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w.Result()
}

// text is a response's body.
func text(t *testing.T, resp *http.Response) string {
	t.Helper()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return string(b)
}
