package conformance_test

import (
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestRunClosesIdleConnections runs the suite over a real socket with the
// suite's own HTTP client, as TestRealCloud does, and finds no client
// connection goroutine (persistConn.readLoop/writeLoop) left once Run has
// ended, while the server still listens (closing it would hide them). Not
// parallel: it looks at every goroutine.
func TestRunClosesIdleConnections(t *testing.T) {
	before := goleak.IgnoreCurrent()
	f := fake.New()
	srv := httptest.NewServer(f.Handler())
	t.Cleanup(srv.Close)
	t.Run("suite", func(t *testing.T) {
		conformance.Run(t, conformance.Target{BaseURL: srv.URL, Tenant: tenant(f.Tenant())})
	})
	goleak.VerifyNone(t, before,
		goleak.IgnoreAnyFunction("net/http/httptest.(*Server).goServe.func1"),
		goleak.IgnoreAnyFunction("net/http.(*conn).serve"))
	assert.Empty(t, f.Export().Services)
}
