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

// login logs in by password as the default tenant's user and returns the
// token IAM issued.
func login(c *http.Client, srv *fake.Server) string {
	body := `{"auth":{"identity":{"methods":["password"],"password":{"user":{"name":"` + fake.DefaultUserName +
		`","password":"` + fake.DefaultPassword + `","domain":{"name":"` + fake.DefaultDomainName + `"}}}},` +
		`"scope":{"project":{"id":"` + fake.DefaultProjectID + `"}}}}`
	resp, err := c.Post(srv.URL+"/v3/auth/tokens", "application/json", strings.NewReader(body))
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	return resp.Header.Get("X-Subject-Token")
}

// listStatus lists the default tenant's services with token and returns
// the status (and error code, if any).
func listStatus(c *http.Client, srv *fake.Server, token string) string {
	req, _ := http.NewRequest(http.MethodGet, srv.ProjectURL(fake.DefaultProjectID)+"vpc-endpoint-services", nil)
	req.Header.Set("X-Auth-Token", token)
	resp, err := c.Do(req)
	if err != nil {
		panic(err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusOK {
		return "200"
	}
	var e struct {
		Code string `json:"error_code"`
	}
	_ = json.NewDecoder(resp.Body).Decode(&e)
	return fmt.Sprint(resp.StatusCode, " ", e.Code)
}

// A token from an IAM login expires after the token lifetime (24 hours by
// default, as on OTC) on the server's clock: the client gets 401
// EndPoint.0003, logs in again, gets a fresh token and goes on.
func Example_tokenExpiry() {
	mock := clock.NewMock()
	srv := fake.New(fake.WithClock(mock), fake.WithTokenLifetime(time.Hour))
	c := srv.Client()

	token := login(c, srv)
	fmt.Println(listStatus(c, srv, token))
	mock.Add(time.Hour)
	fmt.Println(listStatus(c, srv, token))
	fresh := login(c, srv)
	fmt.Println(fresh != token, listStatus(c, srv, fresh))
	// Output:
	// 200
	// 401 EndPoint.0003
	// true 200
}
