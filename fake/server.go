// Package fake is an in-memory fake of the Open Telekom Cloud VPC Endpoint
// (VPCEP) v1 REST API. A Server speaks the real wire protocol: paths,
// status codes, the {"error_code","error_msg"} envelope, X-Auth-Token and
// AK/SK authentication. Unmodified SDKs can talk to it through an
// in-memory *http.Client, through a loopback URL, or through its
// http.Handler.
//
// Asynchronous operations (creating → available, deleting → gone) run on an
// injectable clock, so a test with clock.NewMock() moves state only by
// moving time.
package fake

import (
	"cmp"
	"context"
	"errors"
	"log/slog"
	"net"
	"net/http"
	"net/http/httptest"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/internal/control"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/internal/iam"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// memURL is the base URL of a server that does not listen; only the
// in-memory Client reaches it. The control API always answers memHost.
const (
	memHost = "vpcep.fake.invalid"
	memURL  = "http://" + memHost
)

// Server is one fake VPCEP with its own state. Create it with New (in
// memory) or NewServer (also on a loopback socket); any number can live in
// one process.
type Server struct {
	// URL is the base URL of the API, without a trailing slash: the
	// loopback address for NewServer, a placeholder host for New that only
	// Client reaches.
	URL string

	eng     *engine.Engine
	tenant  Tenant
	router  *router
	log     *slog.Logger
	http    *httptest.Server
	scn     *scenario.Scenario // nil: no faults
	journal *scenario.Journal  // the scenario's, when there is one
	auth    *iam.Authority
	iam     *iam.Handler // IAM beside VPCEP, under /v3
	control *control.Handler
	initial engine.Snapshot // the state Reset returns to
	limits  limits          // of ListenAndServe
}

// limits bound the connections of ListenAndServe.
type limits struct {
	maxConns    int
	idleTimeout time.Duration
	grace       time.Duration // for running requests at shutdown
}

// New returns a Server that serves in memory only: use Handler, or Client
// with URL. It panics when an option is invalid (a tenant that clashes with
// another), as httptest does for set-up errors.
func New(opts ...Option) *Server {
	var c config
	for _, o := range opts {
		o(&c)
	}
	if c.logger == nil {
		c.logger = slog.New(slog.DiscardHandler)
	}
	if c.defaultTenant == (Tenant{}) {
		c.defaultTenant = DefaultTenant
	}
	s := &Server{URL: memURL, eng: engine.New(c.engine), tenant: c.defaultTenant, router: newRouter(routes), log: c.logger, scn: c.scenario}
	s.journal = newJournal(c)
	s.limits = limits{maxConns: cmp.Or(c.maxConns, DefaultMaxConnections), idleTimeout: cmp.Or(c.idleTimeout, DefaultIdleTimeout),
		grace: shutdownTimeout}
	for _, t := range append([]Tenant{s.tenant}, c.tenants...) {
		if err := s.AddTenant(t); err != nil {
			panic("fake: " + err.Error())
		}
	}
	s.auth = &iam.Authority{Dir: s.eng, Now: s.eng.Clock().Now, Lifetime: c.tokenLifetime, NewID: s.eng.NewRequestID}
	s.iam = &iam.Handler{Auth: s.auth, Region: s.eng.Region()}
	s.control = &control.Handler{Fake: controlFake{s}, Version: Version,
		Guard: control.Guard{Hosts: append(c.allowedHosts, memHost), Token: c.controlToken}}
	s.initial = s.eng.Export()
	return s
}

// NewServer returns a Server that also listens on a loopback port, like
// httptest.NewServer. Close it when done.
func NewServer(opts ...Option) *Server {
	s := New(opts...)
	s.http = httptest.NewServer(s)
	s.URL = s.http.URL
	return s
}

// Close stops the listener, if any. The state stays readable. The fake
// runs no timers or goroutines of its own: transitions complete when a
// request or Release finds them due.
func (s *Server) Close() {
	if s.http != nil {
		s.http.Close()
	}
}

// Handler returns the server as an http.Handler, for mounting in a mux or
// serving with your own http.Server.
func (s *Server) Handler() http.Handler { return s }

// Client returns an *http.Client whose transport calls the handler
// directly, with no socket: in the calling goroutine, or in one of its own
// when the request's context can end (a deadline, Client.Timeout, a
// cancel), so that the call returns the context's error as it would over
// a socket. Every URL it is given reaches this server, whatever its host.
func (s *Server) Client() *http.Client { return ClientFor(s) }

// ClientFor returns an *http.Client that serves every request with h,
// with no socket and the goroutine rules of Server.Client: for a mux that
// mounts the fake beside other handlers. Server.Client is
// ClientFor(server).
func ClientFor(h http.Handler) *http.Client { return &http.Client{Transport: memTransport{h: h}} }

// Clock returns the server's clock; with clock.NewMock() a test advances it
// to complete asynchronous transitions.
func (s *Server) Clock() clock.Clock { return s.eng.Clock() }

// Tenant returns the server's first tenant: DefaultTenant unless
// WithDefaultTenant replaced it.
func (s *Server) Tenant() Tenant { return s.tenant }

// AddTenant registers another tenant while the server runs.
func (s *Server) AddTenant(t Tenant) error { return s.eng.AddTenant(engine.Tenant(t)) }

// Tenants returns every tenant, ordered by project id.
func (s *Server) Tenants() []Tenant {
	var out []Tenant
	for _, t := range s.eng.Tenants() {
		out = append(out, Tenant(t))
	}
	return out
}

// ProjectURL returns the VPCEP base URL of a project,
// {URL}/v1/{project_id}/, as a service catalog would publish it (with the
// trailing slash that gophertelekomcloud requires): a client appends
// "vpc-endpoint-services", "vpc-endpoints" and so on.
func (s *Server) ProjectURL(projectID string) string { return s.URL + "/v1/" + projectID + "/" }

// Endpoint returns ProjectURL(projectID).
//
// Deprecated: Use ProjectURL; "endpoint" means a VPC endpoint in this API.
func (s *Server) Endpoint(projectID string) string { return s.ProjectURL(projectID) }

// ListenAndServe serves on addr until ctx is done, then shuts down
// gracefully: requests still running after a grace period of 5 s are cut
// off, with a warning in the log, and it returns nil all the same. It is
// what cmd/vpcepfake runs; ready, if not nil, receives the bound address
// once the listener is open. WithMaxConnections and WithIdleTimeout bound
// its connections.
func (s *Server) ListenAndServe(ctx context.Context, addr string, ready func(net.Addr)) error {
	return s.listenAndServe(ctx, addr, s, ready)
}

// listenAndServe serves h on addr until ctx is done, then shuts down
// gracefully.
func (s *Server) listenAndServe(ctx context.Context, addr string, h http.Handler, ready func(net.Addr)) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	lim := newConnLimiter(ln, s.limits.maxConns)
	hs := &http.Server{Handler: h, ReadHeaderTimeout: readHeaderTimeout, ReadTimeout: readTimeout,
		WriteTimeout: writeTimeout, IdleTimeout: s.limits.idleTimeout, MaxHeaderBytes: netHeaderBytes,
		ConnState: lim.track, ErrorLog: slog.NewLogLogger(s.log.Handler(), slog.LevelWarn)}
	if ready != nil {
		ready(ln.Addr())
	}
	errc := make(chan error, 1)
	go func() { errc <- hs.Serve(lim) }()
	select {
	case err := <-errc:
		return err
	case <-ctx.Done():
		shutdown, cancel := context.WithTimeout(context.Background(), s.limits.grace)
		defer cancel()
		if err := hs.Shutdown(shutdown); errors.Is(err, context.DeadlineExceeded) {
			s.log.Warn("vpcepfake: requests still running after the shutdown grace period were cut off", "grace", s.limits.grace)
			return hs.Close()
		} else if err != nil {
			return err
		}
		return nil
	}
}
