package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// Start a fake in memory and create an endpoint service with plain
// net/http through its in-memory client: no socket, no goroutine.
func Example() {
	srv := fake.New(fake.WithSeed(42)) // WithSeed: the same ids every run
	defer srv.Close()

	body := `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "LB", "service_name": "demo",
		"ports": [{"client_port": 80, "server_port": 8080, "protocol": "TCP"}]}`
	req, err := http.NewRequest(http.MethodPost, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services", strings.NewReader(body))
	if err != nil {
		panic(err)
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	resp, err := srv.Client().Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()

	var svc struct {
		ID          string `json:"id"`
		ServiceName string `json:"service_name"`
		Status      string `json:"status"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&svc); err != nil {
		panic(err)
	}
	fmt.Println(resp.StatusCode, svc.Status)
	fmt.Println(svc.ServiceName)
	// Output:
	// 200 creating
	// eu-de.demo.f690fc64-9a57-4c0a-9307-04faa35217ac
}

// Drive asynchronous transitions with a mock clock: the service stays
// creating until the configured delay has passed on the clock.
func ExampleWithClock() {
	mock := clock.NewMock()
	mock.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	srv := fake.New(fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}))
	services := srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"

	// send makes one request as the default tenant and prints the
	// service's status and update time.
	var svc struct {
		ID        string `json:"id"`
		Status    string `json:"status"`
		UpdatedAt string `json:"updated_at"`
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
		if err := json.NewDecoder(resp.Body).Decode(&svc); err != nil {
			panic(err)
		}
		fmt.Println(svc.Status, svc.UpdatedAt)
	}

	send(http.MethodPost, services, `{"port_id": "33333333-3333-4333-8333-333333333333",
		"vpc_id": "11111111-1111-4111-8111-111111111111", "server_type": "LB",
		"ports": [{"client_port": 80, "server_port": 8080}]}`)
	mock.Add(59 * time.Second)
	send(http.MethodGet, services+"/"+svc.ID, "")
	mock.Add(time.Second)
	send(http.MethodGet, services+"/"+svc.ID, "")
	// Output:
	// creating 2026-01-02T03:04:05Z
	// creating 2026-01-02T03:04:05Z
	// available 2026-01-02T03:05:05Z
}

// NewServer listens on a loopback port, for clients that need a URL (SDKs
// configured with an endpoint, terraform, other languages). Version
// discovery needs no token.
func ExampleNewServer() {
	srv := fake.NewServer()
	defer srv.Close()

	resp, err := http.Get(srv.URL + "/")
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	var v struct {
		Versions []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"versions"`
	}
	if err := json.NewDecoder(resp.Body).Decode(&v); err != nil {
		panic(err)
	}
	fmt.Println(resp.StatusCode, v.Versions[0].ID, v.Versions[0].Status)
	fmt.Println(srv.ProjectURL(fake.DefaultProjectID) == srv.URL+"/v1/"+fake.DefaultProjectID+"/")
	// Output:
	// 200 v1 CURRENT
	// true
}
