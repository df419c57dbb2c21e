package control

import (
	"errors"
	"net/http"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// Redacted replaces a secret (token, password, secret key) in what the
// control API and the dashboard show, unless the call asks for secrets
// with ?secrets=true (and passes the control token, when one is set).
const Redacted = "(redacted)"

// wantSecrets reports whether r asks to see secrets.
func wantSecrets(r *http.Request) bool { return r.URL.Query().Get("secrets") == "true" }

// redactTenants returns ts with their secrets replaced by Redacted, unless
// r asks for them; ts is not changed.
func redactTenants(ts []engine.Tenant, r *http.Request) []engine.Tenant {
	if wantSecrets(r) {
		return ts
	}
	out := make([]engine.Tenant, len(ts))
	for i, t := range ts {
		for _, s := range secrets(&t) {
			if *s != "" {
				*s = Redacted
			}
		}
		out[i] = t
	}
	return out
}

// secrets are the secret fields of t.
func secrets(t *engine.Tenant) []*string { return []*string{&t.Token, &t.Password, &t.SecretKey} }

// errRedacted refuses a redacted export given back to the server.
var errRedacted = errors.New("a tenant holds " + Redacted + " secrets: export the state with ?secrets=true to import it again")

// unredacted fails when a tenant holds a redacted secret.
func unredacted(ts ...engine.Tenant) error {
	for _, t := range ts {
		for _, s := range secrets(&t) {
			if *s == Redacted {
				return errRedacted
			}
		}
	}
	return nil
}
