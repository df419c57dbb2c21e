// Package control is the fake's own API under /_fake/: health, reset,
// state export and import, the clock, tenants, pending transitions, the
// scenario, the request journal, and a read-only dashboard.
// It mirrors the Go API of package fake for clients in other languages.
//
// It is guarded against web pages (see Guard): a Host check against DNS
// rebinding, JSON-only mutating calls, same-origin checks, bounded bodies,
// an optional token, and secrets redacted unless asked for.
package control

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Prefix is the path prefix the handler serves; no VPCEP path starts with
// it.
const Prefix = "/_fake/"

// Body limits: a state import of many thousands of resources fits in
// maxStateBody; every other control body is small.
const (
	maxStateBody = 64 << 20
	maxBody      = 1 << 20
)

// Fake is what the control API drives: a fake.Server.
type Fake interface {
	Export() engine.Snapshot
	Import(engine.Snapshot) error
	Reset()
	Clock() clock.Clock
	Tenants() []engine.Tenant
	AddTenant(engine.Tenant) error
	Pending() []engine.Pending
	Release(id string) bool
	Scenario() *scenario.Scenario
	Journal() *scenario.Journal
}

// Handler serves the control API for one fake.
type Handler struct {
	Fake Fake
	// Version is the release GET /_fake/health reports.
	Version string
	Guard   Guard
}

// route is one control operation.
type route struct {
	method, path string
	serve        func(h *Handler, r *http.Request) (int, any)
}

var routes = []route{
	{http.MethodGet, "health", health},
	{http.MethodPost, "reset", func(h *Handler, _ *http.Request) (int, any) {
		h.Fake.Reset()
		return http.StatusNoContent, nil
	}},
	{http.MethodGet, "state", (*Handler).exportState},
	{http.MethodPut, "state", (*Handler).importState},
	{http.MethodGet, "clock", func(h *Handler, _ *http.Request) (int, any) {
		return http.StatusOK, h.clockView()
	}},
	{http.MethodPost, "clock/advance", (*Handler).advance},
	{http.MethodPut, "clock", (*Handler).setClock},
	{http.MethodGet, "tenants", func(h *Handler, r *http.Request) (int, any) {
		return http.StatusOK, map[string]any{"tenants": redactTenants(h.Fake.Tenants(), r)}
	}},
	{http.MethodPost, "tenants", (*Handler).addTenant},
	{http.MethodGet, "pending", (*Handler).pending},
	{http.MethodPost, "release", (*Handler).release},
	{http.MethodGet, "scenario", (*Handler).accounting},
	{http.MethodPost, "scenario", (*Handler).extend},
	{http.MethodGet, "requests", (*Handler).requests},
	{http.MethodDelete, "requests", (*Handler).clearRequests},
}

// health is GET /_fake/health: whether the server answers. It reveals
// nothing, so probes reach it without the Host check or a token.
func health(h *Handler, _ *http.Request) (int, any) {
	return http.StatusOK, map[string]string{"status": "ok", "version": h.Version}
}

// dashboardPath is the path (after /_fake/) of the dashboard.
const dashboardPath = ""

// ServeHTTP answers one control request. Errors are {"error": "..."}.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, "/_fake"), "/")
	method := r.Method
	if method == http.MethodHead {
		method = http.MethodGet
	}
	if path == "health" && method == http.MethodGet { // for probes: no Host check, no token
		status, v := health(h, r)
		respond(w, status, v)
		return
	}
	if status, err := h.Guard.admit(w, r); err != nil {
		respond(w, status, problem(err.Error()))
		return
	}
	var allow []string
	for _, rt := range routes {
		if rt.path != path {
			continue
		}
		allow = append(allow, rt.method)
		if rt.method != method {
			continue
		}
		if status, err := mutating(r); err != nil {
			respond(w, status, problem(err.Error()))
			return
		}
		status, v := rt.serve(h, r)
		respond(w, status, v)
		return
	}
	if path == dashboardPath {
		if method == http.MethodGet {
			h.dashboard(w, r)
			return
		}
		allow = append(allow, http.MethodGet)
	}
	if len(allow) == 0 {
		respond(w, http.StatusNotFound, problem("no such control operation"))
		return
	}
	if slices.Contains(allow, http.MethodGet) {
		allow = append(allow, http.MethodHead)
	}
	w.Header().Set("Allow", strings.Join(allow, ", "))
	respond(w, http.StatusMethodNotAllowed, problem(r.Method+" is not allowed on "+Prefix+path+"; allowed: "+strings.Join(allow, ", ")))
}

