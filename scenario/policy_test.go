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
