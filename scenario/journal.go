package scenario

import (
	"slices"
	"sync"
	"time"
	"unicode/utf8"
)

// Entry is one request as the journal keeps it.
type Entry struct {
	Seq       int       `json:"seq"`
	Time      time.Time `json:"time"` // clock time of arrival
	RequestID string    `json:"request_id"`
	Op        string    `json:"op"` // "" for an unknown path
	Method    string    `json:"method"`
	Path      string    `json:"path"`
	Template  string    `json:"template"`
	Project   string    `json:"project,omitempty"`
	Resource  string    `json:"resource,omitempty"`
	Status    int       `json:"status"` // 0 when the connection was dropped or the operation did not run
	ErrorCode string    `json:"error_code,omitempty"`
	Rule      string    `json:"rule,omitempty"` // the Outcome.Rule that shaped the answer
	Dropped   bool      `json:"dropped,omitempty"`
	// Canceled: the client gave up (its context ended) before the answer;
	// Status is the answer it did not get, 0 when the operation never ran.
	Canceled bool `json:"canceled,omitempty"`
	// Created is the id of the resource the operation created, even when
	// the client never saw the answer (dropped, canceled).
	Created string `json:"created,omitempty"`
	// Hidden lists the ids a list lag left out of this response (the
	// journal keeps at most MaxHiddenIDs of them).
	Hidden []string `json:"hidden,omitempty"`
}

// The text fields of an entry, in the order a slot keeps them.
const (
	fieldRequestID = iota
	fieldOp
	fieldMethod
	fieldPath
	fieldTemplate
	fieldProject
	fieldResource
	fieldErrorCode
	fieldRule
	fieldCreated
	fields
)

// texts are the text fields of e, in slot order: what Record bounds and
// copies.
func (e *Entry) texts() [fields]*string {
	return [fields]*string{&e.RequestID, &e.Op, &e.Method, &e.Path, &e.Template, &e.Project, &e.Resource,
		&e.ErrorCode, &e.Rule, &e.Created}
}

// Journal limits: how many entries a journal keeps by default, and the
// longest text field an entry keeps.
const (
	DefaultJournalSize = 10000
	// MaxFieldBytes bounds every text field of an entry (path, method,
	// ids, rule name): a longer one keeps its first MaxFieldBytes bytes,
	// cut at a character boundary, followed by TruncatedMarker.
	MaxFieldBytes = 256
	// TruncatedMarker ends a text field that was cut.
	TruncatedMarker = "…"
	// MaxHiddenIDs bounds the ids an entry's Hidden keeps: the first ones.
	MaxHiddenIDs = 100
)

// appendCut appends s to b, bounded to MaxFieldBytes plus the marker.
func appendCut(b []byte, s string) []byte {
	if len(s) <= MaxFieldBytes {
		return append(b, s...)
	}
	n := MaxFieldBytes
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return append(append(b, s[:n]...), TruncatedMarker...)
}

// slot is one kept entry. Its text fields live in buf, field i ending at
// end[i]; the other fields beside. Record copies the text fields into the
// buffer the slot already has, growing it only for a longer entry (at
// most fields × (MaxFieldBytes + marker) bytes), so recording allocates
// nothing once the ring has gone round, and a slot holds nothing of the
// request it came from (net/http slices method, path and ids out of the
// request line). Readers get entries with their own strings.
type slot struct {
	seq, status       int
	time              time.Time
	dropped, canceled bool
	hidden            []string
	buf               []byte
	end               [fields]uint16
}

// store keeps e, numbered seq, in s.
func (s *slot) store(e *Entry, seq int) {
	s.buf = s.buf[:0]
	for i, f := range e.texts() {
		s.buf = appendCut(s.buf, *f)
		s.end[i] = uint16(len(s.buf))
	}
	s.seq, s.status, s.time, s.dropped, s.canceled = seq, e.Status, e.Time, e.Dropped, e.Canceled
	s.hidden = append(s.hidden[:0], e.Hidden[:min(len(e.Hidden), MaxHiddenIDs)]...) // readers get copies
}

