package fake_test

import (
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
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

// onScenario returns a new server's clock and default-tenant client; the
// server runs on a mock clock under scn, with zero default delays.
func onScenario(tb testing.TB, scn *scenario.Scenario, opts ...fake.Option) (*clock.Mock, *client) {
	return onMock(tb, fake.Delays{}, append(opts, fake.WithScenario(scn))...)
}

// endpointStatus is an endpoint's status as its owner reads it (one GET),
// "gone" after it was deleted.
func (c *client) endpointStatus(id string) string {
	c.tb.Helper()
	r := c.send(http.MethodGet, "/vpc-endpoints/"+id, nil)
	if r.Status == http.StatusNotFound {
		return "gone"
	}
	var ep api.Endpoint
	r.want(c.tb, http.StatusOK, &ep)
	return ep.Status
}

// transitionCase starts one endpoint transition: the status the endpoint
// waits in, the status it ends in, and its connection_count then.
type transitionCase struct {
	approval bool
	start    func(c *client, svcID, epID string)
	waiting  string
	target   string
	conns    int
}

var endpointTransitions = map[scenario.Transition]transitionCase{
	scenario.EndpointCreate: {false, func(*client, string, string) {}, "creating", "accepted", 1},
	scenario.EndpointAccept: {true, func(c *client, svc, ep string) {
		assert.Equal(c.tb, "creating", c.action(svc, "receive", ep).Status)
	}, "creating", "accepted", 1},
	scenario.EndpointReject: {true, func(c *client, svc, ep string) {
		assert.Equal(c.tb, "creating", c.action(svc, "reject", ep).Status)
	}, "creating", "rejected", 0},
	scenario.EndpointDelete: {false, func(c *client, _, ep string) {
		c.ok(http.MethodDelete, "/vpc-endpoints/"+ep, nil, 204, nil)
	}, "deleting", "gone", 0},
}

// Every endpoint transition under every kind of plan, through HTTP: the
// statuses GET shows at each step, then connection_count and ip.
func TestEndpointTransitionPlans(t *testing.T) {
	t.Parallel()
	type step struct {
		advance time.Duration
		release bool
		final   bool // the transition has completed
	}
	plans := []struct {
		name  string
		plan  scenario.Plan
		steps []step
	}{
		{"after", scenario.After(5 * time.Minute), []step{{advance: 4 * time.Minute}, {advance: time.Minute, final: true}}},
		{"after reads", scenario.AfterReads(2), []step{{advance: time.Hour}, {}, {final: true}}},
		{"held", scenario.Held(), []step{{advance: 24 * time.Hour}, {}, {release: true, final: true}}},
		{"failing", scenario.After(time.Minute).Failing("EndPoint.0001", "scripted"), []step{{}, {advance: time.Minute, final: true}}},
	}
	for _, tr := range []scenario.Transition{scenario.EndpointCreate, scenario.EndpointAccept, scenario.EndpointReject, scenario.EndpointDelete} {
		tc := endpointTransitions[tr]
		for _, pc := range plans {
			t.Run(string(tr)+"/"+pc.name, func(t *testing.T) {
				t.Parallel()
				scn := scenario.New().Kind(tr, pc.plan)
				mock, a := onScenario(t, scn)
				svc := a.createService(tc.approval)
				ep := a.createEndpoint(endpointBody(svc.ID))
				if tr != scenario.EndpointCreate {
					require.Equal(t, map[bool]string{true: "pendingAcceptance", false: "accepted"}[tc.approval], a.endpointStatus(ep.ID))
				}
				tc.start(a, svc.ID, ep.ID)
				want := tc.target
				if pc.plan.Fail != nil {
					want = "failed"
				}
				for i, st := range pc.steps {
					mock.Add(st.advance)
					if st.release {
						require.True(t, a.srv.Release(ep.ID))
					}
					if !st.final {
						assert.Equal(t, tc.waiting, a.endpointStatus(ep.ID), "step %d", i)
						continue
					}
					require.Equal(t, want, a.endpointStatus(ep.ID), "step %d", i)
				}
				assert.Empty(t, a.srv.Pending())
				if want == "gone" {
					assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
					return
				}
				got := a.getEndpoint(ep.ID)
				if want == "failed" {
					require.Len(t, got.Error, 1)
					assert.Equal(t, "EndPoint.0001", got.Error[0].ErrorCode)
					assert.Equal(t, "scripted", got.Error[0].ErrorMessage)
					assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount, "failed does not count")
					return
				}
				assert.Equal(t, tc.conns, a.getService(svc.ID).ConnectionCount)
				assert.Equal(t, want == "accepted", got.IP != "", "ip %q", got.IP)
			})
		}
	}
}

