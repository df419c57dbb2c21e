package scenario_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// env is one fake server under a scenario, driven by a mock clock.
type env struct {
	t    *testing.T
	srv  *fake.Server
	c    *http.Client
	mock *clock.Mock
	scn  *scenario.Scenario
	n    int // services created, for distinct ports
}

func newEnv(t *testing.T, scn *scenario.Scenario, opts ...fake.Option) *env {
	t.Helper()
	mock := clock.NewMock()
	srv := fake.NewTest(t, append([]fake.Option{fake.WithClock(mock), fake.WithScenario(scn), fake.WithSeed(7)}, opts...)...)
	return &env{t: t, srv: srv, c: srv.Client(), mock: mock, scn: scn}
}

// reply is a finished exchange.
type reply struct {
	status int
	header http.Header
	body   []byte
}

// roundTrip is the one place these tests send a request: method to rel
// under srv's default project through c with ctx, body encoded as JSON
// (none when nil), the default token and header (name, value pairs; an
// empty X-Auth-Token sends none). It fails nothing itself, so goroutines
// use it too.
func roundTrip(ctx context.Context, c *http.Client, srv *fake.Server, method, rel string, body any, header ...string) (reply, error) {
	var rd io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return reply{}, err
		}
		rd = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, srv.ProjectURL(fake.DefaultProjectID)+rel, rd)
	if err != nil {
		return reply{}, err
	}
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	if req.Header.Get("X-Auth-Token") == "" {
		req.Header.Del("X-Auth-Token")
	}
	resp, err := c.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return reply{status: resp.StatusCode, header: resp.Header, body: b}, err
}

// send sends one request through e's in-memory client; rel is relative
// to the project endpoint.
func (e *env) send(method, rel string, body any, header ...string) (reply, error) {
	return roundTrip(context.Background(), e.c, e.srv, method, rel, body, header...)
}

// do is send that must reach the server.
func (e *env) do(method, rel string, body any, header ...string) reply {
	e.t.Helper()
	r, err := e.send(method, rel, body, header...)
	require.NoError(e.t, err)
	return r
}

// service is the part of a service body the tests read.
type service struct {
	ID     string `json:"id"`
	Status string `json:"status"`
	Error  []struct {
		Code    string `json:"error_code"`
		Message string `json:"error_message"`
	} `json:"error"`
}

func createBody(name string, port int) map[string]any {
	return map[string]any{
		"port_id":      "4189d3c2-8882-4871-a3c2-d380272eed88",
		"vpc_id":       "4189d3c2-8882-4871-a3c2-d380272eed80",
		"server_type":  "VM",
		"service_name": name,
		"ports":        []map[string]any{{"client_port": 80, "server_port": port, "protocol": "TCP"}},
	}
}

// create creates a service named name and returns its id.
func (e *env) create(name string) string {
	e.t.Helper()
	e.n++
	r := e.do(http.MethodPost, "vpc-endpoint-services", createBody(name, 8000+e.n))
	require.Equal(e.t, http.StatusOK, r.status, string(r.body))
	var s service
	require.NoError(e.t, json.Unmarshal(r.body, &s))
	return s.ID
}

// get reads service id; ok is false on 404.
func (e *env) get(id string) (service, int) {
	e.t.Helper()
	r := e.do(http.MethodGet, "vpc-endpoint-services/"+id, nil)
	var s service
	if r.status == http.StatusOK {
		require.NoError(e.t, json.Unmarshal(r.body, &s))
	}
	return s, r.status
}
