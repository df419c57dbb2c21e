package scenario_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Each plan, proved on service creation through HTTP: the statuses GET
// shows at each step.
func TestPlans(t *testing.T) {
	t.Parallel()
	type step struct {
		advance time.Duration
		release bool
		want    string
	}
	tests := []struct {
		name  string
		plan  scenario.Plan
		steps []step
	}{
		{"immediately", scenario.Immediately(), []step{{want: "available"}}},
		{"after duration", scenario.After(5 * time.Minute), []step{
			{advance: 4 * time.Minute, want: "creating"}, {advance: time.Minute, want: "available"}}},
		{"after reads", scenario.AfterReads(2), []step{
			{advance: time.Hour, want: "creating"}, {want: "creating"}, {want: "available"}}},
		{"held", scenario.Held(), []step{
			{advance: 24 * time.Hour, want: "creating"}, {want: "creating"}, {release: true, want: "available"}}},
		{"failing", scenario.Immediately().Failing("EndPoint.0001", "backend on fire"), []step{{want: "failed"}}},
		{"failing after reads", scenario.AfterReads(1).Failing("EndPoint.0001", "x"), []step{
			{want: "creating"}, {want: "failed"}}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			// Realistic defaults prove the plan replaces them.
			e := newEnv(t, scenario.New().Kind(scenario.ServiceCreate, tc.plan), fake.WithDelays(fake.RealisticDelays))
			id := e.create("svc")
			for i, st := range tc.steps {
				e.mock.Add(st.advance)
				if st.release {
					require.True(t, e.srv.Release(id))
				}
				got, code := e.get(id)
				require.Equal(t, http.StatusOK, code)
				assert.Equal(t, st.want, got.Status, "step %d", i)
				if st.want == "failed" {
					require.Len(t, got.Error, 1)
					assert.Equal(t, tc.plan.Fail.Code, got.Error[0].Code)
					assert.Equal(t, tc.plan.Fail.Message, got.Error[0].Message)
				}
			}
		})
	}
}

// default < kind < named < next, and next is used once, in order.
func TestPlanLayers(t *testing.T) {
	t.Parallel()
	scn := scenario.New().
		Kind(scenario.ServiceCreate, scenario.After(time.Hour)).
		Named(scenario.ServiceCreate, "special", scenario.Immediately()).
		Next(scenario.ServiceCreate, scenario.Held())
	e := newEnv(t, scn, fake.WithDelays(fake.RealisticDelays))
	held := e.create("special") // next wins over named
	special := e.create("special")
	plain := e.create("plain")
	e.mock.Add(time.Minute) // past the default delay
	want := map[string]string{held: "creating", special: "available", plain: "creating"}
	for id, status := range want {
		got, _ := e.get(id)
		assert.Equal(t, status, got.Status, id)
	}
	e.mock.Add(time.Hour)
	got, _ := e.get(plain)
	assert.Equal(t, "available", got.Status)
	got, _ = e.get(held)
	assert.Equal(t, "creating", got.Status)
	require.Len(t, e.srv.Pending(), 1)
	assert.True(t, e.srv.Pending()[0].Held)
	assert.Empty(t, scn.Unused())
}

// A named plan also finds its resource by id (deletion of a known service),
// and the other transitions keep the fake's defaults.
func TestPlanNamedByID(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	e := newEnv(t, scn)
	keep, doomed := e.create("keep"), e.create("doomed")
	scn.Named(scenario.ServiceDelete, doomed, scenario.Immediately().Failing("EndPoint.0001", "stuck"))
	for _, id := range []string{keep, doomed} {
		r := e.do(http.MethodDelete, "vpc-endpoint-services/"+id, nil)
		require.Equal(t, http.StatusNoContent, r.status, string(r.body))
	}
	_, code := e.get(keep)
	assert.Equal(t, http.StatusNotFound, code)
	got, code := e.get(doomed)
	require.Equal(t, http.StatusOK, code)
	assert.Equal(t, "failed", got.Status)
}

// Go plans get the file's checks: an invalid plan panics where it is set,
// naming the problem; a valid target is accepted in every layer.
func TestPlanTargetValidation(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		tr   scenario.Transition
		plan scenario.Plan
		want string // "" valid
	}{
		{"rejected", scenario.EndpointCreate, scenario.Immediately().Ending("rejected"), ""},
		{"pending", scenario.EndpointCreate, scenario.After(time.Minute).Ending("pendingAcceptance"), ""},
		{"accepted", scenario.EndpointCreate, scenario.Held().Ending("accepted"), ""},
		{"other transition", scenario.EndpointAccept, scenario.Immediately().Ending("rejected"), `only endpoint.create`},
		{"service create", scenario.ServiceCreate, scenario.Immediately().Ending("accepted"), `only endpoint.create`},
		{"unknown status", scenario.EndpointCreate, scenario.Immediately().Ending("available"), `to "available" is not one of`},
		{"with failure", scenario.EndpointCreate, scenario.Immediately().Ending("accepted").Failing("EndPoint.0001", "x"), "fail or to"},
		{"negative reads", scenario.ServiceCreate, scenario.AfterReads(-1), "after_reads"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			for _, set := range []func(*scenario.Scenario){
				func(s *scenario.Scenario) { s.Kind(tc.tr, tc.plan) },
				func(s *scenario.Scenario) { s.Named(tc.tr, "x", tc.plan) },
				func(s *scenario.Scenario) { s.Next(tc.tr, tc.plan) },
			} {
				scn := scenario.New()
				got := panicText(func() { set(scn) })
				if tc.want == "" {
					assert.Empty(t, got)
					continue
				}
				assert.True(t, strings.HasPrefix(got, "scenario: plan for "+string(tc.tr)+": "), got)
				assert.Contains(t, got, tc.want)
				def := scenario.After(42 * time.Hour)
				assert.Equal(t, def, scn.Plan(scenario.Change{Transition: tc.tr, ResourceID: "x"}, def), "nothing set")
			}
		})
	}
}

// panicText runs f and returns what it panicked with ("" if it did not).
func panicText(f func()) (msg string) {
	defer func() {
		if r := recover(); r != nil {
			msg = fmt.Sprint(r)
		}
	}()
	f()
	return ""
}
