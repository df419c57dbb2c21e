package engine

import "github.com/seed42eb3344/vpcepfake/internal/api"

// tagIndex finds a project's resources of one type by tag: for each key
// and value, the resources that carry that tag, in creation order. A tag
// query then scans only the resources of its most selective tag, and the
// project's tag list costs O(keys+values).
type tagIndex[T taggable] struct {
	keys map[string]map[string]*ordered[T]
}

// add indexes r under its current tags.
func (x *tagIndex[T]) add(r T) {
	_, _, tags := r.tagged()
	for _, t := range tags {
		values := x.keys[t.Key]
		if values == nil {
			if x.keys == nil {
				x.keys = map[string]map[string]*ordered[T]{}
			}
			values = map[string]*ordered[T]{}
			x.keys[t.Key] = values
		}
		set := values[t.Value]
		if set == nil {
			set = &ordered[T]{}
			values[t.Value] = set
		}
		set.insert(0, r.rec().seq, r)
	}
}

// remove drops r, indexed under its current tags.
func (x *tagIndex[T]) remove(r T) {
	_, _, tags := r.tagged()
	for _, t := range tags {
		values := x.keys[t.Key]
		if set := values[t.Value]; set != nil {
			set.remove(0, r.rec().seq)
			if set.len() == 0 {
				delete(values, t.Value)
			}
		}
		if len(values) == 0 {
			delete(x.keys, t.Key)
		}
	}
}

// retag replaces r's tags, keeping x current.
func (x *tagIndex[T]) retag(r T, tags []api.Tag) {
	x.remove(r)
	r.setTags(tags)
	x.add(r)
}

// sets returns the sets of resources matching filter f, one per value (per
// value of the key when f has none), and how many they hold in all.
func (x *tagIndex[T]) sets(f tagFilter) ([]*ordered[T], int) {
	values := x.keys[f.key]
	var out []*ordered[T]
	n := 0
	add := func(s *ordered[T]) {
		if s != nil {
			out = append(out, s)
			n += s.len()
		}
	}
	if len(f.values) == 0 {
		for _, s := range values {
			add(s)
		}
	} else {
		for _, v := range f.values {
			add(values[v])
		}
	}
	return out, n
}
