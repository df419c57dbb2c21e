package fake_test

import (
	"bufio"
	"context"
	"errors"
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

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// A client of srv.Client() and a client over a loopback socket get the
// same errors when their context ends while the scenario holds the
// request or its answer, and when the scenario drops the connection; the
// journal tells whether the create was applied and what it made.
func TestTransportErrors(t *testing.T) {
	t.Parallel()
	const short = 20 * time.Millisecond // a real deadline: the server waits on a mock clock nobody moves
	tests := []struct {
		name     string
		effect   scenario.Effect
		timeout  time.Duration // Client.Timeout
		deadline bool          // a context deadline of short
		cancel   bool          // cancel once the request waits
		want     error
		applied  bool
		canceled bool
	}{
		{"context deadline", scenario.Delay(2 * time.Minute), 0, true, false, context.DeadlineExceeded, false, true},
		{"client timeout", scenario.Delay(2 * time.Minute), short, false, false, context.DeadlineExceeded, false, true},
		{"canceled", scenario.Delay(2 * time.Minute), 0, false, true, context.Canceled, false, true},
		{"answer lost to deadline", scenario.DelayResponse(2 * time.Minute), 0, true, false, context.DeadlineExceeded, true, true},
		{"answer lost to cancel", scenario.DelayResponse(2 * time.Minute), 0, false, true, context.Canceled, true, true},
		{"canceled before a drop", scenario.Effect{Latency: 2 * time.Minute, Drop: scenario.DropBefore}, 0, false, true, context.Canceled, false, true},
		{"dropped before", scenario.Drop(scenario.DropBefore), 0, false, false, io.ErrUnexpectedEOF, false, false},
		{"dropped after", scenario.LoseResponse(), 0, false, false, io.ErrUnexpectedEOF, true, false},
		{"reset", scenario.Drop(scenario.DropReset), 0, false, false, syscall.ECONNRESET, false, false},
	}
	for _, tc := range tests {
		bothTransports(t, tc.name+"/", func(t *testing.T, client func(*fake.Server) *http.Client) {
			scn := scenario.New()
			require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: "CreateEndpointService"}, Effect: tc.effect}))
			srv := fake.NewServer(fake.WithClock(clock.NewMock()), fake.WithScenario(scn))
			c := client(srv)
			t.Cleanup(srv.Close)
			c.Timeout = tc.timeout
			ctx, cancel := context.WithCancel(context.Background())
			if tc.deadline {
				ctx, cancel = context.WithTimeout(context.Background(), short)
			}
			defer cancel()
			if tc.cancel {
				go func() { scn.AwaitBlocked(1); cancel() }()
			}
			req, err := http.NewRequestWithContext(ctx, http.MethodPost, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services",
				strings.NewReader(serviceBody("4189d3c2-8882-4871-a3c2-d380272eed88")))
			require.NoError(t, err)
			req.Header.Set("X-Auth-Token", fake.DefaultToken)
			resp, err := c.Do(req)
			if err == nil {
				resp.Body.Close()
			}
			require.ErrorIs(t, err, tc.want)
			var ne net.Error
			assert.Equal(t, errors.Is(tc.want, context.DeadlineExceeded), errors.As(err, &ne) && ne.Timeout(), "a timeout: %v", err)

			scn.AwaitRecorded(1) // the server finishes on its own
			j := scn.Requests(scenario.Query{})
			require.Len(t, j, 1)
			assert.Equal(t, tc.canceled, j[0].Canceled)
			assert.Equal(t, !tc.canceled, j[0].Dropped)
			assert.Equal(t, tc.applied, j[0].Created != "", "the journal names what the create made")
			l, _ := list(t, srv, "")
			assert.Equal(t, b2i(tc.applied), l.TotalCount)
		})
	}
}

func b2i(b bool) int {
	if b {
		return 1
	}
	return 0
}