// Plan.To decides where endpoint creation ends, on services with and
// without approval; connection_count and ip follow the outcome, and the
// owner can still act on it.
func TestEndpointCreateTarget(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name     string
		approval bool
		to       string
		conns    int
	}{
		{"rejected without approval", false, "rejected", 0},
		{"rejected with approval", true, "rejected", 0},
		{"pending without approval", false, "pendingAcceptance", 0},
		{"pending with approval", true, "pendingAcceptance", 0},
		{"accepted without approval", false, "accepted", 1},
		{"accepted with approval", true, "accepted", 1},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mock, a := onScenario(t, scenario.New().Kind(scenario.EndpointCreate, scenario.After(time.Minute).Ending(tc.to)))
			svc := a.createService(tc.approval)
			ep := a.createEndpoint(endpointBody(svc.ID))
			assert.Equal(t, "creating", a.endpointStatus(ep.ID))
			assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount, "creating counts")
			mock.Add(time.Minute)

			got := a.getEndpoint(ep.ID)
			require.Equal(t, tc.to, got.Status)
			assert.Empty(t, got.Error)
			assert.Equal(t, tc.to == "accepted", got.IP != "", "ip only once accepted")
			assert.Equal(t, tc.to == "accepted", len(got.DNSNames) == 1)
			assert.Equal(t, tc.conns, a.getService(svc.ID).ConnectionCount)
			conns := a.connections(svc.ID, "?status="+tc.to)
			require.Len(t, conns.Connections, 1, "the owner sees the outcome")
			assert.Equal(t, ep.ID, conns.Connections[0].ID)

			if tc.to != "accepted" { // the owner changes their mind
				assert.Equal(t, "accepted", a.action(svc.ID, "receive", ep.ID).Status)
				assert.NotEmpty(t, a.getEndpoint(ep.ID).IP)
				assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount)
			}
		})
	}
}

// A target override in the Next layer applies to one creation only; the
// following one gets the normal target.
func TestEndpointCreateTargetNext(t *testing.T) {
	t.Parallel()
	scn := scenario.New().Next(scenario.EndpointCreate, scenario.Immediately().Ending("rejected"))
	scenario.Verify(t, scn)
	_, a := onScenario(t, scn)
	svc := a.createService(false)
	first := a.createEndpoint(endpointBody(svc.ID))
	second := a.createEndpoint(endpointBody(svc.ID))
	assert.Equal(t, "rejected", a.endpointStatus(first.ID))
	assert.Equal(t, "accepted", a.endpointStatus(second.ID))
	assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount)
}

// consumer returns the default tenant's client (the service owner) and
// tenant B's (the consumer), B whitelisted on a new service of A.
func consumer(t *testing.T, scn *scenario.Scenario, approval bool) (*clock.Mock, *client, *client, api.Service) {
	t.Helper()
	mock, a := onScenario(t, scn, fake.WithTenants(tenantB))
	b := newClient(t, a.srv, tenantB)
	svc := a.createService(approval)
	assert.Equal(t, []string{domain(tenantB)}, whitelist(t, permAction(t, a.srv, fake.DefaultTenant, svc.ID, "add", domain(tenantB))))
	return mock, a, b, svc
}

// SlowApproval end to end: tenant B's endpoint on A's approval service is
// pendingAcceptance for d, then accepted without A doing anything; both
// views agree at every step.
func TestSlowApprovalCrossTenant(t *testing.T) {
	t.Parallel()
	const d = 10 * time.Minute
	mock, a, b, svc := consumer(t, scenario.SlowApproval(d), true)
	ep := b.createEndpoint(endpointBody(svc.ID))

	for _, wait := range []time.Duration{0, time.Minute, d - time.Minute - time.Second} {
		mock.Add(wait)
		got := b.getEndpoint(ep.ID)
		require.Equal(t, "pendingAcceptance", got.Status)
		assert.Empty(t, got.IP)
		c := a.connections(svc.ID, "").Connections
		require.Len(t, c, 1)
		assert.Equal(t, "pendingAcceptance", c[0].Status)
		assert.Equal(t, tenantB.DomainID, c[0].DomainID)
		assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
	}
	mock.Add(time.Second)
	got := b.getEndpoint(ep.ID)
	require.Equal(t, "accepted", got.Status)
	assert.NotEmpty(t, got.IP)
	assert.Equal(t, "accepted", a.connections(svc.ID, "").Connections[0].Status)
	assert.Equal(t, 1, a.getService(svc.ID).ConnectionCount)
}

