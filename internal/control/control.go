// Package control is the fake's own API under /_fake/: health, reset,
// state export and import, the clock, tenants, pending transitions, the
// scenario and its request journal, and a read-only dashboard.
// It mirrors the Go API of package fake for clients in other languages.
package control

import (
	"encoding/json"
	"errors"
	"net/http"
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

// maxBody caps control request bodies (a state import of thousands of
// services fits).
const maxBody = 64 << 20

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
}

// Handler serves the control API for one fake.
type Handler struct {
	Fake Fake
	// Version is the release GET /_fake/health reports.
	Version string
}

// route is one control operation.
type route struct {
	method, path string
	serve        func(h *Handler, r *http.Request) (int, any)
}

var routes = []route{
	{http.MethodGet, "health", func(h *Handler, _ *http.Request) (int, any) {
		return http.StatusOK, map[string]string{"status": "ok", "version": h.Version}
	}},
	{http.MethodPost, "reset", func(h *Handler, _ *http.Request) (int, any) {
		h.Fake.Reset()
		return http.StatusNoContent, nil
	}},
	{http.MethodGet, "state", func(h *Handler, _ *http.Request) (int, any) {
		return http.StatusOK, h.Fake.Export()
	}},
	{http.MethodPut, "state", (*Handler).importState},
	{http.MethodGet, "clock", func(h *Handler, _ *http.Request) (int, any) {
		return http.StatusOK, h.clockView()
	}},
	{http.MethodPost, "clock/advance", (*Handler).advance},
	{http.MethodPut, "clock", (*Handler).setClock},
	{http.MethodGet, "tenants", func(h *Handler, _ *http.Request) (int, any) {
		return http.StatusOK, map[string]any{"tenants": h.Fake.Tenants()}
	}},
	{http.MethodPost, "tenants", (*Handler).addTenant},
	{http.MethodGet, "pending", (*Handler).pending},
	{http.MethodPost, "release", (*Handler).release},
	{http.MethodGet, "scenario", (*Handler).accounting},
	{http.MethodPost, "scenario", (*Handler).extend},
	{http.MethodGet, "requests", (*Handler).requests},
	{http.MethodDelete, "requests", (*Handler).clearRequests},
}

// ServeHTTP answers one control request. Errors are {"error": "..."}.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	path := strings.Trim(strings.TrimPrefix(r.URL.Path, "/_fake"), "/")
	if path == "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
		h.dashboard(w, r)
		return
	}
	status, v := http.StatusNotFound, any(problem("no such control operation"))
	for _, rt := range routes {
		if rt.path == path && rt.method == r.Method {
			status, v = rt.serve(h, r)
			break
		}
	}
	if v == nil {
		w.WriteHeader(status)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	_ = enc.Encode(v)
}

type errorBody struct {
	Error string `json:"error"`
}

func problem(msg string) errorBody { return errorBody{Error: msg} }

// decode reads a JSON body into v; unknown fields are errors so typos
// show.
func decode(r *http.Request, v any) error {
	dec := json.NewDecoder(http.MaxBytesReader(nil, r.Body, maxBody))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}

// apply decodes a T from r's body and hands it to do; a body that does not
// decode or that do refuses is 400, naming what.
func apply[T any](r *http.Request, what string, do func(T) error) (T, *errorBody) {
	var v T
	err := decode(r, &v)
	if err == nil {
		err = do(v)
	}
	if err != nil {
		p := problem(what + ": " + err.Error())
		return v, &p
	}
	return v, nil
}

func (h *Handler) importState(r *http.Request) (int, any) {
	if _, p := apply(r, "state", h.Fake.Import); p != nil {
		return http.StatusBadRequest, p
	}
	return http.StatusNoContent, nil
}

func (h *Handler) addTenant(r *http.Request) (int, any) {
	t, p := apply(r, "tenant", h.Fake.AddTenant)
	if p != nil {
		return http.StatusBadRequest, p
	}
	return http.StatusCreated, t
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
// order they were scheduled.
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
	if err := decode(r, &req); err != nil {
		return http.StatusBadRequest, problem("release: " + err.Error())
	}
	if !h.Fake.Release(req.ID) {
		return http.StatusNotFound, problem("release: no pending transition for " + strconv.Quote(req.ID))
	}
	return http.StatusNoContent, nil
}

// clockBody is the clock as the control API shows it. Manual is true when
// the server runs on a manual (mock) clock that only moves when told.
type clockBody struct {
	Now    time.Time `json:"now"`
	Manual bool      `json:"manual"`
}

func (h *Handler) clockView() clockBody {
	_, manual := h.Fake.Clock().(*clock.Mock)
	return clockBody{Now: h.Fake.Clock().Now().UTC(), Manual: manual}
}

// errRealClock is the answer to moving a clock that is not manual.
var errRealClock = errors.New("the clock is real; start the server with -manual-clock to move it")

// mock returns the manual clock, or 409.
func (h *Handler) mock() (*clock.Mock, error) {
	m, ok := h.Fake.Clock().(*clock.Mock)
	if !ok {
		return nil, errRealClock
	}
	return m, nil
}

// advance is POST /_fake/clock/advance {"by":"90s"}: moves a manual clock
// forward; due transitions complete.
func (h *Handler) advance(r *http.Request) (int, any) {
	m, err := h.mock()
	if err != nil {
		return http.StatusConflict, problem(err.Error())
	}
	var req struct {
		By string `json:"by"`
	}
	if err := decode(r, &req); err != nil {
		return http.StatusBadRequest, problem("clock: " + err.Error())
	}
	d, err := time.ParseDuration(req.By)
	if err != nil || d < 0 {
		return http.StatusBadRequest, problem(`clock: "by" must be a non-negative Go duration such as "90s"`)
	}
	m.Add(d)
	return http.StatusOK, h.clockView()
}

// setClock is PUT /_fake/clock {"now":"2026-01-02T15:04:05Z"}: sets a
// manual clock; it never moves backwards.
func (h *Handler) setClock(r *http.Request) (int, any) {
	m, err := h.mock()
	if err != nil {
		return http.StatusConflict, problem(err.Error())
	}
	var req struct {
		Now time.Time `json:"now"`
	}
	if err := decode(r, &req); err != nil {
		return http.StatusBadRequest, problem("clock: " + err.Error())
	}
	if req.Now.Before(m.Now()) {
		return http.StatusBadRequest, problem("clock: the clock never moves backwards")
	}
	m.Set(req.Now)
	return http.StatusOK, h.clockView()
}
