package iam

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"net/http"
	"net/url"

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

// issue is POST /v3/auth/tokens: 201 with the scoped tenant's token in
// X-Subject-Token. Unknown credentials or a scope outside them get 401.
func (h *Handler) issue(r *http.Request) (int, any, string) {
	var req authRequest
	if err := json.NewDecoder(http.MaxBytesReader(nil, r.Body, 1<<16)).Decode(&req); err != nil {
		return fail(http.StatusBadRequest, "The request body is not valid JSON.")
	}
	id := req.Auth.Identity
	var candidates []engine.Tenant
	switch {
	case id.Password != nil:
		u := id.Password.User
		for _, t := range h.Dir.Tenants() {
			if t.UserName != "" && (t.UserName == u.Name || userID(t) == u.ID) && t.Password == u.Password && u.Domain.matches(t) {
				candidates = append(candidates, t)
			}
		}
	case id.Token != nil:
		if me, ok := h.Dir.TenantByToken(id.Token.ID); ok {
			candidates = h.sameDomain(me)
		}
	default:
		return fail(http.StatusBadRequest, "Expecting to find identity.password or identity.token.")
	}
	t, ok := h.scope(req, candidates)
	if !ok {
		return fail(http.StatusUnauthorized, "The request you have made requires authentication.")
	}
	return http.StatusCreated, h.tokenBody(r, t, id.Methods, req.Auth.Scope != nil && req.Auth.Scope.Domain != nil), t.Token
}

// sameDomain lists the tenants of me's domain, me first.
func (h *Handler) sameDomain(me engine.Tenant) []engine.Tenant {
	out := []engine.Tenant{me}
	for _, t := range h.Dir.Tenants() {
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

// validate is GET /v3/auth/tokens: the body of the token in
// X-Subject-Token, echoed in the response header (gophertelekomcloud takes
// the token id from it). The caller's X-Auth-Token must be valid too.
func (h *Handler) validate(r *http.Request) (int, any, string) {
	if _, ok := h.Dir.TenantByToken(r.Header.Get("X-Auth-Token")); !ok {
		return fail(http.StatusUnauthorized, "The request you have made requires authentication.")
	}
	t, ok := h.Dir.TenantByToken(r.Header.Get("X-Subject-Token"))
	if !ok {
		return fail(http.StatusNotFound, "Could not find token.")
	}
	return http.StatusOK, h.tokenBody(r, t, []string{"token"}, false), t.Token
}

// tokenBody is the token of t: project-scoped, or domain-scoped when
// domainScoped, with the catalog either way.
func (h *Handler) tokenBody(r *http.Request, t engine.Tenant, methods []string, domainScoped bool) any {
	now := h.Now().UTC()
	d := domainOf(t)
	tok := token{
		ExpiresAt: now.Add(tokenLifetime).Format("2006-01-02T15:04:05.000000Z"),
		IssuedAt:  now.Format("2006-01-02T15:04:05.000000Z"),
		Methods:   methods,
		User:      user{ID: userID(t), Name: t.UserName, Domain: d},
		Roles:     []ref{{ID: "0", Name: "te_admin"}},
		Catalog:   h.catalog(r, t),
	}
	if domainScoped {
		tok.Domain = &d
	} else {
		p := h.project(t)
		p.DomainID, p.Enabled = "", false
		tok.Project = &p
	}
	return map[string]token{"token": tok}
}

// userID is a stable id for the tenant's IAM user.
func userID(t engine.Tenant) string {
	sum := sha256.Sum256([]byte(t.DomainID + "/" + t.UserName))
	return hex.EncodeToString(sum[:16])
}

// catalog is the service catalog of t: vpcep at this server's
// /v1/{project_id} (no trailing slash, as the real catalog; clients add it),
// identity at /v3, and the companion network, vpc and elb APIs.
func (h *Handler) catalog(r *http.Request, t engine.Tenant) []catalogEntry {
	base := baseURL(r)
	ep := func(id, url string) []endpoint {
		return []endpoint{{ID: id, Interface: "public", Region: h.Region, RegionID: h.Region, URL: url}}
	}
	return []catalogEntry{
		{ID: "vpcep", Type: "vpcep", Name: "vpcep", Endpoints: ep("vpcep-public", base+"/v1/"+t.ProjectID)},
		{ID: "identity", Type: "identity", Name: "iam", Endpoints: ep("identity-public", base+"/v3")},
		// The companion APIs under their own prefixes; clients append v1/,
		// v2.0/ (network, elb) or turn v1 into v3 (vpc).
		{ID: "network", Type: "network", Name: "vpc", Endpoints: ep("network-public", base+"/network")},
		{ID: "vpc", Type: "vpc", Name: "vpcv3", Endpoints: ep("vpc-public", base+"/network/v1/"+t.ProjectID)},
		{ID: "elb", Type: "elb", Name: "elb", Endpoints: ep("elb-public", base+"/elb")},
	}
}

// baseURL is the scheme and host the request reached.
func baseURL(r *http.Request) string {
	u := url.URL{Scheme: "http", Host: r.Host}
	if r.TLS != nil {
		u.Scheme = "https"
	}
	return u.String()
}
