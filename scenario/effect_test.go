package scenario_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Error effects answer the documented envelope without running the
// operation.
func TestErrorEffects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name       string
		effect     scenario.Effect
		status     int
		code, msg  string
		retryAfter string
	}{
		{"catalog error", scenario.Fail("EndPoint.0005"), 404, "EndPoint.0005", "The requested resource does not exist.", ""},
		{"status and message override", scenario.Effect{Code: "EndPoint.0001", Status: 503, Message: "maintenance"}, 503, "EndPoint.0001", "maintenance", ""},
		{"gateway timeout", scenario.Fail("EndPoint.0013"), 504, "EndPoint.0013", "The request timed out.", ""},
		{"throttle", scenario.Throttle(30), 429, "EndPoint.0022", "The number of requests exceeded the limit. Please try later.", "30"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			e := newEnv(t, scn)
			require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Trigger: scenario.FirstN(1), Effect: tc.effect}))
			r := e.do(http.MethodPost, "vpc-endpoint-services", createBody("x", 80))
			assert.Equal(t, tc.status, r.status)
			var body map[string]string
			require.NoError(t, json.Unmarshal(r.body, &body))
			assert.Equal(t, map[string]string{"error_code": tc.code, "error_msg": tc.msg}, body)
			assert.Equal(t, tc.retryAfter, r.header.Get("Retry-After"))
			assert.NotEmpty(t, r.header.Get("X-Request-Id"))
			assert.Equal(t, 0, count(t, e), "the faulted create changed nothing")
			e.create("y") // the rule fired once
			assert.Equal(t, 1, count(t, e))
		})
	}
}

// count lists the services of the default project.
func count(t *testing.T, e *env) int {
	t.Helper()
	r := e.do(http.MethodGet, "vpc-endpoint-services", nil)
	require.Equal(t, http.StatusOK, r.status, string(r.body))
	var l struct {
		Total int `json:"total_count"`
	}
	require.NoError(t, json.Unmarshal(r.body, &l))
	return l.Total
}

// Latency blocks the request until the mock clock has moved past it; a
// latency-only rule lets the next rule decide.
func TestLatency(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	e := newEnv(t, scn)
	require.NoError(t, scn.Add(
		scenario.Rule{Name: "slow", Match: scenario.Match{Method: "GET"}, Effect: scenario.Delay(10 * time.Second)},
		scenario.Rule{Name: "broken", Match: scenario.Match{Method: "GET"}, Trigger: scenario.Nth(2), Effect: scenario.Fail("EndPoint.0001")},
	))
	for _, want := range []int{200, 500} {
		done := make(chan int)
		go func() { done <- e.do(http.MethodGet, "vpc-endpoint-services", nil).status }()
		scn.AwaitBlocked(1)
		e.mock.Add(9 * time.Second)
		select {
		case <-done:
			t.Fatal("answered before the latency passed")
		default:
		}
		e.mock.Add(time.Second)
		assert.Equal(t, want, <-done)
	}
	rules := []string{}
	for _, j := range scn.Requests(scenario.Query{Method: "GET"}) {
		rules = append(rules, j.Rule)
	}
	assert.Equal(t, []string{"slow", "slow+broken"}, rules)
}

// A dropped connection is a transport error; before, nothing changes;
// after, the operation has run.
func TestDrop(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		when string
		left int
	}{{scenario.DropBefore, 0}, {scenario.DropAfter, 1}} {
		t.Run(tc.when, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			e := newEnv(t, scn)
			require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Effect: scenario.Drop(tc.when)}))
			_, err := e.send(http.MethodPost, "vpc-endpoint-services", createBody("x", 80))
			require.Error(t, err)
			assert.Contains(t, err.Error(), "connection dropped")
			assert.Equal(t, tc.left, count(t, e))
			j := scn.Requests(scenario.Query{Op: scenario.OpCreateEndpointService})
			require.Len(t, j, 1)
			assert.True(t, j[0].Dropped)
			assert.Equal(t, 0, j[0].Status)
		})
	}
}

// Over a socket the connection is closed without a response.
func TestDropOverSocket(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpListEndpointService}, Effect: scenario.Drop(scenario.DropBefore)}))
	srv := fake.NewServer(fake.WithScenario(scn))
	t.Cleanup(srv.Close)
	_, err := roundTrip(context.Background(), http.DefaultClient, srv, http.MethodGet, "vpc-endpoint-services", nil)
	require.Error(t, err)
}

// Body effects let the operation run and spoil what the client reads.
func TestBodyEffects(t *testing.T) {
	t.Parallel()
	for _, body := range []string{scenario.BodyTruncated, scenario.BodyMalformed} {
		t.Run(body, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			e := newEnv(t, scn)
			require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Effect: scenario.Corrupt(body)}))
			r := e.do(http.MethodPost, "vpc-endpoint-services", createBody("x", 80))
			assert.Equal(t, http.StatusOK, r.status)
			var v map[string]any
			require.Error(t, json.Unmarshal(r.body, &v))
			assert.Equal(t, 1, count(t, e), "the operation ran")
			assert.NotEmpty(t, r.body)
		})
	}
}
