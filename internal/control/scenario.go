package control

import (
	"errors"
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
	if err := scn.Extend(http.MaxBytesReader(nil, r.Body, maxBody)); err != nil {
		return http.StatusBadRequest, problem(err.Error())
	}
	return http.StatusNoContent, nil
}

// requests is GET /_fake/requests: the journal, filtered by the query
// parameters op, method, template, resource, status, error_code and rule.
func (h *Handler) requests(r *http.Request) (int, any) {
	scn, p := h.scenarioOf()
	if p != nil {
		return http.StatusConflict, p
	}
	q := r.URL.Query()
	sel := scenario.Query{Op: q.Get("op"), Method: q.Get("method"), Template: q.Get("template"),
		Resource: q.Get("resource"), ErrorCode: q.Get("error_code"), Rule: q.Get("rule")}
	if v := q.Get("status"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			return http.StatusBadRequest, problem("requests: status must be a number")
		}
		sel.Status = n
	}
	entries := nonNil(scn.Requests(sel))
	return http.StatusOK, map[string]any{"requests": entries, "count": len(entries)}
}

// clearRequests is DELETE /_fake/requests: forgets the journal.
func (h *Handler) clearRequests(*http.Request) (int, any) {
	scn, p := h.scenarioOf()
	if p != nil {
		return http.StatusConflict, p
	}
	scn.ClearJournal()
	return http.StatusNoContent, nil
}

// nonNil makes an empty list encode as [] rather than null.
func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
