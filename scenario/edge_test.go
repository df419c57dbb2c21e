package scenario_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// post creates a service through c with ctx; it returns the client's error.
func post(ctx context.Context, c *http.Client, srv *fake.Server) error {
	_, err := roundTrip(ctx, c, srv, http.MethodPost, "vpc-endpoint-services", createBody("svc", 80))
	return err
}

// In memory, a client's deadline ends the round trip with the error a
// socket gives, while the scenario holds the request (before the
// operation: nothing created) or its answer (after it: created, answer
// lost); Client.Timeout of 30 s against a 2-minute delay, in virtual time.
func TestDeadlineInMemory(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		effect  scenario.Effect
		applied bool
	}{
		{"before the operation", scenario.Delay(2 * time.Minute), false},
		{"answer delayed", scenario.DelayResponse(2 * time.Minute), true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			synctest.Test(t, func(t *testing.T) {
				scn := scenario.New()
				require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Effect: tc.effect}))
				srv := fake.New(fake.WithClock(clock.New()), fake.WithScenario(scn))
				c := srv.Client()
				c.Timeout = 30 * time.Second
				start := time.Now()
				err := post(context.Background(), c, srv)
				require.ErrorIs(t, err, context.DeadlineExceeded)
				assert.Equal(t, 30*time.Second, time.Since(start), "the client gave up at its deadline, not at the delay's end")
				synctest.Wait() // the server finishes on its own
				j := scn.Requests(scenario.Query{Op: scenario.OpCreateEndpointService})
				require.Len(t, j, 1)
				assert.True(t, j[0].Canceled)
				assert.Equal(t, tc.applied, j[0].Created != "")
			})
		})
	}
}

// Applied, but the answer was lost: the create ran, the client got a
// transport error, and the journal tells which service it made.
func TestLostCreate(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	require.NoError(t, scn.Add(scenario.Rule{Name: "lost", Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Trigger: scenario.Nth(1), Effect: scenario.LoseResponse()}))
	e := newEnv(t, scn)
	_, err := e.send(http.MethodPost, "vpc-endpoint-services", createBody("svc", 80))
	require.Error(t, err)
	lost := scn.Requests(scenario.Query{Rule: "lost"})
	require.Len(t, lost, 1)
	require.NotEmpty(t, lost[0].Created)
	_, status := e.get(lost[0].Created)
	assert.Equal(t, http.StatusOK, status, "the lost create made the service")
}

// listed returns the ids a service list shows.
func (e *env) listed() []string {
	e.t.Helper()
	r := e.do(http.MethodGet, "vpc-endpoint-services", nil)
	var l struct {
		Services []service `json:"endpoint_services"`
		Total    int       `json:"total_count"`
	}
	require.NoError(e.t, json.Unmarshal(r.body, &l))
	ids := []string{}
	for _, s := range l.Services {
		ids = append(ids, s.ID)
	}
	assert.Len(e.t, ids, l.Total, "total_count counts what is shown")
	return ids
}

// A lagging list: GET finds the new service at once, LIST shows it only
// after n reads or once the clock passed the lag; the journal shows what
// each list hid.
func TestListLag(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name    string
		effect  scenario.Effect
		advance time.Duration // clock moved before each list
		hidden  int           // lists that hide it
	}{
		{"reads", scenario.ListLag(2), 0, 2},
		{"duration", scenario.ListLagFor(30 * time.Second), 10 * time.Second, 2},
		{"reads or duration, whichever first", scenario.Effect{LagReads: 5, LagFor: 20 * time.Second}, 10 * time.Second, 1},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			scn := scenario.New()
			require.NoError(t, scn.Add(scenario.Rule{Name: "lag", Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Trigger: scenario.Nth(2), Effect: tc.effect}))
			e := newEnv(t, scn)
			old := e.create("old") // the trigger skips it
			fresh := e.create("fresh")
			_, status := e.get(fresh)
			assert.Equal(t, http.StatusOK, status)
			for range tc.hidden {
				e.mock.Add(tc.advance)
				assert.Equal(t, []string{old}, e.listed())
			}
			e.mock.Add(tc.advance)
			assert.ElementsMatch(t, []string{old, fresh}, e.listed())
			var hid [][]string
			for _, j := range scn.Requests(scenario.Query{Op: scenario.OpListEndpointService}) {
				hid = append(hid, j.Hidden)
			}
			want := make([][]string, tc.hidden, tc.hidden+1)
			for i := range want {
				want[i] = []string{fresh}
			}
			assert.Equal(t, append(want, nil), hid)
		})
	}
}

