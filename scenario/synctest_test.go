package scenario_test

import (
	"context"
	"encoding/json"
	"net/http"
	"testing"
	"testing/synctest"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// createWith creates a service on srv through its in-memory client and
// returns its id ("" on failure).
func createWith(srv *fake.Server) string {
	r, err := roundTrip(context.Background(), srv.Client(), srv, http.MethodPost, "vpc-endpoint-services", createBody("svc", 80))
	if err != nil {
		return ""
	}
	var s service
	_ = json.Unmarshal(r.body, &s)
	return s.ID
}

// A real polling loop with time.Sleep against realistic 30-second delays
// finishes in virtual time, with a scenario slowing every GET by 2 s of the
// same virtual clock.
func TestVirtualTimeClient(t *testing.T) {
	t.Parallel()
	wall := time.Now()
	synctest.Test(t, func(t *testing.T) {
		scn := scenario.New()
		require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpListServiceDetails}, Effect: scenario.Delay(2 * time.Second)}))
		srv := fake.New(fake.WithClock(clock.New()), fake.WithDelays(fake.RealisticDelays), fake.WithScenario(scn))
		id := createWith(srv)
		require.NotEmpty(t, id)
		start := time.Now()
		polls, err := waitAvailable(srv.Client(), srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services/"+id, fake.DefaultToken)
		require.NoError(t, err)
		// Each round is 2 s latency + 5 s sleep; the 4th GET arrives at
		// 21 s and answers at 23 s, still creating; the 5th arrives at 28 s
		// and answers at 30 s, when the 30-second creation is done.
		assert.Equal(t, 5, polls)
		assert.Equal(t, 30*time.Second, time.Since(start))
		assert.Equal(t, 5, scn.Count(scenario.Query{Op: scenario.OpListServiceDetails}))
	})
	assert.Less(t, time.Since(wall), 5*time.Second, "virtual, not wall-clock time")
}
