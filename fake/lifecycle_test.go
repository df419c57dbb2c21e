package fake_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// policy is a scenario.Policy test double: it records every Change and
// answers with plan.
type policy struct {
	mu      sync.Mutex
	changes []scenario.Change
	defs    []scenario.Plan
	plan    func(c scenario.Change, def scenario.Plan) scenario.Plan
}

func (p *policy) Plan(c scenario.Change, def scenario.Plan) scenario.Plan {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.changes = append(p.changes, c)
	p.defs = append(p.defs, def)
	return p.plan(c, def)
}

// only returns a policy that applies plan to transition tr and the
// default plan to every other.
func only(tr scenario.Transition, plan scenario.Plan) *policy {
	return &policy{plan: onTransition(tr, func(scenario.Plan) scenario.Plan { return plan })}
}

func status(t *testing.T, srv *fake.Server, id string) (string, string) {
	t.Helper()
	s, r := get(t, srv, id)
	if r.Status == http.StatusNotFound {
		requireError(t, r, api.E0005)
		return "gone", ""
	}
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	return s.Status, s.UpdatedAt
}

func TestServiceLifecycleWithDelays(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock),
		fake.WithDelays(fake.Delays{ServiceCreate: time.Minute, ServiceDelete: 2 * time.Minute}))
	s := create(t, srv, nil)
	assert.Equal(t, "creating", s.Status)
	assert.Equal(t, "2026-11-22T04:00:00Z", s.CreatedAt)

	steps := []struct {
		advance time.Duration
		action  string // "" or "delete"
		status  string
		updated string
	}{
		{0, "", "creating", "2026-11-22T04:00:00Z"},
		{time.Minute - time.Nanosecond, "", "creating", "2026-11-22T04:00:00Z"},
		{time.Nanosecond, "", "available", "2026-11-22T04:01:00Z"},
		{5 * time.Second, "delete", "deleting", "2026-11-22T04:01:05Z"},
		{2*time.Minute - time.Nanosecond, "", "deleting", "2026-11-22T04:01:05Z"},
		{time.Nanosecond, "", "gone", ""},
	}
	for i, st := range steps {
		mock.Add(st.advance)
		if st.action == "delete" {
			require.Equal(t, http.StatusNoContent, as(t, srv, http.MethodDelete, services+"/"+s.ID, "").Status)
		}
		got, updated := status(t, srv, s.ID)
		assert.Equal(t, st.status, got, "step %d", i)
		assert.Equal(t, st.updated, updated, "step %d", i)
	}
}

// A transition completes at its due time, not at the time a request
// notices it.
func TestTransitionTimeIsDueTime(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}))
	s := create(t, srv, nil)
	mock.Add(3 * time.Hour)
	st, updated := status(t, srv, s.ID)
	assert.Equal(t, "available", st)
	assert.Equal(t, "2026-11-22T04:01:00Z", updated)
	s2, _ := get(t, srv, s.ID)
	assert.Equal(t, "2026-11-22T04:00:00Z", s2.CreatedAt)
}

func TestZeroDelays(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithClock(newMock()))
	s := create(t, srv, nil)
	assert.Equal(t, "creating", s.Status, "create answers creating even with zero delay")
	l, _ := list(t, srv, "")
	require.Len(t, l.Services, 1)
	assert.Equal(t, "available", l.Services[0].Status, "the next request sees available")
	st, _ := status(t, srv, s.ID)
	assert.Equal(t, "available", st)
}

func TestPolicyFail(t *testing.T) {
	t.Parallel()
	p := only(scenario.ServiceCreate, scenario.Plan{Delay: time.Minute, Fail: &scenario.Failure{Code: "EndPoint.0001", Message: "boom"}})
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithPolicy(p))
	s := create(t, srv, map[string]any{"service_name": "doomed"})
	_, r := get(t, srv, s.ID)
	assert.NotContains(t, r.JSON(t), "error", "no error[] before failing")
	mock.Add(time.Minute)
	_, r = get(t, srv, s.ID)
	m := r.JSON(t)
	assert.Equal(t, "failed", m["status"])
	assert.Equal(t, []any{map[string]any{"error_code": "EndPoint.0001", "error_message": "boom"}}, m["error"])
	assert.Equal(t, "2026-11-22T04:01:00Z", m["updated_at"])
	l, lr := list(t, srv, "?status=failed")
	require.Equal(t, http.StatusOK, lr.Status)
	require.Len(t, l.Services, 1)
	assert.Equal(t, []api.ErrorEntry{{ErrorCode: "EndPoint.0001", ErrorMessage: "boom"}}, l.Services[0].Error)
	// A failed service cannot be updated, but it can be deleted.
	requireError(t, put(t, srv, s.ID, `{}`), api.E3045)
	require.Equal(t, http.StatusNoContent, as(t, srv, http.MethodDelete, services+"/"+s.ID, "").Status)
	st, _ := status(t, srv, s.ID)
	assert.Equal(t, "gone", st)

	p.mu.Lock()
	defer p.mu.Unlock()
	require.Len(t, p.changes, 2)
	assert.Equal(t, scenario.Change{Transition: scenario.ServiceCreate, ResourceID: s.ID, ProjectID: fake.DefaultProjectID, Name: "doomed"}, p.changes[0])
	assert.Equal(t, scenario.ServiceDelete, p.changes[1].Transition)
	assert.Equal(t, scenario.Plan{}, p.defs[0], "the default plan carries the configured (zero) delay")
}

