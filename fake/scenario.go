package fake

import (
	"net/http"
	"strconv"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// exchange is one request's passage through the server's scenario.
type exchange struct {
	req scenario.Request
	out scenario.Outcome
}

// route fills in what routing learnt: operation, template, project and the
// resource id (the last path parameter after the project).
func (x *exchange) route(template string, rt *route, params []string) {
	x.req.Op, x.req.Template = rt.op, template
	if len(rt.segs) > 0 && rt.segs[0] == "v1" {
		x.req.Project = params[0]
		if len(params) > 1 {
			x.req.Resource = params[len(params)-1]
		}
	}
}

// fault asks the scenario about x and waits out any latency. stop says the
// operation must not run: err is the error to answer, nil for a connection
// dropped before the operation.
func (s *Server) fault(x *exchange) (err *api.Error, stop bool) {
	x.out = s.scn.Decide(&x.req)
	if x.out.Latency > 0 {
		s.scn.Wait(s.eng.Clock(), x.req.Time.Add(x.out.Latency))
	}
	switch {
	case x.out.Drop == scenario.DropBefore:
		return nil, true
	case x.out.Code != "":
		e, _ := api.Lookup(x.out.Code) // validated when the rule was added
		if x.out.Status != 0 {
			e.Status = x.out.Status
		}
		if x.out.Message != "" {
			e.Msg = x.out.Message
		}
		return e, true
	}
	return nil, false
}

// serveJournaled serves r with serve (the VPCEP API's, the companions' or
// IAM's) and records it in the journal; under a scenario also its faults
// and dropped connections (panic(http.ErrAbortHandler): net/http closes the
// connection, the in-memory transport returns an error).
func (s *Server) serveJournaled(w http.ResponseWriter, r *http.Request, id string, serve func(*http.Request, *exchange, string) (int, any)) {
	x := &exchange{req: scenario.Request{Method: r.Method, Path: r.URL.Path, Header: r.Header, Time: s.eng.Clock().Now()}}
	status, v := serve(r, x, id)
	dropped := x.out.Drop != ""
	e := scenario.Entry{Time: x.req.Time, RequestID: id, Op: x.req.Op, Method: r.Method, Path: r.URL.Path,
		Template: x.req.Template, Project: x.req.Project, Resource: x.req.Resource, Status: status,
		Rule: x.out.Rule, Dropped: dropped}
	e.ErrorCode = errorCodeOf(v)
	if dropped {
		e.Status = 0
	}
	s.journal.Record(e)
	if dropped {
		panic(http.ErrAbortHandler)
	}
	if x.out.RetryAfter > 0 && x.out.Code != "" {
		w.Header().Set("Retry-After", strconv.Itoa(x.out.RetryAfter))
	}
	writeJSON(w, status, v, x.out)
}

// Scenario returns the scenario given with WithScenario, nil without one.
func (s *Server) Scenario() *scenario.Scenario { return s.scn }
