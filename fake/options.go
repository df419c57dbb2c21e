package fake

import (
	"log/slog"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/internal/iam"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Tenant is a caller identity: an account (domain) with one project and
// the IAM token that authenticates as that project, optionally with an IAM
// password login and AK/SK credentials. Its JSON is what GET
// /_fake/tenants and the state export show.
type Tenant struct {
	// DomainID is the account id (the domain_id of the resources).
	DomainID string `json:"domain_id"`
	// ProjectID is the project of the /v1/{project_id}/ paths.
	ProjectID string `json:"project_id"`
	// Token authenticates as ProjectID in X-Auth-Token and never expires;
	// an IAM login of the tenant issues a fresh token of its own instead
	// (WithTokenLifetime).
	Token string `json:"token"`
	// DomainName, UserName and Password are the IAM password login (POST
	// /v3/auth/tokens); without a UserName the tenant cannot log in by
	// password, only by token.
	DomainName string `json:"domain_name,omitempty"`
	UserName   string `json:"user_name,omitempty"`
	Password   string `json:"password,omitempty"`
	// ProjectName is the IAM project name; "" means the region name, as
	// OTC names a region's main project ("eu-de").
	ProjectName string `json:"project_name,omitempty"`
	// AccessKey and SecretKey are AK/SK credentials: a request signed with
	// AccessKey authenticates as this tenant, and its signature is checked
	// when SecretKey is set.
	AccessKey string `json:"access_key,omitempty"`
	SecretKey string `json:"secret_key,omitempty"`
}

// Identity returns what identifies the tenant to the API: project id,
// token and account id. conformance.TenantOf takes it, so a fake Tenant
// can be the caller of conformance.Run.
func (t Tenant) Identity() (projectID, token, domainID string) {
	return t.ProjectID, t.Token, t.DomainID
}

// Validate reports a tenant that AddTenant would reject for itself: an
// empty DomainID, ProjectID or Token, or a malformed project id.
func (t Tenant) Validate() error { return engine.Tenant(t).Validate() }

// Delays are the default durations of the asynchronous transitions, on the
// server's clock. A zero delay completes the transition at the next request
// after the one that started it, so a create still answers "creating" and
// the first poll sees "available".
type Delays struct {
	// ServiceCreate is creating -> available of an endpoint service.
	ServiceCreate time.Duration
	// ServiceDelete is deleting -> gone of an endpoint service.
	ServiceDelete time.Duration
	// EndpointCreate is creating -> accepted (or pendingAcceptance when
	// the service needs approval) of an endpoint.
	EndpointCreate time.Duration
	// EndpointAccept is the service owner's receive -> accepted.
	EndpointAccept time.Duration
	// EndpointReject is the service owner's reject -> rejected.
	EndpointReject time.Duration
	// EndpointDelete is deleting -> gone of an endpoint.
	EndpointDelete time.Duration
	// LoadBalancerCreate is PENDING_CREATE -> ACTIVE of an ELB companion
	// load balancer.
	LoadBalancerCreate time.Duration
	// LoadBalancerDelete is PENDING_DELETE -> gone of a load balancer.
	LoadBalancerDelete time.Duration
}

// Quotas are the per-project limits; a zero field keeps its default.
type Quotas struct {
	// Services is the number of endpoint services a project may have
	// (default 20).
	Services int
	// Endpoints is the number of endpoints a project may have (default
	// 50).
	Endpoints int
}

// Network is the inventory of VPCs, subnets and ports that requests are
// checked against. With nothing seeded every well-formed id exists.
type Network struct {
	VPCs    []VPC
	Subnets []Subnet
	Ports   []Port
}

// VPC is a VPC of the Network.
type VPC struct {
	ID string
	// CIDR is the VPC's range, e.g. "192.168.0.0/16".
	CIDR string
	// RouteTables are the VPC's route table ids; the first is its default.
	RouteTables []string
}

// Subnet is a subnet (network id) of a VPC of the Network.
type Subnet struct {
	ID    string
	VpcID string
	// CIDR is the subnet's range; endpoint addresses come from it.
	CIDR string
}

// Port is a backend port (load balancer private IP or server NIC) in a VPC
// of the Network.
type Port struct {
	ID    string
	VpcID string
	IP    string
}

// engine returns n as the engine's inventory.
func (n Network) engine() engine.Network {
	out := engine.Network{}
	for _, v := range n.VPCs {
		out.VPCs = append(out.VPCs, engine.VPC(v))
	}
	for _, sn := range n.Subnets {
		out.Subnets = append(out.Subnets, engine.Subnet(sn))
	}
	for _, p := range n.Ports {
		out.Ports = append(out.Ports, engine.Port(p))
	}
	return out
}

// The default tenant every server has. Clients that know nothing of the fake
// can use these values.
const (
	DefaultDomainID  = "9c7f3a1e4b2d4e6f8a0b1c2d3e4f5a6b"
	DefaultProjectID = "5f2ad3b3b7d24a8e9c9e0f1a2b3c4d5e"
	DefaultToken     = "vpcepfake-token"
	DefaultRegion    = "eu-de"
)

// The IAM login of the default tenant (POST /v3/auth/tokens, as terraform
// and the OTC SDKs log in): user DefaultUserName with DefaultPassword in domain
// DefaultDomainName; the project is named after the region ("eu-de").
const (
	DefaultDomainName = "fake-domain"
	DefaultUserName   = "fake-user"
	DefaultPassword   = "fake-password"
)

// DefaultTenant is the tenant every server starts with.
var DefaultTenant = Tenant{DomainID: DefaultDomainID, ProjectID: DefaultProjectID, Token: DefaultToken,
	DomainName: DefaultDomainName, UserName: DefaultUserName, Password: DefaultPassword}

// RealisticDelays are close to the real cloud and sized so that real
// clients' default timeouts survive them (1-minute delays sat exactly on
// terraform's default wait and failed about one create in ten). Public
// sources: terraform-provider-opentelekomcloud's
// opentelekomcloud_vpcep_service_v1 waits 1 minute by default for
// "available" after a create and for 404 after a delete, polling every
// second (gophertelekomcloud's WaitForServiceStatus(client, id, status,
// 60)); its opentelekomcloud_vpcep_endpoint_v1 waits 5 minutes for
// "accepted" or "pendingAcceptance". So services take 30 s (half their
// wait) and endpoints 1 minute (a fifth of theirs). Use them with a mock
// clock or testing/synctest.
var RealisticDelays = Delays{
	ServiceCreate:  30 * time.Second,
	ServiceDelete:  30 * time.Second,
	EndpointCreate: time.Minute,
	EndpointDelete: time.Minute,
}

// PublicService is a public (O&M) endpoint service every tenant sees in
// ListServicePublicDetails and can connect to.
type PublicService struct {
	// ID is the service id; empty means generated.
	ID string
	// Name is the full service name, e.g. com.t-systems.otc.eu-de.obs.
	Name string
	// Type is the service type: gateway or interface.
	Type string
	// Owner is shown in the public list; empty means "OTC".
	Owner string
	// IsCharge and EnablePolicy are shown as is_charge and enable_policy.
	IsCharge     bool
	EnablePolicy bool
}

// DefaultPublicServices returns the public services a server of region
// starts with: com.t-systems.otc.<region>.obs (gateway) and .dns
// (interface), plus .apig (interface) in eu-de.
func DefaultPublicServices(region string) []PublicService {
	var out []PublicService
	for _, p := range engine.DefaultPublicServices(region) {
		out = append(out, PublicService(p))
	}
	return out
}

// Option configures a Server.
type Option func(*config)

type config struct {
	engine        engine.Config
	defaultTenant Tenant
	tenants       []Tenant
	logger        *slog.Logger
	scenario      *scenario.Scenario
	journalSize   *int
	allowedHosts  []string
	controlToken  string
	maxConns      int
	idleTimeout   time.Duration
	tokenLifetime time.Duration
}

// WithClock sets the clock every timestamp and transition uses; pass
// clock.NewMock() to move time only when the test says so.
func WithClock(c clock.Clock) Option { return func(c2 *config) { c2.engine.Clock = c } }

// WithRegion sets the region in composed service names (default eu-de).
func WithRegion(region string) Option { return func(c *config) { c.engine.Region = region } }

// WithDelays sets the durations of the asynchronous transitions (default
// all zero).
func WithDelays(d Delays) Option { return func(c *config) { c.engine.Delays = engine.Delays(d) } }

// WithPolicy lets p decide how each asynchronous transition completes
// (delay, after reads, held, failed); see package scenario.
func WithPolicy(p scenario.Policy) Option { return func(c *config) { c.engine.Policy = p } }

// WithScenario lets sc script the server: its transition plans become the
// Policy (the later of WithPolicy and WithScenario wins), its fault rules
// run after routing and authentication, before the operation, and every
// request lands in its journal (Server.Journal). Without it a request
// pays one nil check for the faults, and lands in a journal of its own.
func WithScenario(sc *scenario.Scenario) Option {
	return func(c *config) { c.scenario, c.engine.Policy = sc, sc }
}

// WithTenants adds tenants beside DefaultTenant.
func WithTenants(ts ...Tenant) Option {
	return func(c *config) { c.tenants = append(c.tenants, ts...) }
}

// WithDefaultTenant replaces DefaultTenant as the server's first tenant,
// the one Tenant returns.
func WithDefaultTenant(t Tenant) Option { return func(c *config) { c.defaultTenant = t } }

// WithQuotas sets the per-project quotas.
func WithQuotas(q Quotas) Option { return func(c *config) { c.engine.Quotas = engine.Quotas(q) } }

// WithNetwork seeds the network inventory. Once anything is seeded, unknown
// VPCs, subnets and ports are rejected with their documented codes.
func WithNetwork(n Network) Option { return func(c *config) { c.engine.Network = n.engine() } }

// WithStrictNetwork rejects unknown VPCs, subnets and ports even with an
// empty inventory.
func WithStrictNetwork() Option { return func(c *config) { c.engine.StrictNetwork = true } }

// WithSeed makes every generated id, request id and marker_id the same
// from run to run.
func WithSeed(seed uint64) Option { return func(c *config) { c.engine.Seed = seed } }

// WithLogger logs every request at debug level and rejected ones at info
// level to l (default: nothing is logged).
func WithLogger(l *slog.Logger) Option { return func(c *config) { c.logger = l } }

// WithPublicServices replaces the default public services with ps; with
// no arguments the server has none. New panics on an empty or repeated
// name, a malformed or repeated id or an unknown type.
func WithPublicServices(ps ...PublicService) Option {
	return func(c *config) {
		c.engine.PublicServices = []engine.PublicService{}
		for _, p := range ps {
			c.engine.PublicServices = append(c.engine.PublicServices, engine.PublicService(p))
		}
	}
}

// DefaultTokenLifetime is how long a token issued by an IAM login is
// valid: 24 hours, as on OTC.
const DefaultTokenLifetime = iam.DefaultTokenLifetime

// WithTokenLifetime sets how long a token issued by an IAM login (POST
// /v3/auth/tokens) is valid on the server's clock (default
// DefaultTokenLifetime); a request with an expired token gets 401
// EndPoint.0003. The tenants' configured tokens never expire. New panics
// on a lifetime that is not positive.
func WithTokenLifetime(d time.Duration) Option {
	return func(c *config) {
		if d <= 0 {
			panic("fake: token lifetime must be positive")
		}
		c.tokenLifetime = d
	}
}