// text is text field i of s, in s's buffer.
func (s *slot) text(i int) []byte {
	start := uint16(0)
	if i > 0 {
		start = s.end[i-1]
	}
	return s.buf[start:s.end[i]]
}

// entry returns the entry s keeps, its text fields in one new string.
func (s *slot) entry() Entry {
	e := Entry{Seq: s.seq, Time: s.time, Status: s.status, Dropped: s.dropped, Canceled: s.canceled}
	if len(s.hidden) > 0 {
		e.Hidden = slices.Clone(s.hidden)
	}
	all, at := string(s.buf), 0
	for i, f := range e.texts() {
		*f, at = all[at:s.end[i]], int(s.end[i])
	}
	return e
}

// Query selects journal entries; empty fields match anything.
type Query struct {
	Op        string
	Method    string
	Template  string
	Resource  string
	Status    int
	ErrorCode string
	Rule      string
}

// match says whether q selects the entry s keeps, comparing in place.
func (q *Query) match(s *slot) bool {
	is := func(i int, want string) bool { return want == "" || want == string(s.text(i)) }
	return is(fieldOp, q.Op) && is(fieldMethod, q.Method) && is(fieldTemplate, q.Template) &&
		is(fieldResource, q.Resource) && (q.Status == 0 || q.Status == s.status) &&
		is(fieldErrorCode, q.ErrorCode) && is(fieldRule, q.Rule)
}

// Journal is a bounded ring of the latest requests a server saw: once it
// holds Size entries, each new one drops the oldest, and Dropped counts
// them. Memory stays bounded: Size entries of at most MaxFieldBytes per
// text field. Safe for concurrent use. Create one with NewJournal (a
// Server or Scenario makes its own).
type Journal struct {
	mu   sync.Mutex
	size int
	ring []slot // grows to size, then wraps at next
	next int    // where the next entry goes once the ring is full
	seq  int    // entries recorded since the last Clear
	// total counts every entry ever recorded, for Await; recorded is
	// signalled on each.
	total    int
	recorded *sync.Cond
}

// NewJournal returns an empty journal that keeps the latest size entries;
// size 0 keeps none (every entry is dropped, only counted). It panics on a
// negative size.
func NewJournal(size int) *Journal {
	if size < 0 {
		panic("scenario: negative journal size")
	}
	j := &Journal{size: size}
	j.recorded = sync.NewCond(&j.mu)
	return j
}

// Record appends e, numbering it (Seq counts from 1 after each Clear) and
// bounding its text fields; the oldest entry goes when the journal is
// full. The journal keeps copies of e's text fields, none of e's memory.
func (j *Journal) Record(e Entry) {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.seq++
	j.total++
	defer j.recorded.Broadcast()
	var s *slot
	switch {
	case j.size == 0:
		return
	case len(j.ring) < j.size:
		j.ring = append(j.ring, slot{})
		s = &j.ring[len(j.ring)-1]
	default:
		s = &j.ring[j.next]
		j.next = (j.next + 1) % j.size
	}
	s.store(&e, j.seq)
}

// each calls f on the kept slots, oldest first, until f returns false;
// j.mu is held.
func (j *Journal) each(f func(*slot) bool) {
	for _, part := range [2][]slot{j.ring[j.next:], j.ring[:j.next]} {
		for i := range part {
			if !f(&part[i]) {
				return
			}
		}
	}
}

// Requests returns the kept entries q selects, oldest first.
func (j *Journal) Requests(q Query) []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	var out []Entry
	j.each(func(s *slot) bool {
		if q.match(s) {
			out = append(out, s.entry())
		}
		return true
	})
	return out
}

// Count returns how many kept entries q selects, copying none.
func (j *Journal) Count(q Query) int {
	j.mu.Lock()
	defer j.mu.Unlock()
	n := 0
	j.each(func(s *slot) bool {
		if q.match(s) {
			n++
		}
		return true
	})
	return n
}

