package engine

import (
	"cmp"
	"fmt"
	"maps"
	"slices"
)

// checkIndexes compares every index of e with a full scan of the stored
// resources: the lists' orders and buckets, the connections of every
// service, the tag indexes, the full-name map and the folded names.
func (e *Engine) checkIndexes() error {
	e.mu.Lock()
	defer e.mu.Unlock()
	services := map[*project][]*service{}
	for _, s := range e.services {
		if e.serviceByName(s.view.ServiceName) != s {
			return fmt.Errorf("service %s: not found by its name", s.view.ID)
		}
		if s.public != nil {
			if s.proj != nil {
				return fmt.Errorf("public service %s is in a project", s.view.ID)
			}
			continue
		}
		if s.proj == nil || s.proj != e.projects[s.view.ProjectID] {
			return fmt.Errorf("service %s: wrong project", s.view.ID)
		}
		services[s.proj] = append(services[s.proj], s)
	}
	for name, s := range e.named {
		if e.services[s.view.ID] != s || s.view.ServiceName != name || idSuffix(name) == s.view.ID {
			return fmt.Errorf("full-name map: stale or needless entry %q", name)
		}
	}
	endpoints := map[*project][]*endpoint{}
	conns := map[*service][]*endpoint{}
	for _, ep := range e.eps {
		if ep.proj == nil || ep.proj != e.projects[ep.view.ProjectID] {
			return fmt.Errorf("endpoint %s: wrong project", ep.view.ID)
		}
		endpoints[ep.proj] = append(endpoints[ep.proj], ep)
		conns[ep.svc] = append(conns[ep.svc], ep)
	}
	for id, p := range e.projects {
		if err := checkList(&p.services, services[p], func(s *service) string { return s.view.Status },
			func(s *service) string { return fold(s.view.ServiceName) }); err != nil {
			return fmt.Errorf("project %s services: %w", id, err)
		}
		if err := checkList(&p.endpoints, endpoints[p], func(ep *endpoint) string { return ep.view.VpcID },
			func(ep *endpoint) string { return fold(ep.view.EndpointServiceName) }); err != nil {
			return fmt.Errorf("project %s endpoints: %w", id, err)
		}
		if err := checkTagIndex(&p.serviceTags, services[p]); err != nil {
			return fmt.Errorf("project %s service tags: %w", id, err)
		}
		if err := checkTagIndex(&p.endpointTags, endpoints[p]); err != nil {
			return fmt.Errorf("project %s endpoint tags: %w", id, err)
		}
	}
	for _, s := range e.services {
		if _, ok := conns[s]; !ok {
			conns[s] = nil // every service, with or without connections
		}
	}
	for s, eps := range conns {
		x := s.eps
		if x == nil { // never connected: must read as empty
			x = &listIndex[*endpoint]{}
		}
		if err := checkList(x, eps, func(ep *endpoint) string { return ep.view.Status }, func(*endpoint) string { return "" }); err != nil {
			return fmt.Errorf("service %s connections: %w", s.view.ID, err)
		}
	}
	return nil
}

// checkList checks x against want, whose bucket and search key of each
// item are bucket and key.
func checkList[T recorded](x *listIndex[T], want []T, bucket, key func(T) string) error {
	byCreated := slices.SortedFunc(slices.Values(want), func(a, b T) int { return cmp.Compare(a.rec().seq, b.rec().seq) })
	if x.all.len() != len(want) {
		return fmt.Errorf("%d items, want %d", x.all.len(), len(want))
	}
	i := 0
	var err error
	x.all.each(func(k string, it T) {
		switch {
		case err != nil:
		case it.rec() != byCreated[i].rec() || x.all.appendRange(nil, i, i+1)[0].rec() != it.rec():
			err = fmt.Errorf("created order: item %d is %s, want %s", i, it.rec().id, byCreated[i].rec().id)
		case k != key(it):
			err = fmt.Errorf("item %s: search key %q, want %q", it.rec().id, k, key(it))
		}
		i++
	})
	if err != nil {
		return err
	}
	byUpdated := slices.SortedStableFunc(slices.Values(byCreated), func(a, b T) int { return a.rec().updated.Compare(b.rec().updated) })
	if err := checkTree(&x.updated, byUpdated, func(it T) int64 { return updatedKey(it.rec()) }); err != nil {
		return fmt.Errorf("updated order: %w", err)
	}
	groups := map[string][]T{}
	for _, it := range want {
		groups[bucket(it)] = append(groups[bucket(it)], it)
	}
	if !slices.Equal(slices.Sorted(maps.Keys(groups)), slices.Sorted(maps.Keys(x.buckets))) {
		return fmt.Errorf("buckets %v, want %v", slices.Sorted(maps.Keys(x.buckets)), slices.Sorted(maps.Keys(groups)))
	}
	for b, items := range groups {
		if err := checkOrders(x.buckets[b], items); err != nil {
			return fmt.Errorf("bucket %q: %w", b, err)
		}
	}
	return nil
}

