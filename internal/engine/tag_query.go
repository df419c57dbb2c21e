package engine

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// Limits of a tag query (docs/vpcep-api.md §3.19, 6): each tag list holds at most 20 keys
// (OTC; Huawei says 10) with at most 10 values each; a filter page holds
// 1-1000 resources, 1000 by default.
const (
	maxQueryKeys   = 20
	maxQueryValues = 10
	maxQueryLimit  = 1000
)

// resourceNameKey is the only key a tag query's matches may use.
const resourceNameKey = "resource_name"

// tagFilter is one checked entry of a tag list: a trimmed key and its
// trimmed values; no values means any value.
type tagFilter struct {
	key    string
	values []string
}

// matches reports whether tags carry f's key with one of f's values.
func (f tagFilter) matches(tags []api.Tag) bool {
	for _, t := range tags {
		if t.Key == f.key {
			return len(f.values) == 0 || slices.Contains(f.values, t.Value)
		}
	}
	return false
}

// allOf reports whether tags match every filter; anyOf whether they match
// at least one. An empty list constrains nothing, so the caller checks
// anyOf only for a non-empty list.
func allOf(fs []tagFilter, tags []api.Tag) bool {
	for _, f := range fs {
		if !f.matches(tags) {
			return false
		}
	}
	return true
}

func anyOf(fs []tagFilter, tags []api.Tag) bool {
	return slices.ContainsFunc(fs, func(f tagFilter) bool { return f.matches(tags) })
}

// tagQuery is a checked ListResourceInstances body.
type tagQuery struct {
	count                    bool
	page                     ListQuery
	all, any, notAll, notAny []tagFilter
	name                     *string // matches resource_name; nil: no name filter
}

// match applies the query's filters, all of which must hold:
//   - tags: every key present, each with one of its values (AND of ORs);
//   - tags_any: at least one entry matches;
//   - not_tags: excluded when every entry matches, the negation of tags;
//   - not_tags_any: excluded when any entry matches, the negation of
//     tags_any;
//   - matches resource_name: case-insensitive substring; an empty value
//     asks for an exact match, so only an empty name would match.
//
// The spec's text on the two negations contradicts itself (unconfirmed);
// the fake uses the reading of Huawei's TMS convention above, under which
// not_tags_any:[{k,[]}] is "resources without tag k", what clients use it
// for.
func (q *tagQuery) match(name string, tags []api.Tag) bool {
	switch {
	case !allOf(q.all, tags),
		len(q.any) > 0 && !anyOf(q.any, tags),
		len(q.notAll) > 0 && allOf(q.notAll, tags),
		anyOf(q.notAny, tags):
		return false
	case q.name == nil:
		return true
	case *q.name == "":
		return name == ""
	}
	return fuzzy(name, *q.name)
}

// parseTagQuery checks a ListResourceInstances body. action must be filter
// or count (else EndPoint.0007). limit (1-1000, default 1000) and offset
// (>= 0) are strings and belong to filter: sent with count they are
// EndPoint.0006 / 0010 like a bad value.
func parseTagQuery(req *api.ResourceQueryRequest) (tagQuery, *api.Error) {
	q := tagQuery{page: ListQuery{Limit: maxQueryLimit, Asc: true}}
	if req.Action == nil || (*req.Action != "filter" && *req.Action != "count") {
		return q, api.E0007
	}
	var err *api.Error
	if *req.Action == "count" {
		q.count, q.page.Limit = true, 0
		switch {
		case req.Limit != nil:
			return q, api.E0006
		case req.Offset != nil:
			return q, api.E0010
		}
	}
	if req.Limit != nil {
		if q.page.Limit, err = intIn(*req.Limit, 1, maxQueryLimit, api.E0006); err != nil {
			return q, err
		}
	}
	if req.Offset != nil {
		if q.page.Offset, err = intIn(*req.Offset, 0, math.MaxInt, api.E0010); err != nil {
			return q, err
		}
	}
	for _, l := range []struct {
		in  []api.TagFilter
		out *[]tagFilter
	}{{req.Tags, &q.all}, {req.TagsAny, &q.any}, {req.NotTags, &q.notAll}, {req.NotTagsAny, &q.notAny}} {
		if *l.out, err = parseTagFilters(l.in); err != nil {
			return q, err
		}
	}
	q.name, err = parseMatches(req.Matches)
	return q, err
}

// parseTagFilters checks one tag list of a query. Keys and values are
// trimmed and their characters not checked (docs/vpcep-api.md §2.2). A key must be 1-128
// characters (EndPoint.3072; the OTC page says 127, but a key of the stored
// maximum of 128 must be findable) and unique in the list (3067); values
// 0-255 characters (3073) and unique under their key (3071). More than 20
// keys or 10 values have no documented code: EndPoint.0002.
func parseTagFilters(in []api.TagFilter) ([]tagFilter, *api.Error) {
	if len(in) > maxQueryKeys {
		return nil, api.E0002
	}
	out := make([]tagFilter, 0, len(in))
	for _, f := range in {
		var key string
		if f.Key != nil {
			key = strings.TrimSpace(*f.Key)
		}
		switch {
		case key == "" || utf8.RuneCountInString(key) > rules.MaxTagKeyLen:
			return nil, api.E3072
		case slices.ContainsFunc(out, func(o tagFilter) bool { return o.key == key }):
			return nil, api.E3067
		case len(f.Values) > maxQueryValues:
			return nil, api.E0002
		}
		values := make([]string, 0, len(f.Values))
		for _, v := range f.Values {
			v = strings.TrimSpace(v)
			switch {
			case utf8.RuneCountInString(v) > rules.MaxTagValueLen:
				return nil, api.E3073
			case slices.Contains(values, v):
				return nil, api.E3071
			}
			values = append(values, v)
		}
		out = append(out, tagFilter{key: key, values: values})
	}
	return out, nil
}

