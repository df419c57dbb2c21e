package fake

import (
	"bytes"
	"errors"
	"io"
	"net/http"
	"strconv"
)

// memTransport is an http.RoundTripper that calls a handler in the same
// goroutine: no socket, no copy of the request beyond what the handler
// reads.
type memTransport struct{ h http.Handler }

// errDropped is what a client of the in-memory transport sees when a
// scenario drops the connection.
var errDropped = errors.New("vpcepfake: connection dropped by scenario: " + io.ErrUnexpectedEOF.Error())

// RoundTrip serves req. A handler that aborts (panic(http.ErrAbortHandler),
// as net/http allows) becomes a transport error, like a reset connection.
func (t memTransport) RoundTrip(req *http.Request) (resp *http.Response, err error) {
	if req.Body != nil {
		defer req.Body.Close()
	}
	defer func() {
		if p := recover(); p != nil {
			if p != http.ErrAbortHandler {
				panic(p)
			}
			resp, err = nil, errDropped
		}
	}()
	in := req
	if in.Host == "" {
		in = req.Clone(req.Context())
		in.Host = req.URL.Host
	}
	w := &memResponse{header: http.Header{}, code: http.StatusOK}
	t.h.ServeHTTP(w, in)
	return &http.Response{
		Status:        strconv.Itoa(w.code) + " " + http.StatusText(w.code),
		StatusCode:    w.code,
		Proto:         "HTTP/1.1",
		ProtoMajor:    1,
		ProtoMinor:    1,
		Header:        w.header,
		Body:          io.NopCloser(bytes.NewReader(w.body)),
		ContentLength: int64(len(w.body)),
		Request:       req,
	}, nil
}

// memResponse collects what the handler writes.
type memResponse struct {
	header http.Header
	code   int
	wrote  bool
	body   []byte
}

func (w *memResponse) Header() http.Header { return w.header }

func (w *memResponse) WriteHeader(code int) {
	if !w.wrote {
		w.code, w.wrote = code, true
	}
}

func (w *memResponse) Write(b []byte) (int, error) {
	w.WriteHeader(http.StatusOK)
	if w.body == nil { // the usual single write: one exact allocation
		w.body = make([]byte, 0, len(b))
	}
	w.body = append(w.body, b...)
	return len(b), nil
}
