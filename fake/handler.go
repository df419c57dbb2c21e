package fake

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/control"
	"github.com/seed42eb3344/vpcepfake/internal/iam"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Limits of ListenAndServe against slow or hostile clients. WriteTimeout
// leaves room for scenario latencies of up to a minute.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 2 * time.Minute
	idleTimeout       = 2 * time.Minute
	maxHeaderBytes    = 64 << 10
	shutdownTimeout   = 5 * time.Second
)

// ServeHTTP answers one API request: route, authenticate, read the body,
// run the operation, encode the answer. Every response carries
// X-Request-Id; every error is the documented envelope.
//
// Paths under /v3/ go to the fake IAM and paths under /_fake/ to the
// control API and dashboard; neither prefix is a VPCEP path.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, iam.Prefix) || p == iam.Path:
		s.iam.ServeHTTP(w, r)
		return
	case strings.HasPrefix(p, control.Prefix) || p == "/_fake":
		s.control.ServeHTTP(w, r)
		return
	}
	id := s.eng.NewRequestID()
	w.Header()["X-Request-Id"] = []string{id}
	if s.scn != nil {
		s.serveScenario(w, r, id)
		return
	}
	status, v := s.serve(r, nil)
	writeJSON(w, status, v, scenario.Outcome{})
}

// serve runs r and returns the status and the value to encode (nil for no
// body). With a scenario, x collects what it needs and its fault rules run
// after authentication, before the operation.
func (s *Server) serve(r *http.Request, x *exchange) (int, any) {
	c := newCall(r)
	defer c.free()
	rt, n, ok := s.router.match(r.Method, r.URL.EscapedPath(), &c.pbuf)
	if !ok {
		return s.reject(r, "", api.E0005)
	}
	c.op, c.params = rt.op, c.pbuf[:n]
	params := c.params
	if x != nil {
		x.route(s.router.templates[rt], rt, params)
	}
	if len(rt.segs) > 0 && rt.segs[0] == "v1" {
		t, err := s.authenticate(c, params[0])
		if err != nil {
			return s.reject(r, rt.op, err)
		}
		c.tenant = t
	}
	if x != nil {
		if err, stop := s.fault(x); stop {
			if err == nil {
				return 0, nil
			}
			return s.reject(r, rt.op, err)
		}
	}
	if _, err := c.readBody(); err != nil {
		return s.reject(r, rt.op, err)
	}
	v, err := rt.handler(s, c)
	if err != nil {
		return s.reject(r, rt.op, err)
	}
	if s.log.Enabled(r.Context(), slog.LevelDebug) {
		s.log.Debug("vpcep", "op", rt.op, "method", r.Method, "path", r.URL.Path, "status", rt.status)
	}
	if rt.status == http.StatusNoContent {
		return rt.status, nil
	}
	return rt.status, v
}

func (s *Server) reject(r *http.Request, op string, err *api.Error) (int, any) {
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "vpcep rejected", slog.String("op", op), slog.String("method", r.Method),
		slog.String("path", r.URL.Path), slog.Int("status", err.Status), slog.String("error_code", err.Code))
	return err.Status, err
}
