package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// authorize authenticates c's request (docs/vpcep-api.md §1.2) and keeps
// its tenant in c; the caller's project must be the path project, the
// route's first parameter. A malformed path project gives 400
// EndPoint.0014, credentials of another project 403 EndPoint.0004.
func (s *Server) authorize(c *call) *api.Error {
	if err := s.identify(c); err != nil {
		return err
	}
	switch {
	case !engine.ValidProjectID(c.params[0]):
		return api.E0014
	case c.tenant.ProjectID != c.params[0]:
		return api.E0004
	}
	return nil
}

// identify authenticates c's request and keeps its tenant in c. Who is
// calling is internal/iam's to say (iam.Authority: tokens, AK/SK
// signatures, X-Project-Id). Missing, unknown or expired credentials and a
// wrong signature give 401 EndPoint.0003.
func (s *Server) identify(c *call) *api.Error {
	t, known, err := s.auth.Caller(c.r, c.readBody)
	switch {
	case err != nil:
		return err
	case !known:
		return api.E0003
	}
	c.tenant = t
	return nil
}

// admit reads c's body, takes hold of the state (engine.HoldState) and
// authenticates c with auth (nil: the route needs no credentials), then
// applies the scenario's faults. It returns holding the state: the caller
// releases it once the operation has run, so a reset or import waits for
// authentication and operation alike, while a slow client's body holds up
// nothing. A scenario's latency is waited out without holding the state;
// a request that finds the state replaced afterwards authenticates again
// against the new one. stop says the operation must not run: err is the
// error to answer, nil for a connection dropped before it.
func (s *Server) admit(c *call, x *exchange, auth func(*call) *api.Error) (err *api.Error, stop bool) {
	_, _ = c.readBody() // its error is answered after authentication's
	gen := s.eng.HoldState()
	if auth != nil {
		if err := auth(c); err != nil {
			return err, true
		}
	}
	if x.req.Project == "" {
		x.req.Project = c.tenant.ProjectID
	}
	if s.scn == nil {
		return nil, false
	}
	s.eng.ReleaseState() // never wait while holding the state
	err, stop = s.fault(x)
	if s.eng.HoldState() != gen && auth != nil && !stop {
		err = auth(c) // the state was replaced meanwhile
		stop = err != nil
	}
	return err, stop
}
