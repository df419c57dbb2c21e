package engine

import "slices"

// orders holds a set of resources in the two orders lists sort by:
// creation (sort_key created_at) and updated_at, ties by creation.
type orders[T recorded] struct {
	created, updated ordered[T]
}

func (o *orders[T]) remove(it T) {
	r := it.rec()
	o.created.remove(0, r.seq)
	o.updated.remove(updatedKey(r), r.seq)
}

func (o *orders[T]) len() int { return o.created.len() }

// updatedKey is the key of r's updated_at in the updated_at orders: its
// microseconds since 1970, which fit an int64 for every time the fake
// holds (years 1 to 9999; nanoseconds overflow past 2262). Two updates in
// one microsecond, alike on the wire (whole seconds), order by creation.
func updatedKey(r *record) int64 { return r.updated.UnixMicro() }

// page is an unfiltered page: O(limit·log n).
func (o *orders[T]) page(q ListQuery) ([]T, int) {
	if q.ByUpdated {
		return pageOf(o.updated.len(), o.updated.appendRange, q)
	}
	return pageOf(o.created.len(), o.created.appendRange, q)
}

// pageOf cuts the page q asks for from total items; ranges appends the
// items at ranks [lo, hi) in ascending order.
func pageOf[T any](total int, ranges func(out []T, lo, hi int) []T, q ListQuery) ([]T, int) {
	from := min(q.Offset, total)
	to := from + min(q.Limit, total-from)
	out := make([]T, 0, to-from)
	if q.Asc {
		return ranges(out, from, to), total
	}
	out = ranges(out, total-to, total-from)
	slices.Reverse(out)
	return out, total
}

// listIndex is one list of resources (a project's services or endpoints,
// a service's connections): all of them in creation order with a search
// key (the folded name a name filter looks for), all of them by
// updated_at, and the same split into buckets by one attribute (a status,
// a VPC), so that a page costs O(limit·log n) with or without the bucket
// filter, and a scan for a name reads one slice. A nil *listIndex is an
// empty list to the methods that read.
type listIndex[T recorded] struct {
	all     seqList[T]
	updated ordered[T]
	buckets map[string]*orders[T]
	spare   *orders[T] // an emptied bucket, for the next new one
}

// add indexes it under bucket b with search key key and returns the key
// as stored, which the caller may share.
func (x *listIndex[T]) add(it T, b, key string) string {
	r := it.rec()
	key = x.all.add(r.seq, key, it)
	// The item's three tree nodes are allocated together: one object
	// instead of three for the allocator and the garbage collector.
	nodes := &[3]node[T]{{item: it}, {item: it}, {item: it}}
	at := updatedKey(r)
	x.updated.put(&nodes[0], at, r.seq)
	o := x.bucket(b)
	o.created.put(&nodes[1], 0, r.seq)
	o.updated.put(&nodes[2], at, r.seq)
	return key
}

// bucket returns bucket b, made (or the spare reused) when missing.
func (x *listIndex[T]) bucket(b string) *orders[T] {
	o := x.buckets[b]
	if o == nil {
		if x.buckets == nil {
			x.buckets = map[string]*orders[T]{}
		}
		o, x.spare = x.spare, nil
		if o == nil {
			o = &orders[T]{}
		}
		x.buckets[b] = o
	}
	return o
}

// drop removes bucket b, now empty, and keeps it as the spare: a bucket
// that empties and fills again (creating, between two creates) is not
// reallocated each time.
func (x *listIndex[T]) drop(b string, o *orders[T]) {
	delete(x.buckets, b)
	x.spare = o
}

// remove drops it from the list and from bucket b; its record must be as
// when it was added.
func (x *listIndex[T]) remove(it T, b string) {
	r := it.rec()
	x.all.remove(r.seq)
	x.updated.remove(updatedKey(r), r.seq)
	if o := x.buckets[b]; o != nil {
		o.remove(it)
		if o.len() == 0 {
			x.drop(b, o)
		}
	}
}

// move re-indexes it after change, which may change its bucket (from old
// to what b returns afterwards) and its updated_at. It moves the tree
// nodes it has, allocating none.
func (x *listIndex[T]) move(it T, old string, change func(), b func() string) {
	r := it.rec()
	nodes := [3]*node[T]{x.updated.take(updatedKey(r), r.seq)}
	if o := x.buckets[old]; o != nil {
		nodes[1], nodes[2] = o.created.take(0, r.seq), o.updated.take(updatedKey(r), r.seq)
		if o.len() == 0 {
			x.drop(old, o)
		}
	}
	change()
	for i, n := range nodes {
		if n == nil {
			nodes[i] = &node[T]{item: it}
		}
	}
	o := x.bucket(b())
	at := updatedKey(r)
	x.updated.put(nodes[0], at, r.seq)
	o.created.put(nodes[1], 0, r.seq)
	o.updated.put(nodes[2], at, r.seq)
}

func (x *listIndex[T]) len() int {
	if x == nil {
		return 0
	}
	return x.all.len()
}

// page is an unfiltered page of all the resources.
func (x *listIndex[T]) page(q ListQuery) ([]T, int) {
	if x == nil {
		return []T{}, 0
	}
	if q.ByUpdated {
		return pageOf(x.updated.len(), x.updated.appendRange, q)
	}
	return pageOf(x.all.len(), x.all.appendRange, q)
}

// bucketPage is an unfiltered page of bucket b.
func (x *listIndex[T]) bucketPage(b string, q ListQuery) ([]T, int) {
	if x == nil {
		return []T{}, 0
	}
	if o := x.buckets[b]; o != nil {
		return o.page(q)
	}
	return []T{}, 0
}

// scan is a page of the resources match selects: it reads every resource
// in creation order, so it costs O(n).
func (x *listIndex[T]) scan(match func(key string, it T) bool, q ListQuery) ([]T, int) {
	var sel []T
	if x != nil {
		x.all.each(func(key string, it T) {
			if match(key, it) {
				sel = append(sel, it)
			}
		})
	}
	return page(sel, func(it T) *record { return it.rec() }, nil, q)
}

// each calls fn for every resource in creation order.
func (x *listIndex[T]) each(fn func(T)) {
	if x != nil {
		x.all.each(func(_ string, it T) { fn(it) })
	}
}

// one is the page of a list filtered by id: it, when found and matches,
// else nothing.
func one[T recorded](it T, found bool, match func(T) bool, q ListQuery) ([]T, int) {
	var sel []T
	if found && match(it) {
		sel = []T{it}
	}
	return page(sel, func(it T) *record { return it.rec() }, nil, q)
}
