package engine

import (
	"cmp"
	"math"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// ListQuery is the paging and ordering of a GET list (docs/vpcep-api.md §1.6, 1.7).
type ListQuery struct {
	Limit     int
	Offset    int
	ByUpdated bool // sort_key updated_at; else created_at
	Asc       bool // sort_dir asc; else desc
}

// defaultLimit is the page size every documented list uses when the client
// sends no limit; gophertelekomcloud relies on it.
const defaultLimit = 10

// ParseListQuery checks limit, offset, sort_key and sort_dir. maxLimit is
// 1000 for most lists and 500 for permissions. Both spellings of the sort
// keys are accepted: created_at/updated_at (OTC docs) and
// create_at/update_at (Huawei SDK enums). An empty value counts as absent,
// as gophertelekomcloud drops empty options but other clients may not.
func ParseListQuery(q api.Page, maxLimit int) (ListQuery, *api.Error) {
	lq := ListQuery{Limit: defaultLimit}
	var err *api.Error
	if v := q.Limit; v != "" {
		if lq.Limit, err = intIn(v, 0, maxLimit, api.E0006); err != nil {
			return lq, err
		}
	}
	if v := q.Offset; v != "" {
		if lq.Offset, err = intIn(v, 0, math.MaxInt, api.E0010); err != nil {
			return lq, err
		}
	}
	switch q.SortKey {
	case "", "created_at", "create_at":
	case "updated_at", "update_at":
		lq.ByUpdated = true
	default:
		return lq, api.E0017
	}
	switch q.SortDir {
	case "", "desc":
	case "asc":
		lq.Asc = true
	default:
		return lq, api.E0018
	}
	return lq, nil
}

// page returns the items that match, ordered and cut as q says, and how
// many matched in all. items are in creation order; a nil match takes them
// all, so an unfiltered page costs O(limit), not O(items). Equal
// timestamps are ordered by creation, so "newest first" holds within one
// second too (the gophertelekomcloud acceptance test reads List()[0] as the
// newest). An offset past the end gives an empty page, not an error (docs/vpcep-api.md
// §1.6).
func page[T any](items []T, rec func(T) *record, match func(T) bool, q ListQuery) ([]T, int) {
	if match != nil {
		var sel []T
		for _, it := range items {
			if match(it) {
				sel = append(sel, it)
			}
		}
		items = sel
	}
	if q.ByUpdated {
		items = slices.Clone(items)
		slices.SortStableFunc(items, func(a, b T) int {
			ra, rb := rec(a), rec(b)
			return cmp.Or(ra.updated.Compare(rb.updated), cmp.Compare(ra.seq, rb.seq))
		})
	}
	total := len(items)
	// Offset+Limit would overflow for an offset near MaxInt.
	from := min(q.Offset, total)
	to := from + min(q.Limit, total-from)
	out := make([]T, 0, to-from)
	for i := from; i < to; i++ {
		if q.Asc {
			out = append(out, items[i])
		} else {
			out = append(out, items[total-1-i])
		}
	}
	return out, total
}

// fuzzy is the documented name filter: a case-insensitive substring match
// (Unicode simple folding, as strings.EqualFold); an empty filter matches
// everything. It allocates nothing: lists call it once per resource.
func fuzzy(name, filter string) bool {
	if filter == "" {
		return true
	}
	for i := range name {
		if hasPrefixFold(name[i:], filter) {
			return true
		}
	}
	return false
}

// fold maps every rune of s to one representative of its simple-folding
// orbit (unicode.SimpleFold) and every invalid byte to U+FFFD, so that
// fuzzy(name, filter) == strings.Contains(fold(name), fold(filter)): lists
// keep each stored name folded and scan with a plain substring search. The
// representative of an orbit with an ASCII letter is the lower-case letter,
// so a lower-case ASCII name is its own fold and costs no memory.
func fold(s string) string {
	i := 0
	for i < len(s) && s[i] < utf8.RuneSelf && !('A' <= s[i] && s[i] <= 'Z') {
		i++
	}
	if i == len(s) {
		return s
	}
	b := make([]byte, i, len(s))
	copy(b, s)
	for _, r := range s[i:] {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// foldRune is the representative of r's simple-folding orbit: its ASCII
// lower-case letter if it has one, else its smallest rune.
func foldRune(r rune) rune {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return r
	}
	m := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		if 'a' <= f && f <= 'z' {
			return f
		}
		m = min(m, f)
	}
	return m
}

// hasPrefixFold reports whether s begins with prefix, ignoring case.
func hasPrefixFold(s, prefix string) bool {
	for _, p := range prefix {
		r, n := utf8.DecodeRuneInString(s)
		if n == 0 || r != p && !sameFold(r, p) {
			return false
		}
		s = s[n:]
	}
	return true
}

// sameFold reports whether a and b are the same letter in another case.
func sameFold(a, b rune) bool {
	if a < utf8.RuneSelf && b < utf8.RuneSelf {
		l := a | 0x20
		return l == b|0x20 && 'a' <= l && l <= 'z'
	}
	for f := unicode.SimpleFold(a); f != a; f = unicode.SimpleFold(f) {
		if f == b {
			return true
		}
	}
	return false
}

// intIn parses v as a decimal integer in [lo, hi]; anything else is code.
func intIn(v string, lo, hi int, code *api.Error) (int, *api.Error) {
	n, err := strconv.Atoi(v)
	if err != nil || n < lo || n > hi {
		return 0, code
	}
	return n, nil
}
