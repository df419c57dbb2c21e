package engine

import (
	"cmp"
	"math/bits"
	"slices"
)

// seqList is a set of items in creation order (by seq) kept in one slice,
// each with a search key (its folded name): the scan of a name filter reads
// memory in order, about 30 bytes per item, instead of chasing pointers. A
// removed item leaves a hole that the next compaction closes; a Fenwick tree
// over the slots finds the item at a rank, and binary search the slot of a
// seq, in O(log n).
type seqList[T any] struct {
	slots    []slot[T]
	live     []int32 // Fenwick tree of the slots' live counts (1-based)
	n        int     // live items
	unsorted bool    // an add came out of seq order (an import); sort before reading
}

type slot[T any] struct {
	seq  uint64 // with the gone bit set for a hole
	key  string
	item T
}

// gone marks a hole's seq; sequence numbers never reach it.
const gone = 1 << 63

func (l *seqList[T]) len() int { return l.n }

// add appends item with seq and key.
func (l *seqList[T]) add(seq uint64, key string, item T) {
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

// setKey replaces the search key of the item with seq.
func (l *seqList[T]) setKey(seq uint64, key string) {
	if i := l.find(seq); i >= 0 {
		l.slots[i].key = key
	}
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

// rank returns the item at position i (0-based, creation order); i must be
// in [0, len).
func (l *seqList[T]) rank(i int) T {
	l.sort()
	pos, rest := 0, int32(i+1)
	for step := 1 << (bits.Len(uint(len(l.live))) - 1); step > 0; step >>= 1 {
		if next := pos + step; next <= len(l.live) && l.live[next-1] < rest {
			pos = next
			rest -= l.live[next-1]
		}
	}
	return l.slots[pos].item
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
