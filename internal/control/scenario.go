package control

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"net/http"
	"strconv"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// errNoScenario is the answer to the scenario operations of a server that
// has none.
var errNoScenario = errors.New("the server has no scenario (fake.WithScenario; the vpcepfake binary always has one)")

// scenarioOf returns the fake's scenario, or 409.
func (h *Handler) scenarioOf() (*scenario.Scenario, *errorBody) {
	scn := h.Fake.Scenario()
	if scn == nil {
		p := problem(errNoScenario.Error())
		return nil, &p
	}
	return scn, nil
}

// accounting is GET /_fake/scenario: every rule with its counters, and
// what never fired or was never used.
func (h *Handler) accounting(*http.Request) (int, any) {
	scn, p := h.scenarioOf()
	if p != nil {
		return http.StatusConflict, p
	}
	rules := []ruleView{}
	for _, st := range scn.Stats() {
		rules = append(rules, ruleView{Name: st.Name, Matches: st.Matches, Fired: st.Fired})
	}
	return http.StatusOK, map[string]any{"rules": rules, "unused": nonNil(scn.Unused())}
}

// ruleView is a rule's counters as GET /_fake/scenario shows them.
type ruleView struct {
	Name    string `json:"name"`
	Matches int    `json:"matches"` // requests the rule matched
	Fired   int    `json:"fired"`   // of those, the ones it fired on
}

// extend is POST /_fake/scenario: adds the policies and rules of a
// scenario file (the -scenario format) to the running scenario.
func (h *Handler) extend(r *http.Request) (int, any) {
	scn, p := h.scenarioOf()
	if p != nil {
		return http.StatusConflict, p
	}
	raw, err := body(r, maxBody)
	if err != nil {
		return badBody("scenario", err)
	}
	if err := scn.Extend(bytes.NewReader(raw)); err != nil {
		return http.StatusBadRequest, problem(err.Error())
	}
	return http.StatusNoContent, nil
}

// Page sizes of GET /_fake/requests.
const (
	defaultPage = 100
	maxPage     = 1000
)

// requests is GET /_fake/requests: a page of the journal, oldest first,
// filtered by the query parameters op, method, template, resource, status,
// error_code and rule; after (a seq) and limit (default 100, at most
// 1000) page it. count is how many kept entries match, next the after of
// the next page (absent on the last), and the journal's counters say how
// many it keeps and dropped.
func (h *Handler) requests(r *http.Request) (int, any) {
	q := r.URL.Query()
	sel := scenario.Query{Op: q.Get("op"), Method: q.Get("method"), Template: q.Get("template"),
		Resource: q.Get("resource"), ErrorCode: q.Get("error_code"), Rule: q.Get("rule")}
	var after, limit int
	var err error
	for _, p := range []struct {
		to            *int
		name          string
		def, min, max int
	}{{&sel.Status, "status", 0, 0, 999}, {&after, "after", 0, 0, math.MaxInt}, {&limit, "limit", defaultPage, 1, maxPage}} {
		if *p.to, err = intParam(q.Get(p.name), p.def, p.min, p.max); err != nil {
			return http.StatusBadRequest, problem("requests: " + p.name + " " + err.Error())
		}
	}
	j := h.Fake.Journal()
	page, more := j.Page(sel, after, limit)
	body := map[string]any{"requests": page, "count": j.Count(sel), "journal": j.Stats()}
	if more {
		body["next"] = page[len(page)-1].Seq
	}
	return http.StatusOK, body
}

// intParam reads a query parameter in [lo, hi]; "" is def.
func intParam(v string, def, lo, hi int) (int, error) {
	if v == "" {
		return def, nil
	}
	i, err := strconv.Atoi(v)
	if err != nil || i < lo || i > hi {
		return 0, fmt.Errorf("must be a number from %d to %d", lo, hi)
	}
	return i, nil
}

// clearRequests is DELETE /_fake/requests: forgets the journal.
func (h *Handler) clearRequests(*http.Request) (int, any) {
	h.Fake.Journal().Clear()
	return http.StatusNoContent, nil
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
