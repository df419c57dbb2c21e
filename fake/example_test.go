package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// call sends one authenticated request as the default tenant and decodes
// the JSON answer into out (when not nil).
func call(c *http.Client, method, url, body string, out any) int {
	r, err := roundTrip(c, method, url, body, tenantHeaders(fake.DefaultTenant))
	if err != nil {
		panic(err)
	}
	if out != nil {
		if err := json.Unmarshal(r.Body, out); err != nil {
			panic(err)
		}
	}
	return r.Status
}

const exampleBody = `{
	"port_id": "33333333-3333-4333-8333-333333333333",
	"vpc_id": "11111111-1111-4111-8111-111111111111",
	"server_type": "LB",
	"service_name": "demo",
	"ports": [{"client_port": 80, "server_port": 8080, "protocol": "TCP"}]
}`

// Start a fake in memory and create an endpoint service through its
// in-memory client: no socket, no goroutine.
func Example() {
	srv := fake.New(fake.WithSeed(42))
	c := srv.Client()
	var svc struct {
		ID          string `json:"id"`
		ServiceName string `json:"service_name"`
		Status      string `json:"status"`
	}
	code := call(c, http.MethodPost, srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services", exampleBody, &svc)
	fmt.Println(code, svc.Status)
	fmt.Println(svc.ServiceName) // the same every run: WithSeed fixes the ids
	// Output:
	// 200 creating
	// eu-de.demo.f690fc64-9a57-4c0a-9307-04faa35217ac
}

// Drive asynchronous transitions with a mock clock: the service stays
// creating until the configured delay has passed on the clock.
func ExampleWithClock() {
	mock := clock.NewMock()
	mock.Set(time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC))
	srv := fake.New(fake.WithClock(mock), fake.WithSeed(1),
		fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}))
	c := srv.Client()
	base := srv.Endpoint(fake.DefaultProjectID) + "vpc-endpoint-services"

	var svc struct {
		ID        string `json:"id"`
		Status    string `json:"status"`
		UpdatedAt string `json:"updated_at"`
	}
	call(c, http.MethodPost, base, exampleBody, &svc)
	fmt.Println(svc.Status, svc.UpdatedAt)

	mock.Add(59 * time.Second)
	call(c, http.MethodGet, base+"/"+svc.ID, "", &svc)
	fmt.Println(svc.Status, svc.UpdatedAt)

	mock.Add(time.Second)
	call(c, http.MethodGet, base+"/"+svc.ID, "", &svc)
	fmt.Println(svc.Status, svc.UpdatedAt)
	// Output:
	// creating 2026-01-02T03:04:05Z
	// creating 2026-01-02T03:04:05Z
	// available 2026-01-02T03:05:05Z
}

// NewServer listens on a loopback port, for clients that need a URL (SDKs
// configured with an endpoint, terraform). Version discovery needs no
// token.
func ExampleNewServer() {
	srv := fake.NewServer(fake.WithSeed(7))
	defer srv.Close()

	res, err := http.Get(srv.URL + "/")
	if err != nil {
		panic(err)
	}
	defer res.Body.Close()
	var v struct {
		Versions []struct {
			ID     string `json:"id"`
			Status string `json:"status"`
		} `json:"versions"`
	}
	if err := json.NewDecoder(res.Body).Decode(&v); err != nil {
		panic(err)
	}
	fmt.Println(res.StatusCode, v.Versions[0].ID, v.Versions[0].Status)

	var list struct {
		TotalCount int `json:"total_count"`
	}
	code := call(http.DefaultClient, http.MethodPost, srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services", exampleBody, nil)
	call(http.DefaultClient, http.MethodGet, srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services", "", &list)
	fmt.Println(code, list.TotalCount)
	// Output:
	// 200 v1 CURRENT
	// 200 1
}