// A status trigger: creates fail while one service is deleting, and only
// then.
func TestWhileDeleting(t *testing.T) {
	t.Parallel()
	scn := scenario.New().Kind(scenario.ServiceDelete, scenario.Held())
	e := newEnv(t, scn)
	id := e.create("doomed")
	require.NoError(t, scn.Add(scenario.Rule{Name: "busy", Match: scenario.Match{Op: scenario.OpCreateEndpointService},
		Trigger: scenario.While(id, "deleting"), Effect: scenario.Fail("EndPoint.0001")}))
	statuses := func() int { return e.do(http.MethodPost, "vpc-endpoint-services", createBody("x", 9000+e.n)).status }
	e.n++
	assert.Equal(t, http.StatusOK, statuses(), "available: the rule does not fire")
	e.do(http.MethodDelete, "vpc-endpoint-services/"+id, nil)
	e.n++
	assert.Equal(t, http.StatusInternalServerError, statuses(), "deleting: it fires")
	require.True(t, e.srv.Release(id))
	e.n++
	assert.Equal(t, http.StatusOK, statuses(), "gone: it does not")
	assert.Equal(t, []scenario.RuleStats{{Name: "busy", Matches: 3, Fired: 1}}, scn.Stats())
}

// The resource of a status trigger defaults to the request's own.
func TestWhileOwnResource(t *testing.T) {
	t.Parallel()
	scn := scenario.New().Kind(scenario.ServiceCreate, scenario.Held())
	require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpListServiceDetails},
		Trigger: scenario.Trigger{Status: "creating", Nth: 2}, Effect: scenario.Fail("EndPoint.0001")}))
	e := newEnv(t, scn)
	id := e.create("svc")
	var got []int
	for i := range 4 {
		if i == 2 {
			e.srv.Release(id)
		}
		_, status := e.get(id)
		got = append(got, status)
	}
	assert.Equal(t, []int{200, 500, 200, 200}, got, "counts only reads while creating")
}

// A named scenario in JSON holds plans: they apply to the transitions
// that requests carrying its header start, and to no other; Unused names
// the plans never applied, Kind plans included.
func TestNamedScenarioPlans(t *testing.T) {
	t.Parallel()
	scn, err := scenario.Load(strings.NewReader(`{
		"policies": [{"transition": "endpoint.create", "delay": "1m"}],
		"scenarios": {
			"slow": {"policies": [{"transition": "service.create", "hold": true}],
			         "rules": [{"match": {"op": "ListServiceDetails"}, "effect": {"latency": "1s"}}]},
			"unused": {"policies": [{"transition": "service.delete", "next": true}]}
		}}`))
	require.NoError(t, err)
	e := newEnv(t, scn)
	r := e.do(http.MethodPost, "vpc-endpoint-services", createBody("held", 8101), scenario.ScenarioHeader, "slow")
	require.Equal(t, http.StatusOK, r.status, string(r.body))
	var held service
	require.NoError(t, json.Unmarshal(r.body, &held))
	plain := e.create("plain")
	e.mock.Add(time.Hour)
	s, _ := e.get(plain)
	assert.Equal(t, "available", s.Status, "without the header: the default plan")
	s, _ = e.get(held.ID)
	assert.Equal(t, "creating", s.Status, "with it: the named scenario's plan")
	assert.Equal(t, []string{
		`rule "rule 1" never fired: no request that matched it (op ListServiceDetails, scenario slow) reached it`,
		`Kind plan for every endpoint.create never applied: no endpoint.create started`,
		`Next plan of scenario "unused" for service.delete never consumed: 1 queued plan(s) left`,
	}, scn.Unused())
}

// Rules are tried in the order they were added, whatever index bucket
// (operation, path, header, method, none) holds them; header names match
// in any case.
func TestRuleOrderAcrossIndex(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	require.NoError(t, scn.Add(
		scenario.Rule{Name: "slow", Effect: scenario.Delay(time.Second), Trigger: scenario.Nth(99)},
		scenario.Rule{Name: "method", Match: scenario.Match{Method: "GET"}, Trigger: scenario.Nth(1), Effect: scenario.Fail("EndPoint.0001")},
		scenario.Rule{Name: "header", Match: scenario.Match{Header: map[string]string{"x-test": "a"}}, Effect: scenario.Fail("EndPoint.0013")},
		scenario.Rule{Name: "path", Match: scenario.Match{Path: "/v1/{p}/vpc-endpoint-services/{x}"}, Trigger: scenario.Nth(2), Effect: scenario.Fail("EndPoint.0005")},
		scenario.Rule{Name: "op", Match: scenario.Match{Op: scenario.OpListServiceDetails}, Effect: scenario.Throttle(1)},
	))
	e := newEnv(t, scn)
	var got []int
	for _, h := range []string{"b", "b", "a", "b", "b"} {
		got = append(got, e.do(http.MethodGet, "vpc-endpoint-services/x", nil, "X-Test", h).status)
	}
	assert.Equal(t, []int{500, 429, 504, 404, 429}, got)
}

