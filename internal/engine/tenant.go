package engine

import (
	"errors"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Tenant is one caller identity: an account (domain), a project in it and
// the IAM token that authenticates as that project, plus optional IAM login
// data and AK/SK keys.
type Tenant struct {
	DomainID  string `json:"domain_id"`
	ProjectID string `json:"project_id"`
	Token     string `json:"token"`
	// DomainName, UserName and Password are the IAM password login (POST
	// /v3/auth/tokens); without a UserName the tenant cannot log in by
	// password, only by token.
	DomainName string `json:"domain_name,omitempty"`
	UserName   string `json:"user_name,omitempty"`
	Password   string `json:"password,omitempty"`
	// ProjectName is the IAM project name; "" means the region name, as
	// OTC names a region's main project ("eu-de").
	ProjectName string `json:"project_name,omitempty"`
	// AccessKey and SecretKey are AK/SK credentials: a request signed with
	// AccessKey authenticates as this tenant, and its signature is checked
	// when SecretKey is set. Once any tenant has an AccessKey, requests
	// signed by an AK no tenant has are refused.
	AccessKey string `json:"access_key,omitempty"`
	SecretKey string `json:"secret_key,omitempty"`
}

// Limits of a tenant's text fields, in bytes.
const (
	maxTenantName   = 255      // domain, user and project names, password
	maxTenantSecret = 16 << 10 // token, access key, secret key (header values)
)

// Validate reports a tenant that cannot be registered: an empty field, a
// malformed project or domain id, a name or password that is not 1-255
// bytes of printable text, a token or key that is not 1-16 KiB of
// printable ASCII (they travel in headers).
func (t Tenant) Validate() error {
	if t.DomainID == "" || t.ProjectID == "" || t.Token == "" {
		return errors.New("tenant needs a domain id, a project id and a token")
	}
	if !ValidProjectID(t.ProjectID) || !ValidProjectID(t.DomainID) {
		return errors.New("tenant project and domain ids must be 1-64 letters, digits, '-' or '_'")
	}
	for _, f := range []struct{ name, v string }{{"domain_name", t.DomainName}, {"user_name", t.UserName},
		{"password", t.Password}, {"project_name", t.ProjectName}} {
		if len(f.v) > maxTenantName || !utf8.ValidString(f.v) || strings.ContainsFunc(f.v, unicode.IsControl) {
			return errors.New("tenant " + f.name + " must be at most 255 bytes of printable text")
		}
	}
	for _, f := range []struct{ name, v string }{{"token", t.Token}, {"access_key", t.AccessKey}, {"secret_key", t.SecretKey}} {
		if len(f.v) > maxTenantSecret || strings.ContainsFunc(f.v, func(r rune) bool { return r <= ' ' || r > '~' }) {
			return errors.New("tenant " + f.name + " must be at most 16 KiB of printable ASCII without spaces")
		}
	}
	return nil
}

// AddTenant registers t. It fails when t is not valid or when its project
// id or token is already taken by another tenant.
func (e *Engine) AddTenant(t Tenant) error {
	if err := t.Validate(); err != nil {
		return err
	}
	e.tmu.Lock()
	defer e.tmu.Unlock()
	if old, ok := e.tenants[t.ProjectID]; ok && *old != t {
		return errors.New("project " + t.ProjectID + " belongs to another tenant")
	}
	if old, ok := e.tokens[t.Token]; ok && *old != t {
		return errors.New("token already used by project " + old.ProjectID)
	}
	if old, ok := e.keys[t.AccessKey]; ok && t.AccessKey != "" && *old != t {
		return errors.New("access key already used by project " + old.ProjectID)
	}
	e.putTenant(t)
	return nil
}

// putTenant indexes t by project, token and access key; tmu is held.
func (e *Engine) putTenant(t Tenant) {
	c := t
	e.tenants[t.ProjectID] = &c
	e.tokens[t.Token] = &c
	if t.AccessKey != "" {
		e.keys[t.AccessKey] = &c
	}
}

// TenantByAccessKey returns the tenant whose AK/SK access key is ak.
func (e *Engine) TenantByAccessKey(ak string) (Tenant, bool) {
	return e.tenantIn(func() map[string]*Tenant { return e.keys }, ak)
}

// TenantByToken returns the tenant the IAM token authenticates.
func (e *Engine) TenantByToken(token string) (Tenant, bool) {
	return e.tenantIn(func() map[string]*Tenant { return e.tokens }, token)
}

// TenantByProject returns the tenant that owns project id.
func (e *Engine) TenantByProject(id string) (Tenant, bool) {
	return e.tenantIn(func() map[string]*Tenant { return e.tenants }, id)
}

// HasAccessKeys reports whether any tenant has an AK/SK access key: then
// a signed request must name one of them.
func (e *Engine) HasAccessKeys() bool {
	e.tmu.RLock()
	defer e.tmu.RUnlock()
	return len(e.keys) > 0
}

// Tenants returns every tenant, ordered by project id.
func (e *Engine) Tenants() []Tenant {
	e.tmu.RLock()
	defer e.tmu.RUnlock()
	out := make([]Tenant, 0, len(e.tenants))
	for _, t := range e.tenants {
		out = append(out, *t)
	}
	slices.SortFunc(out, func(a, b Tenant) int { return strings.Compare(a.ProjectID, b.ProjectID) })
	return out
}

// tenantIn looks key up in one of the tenant indexes, which index returns:
// Import and Reset replace the indexes, so they are read under the lock.
func (e *Engine) tenantIn(index func() map[string]*Tenant, key string) (Tenant, bool) {
	e.tmu.RLock()
	defer e.tmu.RUnlock()
	t, ok := index()[key]
	if !ok {
		return Tenant{}, false
	}
	return *t, true
}

// ValidProjectID reports whether id has the shape of a project id: 1-64
// letters, digits, '-' or '_' (Huawei's path rule). The HTTP face answers
// EndPoint.0014 for a path project that is not.
func ValidProjectID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}
