package scenario_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Every request lands in the journal with what routing, authentication,
// the operation and the rules made of it.
func TestJournal(t *testing.T) {
	t.Parallel()
	scn := scenario.New()
	e := newEnv(t, scn)
	require.NoError(t, scn.Add(scenario.Rule{Name: "gone", Match: scenario.Match{Op: scenario.OpListServiceDetails}, Trigger: scenario.Nth(2), Effect: scenario.Fail("EndPoint.0005")}))
	id := e.create("svc")
	e.mock.Add(time.Minute)
	e.get(id)
	e.get(id)
	e.do(http.MethodGet, "no-such-thing", nil)
	e.do(http.MethodGet, "vpc-endpoint-services", nil, "X-Auth-Token", "") // unauthenticated

	all := scn.Requests(scenario.Query{})
	require.Len(t, all, 5)
	svc := "/v1/{project_id}/vpc-endpoint-services"
	want := []scenario.Entry{
		{Seq: 1, Time: time.Unix(0, 0), Op: scenario.OpCreateEndpointService, Method: "POST", Template: svc, Status: 200, Created: id},
		{Seq: 2, Time: time.Unix(60, 0), Op: scenario.OpListServiceDetails, Method: "GET", Template: svc + "/{id}", Resource: id, Status: 200},
		{Seq: 3, Time: time.Unix(60, 0), Op: scenario.OpListServiceDetails, Method: "GET", Template: svc + "/{id}", Resource: id, Status: 404, ErrorCode: "EndPoint.0005", Rule: "gone"},
		{Seq: 4, Time: time.Unix(60, 0), Method: "GET", Status: 404, ErrorCode: "EndPoint.0005"},
		{Seq: 5, Time: time.Unix(60, 0), Op: scenario.OpListEndpointService, Method: "GET", Template: svc, Status: 401, ErrorCode: "EndPoint.0003"},
	}
	for i, w := range want {
		got := all[i]
		assert.NotEmpty(t, got.RequestID)
		assert.NotEmpty(t, got.Path)
		if w.Template != "" {
			assert.Equal(t, fake.DefaultProjectID, got.Project)
		}
		got.RequestID, got.Path, got.Project = "", "", ""
		assert.Equal(t, w, got, "entry %d", i)
	}

	assert.Equal(t, 2, scn.Count(scenario.Query{Op: scenario.OpListServiceDetails}))
	assert.Equal(t, 1, scn.Count(scenario.Query{Op: scenario.OpListServiceDetails, Status: 200}))
	assert.Equal(t, 2, scn.Count(scenario.Query{ErrorCode: "EndPoint.0005"}))
	assert.Equal(t, 1, scn.Count(scenario.Query{Rule: "gone"}))
	assert.Equal(t, 2, scn.Count(scenario.Query{Template: svc + "/{id}", Resource: id}))
	assert.Equal(t, 1, scn.Count(scenario.Query{Method: "POST"}))

	scn.ClearJournal()
	assert.Empty(t, scn.Requests(scenario.Query{}))
	e.get(id)
	assert.Equal(t, 1, scn.Requests(scenario.Query{})[0].Seq)
	assert.Equal(t, 3, scn.Stats()[0].Matches, "clearing keeps the counters")
}

// Two runs with the same seeds give byte-identical journals.
func TestJournalIsDeterministic(t *testing.T) {
	t.Parallel()
	run := func() []byte {
		scn := scenario.New()
		require.NoError(t, scn.Add(
			scenario.Rule{Name: "flaky", Match: scenario.Match{Method: "GET"}, Trigger: scenario.Probability(0.3, 42), Effect: scenario.Fail("EndPoint.0001")},
			scenario.Rule{Name: "throttle", Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Trigger: scenario.Nth(2), Effect: scenario.Throttle(1)},
		))
		e := newEnv(t, scn)
		for i := range 4 {
			r := e.do(http.MethodPost, "vpc-endpoint-services", createBody("s", 100+i))
			var s service
			_ = json.Unmarshal(r.body, &s)
			for range 3 {
				e.mock.Add(7 * time.Second)
				if s.ID != "" {
					e.get(s.ID)
				}
			}
		}
		b, err := json.Marshal(scn.Requests(scenario.Query{}))
		require.NoError(t, err)
		return b
	}
	first := run()
	assert.Equal(t, string(first), string(run()))
	assert.Contains(t, string(first), `"rule":"flaky"`)
	assert.Contains(t, string(first), `"rule":"throttle"`)
}
