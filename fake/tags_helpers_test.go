package fake_test

import (
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// tagClient is a client whose createService names and tags the service.
type tagClient struct{ *client }

func newTagClient(tb testing.TB, opts ...fake.Option) *tagClient {
	return &tagClient{newClient(tb, fake.NewTest(tb, opts...), fake.DefaultTenant)}
}

// with returns the client reporting to tb (a subtest's T).
func (c *tagClient) with(tb testing.TB) *tagClient {
	return &tagClient{newClient(tb, c.srv, c.tenant)}
}

// as returns a client of the same server for another tenant.
func (c *tagClient) as(t fake.Tenant) *tagClient {
	return &tagClient{newClient(c.tb, c.srv, t)}
}

// call sends body and returns the status and the response body.
func (c *tagClient) call(method, path string, body any) (int, []byte) {
	c.tb.Helper()
	return c.do(method, path, body)
}

// createService creates a service with short name and tags (alternating
// keys and values) and returns it.
func (c *tagClient) createService(name string, kv ...string) api.Service {
	c.tb.Helper()
	tags := []api.Tag{}
	for i := 0; i+1 < len(kv); i += 2 {
		tags = append(tags, api.Tag{Key: kv[i], Value: kv[i+1]})
	}
	body := map[string]any{
		"port_id": uuid.NewString(), "vpc_id": uuid.NewString(), "server_type": "LB",
		"ports": []map[string]int{{"client_port": 80, "server_port": 8080}}, "tags": tags,
	}
	if name != "" {
		body["service_name"] = name
	}
	var s api.Service
	c.ok(http.MethodPost, "/vpc-endpoint-services", body, http.StatusOK, &s)
	return s
}

// service returns the service with id as GET shows it.
func (c *tagClient) service(id string) api.Service {
	c.tb.Helper()
	return c.getService(id)
}
