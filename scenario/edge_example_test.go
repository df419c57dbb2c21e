package scenario_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strings"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// exampleFetch sends one request as the default tenant through srv's in-memory
// client; rel is relative to the project endpoint.
func exampleFetch(srv *fake.Server, method, rel, body string) (int, []byte, error) {
	req, _ := http.NewRequest(method, srv.ProjectURL(fake.DefaultProjectID)+rel, strings.NewReader(body))
	req.Header.Set("X-Auth-Token", fake.DefaultToken)
	resp, err := srv.Client().Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	return resp.StatusCode, b, err
}

const exampleService = `{"port_id":"4189d3c2-8882-4871-a3c2-d380272eed88","vpc_id":"4189d3c2-8882-4871-a3c2-d380272eed80",
	"server_type":"VM","ports":[{"client_port":80,"server_port":8080}]}`

// Applied, but the answer was lost: the first create runs, then the
// connection drops. The client sees io.ErrUnexpectedEOF (in memory as
// over a socket); the journal tells which service the create made, so
// the test can check that the client's retry does not leave a duplicate.
func Example_lostResponse() {
	scn := scenario.New()
	_ = scn.Add(scenario.Rule{Name: "lost", Match: scenario.Match{Op: "CreateEndpointService"},
		Trigger: scenario.Nth(1), Effect: scenario.LoseResponse()})
	srv := fake.New(fake.WithScenario(scn))

	_, _, err := exampleFetch(srv, http.MethodPost, "vpc-endpoint-services", exampleService)
	fmt.Println("client:", errors.Is(err, io.ErrUnexpectedEOF))

	made := scn.Requests(scenario.Query{Rule: "lost"})[0].Created
	status, _, _ := exampleFetch(srv, http.MethodGet, "vpc-endpoint-services/"+made, "")
	fmt.Println("the lost create made a service:", status)
	// Output:
	// client: true
	// the lost create made a service: 200
}

// Eventual consistency: a new service is found by GET at once but shown
// by the list only from the third list on; the journal records what each
// list hid.
func Example_listLag() {
	scn := scenario.New()
	_ = scn.Add(scenario.Rule{Match: scenario.Match{Op: "CreateEndpointService"}, Effect: scenario.ListLag(2)})
	srv := fake.New(fake.WithScenario(scn))

	_, b, _ := exampleFetch(srv, http.MethodPost, "vpc-endpoint-services", exampleService)
	var svc struct{ ID string }
	_ = json.Unmarshal(b, &svc)
	status, _, _ := exampleFetch(srv, http.MethodGet, "vpc-endpoint-services/"+svc.ID, "")
	fmt.Println("get:", status)
	for range 3 {
		_, b, _ := exampleFetch(srv, http.MethodGet, "vpc-endpoint-services", "")
		var l struct {
			Total int `json:"total_count"`
		}
		_ = json.Unmarshal(b, &l)
		fmt.Println("list:", l.Total)
	}
	for _, e := range scn.Requests(scenario.Query{Op: "ListEndpointService"}) {
		fmt.Println("hidden:", len(e.Hidden), e.Hidden != nil && e.Hidden[0] == svc.ID)
	}
	// Output:
	// get: 200
	// list: 0
	// list: 0
	// list: 1
	// hidden: 1 true
	// hidden: 1 true
	// hidden: 0 false
}
