// Command vpcepfake serves a fake OTC VPC Endpoint (VPCEP) v1 API on a
// loopback address, for clients in any language, with a minimal IAM under
// /v3, a control API under /_fake/ and a dashboard at /_fake/.
//
//	go run ./cmd/vpcepfake                 # http://127.0.0.1:8780
//	go run ./cmd/vpcepfake -addr 127.0.0.1:0 -service-create-delay 30s -manual-clock
//
// Every flag can also be set by an environment variable: VPCEPFAKE_ plus
// the flag name in upper case with '-' as '_' (VPCEPFAKE_ADDR,
// VPCEPFAKE_SERVICE_CREATE_DELAY); a flag on the command line wins.
//
// It prints the URLs and credentials to use, and shuts down gracefully on
// SIGINT or SIGTERM, exiting 0. Bad flags exit 2, other failures 1.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"runtime"
	"strings"
	"syscall"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// defaultAddr is the fixed address the server listens on unless told
// otherwise.
const defaultAddr = "127.0.0.1:8780"

// envPrefix starts the environment variable of every flag.
const envPrefix = "VPCEPFAKE_"

// errUsage marks errors in flags or environment variables (exit code 2).
var errUsage = errors.New("usage")

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	err := run(ctx, os.Args[1:], os.Getenv, os.Stdout, os.Stderr)
	stop()
	os.Exit(exitCode(err, os.Stderr))
}

// exitCode reports err and maps it to the process exit code: 0 for success
// and -h, 2 for usage errors, 1 for anything else.
func exitCode(err error, stderr io.Writer) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case errors.Is(err, errUsage):
		fmt.Fprintln(stderr, "vpcepfake:", err)
		return 2
	}
	fmt.Fprintln(stderr, "vpcepfake:", err)
	return 1
}

// options are the parsed flags.
type options struct {
	addr, logLevel, fixtures, scenario  string
	tenant                              fake.Tenant
	region                              string
	seed                                uint64
	realistic, manualClock, showVersion bool
	reads                               int
	delays                              fake.Delays
	iamAddr                             string
	tokenLifetime                       time.Duration
	control                             controlFlags
}

// controlFlags are the flags of the control API, the journal and the
// connection limits.
type controlFlags struct {
	journalSize, maxConns int
	idleTimeout           time.Duration
	allowedHosts, token   string
}

// define registers the flags of c on fs.
func (c *controlFlags) define(fs *flag.FlagSet) {
	fs.IntVar(&c.journalSize, "journal-size", scenario.DefaultJournalSize, "requests the journal keeps (/_fake/requests, dashboard); older ones are dropped and counted")
	fs.StringVar(&c.allowedHosts, "allowed-hosts", "", "comma-separated host names the control API (/_fake/) answers besides IP addresses and localhost; * allows any (containers: the service name)")
	fs.StringVar(&c.token, "control-token", "", "require Authorization: Bearer <token> on the control API (/_fake/)")
	fs.IntVar(&c.maxConns, "max-connections", fake.DefaultMaxConnections, "open connections at most; at the limit the longest idle one is closed")
	fs.DurationVar(&c.idleTimeout, "idle-timeout", fake.DefaultIdleTimeout, "how long an idle keep-alive connection is kept")
}

// check reports flag values out of range.
func (c *controlFlags) check() error {
	switch {
	case c.journalSize < 0:
		return errors.New("-journal-size must not be negative")
	case c.maxConns < 1:
		return errors.New("-max-connections must be at least 1")
	case c.idleTimeout <= 0:
		return errors.New("-idle-timeout must be positive")
	}
	return nil
}

// options returns the server options of c.
func (c *controlFlags) options() []fake.Option {
	opts := []fake.Option{fake.WithJournalSize(c.journalSize), fake.WithMaxConnections(c.maxConns),
		fake.WithIdleTimeout(c.idleTimeout), fake.WithControlToken(c.token)}
	for _, h := range strings.Split(c.allowedHosts, ",") {
		if h = strings.TrimSpace(h); h != "" {
			opts = append(opts, fake.WithAllowedHosts(h))
		}
	}
	return opts
}

