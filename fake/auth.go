package fake

import (
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/internal/iam"
)

// authenticate finds the tenant of a /v1 request (spec 1.2). An IAM token
// in X-Auth-Token names its tenant. Without one, a request signed the SDK
// way (Authorization: SDK-HMAC-SHA256 … plus X-Sdk-Date, in the Huawei
// "Access=AK" or the gophertelekomcloud "Credential=AK/…" form) is the
// tenant whose AccessKey it names, with the signature checked when that
// tenant has a SecretKey; a signature by an unknown AK is taken for the
// project in X-Project-Id, unchecked. Missing or unknown credentials and a
// wrong signature give 401 EndPoint.0003; a malformed path project 400
// EndPoint.0014; credentials of another project 403 EndPoint.0004.
func (s *Server) authenticate(c *call, pathProject string) (Tenant, *api.Error) {
	var (
		t  Tenant
		ok bool
		r  = c.r
	)
	if tok := r.Header.Get("X-Auth-Token"); tok != "" {
		t, ok = s.eng.TenantByToken(tok)
	} else if signed(r) {
		t, ok = s.eng.TenantByAccessKey(iam.AccessKey(r.Header.Get("Authorization")))
		if ok && t.SecretKey != "" {
			body, err := c.readBody()
			if err != nil {
				return t, err
			}
			ok = iam.VerifySignature(r, body, t.SecretKey)
		} else if !ok {
			t, ok = s.eng.TenantByProject(r.Header.Get("X-Project-Id"))
		}
	}
	switch {
	case !ok:
		return t, api.E0003
	case !engine.ValidProjectID(pathProject):
		return t, api.E0014
	case t.ProjectID != pathProject:
		return t, api.E0004
	}
	return t, nil
}

// authorize authenticates c's request as the tenant of its path project
// (the route's first parameter) and keeps the tenant in c.
func (s *Server) authorize(c *call) *api.Error {
	t, err := s.authenticate(c, c.params[0])
	c.tenant = t
	return err
}

// signed reports whether r carries an SDK-HMAC-SHA256 signature, as both
// the Huawei SDK and gophertelekomcloud in AK/SK mode send.
func signed(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Authorization"), "SDK-HMAC-SHA256 ") && r.Header.Get("X-Sdk-Date") != ""
}
