// Package engine is the in-memory VPCEP: tenants, resources, the network
// inventory, the documented rules that need state and the asynchronous
// lifecycle. The rules that need none are in package rules, which the
// engine applies before it takes its lock. It knows nothing of HTTP; the
// fake package decodes requests and calls it.
package engine

import (
	"net/netip"
	"sync"
	"sync/atomic"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Config configures an Engine. The zero value is usable: real clock, region
// eu-de, zero delays, default quotas, a lenient network inventory.
type Config struct {
	Clock   clock.Clock
	Region  string
	Delays  Delays
	Policy  scenario.Policy
	Quotas  Quotas
	Network Network
	// StrictNetwork rejects unknown VPCs, subnets and ports even when no
	// inventory was seeded.
	StrictNetwork bool
	// Seed makes every generated id and marker_id reproducible; 0 picks a
	// random seed.
	Seed uint64
	// PublicServices are the public (O&M) services every tenant sees; nil
	// means DefaultPublicServices(Region), an empty non-nil slice none.
	PublicServices []PublicService
	// OnTransition, when set, is called for every completed transition,
	// with the engine locked: it must not call back into the engine.
	OnTransition func(Event)
}

// Delays are the default durations of the asynchronous transitions, on the
// engine's clock. Zero means "done at the next request".
type Delays struct {
	ServiceCreate  time.Duration
	ServiceDelete  time.Duration
	EndpointCreate time.Duration
	EndpointAccept time.Duration
	EndpointReject time.Duration
	EndpointDelete time.Duration
	// LoadBalancerCreate and LoadBalancerDelete time the ELB companion's
	// PENDING_CREATE → ACTIVE and PENDING_DELETE → gone.
	LoadBalancerCreate time.Duration
	LoadBalancerDelete time.Duration
}

// Quotas are the per-project limits of docs/vpcep-api.md §6; a zero field keeps its
// default.
type Quotas struct {
	Services  int
	Endpoints int
}

// DefaultQuotas are the documented defaults: 20 services, 50 endpoints.
var DefaultQuotas = Quotas{Services: 20, Endpoints: 50}

// Event records one completed transition.
type Event struct {
	Time       time.Time
	Transition scenario.Transition
	ResourceID string
	From, To   string // To is "" when the resource is gone
}

// Engine holds the whole state of one fake. All methods are safe for
// concurrent use.
type Engine struct {
	cfg Config
	clk clock.Clock
	ids *idSource

	gate sync.RWMutex // held shared by requests, exclusively by Import and Reset
	gen  uint64       // the state's generation: Import and Reset increment it

	tmu     sync.RWMutex
	tenants map[string]*Tenant // by project id
	tokens  map[string]*Tenant
	keys    map[string]*Tenant // by AK/SK access key

	mu       sync.Mutex
	net      inventory
	nets     netState // the companion APIs' VPCs, subnets and load balancers
	projects map[string]*project
	services map[string]*service      // tenants' and public services, by id
	named    map[string]*service      // the same by full name, for names that do not end in the id (serviceByName)
	public   []*service               // public services, in seeding order
	byPort   map[backendPort]*service // which service uses each backend port+protocol
	eps      map[string]*endpoint
	ips      map[string]map[netip.Addr]bool // subnet id → addresses taken by endpoints
	ipNext   map[string]netip.Addr          // subnet id → where the next free-address search starts
	timeline timeline
	seq      uint64
	marker   int32
}

// project is the per-project slice of the state, indexed for its lists.
type project struct {
	services     listIndex[*service]  // bucketed by status
	endpoints    listIndex[*endpoint] // bucketed by vpc_id
	serviceTags  tagIndex[*service]
	endpointTags tagIndex[*endpoint]
}

// New returns an Engine for cfg. It panics when cfg.PublicServices is
// invalid (see PublicService), a set-up error like a clashing tenant.
func New(cfg Config) *Engine {
	if cfg.Clock == nil {
		cfg.Clock = clock.New()
	}
	if cfg.Region == "" {
		cfg.Region = "eu-de"
	}
	if cfg.Quotas.Services == 0 {
		cfg.Quotas.Services = DefaultQuotas.Services
	}
	if cfg.Quotas.Endpoints == 0 {
		cfg.Quotas.Endpoints = DefaultQuotas.Endpoints
	}
	e := &Engine{
		cfg:      cfg,
		clk:      cfg.Clock,
		ids:      newIDSource(cfg.Seed),
		tenants:  map[string]*Tenant{},
		tokens:   map[string]*Tenant{},
		keys:     map[string]*Tenant{},
		net:      newInventory(cfg.Network, cfg.StrictNetwork),
		nets:     newNetState(cfg.Network),
		projects: map[string]*project{},
		services: map[string]*service{},
		named:    map[string]*service{},
		byPort:   map[backendPort]*service{},
		eps:      map[string]*endpoint{},
		ips:      map[string]map[netip.Addr]bool{},
		ipNext:   map[string]netip.Addr{},
		marker:   10000000,
	}
	if cfg.PublicServices == nil {
		cfg.PublicServices = DefaultPublicServices(cfg.Region)
	}
	if err := e.addPublic(cfg.PublicServices, e.clk.Now()); err != nil {
		panic(err.Error())
	}
	return e
}

// Clock returns the engine's clock.
func (e *Engine) Clock() clock.Clock { return e.clk }

// Region returns the region used in composed service names.
func (e *Engine) Region() string { return e.cfg.Region }

// NewRequestID returns a fresh id for the X-Request-Id header.
func (e *Engine) NewRequestID() string { return e.ids.uuid() }

// lock takes the state lock and settles every transition that is due; the
// returned time is "now" for the whole operation.
func (e *Engine) lock() time.Time {
	e.mu.Lock()
	now := e.clk.Now()
	e.settle(now)
	return now
}

func (e *Engine) project(id string) *project {
	p := e.projects[id]
	if p == nil {
		p = &project{}
		e.projects[id] = p
	}
	return p
}

// stamp formats t as the API does: UTC, second precision, trailing Z.
// Resources stamped in the same second share one string.
func stamp(t time.Time) string {
	sec := t.Unix()
	if l := lastStamp.Load(); l != nil && l.sec == sec {
		return l.s
	}
	s := t.UTC().Format("2006-01-02T15:04:05Z")
	lastStamp.Store(&stamped{sec: sec, s: s})
	return s
}

// lastStamp is the most recent stamp.
var lastStamp atomic.Pointer[stamped]

type stamped struct {
	sec int64
	s   string
}
