package engine

import "github.com/seed42eb3344/vpcepfake/internal/api"

// tagIndex finds a project's resources of one type by tag: for each key,
// the resources that carry it and, per value, those that carry that value,
// each set in creation order. A tag query then scans only the resources of
// its most selective tag, and the project's tag list costs O(keys+values).
type tagIndex struct {
	keys map[string]*tagKey
}

type tagKey struct {
	any    ordered[taggable]
	values map[string]*ordered[taggable]
}

// add indexes r under its current tags.
func (x *tagIndex) add(r taggable) {
	_, _, tags := r.tagged()
	seq := r.rec().seq
	for _, t := range tags {
		k := x.keys[t.Key]
		if k == nil {
			if x.keys == nil {
				x.keys = map[string]*tagKey{}
			}
			k = &tagKey{values: map[string]*ordered[taggable]{}}
			x.keys[t.Key] = k
		}
		k.any.insert(0, seq, r)
		v := k.values[t.Value]
		if v == nil {
			v = &ordered[taggable]{}
			k.values[t.Value] = v
		}
		v.insert(0, seq, r)
	}
}

// remove drops r, indexed under its current tags.
func (x *tagIndex) remove(r taggable) {
	_, _, tags := r.tagged()
	seq := r.rec().seq
	for _, t := range tags {
		k := x.keys[t.Key]
		if k == nil {
			continue
		}
		k.any.remove(0, seq)
		if v := k.values[t.Value]; v != nil {
			v.remove(0, seq)
			if v.len() == 0 {
				delete(k.values, t.Value)
			}
		}
		if k.any.len() == 0 {
			delete(x.keys, t.Key)
		}
	}
}

// retag replaces r's tags, keeping x current.
func (x *tagIndex) retag(r taggable, tags []api.Tag) {
	x.remove(r)
	r.setTags(tags)
	x.add(r)
}

// sets returns the sets of resources matching filter f, one per value
// (the key's set when f has no values), and how many they hold in all.
func (x *tagIndex) sets(f tagFilter) ([]*ordered[taggable], int) {
	k := x.keys[f.key]
	if k == nil {
		return nil, 0
	}
	if len(f.values) == 0 {
		return []*ordered[taggable]{&k.any}, k.any.len()
	}
	var out []*ordered[taggable]
	n := 0
	for _, v := range f.values {
		if s := k.values[v]; s != nil {
			out = append(out, s)
			n += s.len()
		}
	}
	return out, n
}
