package engine

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// TestFuzzy checks the allocation-free name filter against the reading it
// replaces: substring of the lower-cased strings.
func TestFuzzy(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name, filter string
		want         bool
	}{
		{"eu-de.alpha.id", "", true},
		{"eu-de.alpha.id", "ALPHA", true},
		{"eu-de.Alphabet.id", "alphab", true},
		{"eu-de.alpha.id", "alphabet", false},
		{"eu-de.alpha.id", "eu-de.alpha.id", true},
		{"eu-de.alpha.id", "eu-de.alpha.idx", false},
		{"a@b", "`", false}, // '@'|0x20 == '`': punctuation is not a case pair
		{"x[y", "{", false},
		{"DIENSTÄ", "stä", true},
		{"straße", "STRASSE", false}, // simple folding only, as EqualFold
		{"kelvin", "\u212a", true},   // KELVIN SIGN folds to k
		{"", "a", false},
		{"ab", "b", true},
	}
	for _, tc := range cases {
		t.Run(tc.name+"/"+tc.filter, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, fuzzy(tc.name, tc.filter))
			if tc.filter != "\u212a" {
				assert.Equal(t, strings.Contains(strings.ToLower(tc.name), strings.ToLower(tc.filter)), fuzzy(tc.name, tc.filter))
			}
		})
	}
}

// TestFuzzyAllocs is not parallel: testing.AllocsPerRun refuses to run in
// a parallel test.
func TestFuzzyAllocs(t *testing.T) {
	assert.Zero(t, testing.AllocsPerRun(10, func() { fuzzy("eu-de.Alphabet.id", "BET.I") }))
}
