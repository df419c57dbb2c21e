package iam

import (
	"sync"
	"time"
)

// maxIssued bounds the tokens kept at once: past it, the oldest is
// forgotten (its holder gets 401 and logs in again).
const maxIssued = 10000

// issued holds the tokens logins issued, in issue order. Expired tokens
// are dropped as new ones come.
type issued struct {
	mu    sync.Mutex
	byTok map[string]grant
	order []string
}

// grant is what an issued token stands for: a project of an account,
// until expires.
type grant struct {
	domain, project string
	expires         time.Time
}

// add keeps tok, dropping expired tokens and, past maxIssued, the oldest.
func (s *issued) add(tok string, g grant, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.byTok == nil {
		s.byTok = map[string]grant{}
	}
	for len(s.order) > 0 {
		old, ok := s.byTok[s.order[0]]
		if ok && now.Before(old.expires) && len(s.byTok) < maxIssued {
			break
		}
		delete(s.byTok, s.order[0])
		s.order = s.order[1:]
	}
	s.byTok[tok] = g
	s.order = append(s.order, tok)
}

// get returns the grant of tok while it has not expired.
func (s *issued) get(tok string, now time.Time) (grant, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	g, ok := s.byTok[tok]
	return g, ok && now.Before(g.expires)
}
