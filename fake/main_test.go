package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestMain fails the package when a test leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// TestCloseStopsGoroutines checks that a loopback server, after serving a
// keep-alive request, leaves no goroutine running once closed.
func TestCloseStopsGoroutines(t *testing.T) {
	// Not parallel: goleak.VerifyNone sees every goroutine of the process.
	before := goleak.IgnoreCurrent()
	srv := fake.NewServer()
	req, err := http.NewRequest(http.MethodGet, srv.URL+servicesPath(fake.DefaultTenant, ""), nil)
	require.NoError(t, err)
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Do(req)
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, resp.Body.Close())
	client.CloseIdleConnections()
	srv.Close()
	goleak.VerifyNone(t, before)
}
