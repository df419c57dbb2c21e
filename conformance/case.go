package conformance

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
)

// Caller says who sends a case's request.
type Caller int

// The callers of a case.
const (
	Owner     Caller = iota // Target.Tenant, the owner of the fixtures
	Anonymous               // no X-Auth-Token
	BadToken                // a token the target does not know
	Other                   // Target.Other; the case skips without it
)

// Case is one request and what must come back. Path, Query and Body may
// hold placeholders: {project_id}, {domain_id}, {other_project_id},
// {other_domain_id}, {service_id} and {service_name} (the fixture service,
// available, approval on), {endpoint_id} (the fixture endpoint of that
// service), {unknown_id} (a random UUID), {vpc_id}, {port_id},
// {subnet_id}, {server_type} and {server_port} (a port no other service of
// the run uses), {fixture_server_port} (the fixture service's),
// {endpoint_marker_id} (the fixture endpoint's marker_id), {name} (a fresh
// service name of the suite), {tag_key} and {tag_value} (the marker tag,
// see TagKey).
type Case struct {
	// Name describes the case; subtests are named Op/Name.
	Name string
	// Op is the operation id of docs/vpcep-api.md §3.
	Op string
	// Method and Path of the request; a Path not starting with "/" is
	// relative to /v1/{project_id}/.
	Method, Path string
	// Query is a raw query string, Body a raw JSON text ("" sends none).
	Query, Body string
	// As is the caller (default Owner).
	As Caller
	// Header holds extra request headers, replacing the defaults.
	Header http.Header
	// Status and Code are the expected HTTP status and error_code ("" for
	// a success).
	Status int
	Code   string
	// Fields are checked on the response body.
	Fields Fields
	// Slow marks a case that takes minutes of real time; -short skips it
	// unless the target can Advance.
	Slow bool
}

// vars fills a case's placeholders.
func (w *world) vars(serverPort int) *strings.Replacer {
	other := Tenant{}
	if w.tg.Other != nil {
		other = *w.tg.Other
	}
	svcID, _ := w.service["id"].(string)
	svcName, _ := w.service["service_name"].(string)
	epID, _ := w.endpoint["id"].(string)
	marker := literal(w.endpoint["marker_id"])
	fixturePort := ""
	if ports, _ := w.service["ports"].([]any); len(ports) > 0 {
		p, _ := ports[0].(map[string]any)
		fixturePort = literal(p["server_port"])
	}
	return strings.NewReplacer(
		"{project_id}", w.tg.Tenant.ProjectID, "{domain_id}", w.tg.Tenant.DomainID,
		"{other_project_id}", other.ProjectID, "{other_domain_id}", other.DomainID,
		"{service_id}", svcID, "{service_name}", svcName, "{endpoint_id}", epID,
		"{unknown_id}", randomUUID(), "{vpc_id}", w.net.VpcID, "{port_id}", w.net.PortID,
		"{subnet_id}", w.net.SubnetID, "{server_type}", w.net.ServerType,
		"{server_port}", strconv.Itoa(serverPort), "{fixture_server_port}", fixturePort,
		"{endpoint_marker_id}", marker, "{name}", w.name(), "{tag_key}", TagKey, "{tag_value}", w.runID,
	)
}

// runCase sends c and checks the answer against it and against the rules
// every answer obeys; the report gets the request, what was expected and
// what came back.
func (w *world) runCase(t testing.TB, c Case, e *entry) {
	tn, ok := w.caller(c.As)
	if !ok {
		t.Skip("needs a second tenant (Target.Other)")
	}
	if c.Slow && testing.Short() && w.tg.Advance == nil {
		t.Skip("slow in real time; skipped with -short")
	}
	if w.ctx.Err() != nil {
		t.Fatal("interrupted")
	}
	rep := w.vars(w.serverPort())
	e.Expected = &expected{Status: c.Status, Code: c.Code, Fields: make(Fields, len(c.Fields))}
	for k, v := range c.Fields {
		e.Expected.Fields[k] = rep.Replace(v)
	}
	q, err := url.ParseQuery(rep.Replace(c.Query))
	if err != nil {
		t.Fatalf("case query: %v", err)
	}
	path := rep.Replace(c.Path)
	var body any
	if c.Body != "" {
		raw := w.markRaw(c.Op, rep.Replace(c.Body))
		body = raw
		e.Request = &request{Body: raw}
	} else {
		e.Request = &request{}
	}
	e.Request.As, e.Request.Method, e.Request.Path, e.Request.Query = callerNames[c.As], c.Method, path, q.Encode()
	if !strings.HasPrefix(path, "/") {
		e.Request.Path = "/v1/" + tn.ProjectID + "/" + path
	}
	r := w.rawClient(tn).Send(w.ctx, c.Method, path, q, body, c.Header)
	e.Got = gotOf(r)
	if r.Err != nil {
		t.Fatalf("%s %s: %v", c.Method, c.Path, r.Err)
	}
	w.cleanupCreated(t, tn, c.Op, r)
	if r.Status != c.Status || r.ErrorCode != c.Code {
		t.Errorf("%s %s: want %d %s, got %s", c.Method, c.Path, c.Status, c.Code, describe(r))
	}
	for _, msg := range checkFields(r.Body, c.Fields, rep.Replace) {
		t.Error(msg)
	}
	for _, msg := range wireRules(c.Op, r) {
		t.Error(msg)
	}
}

// callerNames name the callers in the report.
var callerNames = map[Caller]string{Owner: "owner", Anonymous: "anonymous", BadToken: "bad token", Other: "other"}

// cleanupCreated deletes what a successful create case made.
func (w *world) cleanupCreated(t testing.TB, tn Tenant, op string, r Result) {
	id, _ := r.Body["id"].(string)
	if r.Status != http.StatusOK || id == "" {
		return
	}
	c := w.tg.client(tn)
	switch op {
	case OpCreateService:
		t.Cleanup(func() { w.deleteService(t, c, id) })
	case OpCreateEndpoint:
		t.Cleanup(func() { w.deleteEndpoint(t, c, id) })
	}
}

// wireRules are the checks every answer must pass whatever the case
// (docs/real-clients.md §4.3 E): errors carry the flat envelope and an
// X-Request-Id, DELETE answers 204 with no body, list bodies hold exactly
// one array.
func wireRules(op string, r Result) []string {
	var bad []string
	if r.Status >= 400 {
		if _, ok := r.Body["error_msg"].(string); !ok || r.ErrorCode == "" {
			bad = append(bad, "error body lacks string error_code and error_msg")
		}
		if r.Header != nil && r.Header.Get("X-Request-Id") == "" {
			bad = append(bad, "error without X-Request-Id header")
		}
	}
	if r.Status == http.StatusNoContent && r.Body != nil {
		bad = append(bad, "204 with a body")
	}
	if r.Status == http.StatusOK && listOps[op] && topArrays(r.Body) != 1 {
		bad = append(bad, "a list body must hold exactly one top-level array (gophertelekomcloud AllPages)")
	}
	return bad
}
