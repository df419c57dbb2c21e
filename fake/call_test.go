package fake_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// reply is one HTTP answer, body read.
type reply struct {
	Status int
	Header http.Header
	Body   []byte
	method string // the request, for failure messages
	url    string
}

// payload is a request body: none for nil or "", a string as is (to send
// malformed JSON), anything else encoded as JSON.
func payload(body any) (io.Reader, error) {
	switch b := body.(type) {
	case nil:
		return nil, nil
	case string:
		if b == "" {
			return nil, nil
		}
		return strings.NewReader(b), nil
	default:
		raw, err := json.Marshal(b)
		return bytes.NewReader(raw), err
	}
}

// roundTrip is the one place the tests build and send a request: method to
// url through hc with body (see payload) and exactly the headers hdr, the
// answer read. It fails nothing itself, so goroutines, benchmarks and
// examples use it too.
func roundTrip(hc *http.Client, method, url string, body any, hdr map[string]string) (reply, error) {
	rd, err := payload(body)
	if err != nil {
		return reply{}, err
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return reply{}, err
	}
	for k, v := range hdr {
		req.Header.Set(k, v)
	}
	res, err := hc.Do(req)
	if err != nil {
		return reply{}, err
	}
	defer res.Body.Close()
	raw := make([]byte, max(res.ContentLength, 0)) // what a careful client does; the fake always sets it
	_, err = io.ReadFull(res.Body, raw)
	return reply{Status: res.StatusCode, Header: res.Header, Body: raw, method: method, url: url}, err
}

// request sends method to srv.URL+path with body (see payload) and exactly
// the headers hdr through srv's in-memory client.
func request(tb testing.TB, srv *fake.Server, method, path string, body any, hdr map[string]string) reply {
	tb.Helper()
	r, err := roundTrip(srv.Client(), method, srv.URL+path, body, hdr)
	if err != nil {
		tb.Fatalf("%s %s: %v", method, path, err)
	}
	return r
}

// tenantHeaders are what a client of tenant tn sends: a JSON content type
// and tn's token, when it has one.
func tenantHeaders(tn fake.Tenant) map[string]string {
	if tn.Token == "" {
		return map[string]string{"Content-Type": "application/json"}
	}
	return map[string]string{"Content-Type": "application/json", "X-Auth-Token": tn.Token}
}

// apiPath is rest under tenant tn's project: /v1/{project_id}{rest}.
func apiPath(tn fake.Tenant, rest string) string { return "/v1/" + tn.ProjectID + rest }

// send calls srv as tenant tn; path is from the server root, body as
// payload takes it.
func send(tb testing.TB, srv *fake.Server, tn fake.Tenant, method, path string, body any) reply {
	tb.Helper()
	return request(tb, srv, method, path, body, tenantHeaders(tn))
}

// as sends a request as the default tenant to a path under the default
// project (path starts after /v1/{project}).
func as(t *testing.T, srv *fake.Server, method, path, body string) reply {
	t.Helper()
	return send(t, srv, fake.DefaultTenant, method, apiPath(fake.DefaultTenant, path), body)
}

// decode decodes the body into v.
func (r reply) decode(tb testing.TB, v any) {
	tb.Helper()
	require.NoError(tb, json.Unmarshal(r.Body, v), "%s %s: %s", r.method, r.url, r.Body)
}

// want requires status and decodes the body into out (nil: ignored).
func (r reply) want(tb testing.TB, status int, out any) {
	tb.Helper()
	require.Equal(tb, status, r.Status, "%s %s: %s", r.method, r.url, r.Body)
	if out != nil {
		r.decode(tb, out)
	}
}

// into decodes a successful (2xx) answer into v.
func (r reply) into(tb testing.TB, v any) {
	tb.Helper()
	require.Less(tb, r.Status, 300, "%s %s: %s", r.method, r.url, r.Body)
	r.decode(tb, v)
}

// JSON decodes the body into a generic map.
func (r reply) JSON(tb testing.TB) map[string]any {
	tb.Helper()
	var m map[string]any
	r.decode(tb, &m)
	return m
}

// apiError decodes an error answer.
func (r reply) apiError(tb testing.TB) api.Error {
	tb.Helper()
	var e api.Error
	r.decode(tb, &e)
	return e
}

// code returns the error_code of an error answer.
func (r reply) code(tb testing.TB) string {
	tb.Helper()
	return r.apiError(tb).Code
}

// wantError requires status and an error answer with code and a message.
func (r reply) wantError(tb testing.TB, status int, code string) {
	tb.Helper()
	require.Equal(tb, status, r.Status, "%s %s: %s", r.method, r.url, r.Body)
	e := r.apiError(tb)
	require.Equal(tb, code, e.Code, "%s %s: %s", r.method, r.url, r.Body)
	require.NotEmpty(tb, e.Msg, "%s %s: %s", r.method, r.url, r.Body)
}
