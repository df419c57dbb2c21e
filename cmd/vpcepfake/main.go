// Command vpcepfake serves a fake OTC VPC Endpoint (VPCEP) v1 API on a
// loopback address, for clients in any language.
//
//	go run ./cmd/vpcepfake                 # http://127.0.0.1:8780
//	go run ./cmd/vpcepfake -addr 127.0.0.1:0 -service-create-delay 30s
//
// It prints the URL, project id and token to use, and shuts down gracefully
// on SIGINT or SIGTERM.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// defaultAddr is the fixed address the server listens on unless told
// otherwise.
const defaultAddr = "127.0.0.1:8780"

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:], os.Stdout, os.Stderr); err != nil {
		if !errors.Is(err, flag.ErrHelp) {
			fmt.Fprintln(os.Stderr, "vpcepfake:", err)
		}
		os.Exit(2)
	}
}

// run parses args, serves until ctx is done and returns nil after a clean
// shutdown.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("vpcepfake", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		addr      = fs.String("addr", defaultAddr, "listen address (host:port; port 0 picks a free one)")
		region    = fs.String("region", fake.DefaultRegion, "region used in composed service names")
		project   = fs.String("project", fake.DefaultProjectID, "project id of the default tenant")
		domain    = fs.String("domain", fake.DefaultDomainID, "domain (account) id of the default tenant")
		token     = fs.String("token", fake.DefaultToken, "IAM token of the default tenant (X-Auth-Token)")
		seed      = fs.Uint64("seed", 0, "seed for reproducible ids (0: random)")
		logLevel  = fs.String("log-level", "warn", "log level: debug, info, warn or error")
		realistic = fs.Bool("realistic", false, "use delays close to the real cloud (1 minute per asynchronous step)")
		reads     = fs.Int("after-reads", 0, "complete every transition after this many reads of the resource (0: by time only); overrides the kind-level plans of -scenario")
		scnFile   = fs.String("scenario", "", "JSON scenario file: transition policies and fault rules (see scenario/README.md)")
		d         fake.Delays
	)
	fs.DurationVar(&d.ServiceCreate, "service-create-delay", 0, "time from creating to available")
	fs.DurationVar(&d.ServiceDelete, "service-delete-delay", 0, "time from deleting to gone")
	fs.DurationVar(&d.EndpointCreate, "endpoint-create-delay", 0, "time from creating to accepted or pendingAcceptance")
	fs.DurationVar(&d.EndpointAccept, "endpoint-accept-delay", 0, "time from receive to accepted")
	fs.DurationVar(&d.EndpointReject, "endpoint-reject-delay", 0, "time from reject to rejected")
	fs.DurationVar(&d.EndpointDelete, "endpoint-delete-delay", 0, "time from deleting to gone")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("unexpected argument %q", fs.Arg(0))
	}
	var level slog.Level
	if err := level.UnmarshalText([]byte(*logLevel)); err != nil {
		return fmt.Errorf("-log-level: %w", err)
	}
	if *realistic {
		d = fake.RealisticDelays
	}
	tenant := fake.Tenant{DomainID: *domain, ProjectID: *project, Token: *token}
	opts := []fake.Option{
		fake.WithRegion(*region),
		fake.WithDefaultTenant(tenant),
		fake.WithDelays(d),
		fake.WithSeed(*seed),
		fake.WithLogger(slog.New(slog.NewTextHandler(stderr, &slog.HandlerOptions{Level: level}))),
	}
	scn, err := loadScenario(*scnFile, *reads)
	if err != nil {
		return err
	}
	if scn != nil {
		opts = append(opts, fake.WithScenario(scn))
	}
	if err := tenant.Validate(); err != nil {
		return err
	}
	return fake.New(opts...).ListenAndServe(ctx, *addr, func(a net.Addr) {
		url := "http://" + a.String()
		fmt.Fprintf(stdout, "vpcepfake listening on %s\n", url)
		fmt.Fprintf(stdout, "  endpoint:   %s/v1/%s/\n", url, tenant.ProjectID)
		fmt.Fprintf(stdout, "  project_id: %s\n", tenant.ProjectID)
		fmt.Fprintf(stdout, "  domain_id:  %s\n", tenant.DomainID)
		fmt.Fprintf(stdout, "  token:      %s   (send as X-Auth-Token)\n", tenant.Token)
	})
}

// loadScenario reads the scenario file, if any. reads > 0 sets the plan of
// every transition kind to "after reads reads"; the file's named and next
// plans still win over it.
func loadScenario(file string, reads int) (*scenario.Scenario, error) {
	if file == "" && reads == 0 {
		return nil, nil
	}
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
