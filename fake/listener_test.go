package fake

import (
	"bufio"
	"context"
	"io"
	"net"
	"net/http"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// listen runs s.ListenAndServe on a free loopback port until the test
// ends; it returns the address and the server's result.
func listen(t *testing.T, s *Server) (string, context.CancelFunc, <-chan error) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan string, 1)
	errc := make(chan error, 1)
	go func() { errc <- s.ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addr <- a.String() }) }()
	t.Cleanup(cancel)
	return <-addr, cancel, errc
}

// keepAlive opens a connection, makes one request on it and leaves it
// idle.
func keepAlive(t *testing.T, addr string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	t.Cleanup(func() { c.Close() })
	_, err = io.WriteString(c, "GET /_fake/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
	require.NoError(t, err)
	resp, err := http.ReadResponse(bufio.NewReader(c), nil)
	require.NoError(t, err)
	resp.Body.Close()
	require.Equal(t, 200, resp.StatusCode)
	return c
}

// Idle keep-alive connections cannot take every slot: at the limit the
// longest idle one is closed, and a new client is served.
func TestIdleConnectionsCannotExhaust(t *testing.T) {
	t.Parallel()
	addr, _, _ := listen(t, New(WithMaxConnections(3)))
	var conns []net.Conn
	for range 6 {
		conns = append(conns, keepAlive(t, addr))
	}
	resp, err := (&http.Client{Transport: &http.Transport{DisableKeepAlives: true}}).Get("http://" + addr + "/_fake/health")
	require.NoError(t, err)
	resp.Body.Close()
	assert.Equal(t, 200, resp.StatusCode)
	for _, c := range conns[:2] {
		require.NoError(t, c.SetReadDeadline(time.Now().Add(10*time.Second))) // a safety net: a closed conn answers at once
		_, err := c.Read(make([]byte, 1))
		assert.ErrorIs(t, err, io.EOF, "the longest idle connections were closed")
	}
}

// Headers over 128 KiB are 431 with the JSON envelope, on the socket and
// in memory, for the VPCEP API and the control API.
func TestHeadersTooLarge(t *testing.T) {
	t.Parallel()
	s := New()
	addr, _, _ := listen(t, s)
	big := strings.Repeat("x", maxHeaderBytes)
	for _, c := range []*http.Client{http.DefaultClient, s.Client()} {
		for path, want := range map[string]string{
			"/v1/" + DefaultProjectID + "/vpc-endpoint-services": `"error_code":"EndPoint.0002"`,
			"/_fake/state": `"error": "request header fields too large"`,
		} {
			req, err := http.NewRequest("GET", "http://"+addr+path, nil)
			require.NoError(t, err)
			req.Header.Set("X-Big", big)
			resp, err := c.Do(req)
			require.NoError(t, err)
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			assert.Equal(t, http.StatusRequestHeaderFieldsTooLarge, resp.StatusCode, path)
			assert.Equal(t, "application/json", resp.Header.Get("Content-Type"), path)
			assert.Contains(t, string(body), want, path)
		}
	}
}

// A request still running after the grace period is cut off, and the
// shutdown is still a success.
func TestShutdownCutsOffLongRequests(t *testing.T) {
	t.Parallel()
	mock := clock.NewMock()
	scn := scenario.New()
	require.NoError(t, scn.Add(scenario.Rule{Effect: scenario.Delay(time.Hour)}))
	s := New(WithClock(mock), WithScenario(scn))
	s.limits.grace = 10 * time.Millisecond
	addr, cancel, errc := listen(t, s)
	go func() {
		req, _ := http.NewRequest("GET", "http://"+addr+"/v1/"+DefaultProjectID+"/vpc-endpoint-services", nil)
		req.Header.Set("X-Auth-Token", DefaultToken)
		if resp, err := http.DefaultClient.Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	scn.AwaitBlocked(1)
	cancel()
	assert.NoError(t, <-errc)
	mock.Add(time.Hour) // lets the cut-off handler finish
}

// A scenario's reset drop resets the connection under ListenAndServe too,
// whose connections the limiter wraps: the client reads ECONNRESET, not
// the unexpected EOF of a plain drop.
func TestResetDropUnderListenAndServe(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	require.NoError(t, scn.Add(scenario.Rule{Effect: scenario.Drop(scenario.DropReset)}))
	addr, _, _ := listen(t, New(WithClock(clock.NewMock()), WithScenario(scn)))
	tr := &http.Transport{}
	t.Cleanup(tr.CloseIdleConnections)
	req, err := http.NewRequest("GET", "http://"+addr+"/v1/"+DefaultProjectID+"/vpc-endpoint-services", nil)
	require.NoError(t, err)
	req.Header.Set("X-Auth-Token", DefaultToken)
	resp, err := (&http.Client{Transport: tr}).Do(req)
	if err == nil {
		resp.Body.Close()
	}
	require.ErrorIs(t, err, syscall.ECONNRESET)
}
