package scenario_test

import (
	"encoding/json"
	"fmt"
	"net/http"
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
// fake clock, so a minute of realistic creation takes microseconds. The
// in-memory transport opens no socket, which keeps every goroutine inside
// the bubble. (Shown, not run: synctest needs the *testing.T of a test,
// e.g. TestVirtualTimeClient.)
func Example_virtualTime() {
	var t *testing.T // the *testing.T of your test function
	synctest.Test(t, func(t *testing.T) {
		srv := fake.New(fake.WithClock(clock.New()), fake.WithDelays(fake.RealisticDelays))
		id := createWith(srv) // POST /vpc-endpoint-services → "creating"
		start := time.Now()
		polls, err := waitAvailable(srv.Client(), srv.Endpoint(fake.DefaultProjectID)+"vpc-endpoint-services/"+id, fake.DefaultToken)
		fmt.Println(polls, err, time.Since(start)) // 13 <nil> 1m0s
	})
}
