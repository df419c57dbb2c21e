package scenario_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/benbjohnson/clock"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// waitAvailable is an ordinary client polling loop, as SDK waiters write
// it: GET the service every 5 s of real time.Sleep until it is available.
// It returns how many GETs it took.
func waitAvailable(c *http.Client, url, token string) (int, error) {
	for polls := 1; ; polls++ {
		req, err := http.NewRequest(http.MethodGet, url, nil)
		if err != nil {
			return polls, err
		}
		req.Header.Set("X-Auth-Token", token)
		resp, err := c.Do(req)
		if err != nil {
			return polls, err
		}
		var s struct {
			Status string `json:"status"`
		}
		err = json.NewDecoder(resp.Body).Decode(&s)
		resp.Body.Close()
		if err != nil || s.Status == "available" {
			return polls, err
		}
		time.Sleep(5 * time.Second)
	}
}

// Virtual time for server and client together: inside a testing/synctest
// bubble, clock.New() and the client's time.Sleep both run on the bubble's
// fake clock, so half a minute of realistic creation takes microseconds. The
// in-memory transport opens no socket, which keeps every goroutine inside
// the bubble. (Shown, not run: synctest needs the *testing.T of a test,
// e.g. TestVirtualTimeClient.)
func Example_virtualTime() {
	var t *testing.T // the *testing.T of your test function
	synctest.Test(t, func(t *testing.T) {
		srv := fake.New(fake.WithClock(clock.New()), fake.WithDelays(fake.RealisticDelays))
		services := srv.ProjectURL(fake.DefaultProjectID) + "vpc-endpoint-services"

		req, err := http.NewRequest(http.MethodPost, services, strings.NewReader(`{
			"port_id": "33333333-3333-4333-8333-333333333333", "vpc_id": "11111111-1111-4111-8111-111111111111",
			"server_type": "VM", "ports": [{"client_port": 80, "server_port": 8080}]}`))
		if err != nil {
			t.Fatal(err)
		}
		req.Header.Set("X-Auth-Token", fake.DefaultToken)
		resp, err := srv.Client().Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var svc struct {
			ID string `json:"id"`
		}
		err = json.NewDecoder(resp.Body).Decode(&svc) // status "creating"
		resp.Body.Close()
		if err != nil {
			t.Fatal(err)
		}

		start := time.Now()
		polls, err := waitAvailable(srv.Client(), services+"/"+svc.ID, fake.DefaultToken)
		fmt.Println(polls, err, time.Since(start)) // 5 <nil> 30s
	})
}
