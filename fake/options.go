package fake

import (
	"log/slog"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Tenant is a caller identity: account (domain) id, project id and the IAM
// token that authenticates as that project.
type Tenant = engine.Tenant

// Delays are the default durations of the asynchronous transitions, on the
// server's clock. A zero delay completes the transition at the next request
// after the one that started it, so a create still answers "creating" and
// the first poll sees "available".
type Delays = engine.Delays

// Quotas are the per-project limits: Services (default 20) and Endpoints
// (default 50); a zero field keeps its default.
type Quotas = engine.Quotas

// Network is the inventory of VPCs, subnets and ports that requests are
// checked against. With nothing seeded every well-formed id exists.
type Network = engine.Network

// VPC is a VPC of the Network: ID, CIDR and route table ids.
type VPC = engine.VPC

// Subnet is a subnet of the Network: ID, VpcID and CIDR.
type Subnet = engine.Subnet

// Port is a backend port of the Network: ID, VpcID and IP.
type Port = engine.Port

// The default tenant every server has. Clients that know nothing of the fake
// can use these values.
const (
	DefaultDomainID  = "9c7f3a1e4b2d4e6f8a0b1c2d3e4f5a6b"
	DefaultProjectID = "5f2ad3b3b7d24a8e9c9e0f1a2b3c4d5e"
	DefaultToken     = "vpcepfake-token"
	DefaultRegion    = "eu-de"
)

// The IAM login of the default tenant (POST /v3/auth/tokens, real-clients
// §2.3): user DefaultUserName with DefaultPassword in domain
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

// PublicService is a public (O&M) endpoint service every tenant sees: ID
// (generated when empty), full Name, Type (gateway or interface), Owner
// (default "OTC"), IsCharge and EnablePolicy.
type PublicService = engine.PublicService

// DefaultPublicServices returns the public services a server of region
// starts with: com.t-systems.otc.<region>.obs (gateway) and .dns
// (interface), plus .apig (interface) in eu-de.
func DefaultPublicServices(region string) []PublicService {
	return engine.DefaultPublicServices(region)
}

// Option configures a Server.
type Option func(*config)

type config struct {
	engine        engine.Config
	defaultTenant Tenant
	tenants       []Tenant
	logger        *slog.Logger
	scenario      *scenario.Scenario
}

// WithClock sets the clock every timestamp and transition uses; pass
// clock.NewMock() to move time only when the test says so.
func WithClock(c clock.Clock) Option { return func(c2 *config) { c2.engine.Clock = c } }

// WithRegion sets the region in composed service names (default eu-de).
func WithRegion(region string) Option { return func(c *config) { c.engine.Region = region } }

// WithDelays sets the durations of the asynchronous transitions (default
// all zero).
func WithDelays(d Delays) Option { return func(c *config) { c.engine.Delays = d } }

// WithPolicy lets p decide how each asynchronous transition completes
// (delay, after reads, held, failed); see package scenario.
func WithPolicy(p scenario.Policy) Option { return func(c *config) { c.engine.Policy = p } }

// WithScenario lets sc script the server: its transition plans become the
// Policy (the later of WithPolicy and WithScenario wins), its fault rules
// run after routing and authentication, before the operation, and every
// request lands in its journal. Without it a request pays one nil check.
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
func WithQuotas(q Quotas) Option { return func(c *config) { c.engine.Quotas = q } }

// WithNetwork seeds the network inventory. Once anything is seeded, unknown
// VPCs, subnets and ports are rejected with their documented codes.
func WithNetwork(n Network) Option { return func(c *config) { c.engine.Network = n } }

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
	return func(c *config) { c.engine.PublicServices = append([]PublicService{}, ps...) }
}
