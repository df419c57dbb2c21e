package conformance_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/conformance"
	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestReport: a run writes one JSON entry per case and flow plus the
// fixtures, with request, expectation and answer, and the same as a
// Markdown table.
func TestReport(t *testing.T) {
	t.Parallel()
	srv := fake.NewServer()
	t.Cleanup(srv.Close)
	dir := t.TempDir()
	tg := conformance.Target{BaseURL: srv.URL, Tenant: tenant(srv.Tenant()),
		Report: filepath.Join(dir, "r.json"), ReportMarkdown: filepath.Join(dir, "r.md")}
	t.Run("suite", func(t *testing.T) { conformance.Run(t, tg) })

	raw, err := os.ReadFile(tg.Report)
	require.NoError(t, err)
	var rep struct {
		Target  string
		Summary map[string]int
		Entries []struct {
			Name, Result string
			Ops          []string
			Request      *struct{ As, Method, Path, Query, Body string }
			Expected     *struct{ Status int }
			Got          *struct {
				Status    int
				RequestID string `json:"request_id"`
			}
			Messages []string
		}
	}
	require.NoError(t, json.Unmarshal(raw, &rep))
	assert.Equal(t, srv.URL, rep.Target)
	want := len(conformance.Cases()) + len(conformance.Flows()) + 1
	require.Len(t, rep.Entries, want)
	assert.Equal(t, map[string]int{"pass": want - rep.Summary["skip"], "fail": 0, "skip": rep.Summary["skip"]}, rep.Summary)
	byName := map[string]int{}
	for i, e := range rep.Entries {
		byName[e.Name] = i
	}
	e := rep.Entries[byName["cases/ListEndpointService/no token"]]
	assert.Equal(t, "pass", e.Result)
	require.NotNil(t, e.Request)
	assert.Equal(t, "anonymous", e.Request.As)
	assert.Equal(t, "/v1/"+srv.Tenant().ProjectID+"/vpc-endpoint-services", e.Request.Path)
	assert.Equal(t, 401, e.Expected.Status)
	assert.Equal(t, 401, e.Got.Status)
	assert.NotEmpty(t, e.Got.RequestID)
	skipped := rep.Entries[byName["flows/cross-tenant whitelist"]]
	assert.Equal(t, "skip", skipped.Result)
	assert.Equal(t, []string{"needs a second tenant (Target.Other)"}, skipped.Messages)
	assert.Equal(t, "pass", rep.Entries[byName["fixtures"]].Result)

	md, err := os.ReadFile(tg.ReportMarkdown)
	require.NoError(t, err)
	assert.Contains(t, string(md), "| Result | Case | Request | Expected | Got |")
	assert.Contains(t, string(md), "| pass | cases/ListEndpointService/no token | `GET /v1/"+srv.Tenant().ProjectID+"/vpc-endpoint-services` as anonymous | 401 EndPoint.0003 | 401 EndPoint.0003 |")
	assert.Equal(t, want, strings.Count(string(md), "\n| ")-1, "one row per entry")
}
