package scenario_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// The example file loads and behaves as written.
func TestLoadFileExample(t *testing.T) {
	t.Parallel()
	scn, err := scenario.LoadFile("testdata/example.json")
	require.NoError(t, err)
	e := newEnv(t, scn)

	failed := e.create("first") // the "next" policy
	slow := e.create("slow-svc")
	plain := e.create("plain")
	e.mock.Add(time.Minute)
	got, _ := e.get(failed)
	assert.Equal(t, "failed", got.Status)
	assert.Equal(t, http.StatusServiceUnavailable, e.do(http.MethodGet, "vpc-endpoint-services/"+slow, nil).status, "second GET")
	for i := range 3 {
		got, _ = e.get(slow)
		assert.Equal(t, "creating", got.Status, "read %d of slow-svc", i+1)
	}
	got, _ = e.get(slow)
	assert.Equal(t, "available", got.Status)
	got, _ = e.get(plain)
	assert.Equal(t, "creating", got.Status, "two minutes")
	e.mock.Add(time.Minute)
	got, _ = e.get(plain)
	assert.Equal(t, "available", got.Status)

	// The next endpoint creation ends rejected.
	var ep service
	r := e.do(http.MethodPost, "vpc-endpoints", map[string]any{"endpoint_service_id": plain,
		"vpc_id": "4189d3c2-8882-4871-a3c2-d380272eed80", "subnet_id": "4189d3c2-8882-4871-a3c2-d380272eed81"})
	require.Equal(t, http.StatusOK, r.status, string(r.body))
	require.NoError(t, json.Unmarshal(r.body, &ep))
	r = e.do(http.MethodGet, "vpc-endpoints/"+ep.ID, nil)
	require.NoError(t, json.Unmarshal(r.body, &ep))
	assert.Equal(t, "rejected", ep.Status)

	// Named scenarios apply only with the header.
	assert.Equal(t, 429, e.do(http.MethodGet, "vpc-endpoint-services/"+plain, nil, scenario.ScenarioHeader, "throttled").status)
	r = e.do(http.MethodGet, "vpc-endpoint-services/"+plain, nil, scenario.ScenarioHeader, "throttled")
	assert.Equal(t, "5", r.header.Get("Retry-After"))
	assert.Equal(t, 200, e.do(http.MethodGet, "vpc-endpoint-services/"+plain, nil, scenario.ScenarioHeader, "throttled").status)

	// The window rule drops creates between 01:00 and 02:00.
	e.mock.Add(time.Hour)
	_, err = e.send(http.MethodPost, "vpc-endpoint-services", createBody("late", 9))
	require.Error(t, err)

	assert.ElementsMatch(t, []string{
		`rule "slow-lists" never fired: no request that matched it (method GET, path /v1/{project_id}/vpc-endpoint-services) reached it`,
		`rule "flaky-reads" never fired: no request that matched it (method GET, scenario flaky) reached it`,
		`Named plan for service.delete of "sticky" never applied: no service.delete of a resource with that id or name started`,
	}, scn.Unused())
}

