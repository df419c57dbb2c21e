package fake

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// authorize authenticates c's request (spec 1.2) and keeps its tenant in
// c. Who is calling is internal/iam's to say (iam.Authority: tokens,
// AK/SK signatures, X-Project-Id); here the caller's project must be the
// path project, the route's first parameter. Missing, unknown or expired
// credentials and a wrong signature give 401 EndPoint.0003; a malformed
// path project 400 EndPoint.0014; credentials of another project 403
// EndPoint.0004.
func (s *Server) authorize(c *call) *api.Error {
	t, known, err := s.auth.Caller(c.r, c.readBody)
	switch {
	case err != nil:
		return err
	case !known:
		return api.E0003
	case !engine.ValidProjectID(c.params[0]):
		return api.E0014
	case t.ProjectID != c.params[0]:
		return api.E0004
	}
	c.tenant = t
	return nil
}