// parse reads flags from the environment (through getenv), then from args.
func parse(args []string, getenv func(string) string, stderr io.Writer) (*options, error) {
	fs := flag.NewFlagSet("vpcepfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	o := &options{}
	t := &o.tenant
	fs.StringVar(&o.addr, "addr", defaultAddr, "listen address (host:port; port 0 picks a free one)")
	fs.StringVar(&o.region, "region", fake.DefaultRegion, "region: composed service names, IAM catalog and default project name")
	fs.StringVar(&t.ProjectID, "project", fake.DefaultProjectID, "project id of the default tenant")
	fs.StringVar(&t.DomainID, "domain", fake.DefaultDomainID, "domain (account) id of the default tenant")
	fs.StringVar(&t.Token, "token", fake.DefaultToken, "IAM token of the default tenant (X-Auth-Token)")
	fs.StringVar(&t.DomainName, "domain-name", fake.DefaultDomainName, "IAM domain name of the default tenant")
	fs.StringVar(&t.UserName, "user", fake.DefaultUserName, "IAM user name of the default tenant")
	fs.StringVar(&t.Password, "password", fake.DefaultPassword, "IAM password of the default tenant")
	fs.StringVar(&t.ProjectName, "project-name", "", "IAM project name of the default tenant (default: the region)")
	fs.StringVar(&t.AccessKey, "access-key", "", "AK of the default tenant: AK/SK requests with it authenticate as the default tenant")
	fs.StringVar(&t.SecretKey, "secret-key", "", "SK of the default tenant: with -access-key, signatures are verified")
	fs.StringVar(&o.iamAddr, "iam-addr", "", "also serve IAM alone on this address, with Keystone version discovery at / (for an auth_url without /v3)")
	fs.DurationVar(&o.tokenLifetime, "token-lifetime", fake.DefaultTokenLifetime, "lifetime of tokens issued by IAM logins, on the fake's clock (the tenant's -token never expires)")
	fs.Uint64Var(&o.seed, "seed", 0, "seed for reproducible ids (0: random)")
	fs.StringVar(&o.logLevel, "log-level", "warn", "log level: debug, info, warn or error")
	fs.StringVar(&o.fixtures, "fixtures", "", "state file to load at start-up (the JSON of GET /_fake/state)")
	fs.BoolVar(&o.manualClock, "manual-clock", false, "run on a manual clock that starts at the current time and moves only through /_fake/clock")
	fs.BoolVar(&o.realistic, "realistic", false, "use delays close to the real cloud that real clients' default timeouts survive (services 30s, endpoints 1m; see fake.RealisticDelays)")
	fs.IntVar(&o.reads, "after-reads", 0, "complete every transition after this many reads of the resource (0: by time only); overrides the kind-level plans of -scenario")
	fs.StringVar(&o.scenario, "scenario", "", "JSON scenario file: transition policies and fault rules (see scenario/README.md)")
	fs.BoolVar(&o.showVersion, "version", false, "print the version and exit")
	o.control.define(fs)
	d := &o.delays
	fs.DurationVar(&d.ServiceCreate, "service-create-delay", 0, "time from creating to available")
	fs.DurationVar(&d.ServiceDelete, "service-delete-delay", 0, "time from deleting to gone")
	fs.DurationVar(&d.EndpointCreate, "endpoint-create-delay", 0, "time from creating to accepted or pendingAcceptance")
	fs.DurationVar(&d.EndpointAccept, "endpoint-accept-delay", 0, "time from receive to accepted")
	fs.DurationVar(&d.EndpointReject, "endpoint-reject-delay", 0, "time from reject to rejected")
	fs.DurationVar(&d.EndpointDelete, "endpoint-delete-delay", 0, "time from deleting to gone")
	var envErr error
	fs.VisitAll(func(f *flag.Flag) {
		name := envName(f.Name)
		f.Usage += " [$" + name + "]"
		if v := getenv(name); v != "" && envErr == nil {
			if err := f.Value.Set(v); err != nil {
				envErr = fmt.Errorf("%w: $%s: %v", errUsage, name, err)
			}
		}
	})
	if envErr != nil {
		return nil, envErr
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return nil, err
		}
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if fs.NArg() > 0 {
		return nil, fmt.Errorf("%w: unexpected argument %q", errUsage, fs.Arg(0))
	}
	if err := o.tenant.Validate(); err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if err := o.control.check(); err != nil {
		return nil, fmt.Errorf("%w: %v", errUsage, err)
	}
	if o.tokenLifetime <= 0 {
		return nil, fmt.Errorf("%w: -token-lifetime must be positive", errUsage)
	}
	return o, nil
}

// envName is the environment variable of a flag.
func envName(flagName string) string {
	return envPrefix + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// run parses args, serves until ctx is done and returns nil after a clean
// shutdown.
func run(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	o, err := parse(args, getenv, stderr)
	if err != nil {
		return err
	}
	if o.showVersion {
		fmt.Fprintf(stdout, "vpcepfake %s %s\n", fake.Version, runtime.Version())
		return nil
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(o.logLevel)); err != nil {
		return fmt.Errorf("%w: -log-level: %v", errUsage, err)
	}
	log := slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))
	if o.realistic {
		o.delays = fake.RealisticDelays
	}
	opts := []fake.Option{
		fake.WithRegion(o.region),
		fake.WithDefaultTenant(o.tenant),
		fake.WithDelays(o.delays),
		fake.WithSeed(o.seed),
		fake.WithLogger(log),
		fake.WithTokenLifetime(o.tokenLifetime),
	}
	opts = append(opts, o.control.options()...)
	if o.manualClock {
		mock := clock.NewMock()
		mock.Set(time.Now())
		opts = append(opts, fake.WithClock(mock))
	}
	scn, err := loadScenario(o.scenario, o.reads)
	if err != nil {
		return err
	}
	opts = append(opts, fake.WithScenario(scn))
	srv := fake.New(opts...)
	if o.fixtures != "" {
		if err := loadFixtures(srv, o.fixtures); err != nil {
			return err
		}
	}
	if o.iamAddr == "" {
		err = srv.ListenAndServe(ctx, o.addr, func(a net.Addr) {
			announce(stdout, "http://"+a.String(), "", o)
			warnExposed(stderr, a)
		})
	} else {
		err = serveWithIAM(ctx, srv, o, stdout, stderr)
	}
	if err == nil {
		log.Info("vpcepfake stopped")
	}
	return err
}