// A request body of unknown length (ContentLength 0 with a body, which a
// client request means as unknown, sent chunked over a socket) is read
// whole in memory as over a socket.
func TestTransportBodyOfUnknownLength(t *testing.T) {
	t.Parallel()
	bothTransports(t, "", func(t *testing.T, client func(*fake.Server) *http.Client) {
		srv := fake.NewServer(fake.WithClock(clock.NewMock()))
		t.Cleanup(srv.Close)
		c := client(srv)
		body := struct{ io.Reader }{strings.NewReader(serviceBody("4189d3c2-8882-4871-a3c2-d380272eed88"))}
		req, err := http.NewRequest(http.MethodPost, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services", body)
		require.NoError(t, err)
		require.Zero(t, req.ContentLength, "unknown to the client")
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := c.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
	})
}

// hijackRecorder is a ResponseWriter over a connection that counts what
// is written through it once the handler has hijacked the connection.
type hijackRecorder struct {
	header      http.Header
	hijacked    bool
	afterHijack int
	conn        net.Conn
}

func (w *hijackRecorder) Header() http.Header { return w.header }

func (w *hijackRecorder) WriteHeader(int) {
	if w.hijacked {
		w.afterHijack++
	}
}

func (w *hijackRecorder) Write(b []byte) (int, error) {
	if w.hijacked {
		w.afterHijack++
		return 0, http.ErrHijacked
	}
	return len(b), nil
}

func (w *hijackRecorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	w.hijacked = true
	return w.conn, bufio.NewReadWriter(bufio.NewReader(w.conn), bufio.NewWriter(io.Discard)), nil
}

// A dropped connection is left alone once hijacked: no status or body is
// written through the ResponseWriter (net/http would log each as a
// warning), before or after the operation ran.
func TestDropWritesNothingAfterHijack(t *testing.T) {
	t.Parallel()
	for _, drop := range []string{scenario.DropBefore, scenario.DropAfter, scenario.DropReset} {
		t.Run(drop, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: "CreateEndpointService"}, Effect: scenario.Drop(drop)}))
			srv := fake.NewServer(fake.WithClock(clock.NewMock()), fake.WithScenario(scn))
			t.Cleanup(srv.Close)
			server, other := net.Pipe()
			t.Cleanup(func() { other.Close() })
			w := &hijackRecorder{header: http.Header{}, conn: server}
			req, err := http.NewRequest(http.MethodPost, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services",
				strings.NewReader(serviceBody("4189d3c2-8882-4871-a3c2-d380272eed88")))
			require.NoError(t, err)
			req.Header.Set("X-Auth-Token", fake.DefaultToken)
			srv.ServeHTTP(w, req)
			require.True(t, w.hijacked)
			assert.Zero(t, w.afterHijack, "writes through the ResponseWriter after the hijack")
		})
	}
}

// Header names a client sets without canonical case (straight into the
// map) reach the handler as over a socket, where the server
// canonicalizes them.
func TestTransportHeaderNamesAsOverASocket(t *testing.T) {
	t.Parallel()
	bothTransports(t, "", func(t *testing.T, client func(*fake.Server) *http.Client) {
		srv := fake.NewServer(fake.WithClock(clock.NewMock()))
		t.Cleanup(srv.Close)
		c := client(srv)
		req, err := http.NewRequest(http.MethodGet, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services", nil)
		require.NoError(t, err)
		lower := strings.ToLower("X-Auth-Token") // as a client may write it straight into the map
		req.Header[lower] = []string{fake.DefaultToken}
		resp, err := c.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, http.StatusOK, resp.StatusCode, "%s", b)
		assert.Equal(t, []string{fake.DefaultToken}, req.Header[lower], "the client's request is left as it was")
	})
}

// A HEAD request gets the headers of its answer and no body, in memory as
// over a socket.
func TestTransportHeadHasNoBody(t *testing.T) {
	t.Parallel()
	bothTransports(t, "", func(t *testing.T, client func(*fake.Server) *http.Client) {
		srv := fake.NewServer(fake.WithClock(clock.NewMock()))
		t.Cleanup(srv.Close)
		c := client(srv)
		req, err := http.NewRequest(http.MethodHead, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services", nil)
		require.NoError(t, err)
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := c.Do(req)
		require.NoError(t, err)
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		require.NoError(t, err)
		assert.Equal(t, http.StatusNotFound, resp.StatusCode)
		assert.Empty(t, b)
		assert.Positive(t, resp.ContentLength, "the length of the answer a GET would get")
	})
}

// bothTransports runs f as two parallel subtests, name+"memory" and
// name+"socket": client returns the server's in-memory client in the
// first and a plain net/http client over its socket in the second.
func bothTransports(t *testing.T, name string, f func(t *testing.T, client func(*fake.Server) *http.Client)) {
	for _, socket := range []bool{false, true} {
		sub := name + "memory"
		if socket {
			sub = name + "socket"
		}
		t.Run(sub, func(t *testing.T) {
			t.Parallel()
			f(t, func(srv *fake.Server) *http.Client {
				if !socket {
					return srv.Client()
				}
				tr := &http.Transport{}
				t.Cleanup(tr.CloseIdleConnections)
				return &http.Client{Transport: tr}
			})
		})
	}
}
