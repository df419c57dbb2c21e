package fake_test

import (
	"context"
	"net"
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
	client := &http.Client{Transport: &http.Transport{}}
	r, err := roundTrip(client, http.MethodGet, srv.URL+servicesPath(fake.DefaultTenant, ""), nil,
		map[string]string{"X-Auth-Token": fake.DefaultToken})
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, r.Status)
	client.CloseIdleConnections()
	srv.Close()
	goleak.VerifyNone(t, before)
}

// TestListenAndServeStopsGoroutines checks that ListenAndServe, once its
// context ends, returns and leaves no goroutine running.
func TestListenAndServeStopsGoroutines(t *testing.T) {
	// Not parallel: goleak.VerifyNone sees every goroutine of the process.
	before := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- fake.New().ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addr <- a }) }()
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get("http://" + (<-addr).String() + "/")
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, resp.Body.Close())
	client.CloseIdleConnections()
	cancel()
	require.NoError(t, <-done)
	goleak.VerifyNone(t, before)
}
