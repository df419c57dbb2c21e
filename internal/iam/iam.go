// Package iam is the minimal OTC Identity (Keystone v3) service the fake
// serves under /v3, so that clients which only know an auth URL (terraform,
// gophertelekomcloud's AuthenticatedClient, AK/SK SDKs resolving a project)
// can log in and find the VPCEP endpoint in the catalog. Every token it
// issues is a tenant's VPCEP token.
package iam

import (
	"encoding/json"
	"net/http"
	"slices"
	"strings"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// Prefix is the path prefix the handler serves; it also answers Path.
const (
	Prefix = "/v3/"
	Path   = "/v3"
)

// tokenLifetime is how long an issued token claims to be valid, on the
// fake's clock. Tokens never expire in the fake; clients only parse it.
const tokenLifetime = 24 * time.Hour

// Directory is what the handler needs of the fake: its tenants.
type Directory interface {
	Tenants() []engine.Tenant
	TenantByToken(token string) (engine.Tenant, bool)
	TenantByAccessKey(ak string) (engine.Tenant, bool)
	TenantByProject(id string) (engine.Tenant, bool)
}

// Handler serves the IAM API.
type Handler struct {
	Dir    Directory
	Region string
	Now    func() time.Time
}

// ServeHTTP answers one IAM request.
func (h *Handler) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	status, v, subject := h.serve(r)
	if subject != "" {
		w.Header().Set("X-Subject-Token", subject)
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_ = json.NewEncoder(w).Encode(v)
}

// serve routes r; subject is the token for the X-Subject-Token header.
func (h *Handler) serve(r *http.Request) (status int, v any, subject string) {
	path := strings.TrimSuffix(r.URL.Path, "/")
	switch {
	case path == "/v3" && r.Method == http.MethodGet:
		// Version discovery, for clients whose auth URL lacks the /v3.
		return http.StatusOK, map[string]any{"version": map[string]any{"id": "v3.0", "status": "stable",
			"links": []map[string]string{{"rel": "self", "href": baseURL(r) + "/v3/"}}}}, ""
	case path == "/v3/auth/tokens" && r.Method == http.MethodPost:
		return h.issue(r)
	case path == "/v3/auth/tokens" && r.Method == http.MethodGet:
		return h.validate(r)
	case path == "/v3/projects" && r.Method == http.MethodGet,
		path == "/v3/auth/projects" && r.Method == http.MethodGet:
		return http.StatusOK, map[string]any{"projects": h.projects(r)}, ""
	case path == "/v3/auth/domains" && r.Method == http.MethodGet:
		return http.StatusOK, map[string]any{"domains": h.domains(r)}, ""
	case path == "/v3/auth/catalog" && r.Method == http.MethodGet:
		// A signed request that names no project (the domain client of
		// an AK/SK login) gets an empty catalog; nothing reads it.
		catalog := []catalogEntry{}
		if t, ok := h.caller(r); ok {
			catalog = h.catalog(r, t)
		} else if !signed(r) {
			return fail(http.StatusUnauthorized, "The request you have made requires authentication.")
		}
		return http.StatusOK, map[string]any{"catalog": catalog}, ""
	}
	return fail(http.StatusNotFound, "Could not find the requested resource.")
}

// fail is the Keystone error body.
func fail(status int, msg string) (int, any, string) {
	return status, map[string]any{"error": map[string]any{"code": status, "message": msg, "title": http.StatusText(status)}}, ""
}

// caller finds the tenant a request speaks for: its X-Auth-Token, else its
// AK/SK access key, else the project in X-Project-Id of a signed request.
func (h *Handler) caller(r *http.Request) (engine.Tenant, bool) {
	if tok := r.Header.Get("X-Auth-Token"); tok != "" {
		return h.Dir.TenantByToken(tok)
	}
	auth := r.Header.Get("Authorization")
	if t, ok := h.Dir.TenantByAccessKey(AccessKey(auth)); ok {
		return t, true
	}
	if pid := r.Header.Get("X-Project-Id"); pid != "" && signed(r) {
		return h.Dir.TenantByProject(pid)
	}
	return engine.Tenant{}, false
}

// signed reports whether r carries an SDK-HMAC-SHA256 signature.
func signed(r *http.Request) bool {
	return strings.HasPrefix(r.Header.Get("Authorization"), "SDK-HMAC-SHA256 ")
}

// AccessKey returns the AK of an SDK-HMAC-SHA256 Authorization header in
// either form: Huawei's "Access=AK, …" or gophertelekomcloud's
// "Credential=AK/date///sdk_request, …". It is "" for anything else.
func AccessKey(authorization string) string {
	a, _ := parseAuthorization(authorization)
	return a.ak
}

// projects lists the projects matching ?name= (and the caller's domain,
// when the caller is known).
func (h *Handler) projects(r *http.Request) []project {
	name := r.URL.Query().Get("name")
	out := []project{}
	for _, t := range h.visible(r) {
		if name == "" || h.projectName(t) == name {
			out = append(out, h.project(t))
		}
	}
	return out
}

// domains lists the domains matching ?name=.
func (h *Handler) domains(r *http.Request) []ref {
	name := r.URL.Query().Get("name")
	out := []ref{}
	for _, t := range h.visible(r) {
		d := domainOf(t)
		if (name == "" || d.Name == name) && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return out
}

// visible returns the tenants of the caller's domain, or every tenant when
// the caller is not known (AK/SK requests are not verified here).
func (h *Handler) visible(r *http.Request) []engine.Tenant {
	all := h.Dir.Tenants()
	me, ok := h.caller(r)
	if !ok {
		return all
	}
	return slices.DeleteFunc(all, func(t engine.Tenant) bool { return t.DomainID != me.DomainID })
}

// domainOf is the tenant's domain; an unnamed domain is named by its id.
func domainOf(t engine.Tenant) ref {
	name := t.DomainName
	if name == "" {
		name = t.DomainID
	}
	return ref{ID: t.DomainID, Name: name}
}

// projectName is the tenant's IAM project name; by default the region's.
func (h *Handler) projectName(t engine.Tenant) string {
	if t.ProjectName != "" {
		return t.ProjectName
	}
	return h.Region
}

func (h *Handler) project(t engine.Tenant) project {
	d := domainOf(t)
	return project{ID: t.ProjectID, Name: h.projectName(t), DomainID: d.ID, Domain: &d, Enabled: true}
}
