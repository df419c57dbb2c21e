package scenario_test

import (
	"strconv"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// record adds n entries numbered by their path ("/1", "/2", …) from
// first.
func record(j *scenario.Journal, first, n int) {
	for i := range n {
		method := "GET"
		if (first+i)%2 == 0 {
			method = "POST"
		}
		j.Record(scenario.Entry{Method: method, Path: "/" + strconv.Itoa(first+i)})
	}
}

func paths(es []scenario.Entry) string {
	var b []string
	for _, e := range es {
		b = append(b, strconv.Itoa(e.Seq)+e.Path)
	}
	return strings.Join(b, " ")
}

// The journal keeps the latest Size entries, counts the dropped ones and
// numbers every entry; pages, latest entries and counts read what it kept.
func TestJournalRing(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(3)
	record(j, 1, 5)
	assert.Equal(t, "3/3 4/4 5/5", paths(j.Requests(scenario.Query{})), "oldest first, the first two dropped")
	assert.Equal(t, scenario.JournalStats{Size: 3, Kept: 3, Recorded: 5, Dropped: 2}, j.Stats())
	assert.Equal(t, "5/5 4/4", paths(j.Latest(2)), "newest first")
	assert.Equal(t, "5/5 4/4 3/3", paths(j.Latest(10)))
	assert.Equal(t, 2, j.Count(scenario.Query{Method: "GET"}))

	page, more := j.Page(scenario.Query{}, 0, 2)
	assert.Equal(t, "3/3 4/4", paths(page))
	assert.True(t, more)
	page, more = j.Page(scenario.Query{}, 4, 2)
	assert.Equal(t, "5/5", paths(page))
	assert.False(t, more)
	page, _ = j.Page(scenario.Query{Method: "POST"}, 0, 10)
	assert.Equal(t, "4/4", paths(page))

	j.Resize(2)
	assert.Equal(t, "4/4 5/5", paths(j.Requests(scenario.Query{})))
	assert.Equal(t, 3, j.Stats().Dropped)
	j.Resize(4)
	record(j, 6, 3)
	assert.Equal(t, "5/5 6/6 7/7 8/8", paths(j.Requests(scenario.Query{})))

	j.Clear()
	assert.Equal(t, scenario.JournalStats{Size: 4}, j.Stats())
	record(j, 1, 1)
	assert.Equal(t, "1/1", paths(j.Latest(5)), "numbering starts again")
}

func TestJournalSizeZeroKeepsNothing(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(0)
	record(j, 1, 3)
	assert.Empty(t, j.Requests(scenario.Query{}))
	assert.Empty(t, j.Latest(3))
	assert.Equal(t, scenario.JournalStats{Recorded: 3, Dropped: 3}, j.Stats())
	assert.Panics(t, func() { scenario.NewJournal(-1) })
	assert.Panics(t, func() { j.Resize(-1) })
}

// Long fields keep their first MaxFieldBytes bytes, cut at a character
// boundary, and the marker; the entry holds no memory of the request.
func TestJournalCutsLongFields(t *testing.T) {
	t.Parallel()
	line := "GET " + strings.Repeat("é", 30000) + " HTTP/1.1" // a 60 KB request line
	j := scenario.NewJournal(1)
	j.Record(scenario.Entry{Method: line[:3], Path: line[4 : len(line)-9], Rule: strings.Repeat("r", 300), Op: "op"})
	e := j.Latest(1)[0]
	assert.Equal(t, strings.Repeat("é", scenario.MaxFieldBytes/2)+scenario.TruncatedMarker, e.Path)
	assert.Equal(t, strings.Repeat("r", scenario.MaxFieldBytes)+scenario.TruncatedMarker, e.Rule)
	assert.Equal(t, "GET", e.Method)
	assert.Equal(t, "op", e.Op)
	start := uintptr(unsafe.Pointer(unsafe.StringData(line)))
	for _, s := range []string{e.Method, e.Path} {
		p := uintptr(unsafe.Pointer(unsafe.StringData(s)))
		require.False(t, p >= start && p < start+uintptr(len(line)), "%q points into the request line", s[:3])
	}
}
