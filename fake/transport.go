package fake

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/http"
	"net/textproto"
	"strconv"
	"syscall"
)

// memTransport is an http.RoundTripper that calls a handler directly: no
// socket, no copy of the request beyond what the handler reads. A request
// whose context can end (a deadline, Client.Timeout, a cancel) is served
// in its own goroutine, so the round trip returns the context's error as
// soon as it ends, as net/http does over a socket, while the handler
// finishes on its own (it sees the same context: scenario waits stop).
// Any other request is served in the calling goroutine.
type memTransport struct{ h http.Handler }

// errDropped is what a client of the in-memory transport sees when a
// scenario drops the connection; it wraps io.ErrUnexpectedEOF, which a
// client also sees over a socket when the server closes the connection
// without an answer.
var errDropped = fmt.Errorf("vpcepfake: connection dropped by scenario: %w", io.ErrUnexpectedEOF)

// errReset is what it sees when a scenario resets the connection; it
// wraps syscall.ECONNRESET, as a read on a reset socket does.
var errReset = fmt.Errorf("vpcepfake: connection reset by scenario: %w", syscall.ECONNRESET)

// RoundTrip serves req. A handler that aborts (panic(http.ErrAbortHandler),
// as net/http allows) becomes a transport error, like a reset connection.
func (t memTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if ctx.Done() == nil {
		return t.serve(req)
	}
	if ctx.Err() != nil {
		if req.Body != nil {
			req.Body.Close()
		}
		return nil, context.Cause(ctx)
	}
	done := make(chan roundTrip, 1)
	go func() {
		defer func() {
			if p := recover(); p != nil {
				done <- roundTrip{panicked: p}
			}
		}()
		resp, err := t.serve(req)
		done <- roundTrip{resp: resp, err: err}
	}()
	select {
	case rt := <-done:
		return rt.result()
	case <-ctx.Done():
		select { // an answer that raced the end of the context wins, as in net/http
		case rt := <-done:
			return rt.result()
		default:
			return nil, context.Cause(ctx)
		}
	}
}

// roundTrip is what a handler served in its own goroutine produced.
type roundTrip struct {
	resp     *http.Response
	err      error
	panicked any
}

// result returns the response, re-raising a panic of the handler in the
// caller's goroutine. (A handler that panics after its caller gave up
// panics unseen: the fake's handlers do not panic but to abort.)
func (rt roundTrip) result() (*http.Response, error) {
	if rt.panicked != nil {
		panic(rt.panicked)
	}
	return rt.resp, rt.err
}

// serve runs the handler on req in the calling goroutine.
func (t memTransport) serve(req *http.Request) (resp *http.Response, err error) {
	if req.Body != nil {
		defer req.Body.Close()
	}
	w := &memResponse{}
	defer func() {
		if p := recover(); p != nil {
			if p != http.ErrAbortHandler {
				panic(p)
			}
			resp, err = nil, errDropped
			if w.cut != nil {
				err = w.cut
			}
			if ctx := req.Context(); ctx.Err() != nil { // aborted because the client gave up
				err = context.Cause(ctx)
			}
		}
	}()
	in := serverRequest(req)
	w.resp = http.Response{StatusCode: http.StatusOK, Proto: "HTTP/1.1", ProtoMajor: 1, ProtoMinor: 1,
		Header: make(http.Header, 4), Body: &w.body, Request: req}
	t.h.ServeHTTP(w, in)
	w.resp.Status = statusLines[w.resp.StatusCode]
	w.resp.ContentLength = int64(len(w.data))
	if req.Method == http.MethodHead { // the length of the body it does not get, as over a socket
		w.data = nil
	}
	w.body.Reset(w.data)
	return &w.resp, nil
}

// serverRequest returns req as a server would receive it: with its Host,
// canonical header names, and a length of -1 for a body the client sends
// chunked (one a client request gives a length of 0). req itself is left
// as it is, a copy made only when something differs.
func serverRequest(req *http.Request) *http.Request {
	unknownLength := req.ContentLength == 0 && req.Body != nil && req.Body != http.NoBody
	canonical := true
	for k := range req.Header {
		if textproto.CanonicalMIMEHeaderKey(k) != k {
			canonical = false
			break
		}
	}
	if req.Host != "" && !unknownLength && canonical {
		return req
	}
	in := req.Clone(req.Context())
	if in.Host == "" {
		in.Host = req.URL.Host
	}
	if unknownLength {
		in.ContentLength = -1
	}
	if !canonical {
		in.Header = make(http.Header, len(req.Header))
		for k, vs := range req.Header {
			k = textproto.CanonicalMIMEHeaderKey(k)
			in.Header[k] = append(in.Header[k], vs...)
		}
	}
	return in
}

// statusLines holds "200 OK" and the like for every valid code.
var statusLines = func() (m [600]string) {
	for code := 100; code < 600; code++ {
		m[code] = strconv.Itoa(code) + " " + http.StatusText(code)
	}
	return m
}()

// memResponse collects what the handler writes into the response it
// becomes: one allocation for the writer, the response and its body.
type memResponse struct {
	resp  http.Response
	body  memBody
	wrote bool
	data  []byte
	cut   error // the scenario cut the connection: the round trip's error
}

// memBody is a response body over bytes in memory.
type memBody struct{ bytes.Reader }

// Close does nothing: there is nothing to release.
func (*memBody) Close() error { return nil }

func (w *memResponse) Header() http.Header { return w.resp.Header }

// WriteHeader keeps the first status; a code outside 100-599 becomes 500
// like net/http's server would refuse it.
func (w *memResponse) WriteHeader(code int) {
	if w.wrote {
		return
	}
	if code < 100 || code > 599 {
		code = http.StatusInternalServerError
	}
	w.resp.StatusCode, w.wrote = code, true
}

func (w *memResponse) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	if w.data == nil { // the usual single write: one exact allocation
		w.data = make([]byte, 0, len(b))
	}
	w.data = append(w.data, b...)
	return len(b), nil
}
