package fake

import (
	"log/slog"
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// The companion APIs (VPC v1 with its v2.0 tags and v3 read, ELB v2.0
// shared load balancers) live under their own path prefixes on the same
// listener: their /v1/{project_id}/subnets would collide with VPCEP's
// /v1/{project_id}/{resource_type}/tags. The IAM catalog publishes
// {URL}/network as type network, {URL}/network/v1/{project_id} as type
// vpc and {URL}/elb as type elb; the clients append their versions.
const (
	networkPrefix = "/network/"
	elbPrefix     = "/elb/"
)

// NetworkURL is the catalog URL of type network: the VPC API's base,
// to which clients append v1/ (or v2.0/ for tags).
func (s *Server) NetworkURL() string { return s.URL + strings.TrimSuffix(networkPrefix, "/") }

// ELBURL is the catalog URL of type elb, to which clients append v2.0/.
func (s *Server) ELBURL() string { return s.URL + strings.TrimSuffix(elbPrefix, "/") }

// netRouter routes the companion operations; netOps describes each by
// operation id.
var (
	netRouter = newRouter(netRoutes)
	netOps    = func() map[string]api.Operation {
		m := map[string]api.Operation{}
		for _, o := range api.NetworkOps {
			m[o.ID] = o
		}
		return m
	}()
)

// vpcError and elbError are the two companion error envelopes.
type vpcError struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

type elbError struct {
	Code      string `json:"error_code"`
	Msg       string `json:"error_msg"`
	RequestID string `json:"request_id"`
}

// serveNet runs a companion request: route, authenticate (token or AK/SK,
// as VPCEP), scenario faults, the operation. Errors come in the envelope
// of the route's API (ELB for paths under /elb/, VPC otherwise).
func (s *Server) serveNet(r *http.Request, x *exchange, requestID string) (int, any) {
	style := "vpc"
	if strings.HasPrefix(r.URL.Path, elbPrefix) {
		style = "elb"
	}
	c := &call{r: r}
	rt, n, ok := netRouter.match(r.Method, r.URL.EscapedPath(), &c.pbuf)
	if !ok {
		return s.netReject(r, "", style, requestID, api.APIGW0101)
	}
	op := netOps[rt.op]
	c.op, c.params = rt.op, c.pbuf[:n]
	hasProject := strings.Contains(op.Path, "{project_id}")
	x.req.Op, x.req.Template = rt.op, op.Path
	if len(c.params) > 0 {
		x.req.Resource = c.params[len(c.params)-1]
	}
	if hasProject {
		x.req.Project = c.params[0]
	}
	auth := s.identify
	if hasProject {
		auth = s.authorize
	}
	defer s.eng.ReleaseState()
	if err, stop := s.admit(c, x, auth); stop {
		if err == nil {
			return 0, nil
		}
		return s.netReject(r, rt.op, op.API, requestID, err)
	}
	if _, err := c.readBody(); err != nil {
		return s.netReject(r, rt.op, op.API, requestID, err)
	}
	v, err := s.run(rt, c, x)
	if err != nil {
		return s.netReject(r, rt.op, op.API, requestID, err)
	}
	if rt.status == http.StatusNoContent {
		return rt.status, nil
	}
	return rt.status, v
}

// netAuthErrors maps the VPCEP errors of authentication and body reading
// (and of scenario rules that name them: by code, as a rule's error is a
// copy) to each companion API's.
var netAuthErrors = map[string]map[string]*api.Error{
	"vpc": {api.E0003.Code: api.VPC0008, api.E0004.Code: api.VPC0007, api.E0014.Code: api.VPC0007, api.E0002.Code: api.VPC0101},
	"elb": {api.E0003.Code: api.ELB1102, api.E0004.Code: api.ELB9808, api.E0014.Code: api.ELB9808, api.E0002.Code: api.ELB0002},
}

// netReject logs err and returns it in the envelope of apiName.
func (s *Server) netReject(r *http.Request, op, apiName, requestID string, err *api.Error) (int, any) {
	if m, ok := netAuthErrors[apiName][err.Code]; ok {
		err = m
	}
	s.log.LogAttrs(r.Context(), slog.LevelInfo, "companion rejected", slog.String("op", op), slog.String("method", r.Method),
		slog.String("path", r.URL.Path), slog.Int("status", err.Status), slog.String("error_code", err.Code))
	if apiName == "elb" {
		return err.Status, elbError{Code: err.Code, Msg: err.Msg, RequestID: requestID}
	}
	return err.Status, vpcError{Code: err.Code, Message: err.Msg}
}

// errorCodeOf is the error code of a response value, "" for a success.
func errorCodeOf(v any) string {
	switch e := v.(type) {
	case *api.Error:
		return e.Code
	case vpcError:
		return e.Code
	case elbError:
		return e.Code
	}
	return ""
}
