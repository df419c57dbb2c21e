package fake_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Every server journals, with or without a scenario; WithJournalSize
// bounds it and the journal counts what it dropped.
func TestServerJournal(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithJournalSize(2))
	id := createService(t, srv, portA)
	serviceStatus(t, srv, id)
	serviceStatus(t, srv, id)
	assert.Equal(t, 2, srv.Count(scenario.Query{}))
	got := srv.Requests(scenario.Query{})
	require.Len(t, got, 2)
	assert.Equal(t, 2, got[0].Seq, "the oldest entry was dropped")
	assert.Equal(t, id, got[1].Resource)
	assert.Equal(t, scenario.JournalStats{Size: 2, Kept: 2, Recorded: 3, Dropped: 1}, srv.Journal().Stats())

	a := front(t, srv, "GET", "/_fake/requests", "")
	assert.EqualValues(t, 1, dig(a.body, "journal", "dropped"))

	assert.Equal(t, scenario.DefaultJournalSize, fake.NewTest(t).Journal().Stats().Size)
	scn := scenario.New()
	withScn := fake.NewTest(t, fake.WithScenario(scn), fake.WithJournalSize(5))
	assert.Same(t, scn.Journal(), withScn.Journal(), "with a scenario, the scenario's journal")
	assert.Equal(t, 5, scn.Journal().Stats().Size)
	assert.Panics(t, func() { fake.New(fake.WithJournalSize(-1)) })
}

// Unauthenticated, unroutable requests with huge paths keep a bounded
// entry.
func TestJournalBoundsHostileRequests(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	long := "/v1/" + strings.Repeat("x", 60<<10)
	a := front(t, srv, "GET", long, "")
	assert.Equal(t, 404, a.status)
	e := srv.Requests(scenario.Query{})[0]
	assert.Equal(t, long[:scenario.MaxFieldBytes]+scenario.TruncatedMarker, e.Path)
	assert.Equal(t, "EndPoint.0005", e.ErrorCode)
}

// Looking at the pending list, the state or the dashboard completes
// nothing: a transition that is due stays pending until a VPCEP request.
func TestLookingCompletesNothing(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t)
	id := createService(t, srv, portA)
	mock.Add(time.Minute)
	for range 2 {
		for _, path := range []string{"/_fake/pending", "/_fake/state", "/_fake/"} {
			require.Equal(t, 200, front(t, srv, "GET", path, "").status)
		}
		require.Len(t, srv.Pending(), 1, "still pending")
		snap := srv.Export()
		require.NotNil(t, snap.Services[0].Pending)
		assert.Contains(t, string(snap.Services[0].Service), `"status":"creating"`)
		assert.Zero(t, *snap.Services[0].Pending.DueIn, "due, with no time left")
	}
	_, st := serviceStatus(t, srv, id)
	assert.Equal(t, "available", st, "the next request completes it")
	assert.Empty(t, srv.Pending())
}
