package scenario_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// get reads service id and returns the HTTP status and the service status.
func get(srv *fake.Server, id string) (int, string) {
	req, _ := http.NewRequest(http.MethodGet, srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services/"+id, nil)
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	resp, err := srv.Client().Do(req)
	if err != nil {
		return 0, err.Error()
	}
	defer resp.Body.Close()
	var s service
	_ = json.NewDecoder(resp.Body).Decode(&s)
	return resp.StatusCode, s.Status
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

func ExampleSlowApproval() {
	scn := scenario.SlowApproval(10 * time.Minute)
	plan := scn.Plan(scenario.Change{Transition: scenario.EndpointAccept}, scenario.Plan{})
	fmt.Println(plan.Delay)
	// Output: 10m0s
}

func ExampleConnectionRejected() {
	scn := scenario.ConnectionRejected()
	out := scn.Decide(&scenario.Request{Op: api.OpCreateEndpoint, Method: http.MethodPost})
	fmt.Println(out.Code, out.Rule)
	// Output: EndPoint.2012 connection-rejected
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