func TestPolicyFailDelete(t *testing.T) {
	t.Parallel()
	p := only(scenario.ServiceDelete, scenario.Plan{Fail: &scenario.Failure{Code: "EndPoint.0001", Message: "stuck"}})
	srv := fake.NewTest(t, fake.WithPolicy(p))
	s := available(t, srv, nil)
	require.Equal(t, http.StatusNoContent, as(t, srv, http.MethodDelete, services+"/"+s.ID, "").Status)
	g, _ := get(t, srv, s.ID)
	assert.Equal(t, "failed", g.Status)
	assert.Equal(t, []api.ErrorEntry{{ErrorCode: "EndPoint.0001", ErrorMessage: "stuck"}}, g.Error)
}

func TestPolicyDefaultPlanCarriesDelays(t *testing.T) {
	t.Parallel()
	p := &policy{plan: func(_ scenario.Change, def scenario.Plan) scenario.Plan { return def }}
	mock := newMock()
	srv := fake.NewTest(t, fake.WithPolicy(p), fake.WithClock(mock),
		fake.WithDelays(fake.Delays{ServiceCreate: 3 * time.Second, ServiceDelete: 4 * time.Second}))
	s := create(t, srv, nil)
	assert.Same(t, mock, srv.Clock())
	mock.Add(3 * time.Second)
	require.Equal(t, http.StatusNoContent, as(t, srv, http.MethodDelete, services+"/"+s.ID, "").Status)
	p.mu.Lock()
	defer p.mu.Unlock()
	assert.Equal(t, []scenario.Plan{{Delay: 3 * time.Second}, {Delay: 4 * time.Second}}, p.defs)
}

func TestPolicyAfterReads(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithClock(newMock()), fake.WithPolicy(only(scenario.ServiceCreate, scenario.Plan{AfterReads: 2})))
	s := create(t, srv, nil)
	// Lists are not reads by id.
	for range 3 {
		l, _ := list(t, srv, "")
		assert.Equal(t, "creating", l.Services[0].Status)
	}
	for i, want := range []string{"creating", "creating", "available", "available"} {
		st, _ := status(t, srv, s.ID)
		assert.Equal(t, want, st, "GET %d", i+1)
	}
}

func TestPolicyAfterReadsWithDeadline(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock),
		fake.WithPolicy(only(scenario.ServiceCreate, scenario.Plan{AfterReads: 5, Delay: time.Minute})))
	s := create(t, srv, nil)
	st, _ := status(t, srv, s.ID)
	assert.Equal(t, "creating", st)
	mock.Add(time.Minute)
	st, _ = status(t, srv, s.ID)
	assert.Equal(t, "available", st, "the deadline comes before the reads")
}

func TestPolicyHold(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithPolicy(only(scenario.ServiceCreate, scenario.Plan{Hold: true, Delay: time.Second, AfterReads: 1})))
	s := create(t, srv, nil)
	for range 3 {
		mock.Add(10 * time.Hour)
		st, _ := status(t, srv, s.ID)
		assert.Equal(t, "creating", st)
	}
	assert.False(t, srv.Release("77777777-7777-4777-8777-777777777777"), "unknown id")
	assert.True(t, srv.Release(s.ID))
	st, updated := status(t, srv, s.ID)
	assert.Equal(t, "available", st)
	assert.Equal(t, "2026-11-23T10:00:00Z", updated, "released at the clock's now")
	assert.False(t, srv.Release(s.ID), "nothing left to release")
}
