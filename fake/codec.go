package fake

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strconv"
	"sync"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// maxBody is the largest request body read (1 MiB): far above any valid
// VPCEP body (200 port mappings take about 12 KiB). A larger body gets 400
// EndPoint.0002.
const maxBody = 1 << 20

// readBody reads r's body up to maxBody, into buf when the length is known
// and buf is large enough, else in one allocation.
func readBody(r *http.Request, buf []byte) ([]byte, *api.Error) {
	switch {
	case r.Body == nil || r.Body == http.NoBody:
		return nil, nil
	case r.ContentLength > maxBody:
		return nil, api.E0002
	case r.ContentLength >= 0:
		b := buf[:0]
		if int64(cap(b)) < r.ContentLength {
			b = make([]byte, 0, r.ContentLength)
		}
		b = b[:r.ContentLength]
		if _, err := io.ReadFull(r.Body, b); err != nil {
			return nil, api.E0002
		}
		return b, nil
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, maxBody+1))
	if err != nil || len(b) > maxBody {
		return nil, api.E0002
	}
	return b, nil
}

// maxPooledBody is the largest body buffer a call keeps for reuse.
const maxPooledBody = 64 << 10

// jsonContentType is the Content-Type header value of every JSON answer,
// shared: net/http only reads it.
var jsonContentType = []string{"application/json"}

// decode parses a JSON request body into v. A missing body, a body that is
// not a JSON object (JSON null included, which encoding/json would accept
// as "no fields"), a body that is not UTF-8 (RFC 8259; encoding/json
// would silently turn the bad bytes into U+FFFD and store them), a lone
// UTF-16 surrogate escape ("\ud800", the same in escaped form), malformed
// JSON and a value of the wrong JSON type give 400: the code that fieldCodes
// names for the offending field ("ports.client_port"), else EndPoint.0002.
// (The catalog's EndPoint.0011 "request body is null" is documented as 504,
// which gophertelekomcloud retries; bad input stays a 4xx here.)
func decode(body []byte, v any, fieldCodes map[string]*api.Error) *api.Error {
	if !bodyIsObject(body) || loneSurrogate(body) {
		return api.E0002
	}
	err := json.Unmarshal(body, v)
	if err == nil {
		return nil
	}
	var te *json.UnmarshalTypeError
	if errors.As(err, &te) {
		if code, ok := fieldCodes[te.Field]; ok {
			return code
		}
	}
	return api.E0002
}

// bodyIsObject reports whether body may hold a JSON object: it starts with
// '{' after white space and is UTF-8.
func bodyIsObject(body []byte) bool {
	t := bytes.TrimSpace(body)
	return len(t) > 0 && t[0] == '{' && utf8.Valid(body)
}

// writeJSON sends status and v as JSON; a nil v sends no body. A scenario
// outcome may spoil the body (truncated or malformed).
func writeJSON(w http.ResponseWriter, status int, v any, out scenario.Outcome) {
	if v == nil {
		w.WriteHeader(status)
		return
	}
	buf := buffers.Get().(*[]byte)
	b, err := encode(v, (*buf)[:0])
	if err != nil { // cannot happen for the API's types; never a silent 200
		status, b = http.StatusInternalServerError, mustJSON(api.E0001)
	}
	b = out.Spoil(b)
	h := w.Header()
	h["Content-Type"] = jsonContentType
	h["Content-Length"] = []string{strconv.Itoa(len(b))}
	w.WriteHeader(status)
	_, _ = w.Write(b) // a ResponseWriter does not keep b
	*buf = b[:0]
	buffers.Put(buf)
	if p, ok := v.(interface{ release() }); ok {
		p.release()
	}
}

// appender is a hot answer type with its own encoder.
type appender interface{ AppendJSON([]byte) []byte }

// pooled is an answer whose memory writeJSON recycles once encoded, so a
// handler's api.Service or api.Endpoint is not copied to the heap each
// time it is returned as an any.
type pooled[T appender] struct {
	v    T
	pool *sync.Pool
}

// AppendJSON encodes the answer.
func (p *pooled[T]) AppendJSON(b []byte) []byte { return p.v.AppendJSON(b) }

func (p *pooled[T]) release() {
	var zero T
	p.v = zero
	p.pool.Put(p)
}

// servicePool and endpointPool recycle the boxes of the hot answers.
var servicePool, endpointPool sync.Pool

func init() {
	servicePool.New = func() any { return &pooled[api.Service]{pool: &servicePool} }
	endpointPool.New = func() any { return &pooled[api.Endpoint]{pool: &endpointPool} }
}

// answer returns v, or err, as a handler's result, in a pooled box.
func answer[T appender](pool *sync.Pool, v T, err *api.Error) (any, *api.Error) {
	if err != nil {
		return nil, err
	}
	p := pool.Get().(*pooled[T])
	p.v = v
	return p, nil
}

// requestPool recycles the structs one hot request body type decodes into
// (what the body's fields point to is not recycled). The engine copies
// what it keeps, so a request goes back when the engine has answered.
type requestPool[T any] struct{ pool sync.Pool }

func (r *requestPool[T]) get() *T {
	if v, ok := r.pool.Get().(*T); ok {
		return v
	}
	return new(T)
}

func (r *requestPool[T]) put(v *T) {
	var zero T
	*v = zero
	r.pool.Put(v)
}

var (
	createServiceRequests  requestPool[api.CreateServiceRequest]
	updateServiceRequests  requestPool[api.UpdateServiceRequest]
	createEndpointRequests requestPool[api.CreateEndpointRequest]
)

// buffers recycles encoding buffers: a list page of 1,000 services is
// about 800 KB, which would otherwise be garbage after every request.
var buffers = sync.Pool{New: func() any { b := make([]byte, 0, 4096); return &b }}

// encode appends v to buf with the hot types' own encoders
// (internal/api/appendjson.go), or returns encoding/json's encoding.
func encode(v any, buf []byte) ([]byte, error) {
	if a, ok := v.(appender); ok {
		return a.AppendJSON(buf), nil
	}
	return json.Marshal(v)
}

func mustJSON(v any) []byte {
	b, _ := json.Marshal(v)
	return b
}
