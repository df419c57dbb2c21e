package fake

import (
	"net/http"
	"net/url"
	"strings"
	"sync"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// route is one operation of the API: method, path pattern and handler.
// A pattern segment "{}" matches any non-empty segment and is passed to the
// handler as a parameter, in order. Every /v1 route's first parameter is
// the project id, which authentication checks.
type route struct {
	op      string
	method  string
	segs    []string
	status  int // success status
	handler func(s *Server, c *call) (any, *api.Error)
}

// call is one request on its way through the handlers.
type call struct {
	r       *http.Request
	op      string
	tenant  engine.Tenant
	params  []string // the path parameters, backed by pbuf
	pbuf    [maxSegs]string
	body    []byte
	read    bool       // the body was read (authentication may read it first)
	bodyErr *api.Error // the error of reading it
	buf     []byte     // a recycled buffer for the body
}

// readBody reads the request body once; later calls return the same.
func (c *call) readBody() ([]byte, *api.Error) {
	if !c.read {
		c.body, c.bodyErr = readBody(c.r, c.buf)
		c.read = true
	}
	return c.body, c.bodyErr
}

// calls recycles calls and their bodies: nothing a handler returns or the
// engine stores refers to either (decoding copies every string).
var calls = sync.Pool{New: func() any { return new(call) }}

// newCall returns a call for r; free gives it back when r is answered.
func newCall(r *http.Request) *call {
	c := calls.Get().(*call)
	c.r = r
	return c
}

func (c *call) free() {
	buf := c.buf
	if cap(c.body) > cap(buf) && cap(c.body) <= maxPooledBody {
		buf = c.body
	}
	*c = call{buf: buf[:0]}
	calls.Put(c)
}

// router finds the route of a request. Literal segments win over
// parameters at the same position, so /vpc-endpoint-services/public and
// /describe are never taken for service ids, and
// /{project}/{resource_type}/tags never for /vpc-endpoint-services/{id}.
type router struct {
	byLen     map[int][]*route
	templates map[*route]string
}

func newRouter(routes []route) *router {
	rt := &router{byLen: map[int][]*route{}, templates: map[*route]string{}}
	for i := range routes {
		r := &routes[i]
		rt.byLen[len(r.segs)] = append(rt.byLen[len(r.segs)], r)
		rt.templates[r] = template(r.segs)
	}
	return rt
}

// template writes a route pattern as the journal and scenario rules show
// it: "/v1/{project_id}/vpc-endpoint-services/{id}". The project parameter
// of /v1 routes is {project_id}, the version of the root routes {version},
// every other parameter {id}.
func template(segs []string) string {
	var b strings.Builder
	for i, p := range segs {
		b.WriteByte('/')
		switch {
		case p != "{}":
			b.WriteString(p)
		case i == 0:
			b.WriteString("{version}")
		case i == 1 && segs[0] == "v1":
			b.WriteString("{project_id}")
		default:
			b.WriteString("{id}")
		}
	}
	if len(segs) == 0 {
		return "/"
	}
	return b.String()
}

// maxSegs is the most path segments any route has, with room to spare;
// longer paths match nothing.
const maxSegs = 8

// match returns the route for method and the escaped path and its
// parameters, stored in params. Segments are split before they are
// unescaped, so an id holding an encoded slash (%2F) stays one (malformed)
// id and never reaches another route. A path that matches a route of
// another method gives ok=false like an unknown path: the real gateway
// answers both with 404.
func (rt *router) match(method, escapedPath string, params *[maxSegs]string) (r *route, n int, ok bool) {
	var buf [maxSegs]string
	segs, fits := splitPath(escapedPath, buf[:0])
	if !fits {
		return nil, 0, false
	}
	for i, s := range segs {
		if strings.IndexByte(s, '%') < 0 {
			continue
		}
		u, err := url.PathUnescape(s)
		if err != nil {
			return nil, 0, false
		}
		segs[i] = u
	}
	var best *route
	bestScore := -1
	for _, cand := range rt.byLen[len(segs)] {
		if cand.method != method {
			continue
		}
		score, fits := fit(cand.segs, segs)
		if fits && score > bestScore {
			best, bestScore = cand, score
		}
	}
	if best == nil {
		return nil, 0, false
	}
	for i, p := range best.segs {
		if p == "{}" {
			params[n] = segs[i]
			n++
		}
	}
	return best, n, true
}

// fit reports whether segs matches pattern, scoring literal matches so that
// the most literal pattern wins; a literal earlier in the path counts more.
func fit(pattern, segs []string) (int, bool) {
	score := 0
	for i, p := range pattern {
		switch {
		case p == "{}":
			if segs[i] == "" {
				return 0, false
			}
		case p == segs[i]:
			score += 1 << (len(pattern) - i)
		default:
			return 0, false
		}
	}
	return score, true
}

// splitPath appends the segments of "/v1/p/x" (["v1","p","x"]) to buf
// and reports false when there are more than cap(buf). A single trailing
// slash is ignored (clients that join a base URL ending in "/" with ""
// produce one); "/" itself has no segments.
func splitPath(path string, buf []string) ([]string, bool) {
	path = strings.TrimPrefix(path, "/")
	path = strings.TrimSuffix(path, "/")
	for path != "" {
		if len(buf) == cap(buf) {
			return buf, false
		}
		i := strings.IndexByte(path, '/')
		if i < 0 {
			return append(buf, path), true
		}
		buf, path = append(buf, path[:i]), path[i+1:]
		if path == "" { // an empty last segment: "a//" after trimming one slash
			buf = append(buf, "")
		}
	}
	return buf, true
}