// parseMatches checks a query's matches: at most one entry, with the key
// resource_name; any other key or a second entry is EndPoint.0002. It
// returns the name filter, nil when there is none.
func parseMatches(in []api.Match) (*string, *api.Error) {
	switch {
	case len(in) == 0:
		return nil, nil
	case len(in) > 1, in[0].Key == nil || *in[0].Key != resourceNameKey:
		return nil, api.E0002
	}
	v := ""
	if in[0].Value != nil {
		v = *in[0].Value
	}
	return &v, nil
}

// queryTags answers q over the resources of one project and type: the
// page and the number of matches. It scans only the resources carrying
// the most selective tag of q.all (or any tag of q.any), all of them when
// neither is given; a query of one tag alone costs O(log n) per resource
// listed.
func queryTags[T taggable](ix *tagIndex[T], all *listIndex[T], q *tagQuery) ([]taggable, int) {
	var from []*ordered[T]
	least := 0
	for i, f := range q.all {
		sets, n := ix.sets(f)
		if n == 0 {
			return nil, 0
		}
		if i == 0 || n < least {
			from, least = sets, n
		}
	}
	if len(from) == 1 && len(q.all) == 1 && len(q.any)+len(q.notAll)+len(q.notAny) == 0 && q.name == nil {
		page, total := pageOf(from[0].len(), from[0].appendRange, q.page)
		return taggablesOf(page), total
	}
	if len(q.all) == 0 {
		for _, f := range q.any {
			sets, _ := ix.sets(f)
			from = append(from, sets...)
		}
	}
	var cands []T
	switch {
	case len(q.all) == 0 && len(q.any) == 0:
		all.each(func(r T) { cands = append(cands, r) })
	default:
		for _, s := range from {
			s.each(func(r T) bool { cands = append(cands, r); return true })
		}
		if len(from) > 1 { // one key's values are disjoint, several keys' are not
			slices.SortFunc(cands, func(a, b T) int { return cmp.Compare(a.rec().seq, b.rec().seq) })
			cands = slices.CompactFunc(cands, func(a, b T) bool { return a.rec() == b.rec() })
		}
	}
	sel := cands[:0]
	for _, r := range cands {
		if _, name, tags := r.tagged(); q.match(name, tags) {
			sel = append(sel, r)
		}
	}
	page, total := page(sel, func(r T) *record { return r.rec() }, nil, q.page)
	return taggablesOf(page), total
}

// taggablesOf converts a page of resources of one type.
func taggablesOf[T taggable](rs []T) []taggable {
	out := make([]taggable, len(rs))
	for i, r := range rs {
		out[i] = r
	}
	return out
}

// tagValues returns every key of ix with its values.
func tagValues[T taggable](ix *tagIndex[T]) map[string][]string {
	out := make(map[string][]string, len(ix.keys))
	for k, values := range ix.keys {
		for v := range values {
			out[k] = append(out[k], v)
		}
	}
	return out
}

// ListResourceInstances is the tag query (docs/vpcep-api.md §3.19) over the caller's
// resources of one type. action filter returns an api.ResourceList of the
// matching resources in creation order (oldest first), paged by limit and
// offset; count returns an api.ResourceCount. A bad resource type is
// EndPoint.3070 whatever the body says (body JSON that does not parse is
// rejected first, by the HTTP face).
func (e *Engine) ListResourceInstances(t Tenant, resourceType string, req *api.ResourceQueryRequest) (any, *api.Error) {
	kind, err := kindOf(resourceType)
	if err != nil {
		return nil, err
	}
	q, err := parseTagQuery(req)
	if err != nil {
		return nil, err
	}
	e.lock()
	defer e.mu.Unlock()
	var sel []taggable
	var total int
	if p := e.projects[t.ProjectID]; p != nil {
		sel, total = kind.query(p, &q)
	}
	if q.count {
		return api.ResourceCount{TotalCount: total}, nil
	}
	out := api.ResourceList{Resources: make([]api.TaggedResource, len(sel)), TotalCount: total}
	for i, r := range sel {
		id, name, tags := r.tagged()
		out.Resources[i] = api.TaggedResource{ResourceID: id, ResourceName: name, Tags: tags}
	}
	return out, nil
}

// ListProjectTags is ListQueryProjectResourceTags (docs/vpcep-api.md §3.21): every tag key
// on the caller's resources of one type with the set of its values. The
// order is unconfirmed; the fake sorts keys and values (byte order), so
// answers are stable.
func (e *Engine) ListProjectTags(t Tenant, resourceType string) (api.ProjectTags, *api.Error) {
	kind, err := kindOf(resourceType)
	if err != nil {
		return api.ProjectTags{}, err
	}
	e.lock()
	defer e.mu.Unlock()
	var keys map[string][]string
	if p := e.projects[t.ProjectID]; p != nil {
		keys = kind.tags(p)
	}
	out := api.ProjectTags{Tags: make([]api.TagValues, 0, len(keys))}
	for k, values := range keys {
		tv := api.TagValues{Key: k, Values: values}
		slices.Sort(tv.Values)
		out.Tags = append(out.Tags, tv)
	}
	slices.SortFunc(out.Tags, func(a, b api.TagValues) int { return cmp.Compare(a.Key, b.Key) })
	return out, nil
}
