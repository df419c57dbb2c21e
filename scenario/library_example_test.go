package scenario_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// The examples talk to the fake with plain net/http as the default tenant.
// Every well-formed UUID names an existing VPC, subnet and port, since no
// network inventory is seeded.

func ExampleCreationFails() {
	scn := scenario.CreationFails(scenario.ServiceCreate, scenario.ErrEndPoint0001, "no capacity")
	srv := fake.New(fake.WithScenario(scn))
	services := srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"

	var svc struct {
		ID     string `json:"id"`
		Status string `json:"status"`
		Error  []struct {
			ErrorCode string `json:"error_code"`
		} `json:"error"`
	}
	send := func(method, url, body string) int {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&svc)
		return resp.StatusCode
	}

	send(http.MethodPost, services, `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "VM",
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	fmt.Println(send(http.MethodGet, services+"/"+svc.ID, ""), svc.Status, svc.Error[0].ErrorCode)
	// Output: 200 failed EndPoint.0001
}

func ExampleStuckCreating() {
	mock := clock.NewMock()
	srv := fake.New(fake.WithClock(mock), fake.WithScenario(scenario.StuckCreating(scenario.ServiceCreate)))
	services := srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"

	var svc struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	send := func(method, url, body string) {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&svc)
	}

	send(http.MethodPost, services, `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "VM",
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	mock.Add(24 * time.Hour)
	send(http.MethodGet, services+"/"+svc.ID, "")
	fmt.Println(svc.Status)
	srv.Release(svc.ID) // what the test decides: now it completes
	send(http.MethodGet, services+"/"+svc.ID, "")
	fmt.Println(svc.Status)
	// Output:
	// creating
	// available
}

func ExampleSlowApproval() {
	mock := clock.NewMock()
	srv := fake.New(fake.WithClock(mock), fake.WithScenario(scenario.SlowApproval(10*time.Minute)))
	base := srv.ProjectURL(fake.DefaultProjectID)

	var res struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	send := func(method, url, body string) {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&res)
	}

	// A service that needs approval, available at the next request.
	send(http.MethodPost, base+"vpc-endpoint-services", `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "VM", "approval_enabled": true,
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	send(http.MethodGet, base+"vpc-endpoint-services/"+res.ID, "")
	// An endpoint of it, in another VPC.
	send(http.MethodPost, base+"vpc-endpoints", `{"endpoint_service_id": "`+res.ID+`",
		"vpc_id": "44444444-4444-4444-8444-444444444444", "subnet_id": "55555555-5555-4555-8555-555555555555"}`)
	endpoint := base + "vpc-endpoints/" + res.ID
	send(http.MethodGet, endpoint, "")
	fmt.Println(res.Status)
	mock.Add(10 * time.Minute)
	send(http.MethodGet, endpoint, "")
	fmt.Println(res.Status)
	// Output:
	// pendingAcceptance
	// accepted
}

func ExampleConnectionRejected() {
	srv := fake.New(fake.WithScenario(scenario.ConnectionRejected()))
	base := srv.ProjectURL(fake.DefaultProjectID)

	var res struct {
		ID     string `json:"id"`
		Status string `json:"status"`
	}
	send := func(method, url, body string) {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&res)
	}

	send(http.MethodPost, base+"vpc-endpoint-services", `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "VM",
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	send(http.MethodGet, base+"vpc-endpoint-services/"+res.ID, "") // available
	send(http.MethodPost, base+"vpc-endpoints", `{"endpoint_service_id": "`+res.ID+`",
		"vpc_id": "44444444-4444-4444-8444-444444444444", "subnet_id": "55555555-5555-4555-8555-555555555555"}`)
	send(http.MethodGet, base+"vpc-endpoints/"+res.ID, "")
	fmt.Println(res.Status)
	// Output: rejected
}

func ExampleNotWhitelisted() {
	srv := fake.New(fake.WithScenario(scenario.NotWhitelisted()))

	// The rule refuses every endpoint creation before the operation runs,
	// whatever service the body names.
	req, err := http.NewRequest(http.MethodPost, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoints",
		strings.NewReader(`{"endpoint_service_id": "66666666-6666-4666-8666-666666666666",
			"vpc_id": "44444444-4444-4444-8444-444444444444", "subnet_id": "55555555-5555-4555-8555-555555555555"}`))
	if err != nil {
		panic(err)
	}
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	resp, err := srv.Client().Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var e struct {
		ErrorCode string `json:"error_code"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&e); err != nil {
		panic(err)
	}
	fmt.Println(resp.StatusCode, e.ErrorCode == scenario.ErrEndPoint2012)
	// Output: 400 true
}

func ExampleFlakyReads() {
	srv := fake.New(fake.WithScenario(scenario.FlakyReads(0.5, 42)))
	services := srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"

	var svc struct {
		ID string `json:"id"`
	}
	send := func(method, url, body string) int {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&svc)
		return resp.StatusCode
	}

	send(http.MethodPost, services, `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "VM",
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	id := svc.ID
	for range 6 {
		fmt.Print(send(http.MethodGet, services+"/"+id, ""), " ")
	}
	fmt.Println()
	// Output: 500 500 200 500 500 500
}

func ExampleThrottling() {
	srv := fake.New(fake.WithScenario(scenario.Throttling(2, 30)))
	for range 3 {
		req, err := http.NewRequest(http.MethodGet, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services", nil)
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		resp.Body.Close()
		fmt.Printf("%d %q\n", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	// Output:
	// 429 "30"
	// 429 "30"
	// 200 ""
}

func ExampleServiceDeletedUnderClient() {
	srv := fake.New(fake.WithScenario(scenario.ServiceDeletedUnderClient(2)))
	services := srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"

	var svc struct {
		ID string `json:"id"`
	}
	send := func(method, url, body string) int {
		req, err := http.NewRequest(method, url, strings.NewReader(body))
		if err != nil {
			panic(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			panic(err)
		}
		defer resp.Body.Close()
		_ = json.NewDecoder(resp.Body).Decode(&svc)
		return resp.StatusCode
	}

	send(http.MethodPost, services, `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "VM",
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	id := svc.ID
	for range 3 {
		fmt.Print(send(http.MethodGet, services+"/"+id, ""), " ")
	}
	fmt.Println()
	// Output: 200 200 404
}
