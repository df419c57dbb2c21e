package scenario_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Each trigger over five GETs of one service, 30 s of clock apart: which
// of them fail.
func TestTriggers(t *testing.T) {
	t.Parallel()
	epoch := time.Unix(0, 0)
	tests := []struct {
		name    string
		trigger scenario.Trigger
		want    []int
	}{
		{"always", scenario.Always(), []int{500, 500, 500, 500, 500}},
		{"nth", scenario.Nth(2), []int{200, 500, 200, 200, 200}},
		{"first n", scenario.FirstN(2), []int{500, 500, 200, 200, 200}},
		{"after n", scenario.AfterN(3), []int{200, 200, 200, 500, 500}},
		{"window", scenario.During(epoch.Add(time.Minute), epoch.Add(2*time.Minute)), []int{200, 200, 500, 500, 200}},
		{"first n in window", scenario.Trigger{First: 1, From: epoch.Add(time.Minute)}, []int{200, 200, 500, 200, 200}},
		{"probability 1", scenario.Probability(1, 3), []int{500, 500, 500, 500, 500}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			e := newEnv(t, scn)
			id := e.create("svc")
			require.NoError(t, scn.Add(scenario.Rule{Name: "r", Match: scenario.Match{Op: scenario.OpListServiceDetails},
				Trigger: tc.trigger, Effect: scenario.Fail("EndPoint.0001")}))
			var got []int
			for range tc.want {
				got = append(got, e.do(http.MethodGet, "vpc-endpoint-services/"+id, nil).status)
				e.mock.Add(30 * time.Second)
			}
			assert.Equal(t, tc.want, got)
			st := scn.Stats()
			require.Len(t, st, 1)
			assert.Equal(t, len(tc.want), st[0].Matches)
			assert.Equal(t, scn.Count(scenario.Query{Rule: "r"}), st[0].Fired)
		})
	}
}

// A probability trigger draws from its own seed: the same seed repeats the
// same pattern, another seed gives another, and p=0.5 both fails and passes.
func TestProbabilityIsSeeded(t *testing.T) {
	t.Parallel()
	pattern := func(seed uint64) []int {
		scn := scenario.New()
		e := newEnv(t, scn)
		require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpListEndpointService},
			Trigger: scenario.Probability(0.5, seed), Effect: scenario.Fail("EndPoint.0001")}))
		var got []int
		for range 32 {
			got = append(got, e.do(http.MethodGet, "vpc-endpoint-services", nil).status)
		}
		return got
	}
	a := pattern(42)
	assert.Equal(t, a, pattern(42))
	assert.NotEqual(t, a, pattern(43))
	assert.Contains(t, a, 200)
	assert.Contains(t, a, 500)
}

// Every match field, alone: which of a fixed set of requests it selects.
func TestMatch(t *testing.T) {
	t.Parallel()
	const other = "0123456789abcdef0123456789abcdef"
	tests := []struct {
		name  string
		match func(a string) scenario.Match
		want  []int // statuses of: GET a, GET b, list, GET a with headers
	}{
		{"op", func(string) scenario.Match { return scenario.Match{Op: scenario.OpListServiceDetails} }, []int{500, 500, 200, 500}},
		{"method and path", func(string) scenario.Match {
			return scenario.Match{Method: "GET", Path: "/v1/{project_id}/vpc-endpoint-services"}
		}, []int{200, 200, 500, 200}},
		{"path template with any names", func(string) scenario.Match {
			return scenario.Match{Path: "/v1/{p}/vpc-endpoint-services/{service_id}"}
		}, []int{500, 500, 200, 500}},
		{"other project", func(string) scenario.Match { return scenario.Match{Project: other} }, []int{200, 200, 200, 200}},
		{"project", func(string) scenario.Match { return scenario.Match{Project: fake.DefaultProjectID} }, []int{500, 500, 500, 500}},
		{"resource", func(a string) scenario.Match { return scenario.Match{Resource: a} }, []int{500, 200, 200, 500}},
		{"header", func(string) scenario.Match {
			return scenario.Match{Header: map[string]string{"X-Trace": "yes"}}
		}, []int{200, 200, 200, 500}},
		{"named scenario", func(string) scenario.Match { return scenario.Match{Scenario: "chaos"} }, []int{200, 200, 200, 500}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			e := newEnv(t, scn)
			a, b := e.create("a"), e.create("b")
			require.NoError(t, scn.Add(scenario.Rule{Match: tc.match(a), Effect: scenario.Fail("EndPoint.0001")}))
			got := []int{
				e.do(http.MethodGet, "vpc-endpoint-services/"+a, nil).status,
				e.do(http.MethodGet, "vpc-endpoint-services/"+b, nil).status,
				e.do(http.MethodGet, "vpc-endpoint-services", nil).status,
				e.do(http.MethodGet, "vpc-endpoint-services/"+a, nil, "X-Trace", "yes", scenario.ScenarioHeader, "chaos").status,
			}
			assert.Equal(t, tc.want, got)
		})
	}
}

// Rules are tried in order; the first that fires decides.
func TestFirstRuleWins(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	e := newEnv(t, scn)
	require.NoError(t, scn.Add(
		scenario.Rule{Name: "first", Match: scenario.Match{Op: scenario.OpListEndpointService}, Trigger: scenario.FirstN(1), Effect: scenario.Fail("EndPoint.0005")},
		scenario.Rule{Name: "second", Match: scenario.Match{Method: "GET"}, Effect: scenario.Fail("EndPoint.0001")},
	))
	assert.Equal(t, 404, e.do(http.MethodGet, "vpc-endpoint-services", nil).status)
	assert.Equal(t, 500, e.do(http.MethodGet, "vpc-endpoint-services", nil).status)
	assert.Equal(t, []scenario.RuleStats{{Name: "first", Matches: 2, Fired: 1}, {Name: "second", Matches: 1, Fired: 1}}, scn.Stats())
}
