package iam

import (
	"net/http"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// DefaultTokenLifetime is how long a token issued by a login is valid: 24
// hours, the OTC default.
const DefaultTokenLifetime = 24 * time.Hour

// Directory is what IAM needs of the fake: its tenants.
type Directory interface {
	Tenants() []engine.Tenant
	TenantByToken(token string) (engine.Tenant, bool)
	TenantByAccessKey(ak string) (engine.Tenant, bool)
	TenantByProject(id string) (engine.Tenant, bool)
	HasAccessKeys() bool
}

// Authority is the one place that turns credentials into a caller, for
// the VPCEP API and for IAM itself, and that issues tokens.
//
//   - X-Auth-Token: a tenant's configured token (valid for ever), or a
//     token a login issued, valid until its expires_at on the fake's clock
//     while its project still belongs to the same account.
//   - Authorization: SDK-HMAC-SHA256 … with X-Sdk-Date (YYYYMMDDTHHMMSSZ),
//     in the Huawei ("Access=AK") or gophertelekomcloud ("Credential=AK/…")
//     form: the tenant whose AccessKey it names; its signature, over the
//     body received, is verified when that tenant has a SecretKey. An AK
//     no tenant has is refused once any tenant has one; in zero-config
//     mode (no tenant has an AK) nothing can be verified and the request
//     speaks for the tenant of its X-Project-Id.
//
// The signing time is not compared with the clock: the fake's clock may be
// anywhere.
type Authority struct {
	Dir Directory
	Now func() time.Time
	// Lifetime is the lifetime of issued tokens (DefaultTokenLifetime
	// when 0).
	Lifetime time.Duration
	// NewID returns a fresh unique string for a token.
	NewID  func() string
	issued issued
}

// Caller returns the tenant r speaks for. body returns the request body,
// for the signature check; its error is returned as is. known is false
// for a request that is valid but names no tenant (zero-config AK/SK
// without X-Project-Id): IAM serves it as any caller, VPCEP refuses it.
// Bad or missing credentials give 401 EndPoint.0003.
func (a *Authority) Caller(r *http.Request, body func() ([]byte, *api.Error)) (t engine.Tenant, known bool, err *api.Error) {
	if tok := r.Header.Get("X-Auth-Token"); tok != "" {
		return found(a.tokenTenant(tok))
	}
	sig, ok := parseAuthorization(r.Header.Get("Authorization"))
	if !ok || !validDate(r.Header.Get("X-Sdk-Date")) {
		return engine.Tenant{}, false, api.E0003
	}
	if t, ok := a.Dir.TenantByAccessKey(sig.ak); ok {
		if t.SecretKey == "" {
			return t, true, nil
		}
		b, err := body()
		if err != nil {
			return engine.Tenant{}, false, err
		}
		return found(t, sig.verify(r, b, t.SecretKey))
	}
	if a.Dir.HasAccessKeys() {
		return engine.Tenant{}, false, api.E0003
	}
	pid := r.Header.Get("X-Project-Id")
	if pid == "" {
		return engine.Tenant{}, false, nil
	}
	return found(a.Dir.TenantByProject(pid))
}

// found is Caller's answer for a look-up of t: t, or 401 when !ok.
func found(t engine.Tenant, ok bool) (engine.Tenant, bool, *api.Error) {
	if !ok {
		return engine.Tenant{}, false, api.E0003
	}
	return t, true, nil
}

// validDate reports whether an X-Sdk-Date has the SDKs' format.
func validDate(d string) bool {
	_, err := time.Parse("20060102T150405Z", d)
	return err == nil
}

// tokenTenant returns the tenant of a configured or unexpired issued token.
func (a *Authority) tokenTenant(tok string) (engine.Tenant, bool) {
	if t, ok := a.Dir.TenantByToken(tok); ok {
		return t, true
	}
	g, ok := a.issued.get(tok, a.Now())
	if !ok {
		return engine.Tenant{}, false
	}
	t, ok := a.Dir.TenantByProject(g.project)
	return t, ok && t.DomainID == g.domain
}

// expiry is when a token expires: an issued one at its expires_at, a
// configured one a lifetime from now (it never does).
func (a *Authority) expiry(tok string) time.Time {
	if g, ok := a.issued.get(tok, a.Now()); ok {
		return g.expires
	}
	return a.Now().Add(a.lifetime())
}

// issue returns a fresh token for t, valid for the lifetime but not past
// notAfter (a zero notAfter sets no bound).
func (a *Authority) issue(t engine.Tenant, notAfter time.Time) string {
	now := a.Now()
	exp := now.Add(a.lifetime())
	if !notAfter.IsZero() && notAfter.Before(exp) {
		exp = notAfter
	}
	tok := tokenPrefix + a.NewID()
	a.issued.add(tok, grant{domain: t.DomainID, project: t.ProjectID, expires: exp}, now)
	return tok
}

// tokenPrefix starts every issued token.
const tokenPrefix = "vpcepfake-iam-"

func (a *Authority) lifetime() time.Duration {
	if a.Lifetime > 0 {
		return a.Lifetime
	}
	return DefaultTokenLifetime
}
