package control

import (
	"encoding/json"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// requestsPage is the body of GET /_fake/requests.
type requestsPage struct {
	Requests []scenario.Entry      `json:"requests"`
	Count    int                   `json:"count"`
	Next     int                   `json:"next"`
	Journal  scenario.JournalStats `json:"journal"`
}

// GET /_fake/requests pages the journal and reports what it dropped.
func TestRequestsPaged(t *testing.T) {
	t.Parallel()
	h, f := newHandler(t, Guard{})
	for i := range 14 {
		f.journal.Record(scenario.Entry{Method: "GET", Path: "/" + strconv.Itoa(i+1), Status: 200 + i%2})
	}
	get := func(query string) requestsPage {
		resp := call(h, "GET", "/_fake/requests"+query, "")
		require.Equal(t, http.StatusOK, resp.StatusCode)
		var p requestsPage
		require.NoError(t, json.NewDecoder(resp.Body).Decode(&p))
		return p
	}
	p := get("?limit=4")
	assert.Equal(t, scenario.JournalStats{Size: 10, Kept: 10, Recorded: 14, Dropped: 4}, p.Journal)
	assert.Equal(t, 10, p.Count)
	require.Len(t, p.Requests, 4)
	assert.Equal(t, 5, p.Requests[0].Seq, "the oldest kept entry")
	assert.Equal(t, 8, p.Next)
	p = get("?limit=4&after=12")
	assert.Len(t, p.Requests, 2)
	assert.Zero(t, p.Next, "the last page has no next")
	p = get("?status=201")
	assert.Equal(t, 5, p.Count)
	assert.Len(t, p.Requests, 5)
	assert.Len(t, get("").Requests, 10, "the default page (100) holds the whole small journal")

	for _, q := range []string{"?limit=0", "?limit=1001", "?after=-1", "?status=x", "?limit=1e3"} {
		assert.Equal(t, http.StatusBadRequest, call(h, "GET", "/_fake/requests"+q, "").StatusCode, q)
	}
	assert.Equal(t, http.StatusNoContent, call(h, "DELETE", "/_fake/requests", "", jsonType).StatusCode)
	assert.Zero(t, get("").Journal.Recorded)
}
