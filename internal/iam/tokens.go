package iam

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"strings"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// authRequest is the POST /v3/auth/tokens body: the password or token
// method and an optional project or domain scope.
type authRequest struct {
	Auth struct {
		Identity struct {
			Methods  []string `json:"methods"`
			Password *struct {
				User struct {
					ID       string `json:"id"`
					Name     string `json:"name"`
					Password string `json:"password"`
					Domain   ref    `json:"domain"`
				} `json:"user"`
			} `json:"password"`
			Token *struct {
				ID string `json:"id"`
			} `json:"token"`
		} `json:"identity"`
		Scope *struct {
			Project *struct {
				ID     string `json:"id"`
				Name   string `json:"name"`
				Domain ref    `json:"domain"`
			} `json:"project"`
			Domain *ref `json:"domain"`
		} `json:"scope"`
	} `json:"auth"`
}

// ref names a domain (or a user's domain) by id or name.
type ref struct {
	ID   string `json:"id,omitempty"`
	Name string `json:"name,omitempty"`
}

// matches reports whether the domain of t is the one ref names; an empty
// ref names any domain.
func (d ref) matches(t engine.Tenant) bool {
	own := domainOf(t)
	return (d.ID == "" || d.ID == own.ID) && (d.Name == "" || d.Name == own.Name)
}

type project struct {
	ID       string `json:"id"`
	Name     string `json:"name"`
	DomainID string `json:"domain_id,omitempty"`
	Domain   *ref   `json:"domain,omitempty"`
	Enabled  bool   `json:"enabled,omitempty"`
}

// token is the token body of docs/real-clients.md §2.3.
type token struct {
	ExpiresAt string         `json:"expires_at"`
	IssuedAt  string         `json:"issued_at"`
	Methods   []string       `json:"methods"`
	Project   *project       `json:"project,omitempty"`
	Domain    *ref           `json:"domain,omitempty"`
	User      user           `json:"user"`
	Roles     []ref          `json:"roles"`
	Catalog   []catalogEntry `json:"catalog"`
}

type user struct {
	ID     string `json:"id"`
	Name   string `json:"name"`
	Domain ref    `json:"domain"`
}

type catalogEntry struct {
	ID        string     `json:"id"`
	Type      string     `json:"type"`
	Name      string     `json:"name"`
	Endpoints []endpoint `json:"endpoints"`
}

type endpoint struct {
	ID        string `json:"id"`
	Interface string `json:"interface"`
	Region    string `json:"region"`
	RegionID  string `json:"region_id"`
	URL       string `json:"url"`
}

// issue is KeystoneCreateUserTokenByPassword and KeystoneCreateScopedToken:
// 201 with a fresh token in X-Subject-Token for the scoped tenant. A token
// login keeps the expiry of the token it presents. Unknown or expired
// credentials or a scope outside them get 401.
func (h *Handler) issue(r *http.Request, body []byte) Reply {
	var req authRequest
	if err := json.Unmarshal(body, &req); err != nil {
		return Fail(http.StatusBadRequest, "The request body is not valid JSON.")
	}
	id := req.Auth.Identity
	var (
		candidates []engine.Tenant
		notAfter   time.Time
	)
	switch {
	case id.Password != nil:
		u := id.Password.User
		for _, t := range h.Auth.Dir.Tenants() {
			if t.UserName != "" && (t.UserName == u.Name || userID(t) == u.ID) && t.Password == u.Password && u.Domain.matches(t) {
				candidates = append(candidates, t)
			}
		}
	case id.Token != nil:
		if me, ok := h.Auth.tokenTenant(id.Token.ID); ok {
			candidates, notAfter = h.sameDomain(me), h.Auth.expiry(id.Token.ID)
		}
	default:
		return Fail(http.StatusBadRequest, "Expecting to find identity.password or identity.token.")
	}
	t, ok := h.scope(req, candidates)
	if !ok {
		return unauthorized()
	}
	tok := h.Auth.issue(t, notAfter)
	domainScoped := req.Auth.Scope != nil && req.Auth.Scope.Domain != nil
	return Reply{Status: http.StatusCreated, Body: h.tokenBody(r, t, tok, id.Methods, domainScoped), Subject: tok}
}

// sameDomain lists the tenants of me's domain, me first.
func (h *Handler) sameDomain(me engine.Tenant) []engine.Tenant {
	out := []engine.Tenant{me}
	for _, t := range h.Auth.Dir.Tenants() {
		if t.DomainID == me.DomainID && t != me {
			out = append(out, t)
		}
	}
	return out
}