// serveWithIAM serves the API on o.addr and IAM alone on o.iamAddr until
// ctx is done or either fails, and returns the first error.
func serveWithIAM(ctx context.Context, srv *fake.Server, o *options, stdout, stderr io.Writer) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	api := make(chan string, 1)
	errc := make(chan error, 2)
	go func() {
		errc <- srv.ListenAndServe(ctx, o.addr, func(a net.Addr) {
			warnExposed(stderr, a)
			api <- "http://" + a.String()
		})
	}()
	var url string
	select {
	case url = <-api:
	case err := <-errc: // failed to listen, or opened and already shut down
		select {
		case url = <-api:
			errc <- err
		default:
			return err
		}
	}
	go func() {
		errc <- srv.ListenAndServeIAM(ctx, o.iamAddr, url, func(a net.Addr) { announce(stdout, url, "http://"+a.String(), o) })
	}()
	first := <-errc
	cancel()
	if second := <-errc; first == nil {
		return second
	}
	return first
}

// loadScenario reads the scenario file, if any; without one the server
// still gets an empty scenario, whose journal feeds the dashboard and
// /_fake/requests. reads > 0 sets the plan of every transition kind to
// "after reads reads"; the file's named and next plans still win over it.
func loadScenario(file string, reads int) (*scenario.Scenario, error) {
	scn := scenario.New()
	if file != "" {
		var err error
		if scn, err = scenario.LoadFile(file); err != nil {
			return nil, err
		}
	}
	if reads > 0 {
		for _, tr := range scenario.Transitions {
			scn.Kind(tr, scenario.AfterReads(reads))
		}
	}
	return scn, nil
}

// loadFixtures imports a state file.
func loadFixtures(srv *fake.Server, path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return fmt.Errorf("-fixtures: %w", err)
	}
	var snap fake.Snapshot
	if err := json.Unmarshal(raw, &snap); err != nil {
		return fmt.Errorf("-fixtures %s: %w", path, err)
	}
	if err := srv.Import(snap); err != nil {
		return fmt.Errorf("-fixtures %s: %w", path, err)
	}
	return nil
}

// announce prints where the server listens and how to reach it; the first
// line is stable for scripts: "vpcepfake listening on <url>". iamURL is
// IAM's own listener, "" for none.
func announce(w io.Writer, url, iamURL string, o *options) {
	t := o.tenant
	fmt.Fprintf(w, "vpcepfake listening on %s\n", url)
	fmt.Fprintf(w, "  endpoint:   %s/v1/%s/\n", url, t.ProjectID)
	fmt.Fprintf(w, "  project_id: %s\n", t.ProjectID)
	fmt.Fprintf(w, "  domain_id:  %s\n", t.DomainID)
	fmt.Fprintf(w, "  token:      %s   (send as X-Auth-Token)\n", t.Token)
	fmt.Fprintf(w, "  auth_url:   %s/v3   (user %s, password %s, domain %s; tokens last %s)\n", url, t.UserName, t.Password, t.DomainName, o.tokenLifetime)
	if iamURL != "" {
		fmt.Fprintf(w, "  iam:        %s   (IAM alone: auth_url with or without /v3)\n", iamURL)
	}
	fmt.Fprintf(w, "  aksk:       %s\n", akskMode(t))
	fmt.Fprintf(w, "  dashboard:  %s/_fake/\n", url)
	if o.control.token != "" {
		fmt.Fprintf(w, "  control:    %s/_fake/ needs Authorization: Bearer <the -control-token>\n", url)
	}
}

// akskMode says how AK/SK-signed requests are checked.
func akskMode(t fake.Tenant) string {
	switch {
	case t.AccessKey == "":
		return "zero-config: NO signature is checked; a signed request acts for the project in X-Project-Id (set -access-key and -secret-key to verify)"
	case t.SecretKey == "":
		return "AK " + t.AccessKey + " identifies the default tenant, its signatures are NOT verified (no -secret-key); other AKs are refused"
	}
	return "AK " + t.AccessKey + ", signatures verified over the body; other AKs are refused"
}

// warnExposed warns loudly when the server listens beyond loopback: anyone
// who reaches the address can use the fake and, without -control-token,
// drive its control API.
func warnExposed(w io.Writer, a net.Addr) {
	if ta, ok := a.(*net.TCPAddr); ok && ta.IP.IsLoopback() {
		return
	}
	fmt.Fprintf(w, "vpcepfake: WARNING: listening on %s, reachable from other machines. Anyone who can connect\n"+
		"vpcepfake: WARNING: can use the fake API and, unless -control-token is set, reset, import and read its state\n"+
		"vpcepfake: WARNING: (with secrets) through /_fake/. Bind to 127.0.0.1 unless a container or network needs more.\n", a)
}
