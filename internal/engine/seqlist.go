package engine

import (
	"cmp"
	"math/bits"
	"slices"
	"strings"
)

// seqList is a set of items in creation order (by seq) kept in one slice,
// each with a search key (its folded name) stored in creation order in
// chunks: the scan of a name filter reads memory in order instead of
// chasing pointers. A removed item leaves a hole that the next compaction
// closes; a Fenwick tree over the slots finds the item at a rank, and
// binary search the slot of a seq, in O(log n).
type seqList[T any] struct {
	slots    []slot[T]
	live     []int32 // Fenwick tree of the slots' live counts (1-based)
	n        int     // live items
	unsorted bool    // an add came out of seq order (an import); sort before reading
	keys     keyArena
}

// keyArena stores strings back to back in chunks that are never moved or
// changed, so the strings it returns stay valid and a scan over keys stored
// one after the other reads memory in order. A chunk lives while any of its
// strings does.
type keyArena struct {
	cur strings.Builder
}

// keyChunk is the size of a chunk: about 250 service names.
const keyChunk = 16 << 10

// put returns a copy of s stored in the arena.
func (a *keyArena) put(s string) string {
	if s == "" {
		return ""
	}
	if a.cur.Cap()-a.cur.Len() < len(s) {
		a.cur = strings.Builder{}
		a.cur.Grow(max(keyChunk, len(s)))
	}
	start := a.cur.Len()
	a.cur.WriteString(s)
	return a.cur.String()[start:]
}

type slot[T any] struct {
	seq  uint64 // with the gone bit set for a hole
	key  string
	item T
}

// gone marks a hole's seq; sequence numbers never reach it.
const gone = 1 << 63

func (l *seqList[T]) len() int { return l.n }

// add appends item with seq and key and returns the key as stored, which
// the caller may share.
func (l *seqList[T]) add(seq uint64, key string, item T) string {
	key = l.keys.put(key)
	if k := len(l.slots); k > 0 && l.slots[k-1].seq&^gone > seq {
		l.unsorted = true
	}
	l.slots = append(l.slots, slot[T]{seq: seq, key: key, item: item})
	l.n++
	// Fenwick append: node i covers (i-lowbit(i), i].
	i := len(l.slots)
	v := int32(1)
	for j, low := i-1, i-(i&-i); j > low; j -= j & -j {
		v += l.live[j-1]
	}
	l.live = append(l.live, v)
	return key
}

// find returns the slot index of seq, or -1.
func (l *seqList[T]) find(seq uint64) int {
	l.sort()
	i, ok := slices.BinarySearchFunc(l.slots, seq, func(s slot[T], seq uint64) int { return cmp.Compare(s.seq&^gone, seq) })
	if !ok || l.slots[i].seq&gone != 0 {
		return -1
	}
	return i
}

// remove drops the item with seq.
func (l *seqList[T]) remove(seq uint64) {
	i := l.find(seq)
	if i < 0 {
		return
	}
	l.slots[i] = slot[T]{seq: seq | gone}
	l.n--
	for j := i + 1; j <= len(l.live); j += j & -j {
		l.live[j-1]--
	}
	if holes := len(l.slots) - l.n; holes > 64 && holes > l.n {
		l.compact()
	}
}

// setKey replaces the search key of the item with seq and returns it as
// stored.
func (l *seqList[T]) setKey(seq uint64, key string) string {
	if i := l.find(seq); i >= 0 {
		l.slots[i].key = l.keys.put(key)
		return l.slots[i].key
	}
	return key
}

// sort restores seq order after out-of-order adds.
func (l *seqList[T]) sort() {
	if l.unsorted {
		slices.SortFunc(l.slots, func(a, b slot[T]) int { return cmp.Compare(a.seq, b.seq) })
		l.unsorted = false
		l.compact()
	}
}

// compact drops the holes and rebuilds the Fenwick tree.
func (l *seqList[T]) compact() {
	kept := l.slots[:0]
	for _, s := range l.slots {
		if s.seq&gone == 0 {
			kept = append(kept, s)
		}
	}
	clear(l.slots[len(kept):])
	l.slots = kept
	l.live = l.live[:len(kept)]
	for i := range l.live {
		l.live[i] = int32((i + 1) & -(i + 1)) // every slot live: node i+1 covers lowbit(i+1) slots
	}
}

// slotOf returns the slot index of the item at rank i, by binary lifting
// on the Fenwick tree.
func (l *seqList[T]) slotOf(i int) int {
	l.sort()
	pos, rest := 0, int32(i+1)
	for step := 1 << (bits.Len(uint(len(l.live))) - 1); step > 0; step >>= 1 {
		if next := pos + step; next <= len(l.live) && l.live[next-1] < rest {
			pos = next
			rest -= l.live[next-1]
		}
	}
	return pos
}

// appendRange appends the items at ranks [lo, hi) in creation order.
func (l *seqList[T]) appendRange(out []T, lo, hi int) []T {
	if lo >= hi {
		return out
	}
	for pos, n := l.slotOf(lo), hi-lo; n > 0; pos++ {
		if s := l.slots[pos]; s.seq&gone == 0 {
			out = append(out, s.item)
			n--
		}
	}
	return out
}

// each calls fn with every item and its key in creation order.
func (l *seqList[T]) each(fn func(key string, item T)) {
	l.sort()
	for _, s := range l.slots {
		if s.seq&gone == 0 {
			fn(s.key, s.item)
		}
	}
}
