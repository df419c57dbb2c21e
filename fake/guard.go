package fake

// WithAllowedHosts lets the control API (/_fake/) answer requests whose
// Host is one of names (without port; "*" allows any). Without it only IP
// addresses, localhost and names under .localhost reach it, which keeps
// web pages that rebind their own domain to the fake (DNS rebinding) out.
// The VPCEP API and IAM answer any Host. Use it when clients reach the
// control API by a name, such as a container's service name.
func WithAllowedHosts(names ...string) Option {
	return func(c *config) { c.allowedHosts = append(c.allowedHosts, names...) }
}

// WithControlToken makes every control call (/_fake/, except GET
// /_fake/health) require "Authorization: Bearer <token>"; browsers may
// send it as the password of Basic authentication.
func WithControlToken(token string) Option { return func(c *config) { c.controlToken = token } }
