// Package iam is the minimal OTC Identity (Keystone v3) service the fake
// serves under /v3 (and, on a listener of its own, with Keystone's version
// discovery at /), so that clients which only know an auth URL (terraform,
// gophertelekomcloud's AuthenticatedClient, AK/SK SDKs resolving a project)
// can log in and find the VPCEP endpoint in the catalog. It is also the one
// place that decides who is calling (Authority), for VPCEP and for itself.
package iam

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// Prefix is the path prefix of IAM beside VPCEP; Path is its version
// document.
const (
	Prefix = "/v3/"
	Path   = "/v3"
)

// Handler answers IAM requests; the fake routes, journals and writes them.
type Handler struct {
	Auth   *Authority
	Region string
	// VPCEPURL is the base URL of the VPCEP API the catalog names; "" is
	// the URL the request reached (IAM served beside VPCEP).
	VPCEPURL string
}

// Reply is an IAM answer: status, JSON body and the X-Subject-Token header
// ("" for none).
type Reply struct {
	Status  int
	Body    any
	Subject string
}

// Fail is a Keystone error reply: {"error":{"code","message","title"}}.
func Fail(status int, msg string) Reply {
	return Reply{Status: status, Body: map[string]any{"error": map[string]any{
		"code": status, "message": msg, "title": http.StatusText(status)}}}
}

// NotFound is the reply to a path IAM does not serve.
func NotFound() Reply { return Fail(http.StatusNotFound, "Could not find the requested resource.") }

// unauthorized is the reply to missing, wrong or expired credentials.
func unauthorized() Reply {
	return Fail(http.StatusUnauthorized, "The request you have made requires authentication.")
}

// refused is the reply to a caller refused with err: 401, or 400 for a
// body that could not be read.
func refused(err *api.Error) Reply {
	if err.Status == http.StatusBadRequest {
		return Fail(http.StatusBadRequest, "The request body could not be read.")
	}
	return unauthorized()
}

// caller is Authority.Caller for a request whose body is body.
func (h *Handler) caller(r *http.Request, body []byte) (engine.Tenant, bool, *api.Error) {
	return h.Auth.Caller(r, func() ([]byte, *api.Error) { return body, nil })
}

// projects is KeystoneListProjects and KeystoneListAuthProjects: the
// projects matching ?name=, of the caller's domain when it is known.
func (h *Handler) projects(r *http.Request, body []byte) Reply {
	all, err := h.visible(r, body)
	if err != nil {
		return refused(err)
	}
	name := r.URL.Query().Get("name")
	out := []project{}
	for _, t := range all {
		if name == "" || h.projectName(t) == name {
			out = append(out, h.project(t))
		}
	}
	return Reply{Status: http.StatusOK, Body: map[string]any{"projects": out}}
}

// domains is KeystoneListAuthDomains: the domains matching ?name=.
func (h *Handler) domains(r *http.Request, body []byte) Reply {
	all, err := h.visible(r, body)
	if err != nil {
		return refused(err)
	}
	name := r.URL.Query().Get("name")
	out := []ref{}
	for _, t := range all {
		d := domainOf(t)
		if (name == "" || d.Name == name) && !slices.Contains(out, d) {
			out = append(out, d)
		}
	}
	return Reply{Status: http.StatusOK, Body: map[string]any{"domains": out}}
}

// catalog is KeystoneShowCatalog. A signed request that names no project
// (the domain client of a zero-config AK/SK login) gets an empty catalog;
// nothing reads it.
func (h *Handler) showCatalog(r *http.Request, body []byte) Reply {
	t, known, err := h.caller(r, body)
	if err != nil {
		return refused(err)
	}
	catalog := []catalogEntry{}
	if known {
		catalog = h.catalog(r, t)
	}
	return Reply{Status: http.StatusOK, Body: map[string]any{"catalog": catalog}}
}

// visible returns the tenants of the caller's domain, or every tenant for
// a valid caller of no tenant (zero-config AK/SK without X-Project-Id).
func (h *Handler) visible(r *http.Request, body []byte) ([]engine.Tenant, *api.Error) {
	me, known, err := h.caller(r, body)
	if err != nil {
		return nil, err
	}
	all := h.Auth.Dir.Tenants()
	if !known {
		return all, nil
	}
	return slices.DeleteFunc(all, func(t engine.Tenant) bool { return t.DomainID != me.DomainID }), nil
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

// baseURL is the scheme and host the request reached.
func baseURL(r *http.Request) string {
	u := url.URL{Scheme: "http", Host: r.Host}
	if r.TLS != nil {
		u.Scheme = "https"
	}
	return u.String()
}

// trimPath is path without a trailing slash, "/" for the root.
func trimPath(path string) string {
	if p := strings.TrimSuffix(path, "/"); p != "" {
		return p
	}
	return "/"
}