// respond writes v as indented JSON with status; a nil v writes no body.
// The body is encoded first, so a value that cannot be encoded (a time
// past year 9999) answers 409 with an error instead of an empty 200.
func respond(w http.ResponseWriter, status int, v any) {
	if v == nil {
		w.WriteHeader(status)
		return
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		buf.Reset()
		status = http.StatusConflict
		_ = enc.Encode(problem("the answer cannot be written as JSON: " + err.Error()))
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(buf.Bytes())
}

type errorBody struct {
	Error string `json:"error"`
}

func problem(msg string) errorBody { return errorBody{Error: msg} }

// errTrailing refuses a body with more than one JSON value, such as the
// "name=value" a text/plain HTML form wraps around JSON.
var errTrailing = errors.New("the body must be one JSON value")

// body reads r's body, at most limit bytes, and checks that it holds one
// JSON value and nothing after it.
func body(r *http.Request, limit int64) ([]byte, error) {
	raw, err := io.ReadAll(http.MaxBytesReader(nil, r.Body, limit))
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	var v json.RawMessage
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	if _, err := dec.Token(); err != io.EOF {
		return nil, errTrailing
	}
	return raw, nil
}

// decode reads a JSON body of at most limit bytes into v; unknown fields
// are errors so typos show.
func decode(r *http.Request, limit int64, v any) error {
	raw, err := body(r, limit)
	if err != nil {
		return err
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// badBody is the status and error for a body that did not decode or was
// refused: 413 when it is too large, else 400.
func badBody(what string, err error) (int, any) {
	if mbe := (*http.MaxBytesError)(nil); errors.As(err, &mbe) {
		return http.StatusRequestEntityTooLarge, problem(what + ": body larger than " + strconv.FormatInt(mbe.Limit, 10) + " bytes")
	}
	return http.StatusBadRequest, problem(what + ": " + err.Error())
}

// apply decodes a T of at most limit bytes from r's body and hands it to
// do.
func apply[T any](r *http.Request, limit int64, do func(T) error) (T, error) {
	var v T
	err := decode(r, limit, &v)
	if err == nil {
		err = do(v)
	}
	return v, err
}

func (h *Handler) exportState(r *http.Request) (int, any) {
	snap := h.Fake.Export()
	snap.Tenants = redactTenants(snap.Tenants, r)
	if !wantSecrets(r) {
		snap.IDs = nil // it decides the ids and IAM tokens to come
	}
	return http.StatusOK, snap
}

func (h *Handler) importState(r *http.Request) (int, any) {
	if _, err := apply(r, maxStateBody, func(s engine.Snapshot) error {
		if err := unredacted(s.Tenants...); err != nil {
			return err
		}
		return h.Fake.Import(s)
	}); err != nil {
		return badBody("state", err)
	}
	return http.StatusNoContent, nil
}

func (h *Handler) addTenant(r *http.Request) (int, any) {
	t, err := apply(r, maxBody, func(t engine.Tenant) error {
		if err := unredacted(t); err != nil {
			return err
		}
		return h.Fake.AddTenant(t)
	})
	if err != nil {
		return badBody("tenant", err)
	}
	return http.StatusCreated, redactTenants([]engine.Tenant{t}, r)[0]
}

// pendingView is one waiting transition as GET /_fake/pending shows it.
type pendingView struct {
	Transition scenario.Transition `json:"transition"`
	ResourceID string              `json:"resource_id"`
	ProjectID  string              `json:"project_id"`
	Name       string              `json:"name,omitempty"`
	Due        *time.Time          `json:"due,omitempty"` // nil: waits for reads or a release
	ReadsLeft  int                 `json:"reads_left,omitempty"`
	Held       bool                `json:"held,omitempty"`
}

// pending is GET /_fake/pending: the transitions still waiting, in the
// order they were scheduled. Looking completes nothing: a transition that
// is due shows until the next API request completes it.
func (h *Handler) pending(*http.Request) (int, any) {
	out := []pendingView{}
	for _, p := range h.Fake.Pending() {
		v := pendingView{Transition: p.Change.Transition, ResourceID: p.Change.ResourceID, ProjectID: p.Change.ProjectID,
			Name: p.Change.Name, ReadsLeft: p.ReadsLeft, Held: p.Held}
		if !p.Due.IsZero() {
			due := p.Due.UTC()
			v.Due = &due
		}
		out = append(out, v)
	}
	return http.StatusOK, map[string]any{"pending": out}
}

// release is POST /_fake/release {"id":"…"}: completes the resource's
// pending transition now, whatever its plan; 404 when it has none.
func (h *Handler) release(r *http.Request) (int, any) {
	var req struct {
		ID string `json:"id"`
	}
	if err := decode(r, maxBody, &req); err != nil {
		return badBody("release", err)
	}
	if !h.Fake.Release(req.ID) {
		return http.StatusNotFound, problem("release: no pending transition for " + strconv.Quote(req.ID))
	}
	return http.StatusNoContent, nil
}
