package scenario_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// get reads service id and returns the HTTP status and the service status.
func get(srv *fake.Server, id string) (int, string) {
	code, _, status := call(srv, http.MethodGet, "vpc-endpoint-services/"+id, nil)
	return code, status
}

func ExampleCreationFails() {
	scn := scenario.CreationFails(scenario.ServiceCreate, "EndPoint.0001", "no capacity")
	srv := fake.New(fake.WithScenario(scn))
	id := createWith(srv)
	fmt.Println(get(srv, id))
	// Output: 200 failed
}

func ExampleStuckCreating() {
	scn := scenario.StuckCreating(scenario.ServiceCreate)
	mock := clock.NewMock()
	srv := fake.New(fake.WithClock(mock), fake.WithScenario(scn))
	id := createWith(srv)
	mock.Add(24 * time.Hour)
	fmt.Println(get(srv, id))
	srv.Release(id)
	fmt.Println(get(srv, id))
	// Output:
	// 200 creating
	// 200 available
}

// call sends body as JSON (nil: none) to rel under the default project
// and returns the HTTP status and the answer's id and status fields.
func call(srv *fake.Server, method, rel string, body any) (code int, id, status string) {
	var rd io.Reader
	if body != nil {
		b, _ := json.Marshal(body)
		rd = bytes.NewReader(b)
	}
	req, _ := http.NewRequest(method, srv.Endpoint(fake.DefaultProjectID)+rel, rd)
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	resp, err := srv.Client().Do(req)
	if err != nil {
		return 0, "", err.Error()
	}
	defer resp.Body.Close()
	var out struct{ ID, Status string }
	_ = json.NewDecoder(resp.Body).Decode(&out)
	return resp.StatusCode, out.ID, out.Status
}

// newEndpoint creates a service (with approval as given) and an endpoint
// of it, and returns the endpoint's path.
func newEndpoint(srv *fake.Server, approval bool) string {
	svc := createBody("svc", 80)
	svc["approval_enabled"] = approval
	_, sid, _ := call(srv, http.MethodPost, "vpc-endpoint-services", svc)
	call(srv, http.MethodGet, "vpc-endpoint-services/"+sid, nil) // available
	_, eid, _ := call(srv, http.MethodPost, "vpc-endpoints", map[string]any{"endpoint_service_id": sid,
		"vpc_id": "4189d3c2-8882-4871-a3c2-d380272eed80", "subnet_id": "4189d3c2-8882-4871-a3c2-d380272eed81"})
	return "vpc-endpoints/" + eid
}

func ExampleSlowApproval() {
	scn := scenario.SlowApproval(10 * time.Minute)
	mock := clock.NewMock()
	srv := fake.New(fake.WithClock(mock), fake.WithScenario(scn))
	ep := newEndpoint(srv, true)
	_, _, st := call(srv, http.MethodGet, ep, nil)
	fmt.Println(st)
	mock.Add(10 * time.Minute)
	_, _, st = call(srv, http.MethodGet, ep, nil)
	fmt.Println(st)
	// Output:
	// pendingAcceptance
	// accepted
}

func ExampleConnectionRejected() {
	scn := scenario.ConnectionRejected()
	srv := fake.New(fake.WithScenario(scn))
	ep := newEndpoint(srv, false)
	_, _, st := call(srv, http.MethodGet, ep, nil)
	fmt.Println(st)
	// Output: rejected
}

func ExampleNotWhitelisted() {
	scn := scenario.NotWhitelisted()
	out := scn.Decide(&scenario.Request{Op: api.OpCreateEndpoint, Method: http.MethodPost})
	fmt.Println(out.Code, out.Rule)
	// Output: EndPoint.2012 not-whitelisted
}

func ExampleFlakyReads() {
	scn := scenario.FlakyReads(0.5, 42)
	srv := fake.New(fake.WithScenario(scn))
	id := createWith(srv)
	for range 6 {
		code, _ := get(srv, id)
		fmt.Print(code, " ")
	}
	fmt.Println()
	// Output: 500 500 200 500 500 500
}

func ExampleThrottling() {
	scn := scenario.Throttling(2, 30)
	srv := fake.New(fake.WithScenario(scn))
	for range 3 {
		req, _ := http.NewRequest(http.MethodGet, srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services", nil)
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, _ := srv.Client().Do(req)
		resp.Body.Close()
		fmt.Printf("%d %q\n", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// Output:
	// 429 "30"
	// 429 "30"
	// 200 ""
}

func ExampleServiceDeletedUnderClient() {
	scn := scenario.ServiceDeletedUnderClient(2)
	srv := fake.New(fake.WithScenario(scn))
	id := createWith(srv)
	for range 3 {
		code, _ := get(srv, id)
		fmt.Print(code, " ")
	}
	fmt.Println()
	// Output: 200 200 404
}
