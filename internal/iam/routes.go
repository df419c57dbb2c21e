package iam

import (
	"encoding/json"
	"net/http"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// route is one IAM operation: id, method, path and how to serve it. When
// set, body tells two operations of one path apart by the request body.
type route struct {
	op, method, path string
	body             func(body []byte) bool
	serve            func(h *Handler, r *http.Request, body []byte) Reply
}

// routes is the IAM surface, one row per operation
// (internal/api/iam_operations.json).
var routes = []route{
	{scenario.OpKeystoneListVersions, http.MethodGet, "/", nil, (*Handler).listVersions},
	{scenario.OpKeystoneShowVersion, http.MethodGet, Path, nil, (*Handler).showVersion},
	{scenario.OpKeystoneCreateScopedToken, http.MethodPost, "/v3/auth/tokens", tokenLogin, (*Handler).issue},
	{scenario.OpKeystoneCreateUserTokenByPassword, http.MethodPost, "/v3/auth/tokens", nil, (*Handler).issue},
	{scenario.OpKeystoneValidateToken, http.MethodGet, "/v3/auth/tokens", nil, (*Handler).validate},
	{scenario.OpKeystoneListProjects, http.MethodGet, "/v3/projects", nil, (*Handler).projects},
	{scenario.OpKeystoneListAuthProjects, http.MethodGet, "/v3/auth/projects", nil, (*Handler).projects},
	{scenario.OpKeystoneListAuthDomains, http.MethodGet, "/v3/auth/domains", nil, (*Handler).domains},
	{scenario.OpKeystoneShowCatalog, http.MethodGet, "/v3/auth/catalog", nil, (*Handler).showCatalog},
}

// Operation is a routed IAM request: its operation id and path template.
type Operation struct {
	ID, Template string
	route        *route
}

// Route finds the operation of a request; a trailing slash is ignored.
func Route(method, path string, body []byte) (Operation, bool) {
	path = trimPath(path)
	for i := range routes {
		rt := &routes[i]
		if rt.method == method && rt.path == path && (rt.body == nil || rt.body(body)) {
			return Operation{ID: rt.op, Template: rt.path, route: rt}, true
		}
	}
	return Operation{}, false
}

// Serve answers a request Route found.
func (h *Handler) Serve(op Operation, r *http.Request, body []byte) Reply {
	return op.route.serve(h, r, body)
}

// tokenLogin reports whether a POST /v3/auth/tokens body logs in with a
// token (KeystoneCreateScopedToken) rather than a password.
func tokenLogin(body []byte) bool {
	var req authRequest
	return json.Unmarshal(body, &req) == nil && req.Auth.Identity.Token != nil
}

// listVersions is KeystoneListVersions, the discovery of clients whose
// auth URL has no /v3.
func (h *Handler) listVersions(r *http.Request, _ []byte) Reply {
	return Reply{Status: http.StatusOK, Body: map[string]any{"versions": map[string]any{"values": []any{h.version(r)}}}}
}

// showVersion is KeystoneShowVersion.
func (h *Handler) showVersion(r *http.Request, _ []byte) Reply {
	return Reply{Status: http.StatusOK, Body: map[string]any{"version": h.version(r)}}
}

func (h *Handler) version(r *http.Request) map[string]any {
	return map[string]any{"id": "v3.0", "status": "stable", "updated": "2013-03-06T00:00:00Z",
		"links": []map[string]string{{"rel": "self", "href": baseURL(r) + "/v3/"}}}
}