// scope picks the candidate the request's scope names; without a scope,
// the first.
func (h *Handler) scope(req authRequest, candidates []engine.Tenant) (engine.Tenant, bool) {
	sc := req.Auth.Scope
	for _, t := range candidates {
		switch {
		case sc == nil || sc.Project == nil && sc.Domain == nil:
			return t, true
		case sc.Project != nil && sc.Project.ID != "":
			if t.ProjectID == sc.Project.ID {
				return t, true
			}
		case sc.Project != nil:
			if h.projectName(t) == sc.Project.Name && sc.Project.Domain.matches(t) {
				return t, true
			}
		case sc.Domain.matches(t):
			return t, true
		}
	}
	return engine.Tenant{}, false
}

// validate is KeystoneValidateToken: the body of the token in
// X-Subject-Token, echoed in the response header (gophertelekomcloud takes
// the token id from it). The caller's X-Auth-Token must be valid too; an
// unknown or expired subject token is 404.
func (h *Handler) validate(r *http.Request, _ []byte) Reply {
	if _, ok := h.Auth.tokenTenant(r.Header.Get("X-Auth-Token")); !ok {
		return unauthorized()
	}
	subject := r.Header.Get("X-Subject-Token")
	t, ok := h.Auth.tokenTenant(subject)
	if !ok {
		return Fail(http.StatusNotFound, "Could not find token.")
	}
	return Reply{Status: http.StatusOK, Body: h.tokenBody(r, t, subject, []string{"token"}, false), Subject: subject}
}

// tokenBody is the body of token tok of t: project-scoped, or domain-scoped
// when domainScoped, with the catalog either way.
func (h *Handler) tokenBody(r *http.Request, t engine.Tenant, tok string, methods []string, domainScoped bool) any {
	const layout = "2006-01-02T15:04:05.000000Z"
	d := domainOf(t)
	body := token{
		ExpiresAt: h.Auth.expiry(tok).UTC().Format(layout),
		IssuedAt:  h.Auth.Now().UTC().Format(layout),
		Methods:   methods,
		User:      user{ID: userID(t), Name: t.UserName, Domain: d},
		Roles:     []ref{{ID: "0", Name: "te_admin"}},
		Catalog:   h.catalog(r, t),
	}
	if domainScoped {
		body.Domain = &d
	} else {
		p := h.project(t)
		p.DomainID, p.Enabled = "", false
		body.Project = &p
	}
	return map[string]token{"token": body}
}

// userID is a stable id for the tenant's IAM user.
func userID(t engine.Tenant) string {
	sum := sha256.Sum256([]byte(t.DomainID + "/" + t.UserName))
	return hex.EncodeToString(sum[:16])
}

// catalogService is one service of the catalog: its type and name, and
// the URL path of its endpoint ({project_id} is the tenant's project) under
// the VPCEP base URL, or under IAM's own when iam is set.
type catalogService struct {
	typ, name, path string
	iam             bool
}

// catalogServices are the services every catalog lists, one row each.
var catalogServices = []catalogService{
	{typ: "vpcep", name: "vpcep", path: "/v1/{project_id}"},
	{typ: "identity", name: "iam", path: "/v3", iam: true},
	// The companion APIs under their own prefixes; clients append v1/,
	// v2.0/ (network, elb) or turn v1 into v3 (vpc).
	{typ: "network", name: "vpc", path: "/network"},
	{typ: "vpc", name: "vpcv3", path: "/network/v1/{project_id}"},
	{typ: "elb", name: "elb", path: "/elb"},
}

// catalog is the service catalog of t (URLs without a trailing slash, as
// the real catalog; clients add it).
func (h *Handler) catalog(r *http.Request, t engine.Tenant) []catalogEntry {
	own, vpcep := baseURL(r), h.VPCEPURL
	if vpcep == "" {
		vpcep = own
	}
	out := make([]catalogEntry, 0, len(catalogServices))
	for _, cs := range catalogServices {
		base := vpcep
		if cs.iam {
			base = own
		}
		url := base + strings.ReplaceAll(cs.path, "{project_id}", t.ProjectID)
		out = append(out, catalogEntry{ID: cs.typ, Type: cs.typ, Name: cs.name, Endpoints: []endpoint{{
			ID: cs.typ + "-public", Interface: "public", Region: h.Region, RegionID: h.Region, URL: url}}})
	}
	return out
}
