package control

import (
	"crypto/subtle"
	"errors"
	"mime"
	"net"
	"net/http"
	"net/netip"
	"net/url"
	"slices"
	"strings"
)

// Guard keeps web pages and strangers away from the control API:
//
//   - Host check (against DNS rebinding): the Host must be an IP address,
//     localhost or a name under .localhost, or one of Hosts ("*" allows
//     any). A page on an attacker's domain that rebinds its name to
//     127.0.0.1 sends its own name as Host and is refused (403).
//   - Token: when Token is set, every call needs "Authorization: Bearer
//     <Token>" (or Basic with Token as the password, for browsers): 401.
//   - Mutating calls (POST, PUT, DELETE) need "Content-Type:
//     application/json" (415), which a cross-origin page cannot send
//     without a CORS preflight the API never grants, and are refused (403)
//     when Origin names another origin or Sec-Fetch-Site says cross-site.
//
// GET /_fake/health passes without Host check or token, for probes.
type Guard struct {
	Hosts []string
	Token string
}

// admit returns the status and error refusing r by its Host or token, or
// nil.
func (g Guard) admit(w http.ResponseWriter, r *http.Request) (int, error) {
	if !g.hostAllowed(r.Host) {
		return http.StatusForbidden, errors.New("host " + quoteHost(r.Host) +
			" is not allowed: use an IP address or localhost, or allow the name with -allowed-hosts")
	}
	if g.Token != "" && !g.authorized(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="vpcepfake control", Basic realm="vpcepfake control"`)
		return http.StatusUnauthorized, errors.New("the control API needs the control token: Authorization: Bearer <token>")
	}
	return 0, nil
}

// mutating returns the status and error refusing r, a call that may
// change state, when a browser could have sent it from another origin, or
// nil. GET and HEAD pass.
func mutating(r *http.Request) (int, error) {
	if r.Method == http.MethodGet || r.Method == http.MethodHead {
		return 0, nil
	}
	if !sameOrigin(r) {
		return http.StatusForbidden, errors.New("cross-origin control calls are refused")
	}
	if mt, _, err := mime.ParseMediaType(r.Header.Get("Content-Type")); err != nil || mt != "application/json" {
		return http.StatusUnsupportedMediaType, errors.New("control calls that change state need Content-Type: application/json")
	}
	return 0, nil
}

// quoteHost quotes a Host value for an error message, cut short.
func quoteHost(h string) string {
	if len(h) > 64 {
		h = h[:64] + "…"
	}
	return `"` + strings.ToValidUTF8(h, "?") + `"`
}

// hostAllowed reports whether a Host header value may reach the control
// API.
func (g Guard) hostAllowed(hostport string) bool {
	if slices.Contains(g.Hosts, "*") {
		return true
	}
	host := hostport
	if h, _, err := net.SplitHostPort(hostport); err == nil {
		host = h
	}
	host = strings.ToLower(strings.TrimSuffix(strings.Trim(host, "[]"), "."))
	if host == "" {
		return false
	}
	if _, err := netip.ParseAddr(host); err == nil {
		return true // an address is not a name an attacker can rebind
	}
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	return slices.ContainsFunc(g.Hosts, func(h string) bool { return strings.EqualFold(h, host) })
}

// authorized reports whether r carries the token, as Bearer or as the
// password of Basic authentication.
func (g Guard) authorized(r *http.Request) bool {
	got, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer ")
	if !ok {
		_, got, ok = r.BasicAuth()
	}
	return ok && subtle.ConstantTimeCompare([]byte(got), []byte(g.Token)) == 1
}

// sameOrigin reports whether r, when a browser sent it, came from a page
// of the control API's own origin: Origin, if present, names the Host;
// Sec-Fetch-Site, if present, is same-origin or none (typed by the user).
func sameOrigin(r *http.Request) bool {
	switch r.Header.Get("Sec-Fetch-Site") {
	case "", "same-origin", "none":
	default:
		return false
	}
	o := r.Header.Get("Origin")
	if o == "" {
		return true
	}
	u, err := url.Parse(o)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && strings.EqualFold(u.Host, r.Host)
}
