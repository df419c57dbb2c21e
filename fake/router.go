package fake

import (
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
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
	tenant  Tenant
	params  []string
	body    []byte
	read    bool       // the body was read (authentication may read it first)
	bodyErr *api.Error // the error of reading it
}

// readBody reads the request body once; later calls return the same.
func (c *call) readBody() ([]byte, *api.Error) {
	if !c.read {
		c.body, c.bodyErr = readBody(c.r)
		c.read = true
	}
	return c.body, c.bodyErr
}

// router finds the route of a request. Literal segments win over
// parameters at the same position, so /vpc-endpoint-services/public and
// /describe are never taken for service ids, and
// /{project}/{resource_type}/tags never for /vpc-endpoint-services/{id}.
type router struct {
	byLen map[int][]*route
}

func newRouter(routes []route) *router {
	rt := &router{byLen: map[int][]*route{}}
	for i := range routes {
		r := &routes[i]
		rt.byLen[len(r.segs)] = append(rt.byLen[len(r.segs)], r)
	}
	return rt
}

// match returns the route for method and path and its parameters. A path
// that matches a route of another method gives ok=false like an unknown
// path: the real gateway answers both with 404.
func (rt *router) match(method, path string) (r *route, params []string, ok bool) {
	segs := splitPath(path)
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
		return nil, nil, false
	}
	for i, p := range best.segs {
		if p == "{}" {
			params = append(params, segs[i])
		}
	}
	return best, params, true
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

// splitPath splits "/v1/p/x" into ["v1","p","x"]. A single trailing slash
// is ignored (clients that join a base URL ending in "/" with "" produce
// one); "/" itself has no segments.
func splitPath(path string) []string {
	path = strings.TrimPrefix(path, "/")
	path = strings.TrimSuffix(path, "/")
	if path == "" {
		return nil
	}
	return strings.Split(path, "/")
}
