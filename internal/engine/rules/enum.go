package rules

import "strings"

// Enum is a documented enumeration: its canonical spellings keyed by their
// lower-case form.
type Enum map[string]string

// enumOf returns the enumeration of values.
func enumOf(values ...string) Enum {
	m := make(Enum, len(values))
	for _, v := range values {
		m[strings.ToLower(v)] = v
	}
	return m
}

// Canonical returns the canonical spelling of v, matched in any case, and
// whether v is a member.
func (e Enum) Canonical(v string) (string, bool) {
	c, ok := e[strings.ToLower(v)]
	return c, ok
}