// Page returns up to limit kept entries q selects whose Seq is above
// after, oldest first, and whether more follow: a page of a long journal,
// continued with after set to the Seq of its last entry.
func (j *Journal) Page(q Query, after, limit int) (page []Entry, more bool) {
	j.mu.Lock()
	defer j.mu.Unlock()
	page = []Entry{}
	j.each(func(s *slot) bool {
		if s.seq <= after || !q.match(s) {
			return true
		}
		if len(page) == limit {
			more = true
			return false
		}
		page = append(page, s.entry())
		return true
	})
	return page, more
}

// Latest returns the newest n kept entries, newest first.
func (j *Journal) Latest(n int) []Entry {
	j.mu.Lock()
	defer j.mu.Unlock()
	n = min(n, len(j.ring))
	out := make([]Entry, 0, n)
	for i := range n {
		out = append(out, j.ring[(j.next-1-i+2*len(j.ring))%len(j.ring)].entry())
	}
	return out
}

// Await blocks until at least n requests have been recorded since the
// journal was created (Clear does not reset this count, and dropped
// entries count). A client that gave up does not wait for the server to
// finish its request: a test awaits that request's entry this way.
func (j *Journal) Await(n int) {
	j.mu.Lock()
	defer j.mu.Unlock()
	for j.total < n {
		j.recorded.Wait()
	}
}

// JournalStats are a journal's counters.
type JournalStats struct {
	Size     int `json:"size"`     // entries it keeps at most
	Kept     int `json:"kept"`     // entries it holds
	Recorded int `json:"recorded"` // entries recorded since the last Clear: the Seq of the newest
	Dropped  int `json:"dropped"`  // entries dropped to stay within Size since the last Clear
}

// Stats returns the journal's counters.
func (j *Journal) Stats() JournalStats {
	j.mu.Lock()
	defer j.mu.Unlock()
	return JournalStats{Size: j.size, Kept: len(j.ring), Recorded: j.seq, Dropped: j.seq - len(j.ring)}
}

// Resize makes the journal keep the latest size entries from now on,
// dropping the oldest ones it holds beyond that (and their buffers). It
// panics on a negative size.
func (j *Journal) Resize(size int) {
	if size < 0 {
		panic("scenario: negative journal size")
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	drop := max(0, len(j.ring)-size)
	kept := make([]slot, 0, len(j.ring)-drop)
	j.each(func(s *slot) bool {
		if drop > 0 {
			drop--
		} else {
			kept = append(kept, *s)
		}
		return true
	})
	j.ring, j.size, j.next = kept, size, 0
}

// Clear forgets every entry and the counters; numbering starts again.
func (j *Journal) Clear() {
	j.mu.Lock()
	defer j.mu.Unlock()
	j.ring, j.next, j.seq = nil, 0, 0
}

// Journal returns the scenario's journal, created with
// DefaultJournalSize on first use; a server with this scenario records
// into it.
func (s *Scenario) Journal() *Journal {
	s.journalOnce.Do(func() { s.journal = NewJournal(DefaultJournalSize) })
	return s.journal
}

// Record appends e to the journal, numbering it.
func (s *Scenario) Record(e Entry) { s.Journal().Record(e) }

// Requests returns the journal entries q selects, oldest first.
func (s *Scenario) Requests(q Query) []Entry { return s.Journal().Requests(q) }

// Count returns how many journal entries q selects.
func (s *Scenario) Count(q Query) int { return s.Journal().Count(q) }

// AwaitRecorded blocks until at least n requests have been recorded in
// the journal since it was created (Journal.Await).
func (s *Scenario) AwaitRecorded(n int) { s.Journal().Await(n) }

// ClearJournal forgets every recorded request; numbering starts again.
// Rule counters are kept.
func (s *Scenario) ClearJournal() { s.Journal().Clear() }
