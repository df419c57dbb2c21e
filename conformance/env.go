package conformance

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"path/filepath"
	"strings"
	"time"
)

// Enabled reports whether the environment asks for a run against a real
// target: VPCEP_CONFORMANCE_URL is set, or VPCEP_CONFORMANCE=1 (the URL
// then comes from the IAM catalog). OS_* variables alone, which many
// shells set for terraform, never start a run.
func Enabled(getenv func(string) string) bool {
	return getenv("VPCEP_CONFORMANCE_URL") != "" || getenv("VPCEP_CONFORMANCE") == "1"
}

// FromEnv builds the Target the environment describes (see the package
// documentation for the variables): it logs in, resolves AK/SK projects
// and reads the IAM catalog as needed, through an HTTP client of its own
// (Target.HTTPClient) whose idle connections Run and Sweep close.
func FromEnv(ctx context.Context, getenv func(string) string) (Target, error) {
	hc := newHTTPClient()
	tg, err := fromEnv(ctx, getenv, hc)
	if err != nil {
		hc.CloseIdleConnections()
		return Target{}, err
	}
	return tg, nil
}

func fromEnv(ctx context.Context, getenv func(string) string, hc *http.Client) (Target, error) {
	tg := Target{
		BaseURL:    apiRoot(getenv("VPCEP_CONFORMANCE_URL")),
		HTTPClient: hc,
		Network: Network{VpcID: getenv("VPCEP_VPC_ID"), PortID: getenv("VPCEP_PORT_ID"),
			SubnetID: getenv("VPCEP_SUBNET_ID"), ServerType: getenv("VPCEP_SERVER_TYPE")},
		Report:         getenv("VPCEP_CONFORMANCE_REPORT"),
		ReportMarkdown: getenv("VPCEP_CONFORMANCE_REPORT_MD"),
	}
	if tg.ReportMarkdown == "" && tg.Report != "" {
		tg.ReportMarkdown = strings.TrimSuffix(tg.Report, filepath.Ext(tg.Report)) + ".md"
	}
	for name, d := range map[string]*time.Duration{"VPCEP_WAIT_TIMEOUT": &tg.WaitTimeout, "VPCEP_POLL_INTERVAL": &tg.PollInterval} {
		if v := getenv(name); v != "" {
			var err error
			if *d, err = time.ParseDuration(v); err != nil {
				return Target{}, fmt.Errorf("%s: %w", name, err)
			}
		}
	}
	owner, err := tenantFromEnv(ctx, getenv, hc, "")
	if err != nil {
		return Target{}, err
	}
	if owner == nil {
		return Target{}, errors.New("no credentials: set VPCEP_TOKEN (with VPCEP_PROJECT_ID, VPCEP_DOMAIN_ID), " +
			"OS_ACCESS_KEY and OS_SECRET_KEY, or OS_USERNAME and OS_PASSWORD (with OS_AUTH_URL, OS_DOMAIN_NAME, OS_PROJECT_NAME)")
	}
	tg.Tenant = *owner
	if tg.Other, err = tenantFromEnv(ctx, getenv, hc, "_2"); err != nil {
		return Target{}, err
	}
	if tg.BaseURL == "" {
		authURL := getenv("OS_AUTH_URL")
		if authURL == "" {
			return Target{}, errors.New("set VPCEP_CONFORMANCE_URL, or OS_AUTH_URL to find VPCEP in the IAM catalog")
		}
		if tg.BaseURL, err = CatalogEndpoint(ctx, hc, authURL, tg.Tenant); err != nil {
			return Target{}, err
		}
	}
	return tg, nil
}

// tenantFromEnv reads one tenant: the variables with suffix sfx ("" for
// the owner, "_2" for the other), nil when none is set. A raw token wins,
// then AK/SK, then an IAM password login. The second tenant falls back to
// the first one's OS_AUTH_URL and OS_PROJECT_NAME.
func tenantFromEnv(ctx context.Context, getenv func(string) string, hc *http.Client, sfx string) (*Tenant, error) {
	get := func(name string) string {
		v := getenv(name + sfx)
		if v == "" && (name == "OS_AUTH_URL" || name == "OS_PROJECT_NAME") {
			v = getenv(name)
		}
		return v
	}
	domainID := get("VPCEP_DOMAIN_ID")
	if domainID == "" {
		domainID = get("OS_DOMAIN_ID")
	}
	switch {
	case get("VPCEP_TOKEN") != "":
		t := Tenant{ProjectID: get("VPCEP_PROJECT_ID"), Token: get("VPCEP_TOKEN"), DomainID: domainID}
		if t.ProjectID == "" {
			return nil, errors.New("VPCEP_TOKEN" + sfx + " needs VPCEP_PROJECT_ID" + sfx)
		}
		return &t, nil
	case get("OS_ACCESS_KEY") != "":
		keys := AKSK{AccessKey: get("OS_ACCESS_KEY"), SecretKey: get("OS_SECRET_KEY"), ProjectID: get("OS_PROJECT_ID")}
		if keys.SecretKey == "" {
			return nil, errors.New("OS_ACCESS_KEY" + sfx + " needs OS_SECRET_KEY" + sfx)
		}
		if keys.ProjectID != "" && domainID != "" {
			return &Tenant{ProjectID: keys.ProjectID, DomainID: domainID, Auth: keys}, nil
		}
		if get("OS_AUTH_URL") == "" {
			return nil, errors.New("OS_ACCESS_KEY" + sfx + " needs OS_AUTH_URL, or OS_PROJECT_ID" + sfx + " and VPCEP_DOMAIN_ID" + sfx)
		}
		t, err := ResolveAKSK(ctx, hc, get("OS_AUTH_URL"), keys.ProjectID, get("OS_PROJECT_NAME"), keys)
		return &t, err
	case get("OS_USERNAME") != "":
		if get("OS_AUTH_URL") == "" {
			return nil, errors.New("OS_USERNAME" + sfx + " needs OS_AUTH_URL")
		}
		t, err := Login(ctx, hc, Password{AuthURL: get("OS_AUTH_URL"), UserName: get("OS_USERNAME"), Password: get("OS_PASSWORD"),
			DomainName: get("OS_DOMAIN_NAME"), ProjectID: get("OS_PROJECT_ID"), ProjectName: get("OS_PROJECT_NAME")})
		return &t, err
	}
	return nil, nil
}