// Under SlowApproval the owner's reject within d wins at once and the
// approval never comes; a service without approval accepts at once.
func TestSlowApprovalOwnerAndNoApproval(t *testing.T) {
	t.Parallel()
	const d = 10 * time.Minute
	mock, a, b, svc := consumer(t, scenario.SlowApproval(d), true)
	ep := b.createEndpoint(endpointBody(svc.ID))
	mock.Add(time.Minute)
	assert.Equal(t, "rejected", a.action(svc.ID, "reject", ep.ID).Status)
	mock.Add(d)
	got := b.getEndpoint(ep.ID)
	assert.Equal(t, "rejected", got.Status)
	assert.Empty(t, got.IP)
	assert.Empty(t, a.srv.Pending())

	open := a.createService(false)
	permAction(t, a.srv, fake.DefaultTenant, open.ID, "add", domain(tenantB))
	ep = b.createEndpoint(endpointBody(open.ID))
	assert.Equal(t, "accepted", b.endpointStatus(ep.ID))
}

// ConnectionRejected end to end: tenant B, whitelisted, creates an
// endpoint; it ends rejected, without an address, and the owner sees the
// refused connection. NotWhitelisted refuses the same create with 2012.
func TestConnectionRejectedCrossTenant(t *testing.T) {
	t.Parallel()
	for _, approval := range []bool{false, true} {
		_, a, b, svc := consumer(t, scenario.ConnectionRejected(), approval)
		ep := b.createEndpoint(endpointBody(svc.ID))
		got := b.getEndpoint(ep.ID)
		require.Equal(t, "rejected", got.Status)
		assert.Empty(t, got.IP)
		assert.Empty(t, got.DNSNames)
		c := a.connections(svc.ID, "?status=rejected").Connections
		require.Len(t, c, 1)
		assert.Equal(t, tenantB.DomainID, c[0].DomainID)
		assert.Equal(t, 0, a.getService(svc.ID).ConnectionCount)
		assert.Equal(t, 1, b.quota("endpoint").Used, "a rejected endpoint still exists")
		b.ok(http.MethodDelete, "/vpc-endpoints/"+ep.ID, nil, 204, nil)
		assert.Equal(t, "gone", b.endpointStatus(ep.ID))
	}

	_, _, b, svc := consumer(t, scenario.NotWhitelisted(), false)
	b.fails(http.MethodPost, "/vpc-endpoints", endpointBody(svc.ID), 400, "EndPoint.2012")
	assert.Equal(t, 0, b.quota("endpoint").Used)
}

// The journal proves a client's endpoint poll loop polite: with a 30 s
// creation polled every 10 s, it read the endpoint at most 4 times.
func TestEndpointPollJournal(t *testing.T) {
	t.Parallel()
	scn := scenario.New().Kind(scenario.EndpointCreate, scenario.After(30*time.Second))
	mock, a := onScenario(t, scn)
	svc := a.createService(false)
	ep := a.createEndpoint(endpointBody(svc.ID))
	for a.getEndpoint(ep.ID).Status != "accepted" {
		mock.Add(10 * time.Second)
	}
	q := scenario.Query{Op: scenario.OpListEndpointInfoDetails, Resource: ep.ID}
	assert.LessOrEqual(t, scn.Count(q), 4, "polled at most 4 times")
	assert.Equal(t, 4, scn.Count(q), "at 0, 10, 20 and 30 s")
	assert.Equal(t, 1, scn.Count(scenario.Query{Op: scenario.OpCreateEndpoint, Status: http.StatusOK}))
}

// A Named plan picks one endpoint by id: its receive is held until
// released while another endpoint's receive completes at once.
func TestEndpointNamedPlan(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	scenario.Verify(t, scn)
	_, a := onScenario(t, scn)
	svc := a.createService(true)
	held, free := a.createEndpoint(endpointBody(svc.ID)), a.createEndpoint(endpointBody(svc.ID))
	scn.Named(scenario.EndpointAccept, held.ID, scenario.Held())
	assert.Equal(t, "creating", a.action(svc.ID, "receive", held.ID).Status)
	assert.Equal(t, "accepted", a.action(svc.ID, "receive", free.ID).Status)
	pending := a.srv.Pending()
	require.Len(t, pending, 1)
	assert.Equal(t, scenario.Change{Transition: scenario.EndpointAccept, ResourceID: held.ID, ProjectID: fake.DefaultProjectID}, pending[0].Change)
	assert.True(t, pending[0].Held)
	require.True(t, a.srv.Release(held.ID))
	assert.Equal(t, "accepted", a.endpointStatus(held.ID))
	assert.Equal(t, 2, a.getService(svc.ID).ConnectionCount)
}
