package control

import (
	"errors"
	"net/http"
	"time"

	"github.com/benbjohnson/clock"
)

// clockLayout writes the clock as RFC 3339 in UTC with milliseconds.
const clockLayout = "2006-01-02T15:04:05.000Z07:00"

// lastTime is the latest clock reading the fake can write: RFC 3339 and
// JSON stop at year 9999.
var lastTime = time.Date(9999, 12, 31, 23, 59, 59, 999999999, time.UTC)

// clockBody is the clock as the control API shows it: Now in RFC 3339
// with milliseconds, UnixMS the same instant in milliseconds since the
// Unix epoch. Manual is true when the server runs on a manual (mock)
// clock that only moves when told.
type clockBody struct {
	Now    string `json:"now"`
	UnixMS int64  `json:"unix_ms"`
	Manual bool   `json:"manual"`
}

func (h *Handler) clockView() clockBody {
	_, manual := h.Fake.Clock().(*clock.Mock)
	now := h.Fake.Clock().Now().UTC()
	return clockBody{Now: now.Format(clockLayout), UnixMS: now.UnixMilli(), Manual: manual}
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

// moveTo sets m to t: 400 when t is before now (the clock never moves
// backwards) or past year 9999.
func (h *Handler) moveTo(m *clock.Mock, t time.Time) (int, any) {
	switch {
	case t.Before(m.Now()):
		return http.StatusBadRequest, problem("clock: the clock never moves backwards")
	case t.After(lastTime):
		return http.StatusBadRequest, problem("clock: the clock cannot pass 9999-12-31T23:59:59Z")
	}
	m.Set(t)
	return http.StatusOK, h.clockView()
}

// advance is POST /_fake/clock/advance {"by":"90s"}: moves a manual clock
// forward; due transitions complete at the next API request.
func (h *Handler) advance(r *http.Request) (int, any) {
	m, err := h.mock()
	if err != nil {
		return http.StatusConflict, problem(err.Error())
	}
	var req struct {
		By string `json:"by"`
	}
	if err := decode(r, maxBody, &req); err != nil {
		return badBody("clock", err)
	}
	d, err := time.ParseDuration(req.By)
	if err != nil || d < 0 {
		return http.StatusBadRequest, problem(`clock: "by" must be a non-negative Go duration such as "90s"`)
	}
	return h.moveTo(m, m.Now().Add(d))
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
	if err := decode(r, maxBody, &req); err != nil {
		return badBody("clock", err)
	}
	return h.moveTo(m, req.Now)
}
