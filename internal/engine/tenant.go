package engine

import (
	"errors"
	"slices"
	"strings"
)

// Tenant is one caller identity: an account (domain), a project in it and
// the IAM token that authenticates as that project.
type Tenant struct {
	DomainID  string
	ProjectID string
	Token     string
}

// Validate reports a tenant that cannot be registered: an empty field or a
// malformed project id.
func (t Tenant) Validate() error {
	if t.DomainID == "" || t.ProjectID == "" || t.Token == "" {
		return errors.New("tenant needs a domain id, a project id and a token")
	}
	if !ValidProjectID(t.ProjectID) {
		return errors.New("tenant project id must be 1-64 letters, digits, '-' or '_'")
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
	c := t
	e.tenants[t.ProjectID] = &c
	e.tokens[t.Token] = &c
	return nil
}

// TenantByToken returns the tenant the IAM token authenticates.
func (e *Engine) TenantByToken(token string) (Tenant, bool) {
	e.tmu.RLock()
	defer e.tmu.RUnlock()
	t, ok := e.tokens[token]
	if !ok {
		return Tenant{}, false
	}
	return *t, true
}

// TenantByProject returns the tenant that owns project id.
func (e *Engine) TenantByProject(id string) (Tenant, bool) {
	e.tmu.RLock()
	defer e.tmu.RUnlock()
	t, ok := e.tenants[id]
	if !ok {
		return Tenant{}, false
	}
	return *t, true
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
