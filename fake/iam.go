package fake

import (
	"context"
	"net"
	"net/http"

	"github.com/seed42eb3344/vpcepfake/internal/iam"
)

// serveIAM answers an IAM request with h, like a VPCEP request: with an
// X-Request-Id, through the scenario's rules (by the IAM operation ids,
// scenario.OpKeystone*) and into its journal. A rule's error is answered in
// Keystone's shape with the rule's status and message.
func (s *Server) serveIAM(w http.ResponseWriter, r *http.Request, h *iam.Handler) {
	id := s.eng.NewRequestID()
	w.Header()["X-Request-Id"] = []string{id}
	serve := func(r *http.Request, x *exchange, _ string) (int, any) {
		rep := s.iamReply(r, x, h)
		if rep.Subject != "" {
			w.Header().Set("X-Subject-Token", rep.Subject)
		}
		return rep.Status, rep.Body
	}
	s.serveJournaled(w, r, id, serve)
}

// iamReply routes and runs one IAM request; x gets the operation, and the
// scenario's faults apply before it runs.
func (s *Server) iamReply(r *http.Request, x *exchange, h *iam.Handler) iam.Reply {
	body, err := readBody(r, nil)
	if err != nil {
		return iam.Fail(http.StatusBadRequest, "The request body could not be read.")
	}
	op, ok := iam.Route(r.Method, r.URL.Path, body)
	if !ok {
		return iam.NotFound()
	}
	x.req.Op, x.req.Template = op.ID, op.Template
	if s.scn != nil {
		if err, stop := s.fault(x); stop {
			if err == nil {
				return iam.Reply{}
			}
			return iam.Fail(err.Status, err.Msg)
		}
	}
	s.eng.HoldState()
	defer s.eng.ReleaseState()
	return h.Serve(op, r, body)
}

// IAMHandler returns the fake IAM alone, for a listener of its own:
// Keystone's version discovery at "/" (KeystoneListVersions) and the API
// under /v3, so that a client's auth_url works with or without /v3. The
// catalog it serves names the VPCEP API at vpcepURL (the base URL of the
// server's own listener, without a trailing slash).
func (s *Server) IAMHandler(vpcepURL string) http.Handler {
	h := &iam.Handler{Auth: s.auth, Region: s.eng.Region(), VPCEPURL: vpcepURL}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { s.serveIAM(w, r, h) })
}

// ListenAndServeIAM serves IAMHandler(vpcepURL) on addr until ctx is done,
// with the limits of ListenAndServe; ready, if not nil, receives the bound
// address once the listener is open.
func (s *Server) ListenAndServeIAM(ctx context.Context, addr, vpcepURL string, ready func(net.Addr)) error {
	return s.listenAndServe(ctx, addr, s.IAMHandler(vpcepURL), ready)
}
