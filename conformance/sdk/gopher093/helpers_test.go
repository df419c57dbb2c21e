package gopher093

import (
	"encoding/json"
	"fmt"
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// env is one fake with its journal and a gopher client aimed at it.
type env struct {
	srv     *fake.Server
	journal *scenario.Scenario
	sc      *golangsdk.ServiceClient
}

// start returns an in-memory fake with the real cloud's 1-minute
// transitions on the default clock, so inside a synctest bubble the SDK's
// 1-second polls and the fake's delays share virtual time. The client is
// built as in docs/real-clients.md §2.1: a fixed endpoint with the trailing
// slash, a token, and the fake's in-memory transport.
func start(t *testing.T) env {
	t.Helper()
	return startWith(t, scenario.New())
}

// startWith is start with the scenario sc.
func startWith(t *testing.T, sc *scenario.Scenario) env {
	t.Helper()
	srv := fake.NewTest(t, fake.WithDelays(fake.RealisticDelays), fake.WithScenario(sc))
	pc := &golangsdk.ProviderClient{TokenID: fake.DefaultToken, ProjectID: fake.DefaultProjectID, RegionID: fake.DefaultRegion}
	pc.HTTPClient = *srv.Client()
	return env{srv: srv, journal: sc, sc: &golangsdk.ServiceClient{ProviderClient: pc, Endpoint: srv.ProjectURL(fake.DefaultProjectID)}}
}

// calls counts the journal's requests of operation op.
func (e env) calls(op string) int { return e.journal.Count(scenario.Query{Op: op}) }

// mark returns the journal position after the last request so far.
func (e env) mark() int { return len(e.journal.Requests(scenario.Query{})) }

// since returns "Op status" for each request after mark, with runs of the
// same entry (a wait loop's polls) collapsed into one.
func (e env) since(mark int) []string {
	var seq []string
	for _, r := range e.journal.Requests(scenario.Query{})[mark:] {
		s := fmt.Sprintf("%s %d", r.Op, r.Status)
		if len(seq) == 0 || seq[len(seq)-1] != s {
			seq = append(seq, s)
		}
	}
	return seq
}

// errorCode decodes the error_code of an SDK error's raw body.
func errorCode(t *testing.T, body []byte) string {
	t.Helper()
	var b struct {
		Code string `json:"error_code"`
	}
	require.NoError(t, json.Unmarshal(body, &b), "error body %s", body)
	return b.Code
}