// Invalid files fail with an error that names the problem.
func TestLoadErrors(t *testing.T) {
	t.Parallel()
	tests := []struct{ name, json, want string }{
		{"not json", `{`, "unexpected EOF"},
		{"unknown field", `{"rulez": []}`, `unknown field "rulez"`},
		{"unknown op", `{"rules":[{"match":{"op":"GetService"},"effect":{"code":"EndPoint.0001"}}]}`, `rule 0 ("rule 1"): unknown operation "GetService"`},
		{"undocumented code", `{"rules":[{"effect":{"code":"EndPoint.9999"}}]}`, `error code "EndPoint.9999" is not documented`},
		{"status without code", `{"rules":[{"effect":{"status":503}}]}`, "need a code"},
		{"non-error status", `{"rules":[{"effect":{"code":"EndPoint.0001","status":200}}]}`, "status 200 is not an error status"},
		{"empty effect", `{"rules":[{"name":"noop"}]}`, `rule 0 ("noop"): effect does nothing`},
		{"bad drop", `{"rules":[{"effect":{"drop":"sometimes"}}]}`, `drop "sometimes"`},
		{"drop and error", `{"rules":[{"effect":{"drop":"after","code":"EndPoint.0001"}}]}`, "cannot both drop"},
		{"bad body", `{"rules":[{"effect":{"body":"empty"}}]}`, `body "empty"`},
		{"bad latency", `{"rules":[{"effect":{"latency":"soon"}}]}`, `latency "soon" is not a duration`},
		{"two counts", `{"rules":[{"trigger":{"nth":2,"first":1},"effect":{"code":"EndPoint.0001"}}]}`, "only one of nth, first, after"},
		{"negative count", `{"rules":[{"trigger":{"after":-1},"effect":{"code":"EndPoint.0001"}}]}`, "must not be negative"},
		{"bad probability", `{"rules":[{"trigger":{"probability":1.5},"effect":{"code":"EndPoint.0001"}}]}`, "probability 1.5"},
		{"empty window", `{"rules":[{"trigger":{"from":"1970-01-01T02:00:00Z","until":"1970-01-01T01:00:00Z"},"effect":{"code":"EndPoint.0001"}}]}`, "until must be after from"},
		{"unknown trigger field", `{"rules":[{"trigger":{"every":2},"effect":{"code":"EndPoint.0001"}}]}`, `unknown field "every"`},
		{"lower-case method", `{"rules":[{"match":{"method":"get"},"effect":{"code":"EndPoint.0001"}}]}`, "upper case"},
		{"relative path", `{"rules":[{"match":{"path":"v1/x"},"effect":{"code":"EndPoint.0001"}}]}`, "must start with /"},
		{"named scenario rule", `{"scenarios":{"x":[{"match":{"op":"Nope"},"effect":{"code":"EndPoint.0001"}}]}}`, `scenarios["x"]`},
		{"unknown transition", `{"policies":[{"transition":"service.explode"}]}`, `policies[0]: unknown transition "service.explode"`},
		{"bad delay", `{"policies":[{"transition":"service.create","delay":"1 minute"}]}`, `delay "1 minute"`},
		{"name and next", `{"policies":[{"transition":"service.create","name":"a","next":true}]}`, "name or next"},
		{"negative reads", `{"policies":[{"transition":"service.create","after_reads":-2}]}`, "after_reads"},
		{"target of another transition", `{"policies":[{"transition":"endpoint.accept","to":"rejected"}]}`, `policies[0]: to "rejected": only endpoint.create`},
		{"unknown target", `{"policies":[{"transition":"endpoint.create","to":"available"}]}`, `to "available" is not one of`},
		{"target and fail", `{"policies":[{"transition":"endpoint.create","to":"accepted","fail":{"code":"x"}}]}`, "fail or to"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			scn, err := scenario.Load(strings.NewReader(tc.json))
			require.Error(t, err)
			assert.Nil(t, scn)
			assert.Contains(t, err.Error(), tc.want)
			assert.True(t, strings.HasPrefix(err.Error(), "scenario: "), err.Error())
		})
	}
	_, err := scenario.LoadFile("testdata/missing.json")
	require.Error(t, err)
}

// Go rules and file rules are the same thing: Add validates alike.
func TestAddRejectsInvalidRules(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	err := scn.Add(scenario.Rule{Effect: scenario.Fail("EndPoint.0001")}, scenario.Rule{Effect: scenario.Fail("nope")})
	require.ErrorContains(t, err, `rule 1 ("rule 2"): error code "nope" is not documented`)
	assert.Empty(t, scn.Stats(), "nothing added")
}

// A rule written as JSON reads back the same, latency included.
func TestEffectJSONRoundTrip(t *testing.T) {
	t.Parallel()
	in := scenario.Rule{Name: "r", Match: scenario.Match{Method: "GET"}, Trigger: scenario.Nth(2),
		Effect: scenario.Effect{Code: "EndPoint.0013", Latency: 1500 * time.Millisecond}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	assert.Contains(t, string(b), `"latency":"1.5s"`)
	var out scenario.Rule
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
}
