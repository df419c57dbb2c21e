package engine

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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

// TestFoldMatchesFuzzy checks the folded substring search the lists use
// against fuzzy, on random strings over letters with tricky folds (KELVIN
// SIGN, long s, sigma), punctuation and invalid bytes.
func TestFoldMatchesFuzzy(t *testing.T) {
	t.Parallel()
	alphabet := []string{"a", "A", "k", "K", "\u212a", "s", "S", "\u017f", "\u03c3", "\u03a3", "\u03c2", "@", "`", "-", "\xff", "\xe2\x84", "\ufffd", "ä", "Ä"}
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func(n int) string {
		var b strings.Builder
		for range rnd.IntN(n) {
			b.WriteString(alphabet[rnd.IntN(len(alphabet))])
		}
		return b.String()
	}
	for range 20000 {
		name, filter := word(8), word(3)
		require.Equal(t, fuzzy(name, filter), strings.Contains(fold(name), fold(filter)), "name %q filter %q", name, filter)
	}
	assert.Equal(t, "abc-1", fold("ABC-1"))
	name := "com.t-systems.otc.eu-de.abc"
	assert.Equal(t, unsafe.StringData(name), unsafe.StringData(fold(name)), "a lower-case ASCII name is its own fold")
}