// The new effects and the status trigger round-trip through JSON, their
// durations as Go duration strings; bad values name their field.
func TestEdgeJSON(t *testing.T) {
	t.Parallel()
	in := scenario.Rule{Name: "r", Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Trigger: scenario.While("x", "deleting"),
		Effect: scenario.Effect{ResponseDelay: 2 * time.Minute, LagReads: 3, LagFor: 30 * time.Second}}
	b, err := json.Marshal(in)
	require.NoError(t, err)
	for _, want := range []string{`"response_delay":"2m0s"`, `"lag_for":"30s"`, `"lag_reads":3`, `"status":"deleting"`, `"of":"x"`} {
		assert.Contains(t, string(b), want)
	}
	var out scenario.Rule
	require.NoError(t, json.Unmarshal(b, &out))
	assert.Equal(t, in, out)
	for _, bad := range []struct{ file, msg string }{
		{`{"rules":[{"effect":{"response_delay":"soon"}}]}`, `response_delay "soon" is not a duration`},
		{`{"rules":[{"effect":{"lag_reads":-1}}]}`, "must not be negative"},
		{`{"rules":[{"trigger":{"of":"x"},"effect":{"lag_reads":1}}]}`, "trigger of needs a status"},
		{`{"scenarios":{"s":{"policies":[{"transition":"nope"}]}}}`, `scenarios["s"].policies[0]: unknown transition "nope"`},
		{`{"scenarios":{"s":{"rulez":[]}}}`, `unknown field "rulez"`},
	} {
		_, err := scenario.Load(strings.NewReader(bad.file))
		require.Error(t, err, bad.file)
		assert.Contains(t, err.Error(), bad.msg)
	}
}

// Concurrent creates with and without a named scenario's header: its
// plan applies to exactly the ones that carry it.
func TestNamedScenarioPlansConcurrent(t *testing.T) {
	t.Parallel()
	scn, err := scenario.Load(strings.NewReader(`{"scenarios": {"held": {"policies": [{"transition": "service.create", "hold": true}]}}}`))
	require.NoError(t, err)
	e := newEnv(t, scn)
	const n = 16
	ids := make([]string, n)
	errs := make(chan error, n)
	for i := range n {
		go func() {
			h := []string{}
			if i%2 == 0 {
				h = []string{scenario.ScenarioHeader, "held"}
			}
			r, err := e.send(http.MethodPost, "vpc-endpoint-services", createBody("s", 8200+i), h...)
			if err == nil {
				var s service
				err = json.Unmarshal(r.body, &s)
				ids[i] = s.ID
			}
			errs <- err
		}()
	}
	for range n {
		require.NoError(t, <-errs)
	}
	e.mock.Add(time.Hour)
	for i, id := range ids {
		s, _ := e.get(id)
		want := "available"
		if i%2 == 0 {
			want = "creating"
		}
		assert.Equal(t, want, s.Status, "service %d", i)
	}
}

// A lag counted in reads ends with its resource: a client that never
// lists (terraform reads by id) and deletes what it created leaves no lag
// behind, so churn does not grow the scenario.
func TestListLagEndsWithItsResource(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	require.NoError(t, scn.Add(scenario.Rule{Name: "lag", Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Effect: scenario.ListLag(2)}))
	e := newEnv(t, scn)
	for i := range 3 {
		id := e.create("churn" + strconv.Itoa(i))
		require.True(t, scn.Lagging(), "the new service is hidden from lists")
		e.mock.Add(time.Hour)
		_, status := e.get(id)
		require.Equal(t, http.StatusOK, status)
		r := e.do(http.MethodDelete, "vpc-endpoint-services/"+id, nil)
		require.Equal(t, http.StatusNoContent, r.status, string(r.body))
		assert.False(t, scn.Lagging(), "deleting the service ends its lag")
	}
}
