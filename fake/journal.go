package fake

import "github.com/seed42eb3344/vpcepfake/scenario"

// newJournal returns the journal of a server configured by c: the
// scenario's when there is one, else a fresh one; WithJournalSize sizes
// either. It panics on a negative size, like New for every invalid option.
func newJournal(c config) *scenario.Journal {
	size := scenario.DefaultJournalSize
	if c.journalSize != nil {
		size = *c.journalSize
	}
	if size < 0 {
		panic("fake: WithJournalSize: negative size")
	}
	if c.scenario == nil {
		return scenario.NewJournal(size)
	}
	j := c.scenario.Journal()
	if c.journalSize != nil {
		j.Resize(size)
	}
	return j
}

// WithJournalSize sets how many requests the journal keeps (default
// scenario.DefaultJournalSize, 10,000): once full, each new request drops
// the oldest, and the journal counts what it dropped. 0 keeps none. With
// WithScenario it resizes the scenario's journal.
func WithJournalSize(n int) Option { return func(c *config) { c.journalSize = &n } }

// Journal returns the server's request journal: every request of the
// VPCEP API, the companion APIs and IAM (/v3) it answered, with or without
// a scenario (with one, the scenario's journal). Control (/_fake/) calls
// are not journalled.
func (s *Server) Journal() *scenario.Journal { return s.journal }

// Requests returns the journal entries q selects, oldest first, as
// Scenario.Requests does; it works without a scenario.
func (s *Server) Requests(q scenario.Query) []scenario.Entry { return s.journal.Requests(q) }

// Count returns how many journal entries q selects, as Scenario.Count
// does; it works without a scenario.
func (s *Server) Count(q scenario.Query) int { return s.journal.Count(q) }