// checkOrders checks that o holds exactly want, in both orders.
func checkOrders[T recorded](o *orders[T], want []T) error {
	byCreated := slices.SortedFunc(slices.Values(want), func(a, b T) int { return cmp.Compare(a.rec().seq, b.rec().seq) })
	if err := checkTree(&o.created, byCreated, func(T) int64 { return 0 }); err != nil {
		return fmt.Errorf("created order: %w", err)
	}
	byUpdated := slices.SortedStableFunc(slices.Values(byCreated), func(a, b T) int {
		return a.rec().updated.Compare(b.rec().updated)
	})
	if err := checkTree(&o.updated, byUpdated, func(it T) int64 { return updatedKey(it.rec()) }); err != nil {
		return fmt.Errorf("updated order: %w", err)
	}
	return nil
}

// checkTree checks o's shape (sizes, heap order of priorities, keys
// ascending) and that it holds want in this order, under their keys.
func checkTree[T recorded](o *ordered[T], want []T, at func(T) int64) error {
	var got []T
	var walk func(n *node[T]) error
	walk = func(n *node[T]) error {
		if n == nil {
			return nil
		}
		if n.size != uint32(1+n.l.len()+n.r.len()) || n.l != nil && n.l.prio > n.prio || n.r != nil && n.r.prio > n.prio {
			return fmt.Errorf("node %d: bad size or priority", n.seq)
		}
		if err := walk(n.l); err != nil {
			return err
		}
		if n.at != at(n.item) || n.seq != n.item.rec().seq {
			return fmt.Errorf("node %d: key (%d, %d) is stale", n.seq, n.at, n.seq)
		}
		got = append(got, n.item)
		return walk(n.r)
	}
	if err := walk(o.root); err != nil {
		return err
	}
	if len(got) != len(want) {
		return fmt.Errorf("%d items, want %d", len(got), len(want))
	}
	if ranged := o.appendRange(nil, 0, len(got)); len(ranged) != len(got) {
		return fmt.Errorf("range of %d items has %d", len(got), len(ranged))
	}
	for i := range got {
		if i > 0 && o.appendRange(nil, i-1, i+1)[1].rec() != got[i].rec() {
			return fmt.Errorf("range at %d is wrong", i)
		}
		if got[i].rec() != want[i].rec() {
			return fmt.Errorf("item %d is %s, want %s", i, got[i].rec().id, want[i].rec().id)
		}
		if o.appendRange(nil, i, i+1)[0].rec() != got[i].rec() {
			return fmt.Errorf("rank %d is wrong", i)
		}
	}
	return nil
}

// checkTagIndex checks x against the tags the resources rs carry.
func checkTagIndex[T taggable](x *tagIndex[T], rs []T) error {
	want := map[string]map[string][]T{}
	for _, r := range rs {
		_, _, tags := r.tagged()
		for _, t := range tags {
			if want[t.Key] == nil {
				want[t.Key] = map[string][]T{}
			}
			want[t.Key][t.Value] = append(want[t.Key][t.Value], r)
		}
	}
	if len(want) != len(x.keys) {
		return fmt.Errorf("%d keys, want %d", len(x.keys), len(want))
	}
	for k, values := range want {
		if len(x.keys[k]) != len(values) {
			return fmt.Errorf("key %q: %d values, want %d", k, len(x.keys[k]), len(values))
		}
		for v, items := range values {
			set := x.keys[k][v]
			if set == nil {
				return fmt.Errorf("key %q value %q: missing", k, v)
			}
			byCreated := slices.SortedFunc(slices.Values(items), func(a, b T) int { return cmp.Compare(a.rec().seq, b.rec().seq) })
			if err := checkTree(set, byCreated, func(T) int64 { return 0 }); err != nil {
				return fmt.Errorf("key %q value %q: %w", k, v, err)
			}
		}
	}
	return nil
}
