package conformance

import (
	"net/http"
	"time"
)

// Target is the implementation under test.
type Target struct {
	// BaseURL is the API root without a trailing slash; requests go to
	// BaseURL + "/v1/{project_id}/...".
	BaseURL string
	// HTTPClient sends the requests (default: a client of the suite's own,
	// with a one-minute timeout); the fake's in-memory Server.Client()
	// fits. Run closes its idle connections when it ends.
	HTTPClient *http.Client
	// Tenant is the caller of every case.
	Tenant Tenant
	// Other is a tenant of another account for the cross-tenant cases;
	// without it they skip.
	Other *Tenant
	// Advance, when set, moves the target's clock forward: waits then poll,
	// advance and poll again instead of sleeping. Without it the suite
	// waits in real time, with timeouts for the real cloud's 1-2 minute
	// transitions.
	Advance func(d time.Duration)
	// Network names resources that exist in the target's cloud. Empty ids
	// are replaced by random UUIDs, which only a fake accepts.
	Network Network
	// NewClient, when set, builds the Client the flows run through (an SDK
	// adapter); default: raw HTTP, see NewHTTPClient.
	NewClient func(Tenant) Client
	// WaitTimeout bounds each wait for a transition (default 4 minutes,
	// twice the cloud's documented 1-2 minutes); PollInterval is the time
	// between two polls without Advance (default 5 seconds).
	WaitTimeout, PollInterval time.Duration
	// Report, when set, is the path of the JSON report Run writes (every
	// case and flow: pass, fail or skip, request, expected, got);
	// ReportMarkdown the path of the same as a Markdown table.
	Report, ReportMarkdown string
}

// Tenant is a caller identity.
type Tenant struct {
	ProjectID string
	Token     string
	DomainID  string
	// Auth, when set, authenticates the requests instead of Token: an IAM
	// login that renews its token (Login) or AK/SK signing (AKSK).
	Auth Auth
}

// Identity is a tenant of another package that names its project, token
// and account, such as fake.Tenant.
type Identity interface {
	Identity() (projectID, token, domainID string)
}

// Identity returns the tenant's project id, token and account id; a Tenant
// is an Identity too.
func (t Tenant) Identity() (projectID, token, domainID string) {
	return t.ProjectID, t.Token, t.DomainID
}

// TenantOf returns the Tenant of id, so that a fake's tenant can be the
// caller: Target{Tenant: conformance.TenantOf(srv.Tenant()), ...}.
func TenantOf(id Identity) Tenant {
	p, tok, d := id.Identity()
	return Tenant{ProjectID: p, Token: tok, DomainID: d}
}

// Network holds ids valid in the target's cloud.
type Network struct {
	VpcID    string
	PortID   string
	SubnetID string
	// ServerType is the backend type of PortID: VM (default) or LB.
	ServerType string
}

// Timing of waits: with Advance the clock moves by advanceStep per poll;
// without it the suite polls every Target.PollInterval until
// Target.WaitTimeout.
const (
	advanceStep         = 15 * time.Second
	defaultPollInterval = 5 * time.Second
	defaultWaitTimeout  = 4 * time.Minute
)

func (tg Target) httpClient() *http.Client { return tg.HTTPClient }

// client returns the Client the flows use for tenant tn.
func (tg Target) client(tn Tenant) Client {
	if tg.NewClient != nil {
		return tg.NewClient(tn)
	}
	return NewHTTPClient(tg.BaseURL, tn, tg.httpClient())
}
