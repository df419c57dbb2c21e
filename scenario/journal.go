package scenario

import (
	"time"
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
	// Hidden lists the ids a list lag left out of this response.
	Hidden []string `json:"hidden,omitempty"`
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

func (q Query) match(e *Entry) bool {
	return (q.Op == "" || q.Op == e.Op) && (q.Method == "" || q.Method == e.Method) &&
		(q.Template == "" || q.Template == e.Template) && (q.Resource == "" || q.Resource == e.Resource) &&
		(q.Status == 0 || q.Status == e.Status) && (q.ErrorCode == "" || q.ErrorCode == e.ErrorCode) &&
		(q.Rule == "" || q.Rule == e.Rule)
}

// Record appends e to the journal, numbering it.
func (s *Scenario) Record(e Entry) {
	s.mu.Lock()
	defer s.mu.Unlock()
	e.Seq = len(s.journal) + 1
	s.journal = append(s.journal, e)
	defer s.countRecorded()
}

// Requests returns the journal entries q selects, oldest first.
func (s *Scenario) Requests(q Query) []Entry {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []Entry
	for i := range s.journal {
		if q.match(&s.journal[i]) {
			out = append(out, s.journal[i])
		}
	}
	return out
}

// Count returns how many journal entries q selects.
func (s *Scenario) Count(q Query) int { return len(s.Requests(q)) }

// ClearJournal forgets every recorded request; numbering starts again.
// Rule counters are kept.
func (s *Scenario) ClearJournal() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.journal = nil
}
