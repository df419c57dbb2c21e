package fake_test

import (
	"net/http"
	"testing"

	"github.com/google/uuid"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// tenantB and tenantC are accounts beside fake.DefaultTenant.
var (
	tenantB = fake.Tenant{DomainID: "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb", ProjectID: "projectb", Token: "token-b"}
	tenantC = fake.Tenant{DomainID: "cccccccccccccccccccccccccccccccc", ProjectID: "projectc", Token: "token-c"}
)

// servicesPath is the service collection of tenant tn, followed by rest.
func servicesPath(tn fake.Tenant, rest string) string {
	return apiPath(tn, services+rest)
}

// newService creates a service of tenant tn and returns its id and full
// name.
func newService(t *testing.T, srv *fake.Server, tn fake.Tenant) (string, string) {
	t.Helper()
	var out struct {
		ID          string `json:"id"`
		ServiceName string `json:"service_name"`
	}
	send(t, srv, tn, http.MethodPost, servicesPath(tn, ""), map[string]any{
		"port_id": uuid.NewString(), "vpc_id": uuid.NewString(), "server_type": "LB",
		"service_name": "svc", "ports": []map[string]any{{"client_port": 80, "server_port": 8080}},
	}).into(t, &out)
	return out.ID, out.ServiceName
}

// domain returns the whitelist entry of tn's account.
func domain(tn fake.Tenant) string { return "iam:domain::" + tn.DomainID }
