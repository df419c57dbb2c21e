package engine

// ordered is a set of items ordered by a key (at, seq), seq unique in the
// set, with their ranks: insert and remove cost O(log n) and the items at
// ranks [lo, hi) O(log n + hi - lo), however many items are stored. It is
// a treap whose priorities hash seq, so its shape, like everything in the
// engine, is reproducible.
type ordered[T any] struct {
	root *node[T]
}

type node[T any] struct {
	at   int64
	seq  uint64
	item T
	l, r *node[T]
	size uint32
	prio uint32
}

// less orders nodes by (at, seq).
func less(at int64, seq uint64, n2at int64, n2seq uint64) bool {
	return at < n2at || at == n2at && seq < n2seq
}

func (n *node[T]) len() int {
	if n == nil {
		return 0
	}
	return int(n.size)
}

func (n *node[T]) fix() { n.size = uint32(1 + n.l.len() + n.r.len()) }

// priority hashes seq (splitmix64's finaliser).
func priority(seq uint64) uint32 {
	z := seq + 0x9e3779b97f4a7c15
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return uint32(z ^ z>>31)
}

// len returns the number of items.
func (o *ordered[T]) len() int { return o.root.len() }

// insert adds item under key (at, seq); the key must not be in the set.
func (o *ordered[T]) insert(at int64, seq uint64, item T) { o.put(&node[T]{item: item}, at, seq) }

// put inserts n, a node of item taken from a set, under key (at, seq).
func (o *ordered[T]) put(n *node[T], at int64, seq uint64) {
	*n = node[T]{at: at, seq: seq, item: n.item, size: 1, prio: priority(seq)}
	o.root = insertNode(o.root, n)
}

func insertNode[T any](t, n *node[T]) *node[T] {
	if t == nil {
		return n
	}
	if n.prio > t.prio {
		n.l, n.r = split(t, n.at, n.seq)
		n.fix()
		return n
	}
	if less(n.at, n.seq, t.at, t.seq) {
		t.l = insertNode(t.l, n)
	} else {
		t.r = insertNode(t.r, n)
	}
	t.fix()
	return t
}

// split cuts t into the keys below (at, seq) and the others.
func split[T any](t *node[T], at int64, seq uint64) (*node[T], *node[T]) {
	if t == nil {
		return nil, nil
	}
	if less(t.at, t.seq, at, seq) {
		l, r := split(t.r, at, seq)
		t.r = l
		t.fix()
		return t, r
	}
	l, r := split(t.l, at, seq)
	t.l = r
	t.fix()
	return l, t
}

// merge joins l and r, every key of l below every key of r.
func merge[T any](l, r *node[T]) *node[T] {
	switch {
	case l == nil:
		return r
	case r == nil:
		return l
	case l.prio > r.prio:
		l.r = merge(l.r, r)
		l.fix()
		return l
	}
	r.l = merge(l, r.l)
	r.fix()
	return r
}

// remove drops the item under key (at, seq) and reports whether it was
// there.
func (o *ordered[T]) remove(at int64, seq uint64) bool { return o.take(at, seq) != nil }

// take removes the node under key (at, seq) and returns it for put; nil
// when the key is not in the set.
func (o *ordered[T]) take(at int64, seq uint64) *node[T] {
	var n *node[T]
	o.root, n = removeNode(o.root, at, seq)
	return n
}

func removeNode[T any](t *node[T], at int64, seq uint64) (*node[T], *node[T]) {
	if t == nil {
		return nil, nil
	}
	var gone *node[T]
	switch {
	case t.at == at && t.seq == seq:
		return merge(t.l, t.r), t
	case less(at, seq, t.at, t.seq):
		t.l, gone = removeNode(t.l, at, seq)
	default:
		t.r, gone = removeNode(t.r, at, seq)
	}
	if gone != nil {
		t.size--
	}
	return t, gone
}

// appendRange appends the items at ranks [lo, hi) in ascending order:
// O(log n + hi - lo).
func (o *ordered[T]) appendRange(out []T, lo, hi int) []T { return appendRange(o.root, out, lo, hi) }

func appendRange[T any](t *node[T], out []T, lo, hi int) []T {
	if t == nil || lo >= hi {
		return out
	}
	l := t.l.len()
	if lo < l {
		out = appendRange(t.l, out, lo, min(hi, l))
	}
	if lo <= l && l < hi {
		out = append(out, t.item)
	}
	if hi > l+1 {
		out = appendRange(t.r, out, max(lo-l-1, 0), hi-l-1)
	}
	return out
}

// each calls fn for every item in ascending order until fn returns false.
func (o *ordered[T]) each(fn func(T) bool) {
	var stack []*node[T]
	for t := o.root; t != nil || len(stack) > 0; {
		for ; t != nil; t = t.l {
			stack = append(stack, t)
		}
		t = stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if !fn(t.item) {
			return
		}
		t = t.r
	}
}
