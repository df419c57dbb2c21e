package fake

import (
	"context"
	"io"
	"net"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// exchange is one request's passage through the server's scenario.
type exchange struct {
	ctx      context.Context
	req      scenario.Request
	out      scenario.Outcome
	canceled bool // the client gave up while a latency held the request
}

// exchanges recycles exchanges: nothing keeps one after its request
// (the journal and the scenario copy what they need).
var exchanges = sync.Pool{New: func() any { return new(exchange) }}

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
// dropped before the operation or a client that gave up meanwhile. The
// request body must be read before (admit does): only then does net/http
// watch the connection and end the request's context when the client goes
// away.
func (s *Server) fault(x *exchange) (err *api.Error, stop bool) {
	x.out = s.scn.Decide(&x.req)
	if x.out.Latency > 0 && s.scn.Wait(x.ctx, s.eng.Clock(), x.req.Time.Add(x.out.Latency)) != nil {
		x.canceled = true
		return nil, true
	}
	switch {
	case x.out.Drop == scenario.DropBefore || x.out.Drop == scenario.DropReset:
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

// run runs the operation of c; under a scenario between Begin and End, so
// that a named scenario's plans apply to the transitions it starts.
func (s *Server) run(rt *route, c *call, x *exchange) (any, *api.Error) {
	if s.scn == nil {
		return rt.handler(s, c)
	}
	s.scn.Begin(&x.req)
	defer s.scn.End(&x.req)
	return rt.handler(s, c)
}

// serveJournaled serves r with serve (the VPCEP API's, the companions' or
// IAM's) and records it in the journal; under a scenario also its faults,
// list lags, delayed answers and dropped connections. serve has released
// the state when it returns: a delayed answer waits holding nothing.
func (s *Server) serveJournaled(w http.ResponseWriter, r *http.Request, id string, serve func(*http.Request, *exchange, string) (int, any)) {
	x := exchanges.Get().(*exchange) // zero: cleared before it goes back
	x.ctx, x.req.Method, x.req.Path, x.req.Header = r.Context(), r.Method, r.URL.Path, r.Header
	x.req.Time, x.req.Resources = s.eng.Clock().Now(), s.eng
	defer func() {
		*x = exchange{}
		exchanges.Put(x)
	}()
	status, v := serve(r, x, id)
	e := scenario.Entry{Time: x.req.Time, RequestID: id, Op: x.req.Op, Method: r.Method, Path: r.URL.Path,
		Template: x.req.Template, Project: x.req.Project, Resource: x.req.Resource, Status: status,
		Rule: x.out.Rule, Dropped: x.out.Drop != "" && !x.canceled, Canceled: x.canceled, ErrorCode: errorCodeOf(v)}
	if e.ErrorCode == "" && status < 300 {
		e.Created = createdID(x.req.Op, v)
		if s.scn != nil {
			if x.req.Op == scenario.OpDeleteEndpointService || x.req.Op == scenario.OpDeleteEndpoint {
				s.scn.Forget(x.req.Resource)
			}
			s.scn.Hide(e.Created, s.eng.Clock().Now(), x.out)
			if s.scn.Lagging() {
				v, e.Hidden = s.unlisted(x.req.Op, v)
			}
		}
	}
	if d := x.out.ResponseDelay; d > 0 && status != 0 && x.out.Drop == "" {
		clk := s.eng.Clock()
		e.Canceled = s.scn.Wait(x.ctx, clk, clk.Now().Add(d)) != nil
	}
	if e.Dropped {
		e.Status = 0
	}
	s.journal.Record(e)
	switch {
	case e.Canceled:
		panic(http.ErrAbortHandler) // nobody listens any more
	case e.Dropped:
		cut(w, r, x.out.Drop == scenario.DropReset)
		return
	}
	if x.out.RetryAfter > 0 && x.out.Code != "" {
		w.Header().Set("Retry-After", strconv.Itoa(x.out.RetryAfter))
	}
	writeJSON(w, status, v, x.out)
}

// createdID returns the id of the resource a create answered, "" for
// every other operation.
func createdID(op string, v any) string {
	switch v := v.(type) {
	case *pooled[api.Service]:
		if op == scenario.OpCreateEndpointService {
			return v.v.ID
		}
	case *pooled[api.Endpoint]:
		if op == scenario.OpCreateEndpoint {
			return v.v.ID
		}
	}
	return ""
}

// unlisted removes from a list answer of op the resources a list lag
// hides, returning the answer and their ids. Lists of services
// (ListEndpointService) and of endpoints (ListEndpoints) lag; total_count
// counts what is shown.
func (s *Server) unlisted(op string, v any) (any, []string) {
	now := s.eng.Clock().Now()
	var hidden []string
	switch l := v.(type) {
	case api.ServiceList:
		if op == scenario.OpListEndpointService {
			l.Services, l.TotalCount, hidden = hide(s.scn, now, l.Services, l.TotalCount, func(x *api.Service) string { return x.ID })
			return l, hidden
		}
	case api.EndpointList:
		if op == scenario.OpListEndpoints {
			l.Endpoints, l.TotalCount, hidden = hide(s.scn, now, l.Endpoints, l.TotalCount, func(x *api.Endpoint) string { return x.ID })
			return l, hidden
		}
	}
	return v, nil
}

// hide drops from items, a list page of total items, those the scenario
// hides at now.
func hide[T any](scn *scenario.Scenario, now time.Time, items []T, total int, id func(*T) string) ([]T, int, []string) {
	ids := make([]string, len(items))
	for i := range items {
		ids[i] = id(&items[i])
	}
	hidden := scn.Unlisted(now, ids)
	if len(hidden) == 0 {
		return items, total, nil
	}
	kept := make([]T, 0, len(items)-len(hidden))
	for i := range items {
		if !slices.Contains(hidden, ids[i]) {
			kept = append(kept, items[i])
		}
	}
	return kept, total - len(hidden), hidden
}

// Scenario returns the scenario given with WithScenario, nil without one.
func (s *Server) Scenario() *scenario.Scenario { return s.scn }

// cut ends the connection of w without an answer, the same way over a
// socket and in memory; nothing may be written to w after it. Over a socket it writes a status line and closes
// the connection, so the client reads an unexpected EOF where the headers
// should be, or, with reset, closes it with a TCP RST (connection reset
// by peer). The in-memory transport returns errors that wrap the same
// io.ErrUnexpectedEOF and syscall.ECONNRESET. Any other writer gets
// panic(http.ErrAbortHandler). The rest of r's body is read first: a
// socket closed on unread data resets.
func cut(w http.ResponseWriter, r *http.Request, reset bool) {
	switch w := w.(type) {
	case *memResponse:
		w.cut = errDropped
		if reset {
			w.cut = errReset
		}
	case http.Hijacker:
		_, _ = io.Copy(io.Discard, io.LimitReader(r.Body, maxBody))
		conn, buf, err := w.Hijack()
		if err != nil {
			break
		}
		raw := conn
		if l, ok := conn.(*limitedConn); ok { // ListenAndServe's
			raw = l.Conn
		}
		if tcp, ok := raw.(*net.TCPConn); ok && reset {
			_ = tcp.SetLinger(0)
		} else {
			_, _ = buf.WriteString("HTTP/1.1 200 OK\r\n")
			_ = buf.Flush()
		}
		_ = conn.Close()
		return
	}
	panic(http.ErrAbortHandler)
}
