package fake

import (
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/control"
	"github.com/seed42eb3344/vpcepfake/internal/iam"
)

// Limits of ListenAndServe against slow or hostile clients. WriteTimeout
// leaves room for scenario latencies of up to a minute. net/http refuses
// headers over netHeaderBytes with its own plain-text 431; ServeHTTP
// answers headers over maxHeaderBytes with 431 and the JSON envelope.
const (
	readHeaderTimeout = 10 * time.Second
	readTimeout       = 30 * time.Second
	writeTimeout      = 2 * time.Minute
	maxHeaderBytes    = 128 << 10
	netHeaderBytes    = 1 << 20
	shutdownTimeout   = 5 * time.Second
)

// ServeHTTP answers one API request: route, read the body, authenticate,
// run the operation, encode the answer. Every response carries
// X-Request-Id; every error is the documented envelope.
//
// Paths under /v3/ go to the fake IAM and paths under /_fake/ to the
// control API and dashboard; neither prefix is a VPCEP path. Paths under
// /network/ and /elb/ are the companion VPC and ELB APIs.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if headerBytes(r) > maxHeaderBytes {
		headersTooLarge(w, r)
		return
	}
	switch p := r.URL.Path; {
	case strings.HasPrefix(p, iam.Prefix) || p == iam.Path:
		s.serveIAM(w, r, s.iam)
		return
	case strings.HasPrefix(p, control.Prefix) || p == "/_fake":
		s.control.ServeHTTP(w, r)
		return
	}
	id := s.eng.NewRequestID()
	w.Header()["X-Request-Id"] = []string{id}
	s.serveJournaled(w, r, id, s.dispatch)
}

// dispatch runs r as a companion request (serveNet) or a VPCEP one
// (serve).
func (s *Server) dispatch(r *http.Request, x *exchange, requestID string) (int, any) {
	if p := r.URL.Path; strings.HasPrefix(p, networkPrefix) || strings.HasPrefix(p, elbPrefix) {
		return s.serveNet(r, x, requestID)
	}
	return s.serve(r, x)
}

// serve runs r and returns the status and the value to encode (nil for no
// body). x collects what the journal and the scenario need; authentication,
// the scenario's fault rules and the operation run as admit says.
func (s *Server) serve(r *http.Request, x *exchange) (int, any) {
	c := newCall(r)
	defer c.free()
	rt, n, ok := s.router.match(r.Method, r.URL.EscapedPath(), &c.pbuf)
	if !ok {
		return s.reject(r, "", api.E0005)
	}
	c.op, c.params = rt.op, c.pbuf[:n]
	x.route(s.router.templates[rt], rt, c.params)
	var auth func(*call) *api.Error
	if len(rt.segs) > 0 && rt.segs[0] == "v1" {
		auth = s.authorize
	}
	defer s.eng.ReleaseState()
	if err, stop := s.admit(c, x, auth); stop {
		if err == nil {
			return 0, nil
		}
		return s.reject(r, rt.op, err)
	}
	if _, err := c.readBody(); err != nil {
		return s.reject(r, rt.op, err)
	}
	v, err := s.run(rt, c, x)
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
