package engine

// orders holds a set of resources in the two orders lists sort by:
// creation (sort_key created_at) and updated_at, ties by creation.
type orders[T recorded] struct {
	created, updated ordered[T]
}

func (o *orders[T]) add(it T) {
	r := it.rec()
	o.created.insert(0, r.seq, it)
	o.updated.insert(r.updated.UnixNano(), r.seq, it)
}

func (o *orders[T]) remove(it T) {
	r := it.rec()
	o.created.remove(0, r.seq)
	o.updated.remove(r.updated.UnixNano(), r.seq)
}

func (o *orders[T]) len() int { return o.created.len() }

// page is an unfiltered page: O(limit·log n).
func (o *orders[T]) page(q ListQuery) ([]T, int) {
	src := &o.created
	if q.ByUpdated {
		src = &o.updated
	}
	total := src.len()
	from := min(q.Offset, total)
	to := from + min(q.Limit, total-from)
	out := make([]T, 0, to-from)
	for i := from; i < to; i++ {
		if q.Asc {
			out = append(out, src.rank(i))
		} else {
			out = append(out, src.rank(total-1-i))
		}
	}
	return out, total
}

// list is a page of the items match selects; a nil match takes them all.
func (o *orders[T]) list(match func(T) bool, q ListQuery) ([]T, int) {
	if match == nil {
		return o.page(q)
	}
	return o.filter(match, q)
}

// one is the page of a list filtered by id: it, when found (not nil) and
// matches, else nothing.
func one[T recorded](it T, found bool, match func(T) bool, q ListQuery) ([]T, int) {
	var sel []T
	if found && match(it) {
		sel = []T{it}
	}
	return page(sel, func(it T) *record { return it.rec() }, nil, q)
}

// filter is a filtered page: it scans the set in creation order, so it
// costs O(items in the set), and pages the matches.
func (o *orders[T]) filter(match func(T) bool, q ListQuery) ([]T, int) {
	var sel []T
	o.created.each(func(it T) bool {
		if match(it) {
			sel = append(sel, it)
		}
		return true
	})
	return page(sel, func(it T) *record { return it.rec() }, nil, q)
}

// listIndex is one list of resources (a project's services, a service's
// connections): all of them, and the same split into buckets by one
// attribute (a status, a VPC) so that a filter on it costs O(page), not
// O(items).
type listIndex[T recorded] struct {
	all     orders[T]
	buckets map[string]*orders[T]
}

// add indexes it under bucket b.
func (x *listIndex[T]) add(it T, b string) {
	x.all.add(it)
	o := x.buckets[b]
	if o == nil {
		if x.buckets == nil {
			x.buckets = map[string]*orders[T]{}
		}
		o = &orders[T]{}
		x.buckets[b] = o
	}
	o.add(it)
}

// remove drops it from bucket b; its record must be as when it was added.
func (x *listIndex[T]) remove(it T, b string) {
	x.all.remove(it)
	if o := x.buckets[b]; o != nil {
		o.remove(it)
		if o.len() == 0 {
			delete(x.buckets, b)
		}
	}
}

func (x *listIndex[T]) len() int { return x.all.len() }

// bucket returns the resources in bucket b; an empty set when none.
func (x *listIndex[T]) bucket(b string) *orders[T] {
	if o := x.buckets[b]; o != nil {
		return o
	}
	return &orders[T]{}
}

// each calls fn for every resource in creation order.
func (x *listIndex[T]) each(fn func(T)) {
	x.all.created.each(func(it T) bool { fn(it); return true })
}
