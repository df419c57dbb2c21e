package scenario_test

import (
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// full is an entry with every text field set, each field's text starting
// with its name and tag.
func full(tag string) scenario.Entry {
	return scenario.Entry{RequestID: "id" + tag, Op: "op" + tag, Method: "m" + tag, Path: "/path" + tag,
		Template: "tpl" + tag, Project: "pj" + tag, Resource: "res" + tag, Status: 200, ErrorCode: "ec" + tag,
		Rule: "rule" + tag, Created: "cr" + tag, Hidden: []string{"h" + tag}}
}

// The journal keeps copies: the memory an entry's fields came from can be
// overwritten after Record without changing what any reader sees.
func TestJournalKeepsNoMemoryOfTheEntry(t *testing.T) {
	t.Parallel()
	raw := []byte("GET/v1/p/vpc-endpoint-services/x")
	at := func(i, j int) string { return unsafe.String(&raw[i], j-i) }
	j := scenario.NewJournal(2)
	j.Record(scenario.Entry{Method: at(0, 3), Path: at(3, len(raw)), Project: at(7, 8), Resource: at(len(raw)-1, len(raw))})
	for i := range raw {
		raw[i] = '#'
	}
	want := scenario.Entry{Seq: 1, Method: "GET", Path: "/v1/p/vpc-endpoint-services/x", Project: "p", Resource: "x"}
	assert.Equal(t, []scenario.Entry{want}, j.Requests(scenario.Query{}))
	assert.Equal(t, []scenario.Entry{want}, j.Latest(1))
	page, _ := j.Page(scenario.Query{}, 0, 1)
	assert.Equal(t, []scenario.Entry{want}, page)
	assert.Equal(t, 1, j.Count(scenario.Query{Method: "GET", Resource: "x"}))
	assert.Zero(t, j.Count(scenario.Query{Method: "###"}))
}

// Entries read out own their strings: a later entry reusing the slot does
// not change an entry read before.
func TestJournalReadEntriesSurviveReuse(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(1)
	j.Record(full("A"))
	before := j.Latest(1)[0]
	j.Record(full("B"))
	assert.Equal(t, "/pathA", before.Path)
	assert.Equal(t, "/pathB", j.Latest(1)[0].Path)
}

// Once the ring is full each slot's buffer is reused: a short entry after
// a long one in the same slot keeps exactly its own fields, and a long one
// after a short one grows the buffer.
func TestJournalReusesSlotBuffers(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(2)
	long := full(strings.Repeat("L", 300))
	j.Record(long)
	j.Record(full("1"))
	j.Record(full("2")) // reuses long's slot
	j.Record(long)      // grows 1's slot
	got := j.Requests(scenario.Query{})
	require.Len(t, got, 2)
	want := full("2")
	want.Seq = 3
	assert.Equal(t, want, got[0])
	assert.Equal(t, 4, got[1].Seq)
	cut := func(name string) string {
		return name + strings.Repeat("L", scenario.MaxFieldBytes-len(name)) + scenario.TruncatedMarker
	}
	assert.Equal(t, cut("/path"), got[1].Path)
	assert.Equal(t, cut("m"), got[1].Method)
	assert.Equal(t, cut("cr"), got[1].Created, "the last field too")
	assert.Equal(t, 1, j.Count(scenario.Query{Method: cut("m")}))
}

// TestJournalSteadyStateAllocs is not parallel: testing.AllocsPerRun
// refuses to run in parallel tests. Once the ring is full, recording
// allocates nothing, and Count compares in place.
func TestJournalSteadyStateAllocs(t *testing.T) {
	j := scenario.NewJournal(2)
	e := full(strings.Repeat("x", 100))
	j.Record(e)
	j.Record(e)
	assert.Zero(t, testing.AllocsPerRun(100, func() { j.Record(e) }), "Record reuses the slots")
	q := scenario.Query{Op: e.Op, Method: e.Method, Template: e.Template, Resource: e.Resource, ErrorCode: e.ErrorCode, Rule: e.Rule}
	n := 0
	assert.Zero(t, testing.AllocsPerRun(100, func() { n = j.Count(q) }), "Count compares in place")
	assert.Equal(t, 2, n)
}

// Resize keeps the newest entries with their fields; growing again
// records into new slots.
func TestJournalResizeKeepsFields(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(3)
	for i := range 4 {
		j.Record(full(strconv.Itoa(i)))
	}
	j.Resize(2)
	got := j.Requests(scenario.Query{})
	require.Len(t, got, 2)
	assert.Equal(t, "/path2 rule3", got[0].Path+" "+got[1].Rule)
	j.Resize(3)
	j.Record(full("4"))
	got = j.Requests(scenario.Query{})
	require.Len(t, got, 3)
	assert.Equal(t, "id2 id3 id4", got[0].RequestID+" "+got[1].RequestID+" "+got[2].RequestID)
}

// Records and reads run concurrently; every entry read is whole: all its
// fields come from the same Record.
func TestJournalConcurrentRecordAndRead(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(8)
	consistent := func(e scenario.Entry) {
		tag := strings.TrimPrefix(e.RequestID, "id")
		assert.Equal(t, full(tag).Path, e.Path)
		assert.Equal(t, full(tag).Created, e.Created)
	}
	var wg sync.WaitGroup
	for w := range 2 {
		wg.Go(func() {
			for i := range 300 {
				j.Record(full(strconv.Itoa(w) + "-" + strings.Repeat("z", i%20)))
			}
		})
	}
	wg.Go(func() {
		for range 100 {
			for _, e := range j.Requests(scenario.Query{}) {
				consistent(e)
			}
			for _, e := range j.Latest(3) {
				consistent(e)
			}
			page, _ := j.Page(scenario.Query{}, 0, 4)
			for _, e := range page {
				consistent(e)
			}
			j.Count(scenario.Query{Method: "m0-"})
		}
	})
	wg.Wait()
	assert.Equal(t, 600, j.Stats().Recorded)
}

// Every field of an entry survives the journal: each is set to a value
// that is not its zero, and the entry read back equals it (Seq aside,
// which Record numbers). A field added to Entry but not kept fails here.
func TestJournalKeepsEveryField(t *testing.T) {
	t.Parallel()
	var e scenario.Entry
	v := reflect.ValueOf(&e).Elem()
	for i := range v.NumField() {
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name)
		case reflect.Int:
			f.SetInt(int64(100 + i))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{"a", "b"}))
		case reflect.Struct:
			f.Set(reflect.ValueOf(time.Unix(1234, 5)))
		default:
			t.Fatalf("field %s: kind %s not covered", v.Type().Field(i).Name, f.Kind())
		}
	}
	j := scenario.NewJournal(1)
	j.Record(e)
	e.Seq = 1
	assert.Equal(t, e, j.Latest(1)[0])
}

func TestJournalHiddenIsOwnedAndBounded(t *testing.T) {
	t.Parallel()
	j := scenario.NewJournal(2)
	hidden := make([]string, scenario.MaxHiddenIDs+5)
	for i := range hidden {
		hidden[i] = "id-" + strconv.Itoa(i)
	}
	j.Record(scenario.Entry{Op: "ListEndpointService", Hidden: hidden})
	hidden[0] = "changed by the recorder"

	got := j.Requests(scenario.Query{})[0].Hidden
	require.Len(t, got, scenario.MaxHiddenIDs, "bounded")
	assert.Equal(t, "id-0", got[0], "the journal keeps its own copy")
	got[1] = "changed by a reader"
	assert.Equal(t, "id-1", j.Latest(1)[0].Hidden[1], "a reader gets its own copy")
}
