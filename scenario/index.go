package scenario

import (
	"cmp"
	"math/rand/v2"
	"net/http"
	"slices"
	"strings"
	"time"
)

// rule is a Rule with its counters, its random source and what matching
// needs prepared once: the normalized path template and the canonical
// header names.
type rule struct {
	Rule
	seq      int    // position in the Scenario: order across index buckets
	path     string // Match.Path normalized ("v1/{}/vpc-endpoint-services/{}"), "" when unset
	headers  []header
	rng      *rand.Rand
	matches  int
	inWindow int // matches inside the trigger's window
	fired    int
}

// header is one header condition, its name in canonical form.
type header struct{ name, value string }

func newRule(r Rule, seq int) *rule {
	b := &rule{Rule: r, seq: seq, rng: rand.New(rand.NewPCG(r.Trigger.Seed, r.Trigger.Seed))}
	if r.Match.Path != "" {
		b.path = normTemplate(r.Match.Path)
	}
	if r.Match.Scenario != "" {
		b.headers = append(b.headers, header{ScenarioHeader, r.Match.Scenario})
	}
	for k, v := range r.Match.Header {
		b.headers = append(b.headers, header{http.CanonicalHeaderKey(k), v})
	}
	first := 0 // the scenario name stays first: the index keys on it
	if r.Match.Scenario != "" {
		first = 1
	}
	slices.SortFunc(b.headers[first:], func(a, b header) int { return cmp.Compare(a.name, b.name) })
	return b
}

// normTemplate writes a path template with every "{name}" as "{}" and no
// outer slashes.
func normTemplate(path string) string {
	segs := strings.Split(strings.Trim(path, "/"), "/")
	for i, s := range segs {
		if strings.HasPrefix(s, "{") && strings.HasSuffix(s, "}") {
			segs[i] = "{}"
		}
	}
	return strings.Join(segs, "/")
}

// view is one request as the rules see it: its normalized template (set
// when some rule has a path) and the header values the rules ask for,
// each computed once.
type view struct {
	req      *Request
	path     string
	first    [2]header // the first header values read, without allocating
	nfirst   int
	more     []header          // the rest
	statuses map[string]string // resource id -> status, for status triggers
}

// header returns the value of the canonical header name, read once.
func (v *view) header(name string) string {
	for _, h := range v.first[:v.nfirst] {
		if h.name == name {
			return h.value
		}
	}
	for _, h := range v.more {
		if h.name == name {
			return h.value
		}
	}
	h := header{name: name}
	if vs := v.req.Header[name]; len(vs) > 0 {
		h.value = vs[0]
	}
	if v.nfirst < len(v.first) {
		v.first[v.nfirst] = h
		v.nfirst++
	} else {
		v.more = append(v.more, h)
	}
	return h.value
}

func (r *rule) match(v *view) bool {
	m, req := &r.Match, v.req
	if (m.Op != "" && m.Op != req.Op) || (m.Method != "" && m.Method != req.Method) ||
		(m.Project != "" && m.Project != req.Project) || (m.Resource != "" && m.Resource != req.Resource) ||
		(r.path != "" && r.path != v.path) {
		return false
	}
	for _, h := range r.headers {
		if v.header(h.name) != h.value {
			return false
		}
	}
	return true
}

// inState reports whether the status condition of the trigger holds.
func (r *rule) inState(v *view) bool {
	t := r.Trigger
	if t.Status == "" {
		return true
	}
	id := t.Of
	if id == "" {
		id = v.req.Resource
	}
	return id != "" && v.statuses[id] == t.Status
}

// fires counts a matching call and reports whether the trigger fires on
// it. Nth, First and After count only the calls inside the window (of
// time and of status).
func (r *rule) fires(at time.Time, inState bool) bool {
	r.matches++
	t := r.Trigger
	if !inState || (!t.From.IsZero() && at.Before(t.From)) || (!t.Until.IsZero() && !at.Before(t.Until)) {
		return false
	}
	r.inWindow++
	n := r.inWindow
	ok := (t.Nth == 0 || n == t.Nth) && (t.First == 0 || n <= t.First) && (t.After == 0 || n > t.After) &&
		(t.Probability == 0 || r.rng.Float64() < t.Probability)
	if ok {
		r.fired++
	}
	return ok
}

// index sorts the rules into buckets by the most selective condition each
// has (operation, path template, first header, method), so a request
// looks only at the rules that can match it. Every rule is in one bucket.
type index struct {
	byOp     map[string][]*rule
	byPath   map[string][]*rule
	byHeader map[header][]*rule
	names    []string // the header names byHeader uses
	byMethod map[string][]*rule
	rest     []*rule
	norm     map[string]string // request template -> normalized, bounded by maxNorm
}

// maxNorm bounds the cache of normalized request templates; the fake has
// one template per route.
const maxNorm = 256

func (ix *index) add(r *rule) {
	put := func(m *map[string][]*rule, k string) {
		if *m == nil {
			*m = map[string][]*rule{}
		}
		(*m)[k] = append((*m)[k], r)
	}
	switch m := r.Match; {
	case m.Op != "":
		put(&ix.byOp, m.Op)
	case r.path != "":
		put(&ix.byPath, r.path)
	case len(r.headers) > 0:
		h := r.headers[0]
		if ix.byHeader == nil {
			ix.byHeader = map[header][]*rule{}
		}
		if !slices.Contains(ix.names, h.name) {
			ix.names = append(ix.names, h.name)
		}
		ix.byHeader[h] = append(ix.byHeader[h], r)
	case m.Method != "":
		put(&ix.byMethod, m.Method)
	default:
		ix.rest = append(ix.rest, r)
	}
}

// normalized returns the normalized template of a request, cached.
func (ix *index) normalized(template string) string {
	if n, ok := ix.norm[template]; ok {
		return n
	}
	n := normTemplate(template)
	if ix.norm == nil {
		ix.norm = map[string]string{}
	}
	if len(ix.norm) < maxNorm {
		ix.norm[template] = n
	}
	return n
}

// candidates appends to buf the rules that may match v, in the order they
// were added.
func (ix *index) candidates(v *view, buf []*rule) []*rule {
	if len(ix.byPath) > 0 {
		v.path = ix.normalized(v.req.Template)
	}
	buckets := 0
	add := func(rs []*rule) {
		if len(rs) > 0 {
			buf = append(buf, rs...)
			buckets++
		}
	}
	add(ix.byOp[v.req.Op])
	add(ix.byPath[v.path])
	for _, name := range ix.names {
		add(ix.byHeader[header{name, v.header(name)}])
	}
	add(ix.byMethod[v.req.Method])
	add(ix.rest)
	if buckets > 1 {
		slices.SortFunc(buf, func(a, b *rule) int { return cmp.Compare(a.seq, b.seq) })
	}
	return buf
}
