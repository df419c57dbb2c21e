package fake_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// isolatedOp is an operation on one resource of the owner; {id}, {perm},
// {conn}, {ep} and {gw} stand for the service, its whitelist record,
// tenantB's connection to it and the owner's interface and gateway
// endpoints. code is the documented not-found of the resource type.
type isolatedOp struct {
	name, method, path, body, code string
}

// isolatedOps are all operations of main that address a tenant's resource.
var isolatedOps = []isolatedOp{
	{"get service", "GET", "/vpc-endpoint-services/{id}", "", "EndPoint.0005"},
	{"update service", "PUT", "/vpc-endpoint-services/{id}", `{"description":"mine"}`, "EndPoint.0005"},
	{"delete service", "DELETE", "/vpc-endpoint-services/{id}", "", "EndPoint.0005"},
	{"rename service", "PUT", "/vpc-endpoint-services/{id}/name", `{"endpoint_service_name":"mine"}`, "EndPoint.0005"},
	{"list permissions", "GET", "/vpc-endpoint-services/{id}/permissions", "", "EndPoint.0005"},
	{"permission action", "POST", "/vpc-endpoint-services/{id}/permissions/action", `{"action":"add","permissions":["*"]}`, "EndPoint.0005"},
	{"batch add permissions", "POST", "/vpc-endpoint-services/{id}/permissions/batch-create",
		`{"permissions":[{"permission":"*","description":""}]}`, "EndPoint.0005"},
	{"batch remove permissions", "POST", "/vpc-endpoint-services/{id}/permissions/batch-delete", `{"permissions":[{"id":"{perm}"}]}`, "EndPoint.0005"},
	{"permission description", "PUT", "/vpc-endpoint-services/{id}/permissions/{perm}", `{"permission":{"description":"mine"}}`, "EndPoint.0005"},
	{"service tag action", "POST", "/endpoint_service/{id}/tags/action", `{"action":"create","tags":[{"key":"mine","value":"x"}]}`, "EndPoint.0005"},
	{"list connections", "GET", "/vpc-endpoint-services/{id}/connections", "", "EndPoint.0005"},
	{"connection action", "POST", "/vpc-endpoint-services/{id}/connections/action", `{"action":"receive","endpoints":["{conn}"]}`, "EndPoint.0005"},
	{"connection description", "PUT", "/vpc-endpoint-services/{id}/connections/description",
		`{"connections":[{"id":"{conn}","description":"mine"}]}`, "EndPoint.0005"},
	{"get endpoint", "GET", "/vpc-endpoints/{ep}", "", "EndPoint.2006"},
	{"delete endpoint", "DELETE", "/vpc-endpoints/{ep}", "", "EndPoint.2006"},
	{"endpoint whitelist", "PUT", "/vpc-endpoints/{ep}", `{"whitelist":["10.0.0.1"],"enable_whitelist":true}`, "EndPoint.2006"},
	{"endpoint policy", "PUT", "/vpc-endpoints/{gw}/policy", `{"policy_statement":[]}`, "EndPoint.2006"},
	{"delete endpoint policy", "DELETE", "/vpc-endpoints/{gw}/policy", "", "EndPoint.2006"},
	{"endpoint route tables", "PUT", "/vpc-endpoints/{gw}/routetables", `{"routetables":["` + rtID + `"]}`, "EndPoint.2006"},
	{"endpoint tag action", "POST", "/endpoint/{ep}/tags/action", `{"action":"create","tags":[{"key":"mine","value":"x"}]}`, "EndPoint.2006"},
}

// fill replaces the placeholders of s with e's ids; with unknown set,
// every resource id is unknown instead.
func (op isolatedOp) fill(s string, e *fuzzEnv, unknown string) string {
	id, perm, conn, ep, gw := e.svc, e.perm, e.conn, e.ep, e.gw
	if unknown != "" {
		id, ep, gw = unknown, unknown, unknown
	}
	return strings.NewReplacer("{id}", id, "{perm}", perm, "{conn}", conn, "{ep}", ep, "{gw}", gw).Replace(s)
}

// TestIsolationMatrix: another tenant, whitelisted or not, addressing the
// owner's resources through any operation gets exactly the answer of an
// unknown id (404 with the resource's not-found code: not even existence
// leaks) under its own project, and 403 EndPoint.0004 under the owner's
// project; the owner's state does not change.
func TestIsolationMatrix(t *testing.T) {
	t.Parallel()
	e := newFuzzEnv(t)
	before := e.dump(t)
	unknown := uuid.NewString()
	for _, tn := range []fake.Tenant{tenantB, tenantC} {
		for _, op := range isolatedOps {
			t.Run(tn.ProjectID+"/"+op.name, func(t *testing.T) {
				call := func(project, unknown string) reply {
					var body any
					if op.body != "" {
						body = op.fill(op.body, e, unknown)
					}
					return send(t, e.srv, tn, op.method, "/v1/"+project+op.fill(op.path, e, unknown), body)
				}
				theirs := call(tn.ProjectID, "")
				assert.Equal(t, http.StatusNotFound, theirs.Status, string(theirs.Body))
				requireDocumented(t, theirs)
				assert.Equal(t, op.code, theirs.code(t))
				other := call(tn.ProjectID, unknown)
				assert.Equal(t, other.Status, theirs.Status, "the answer tells an existing resource from an unknown one")
				assert.Equal(t, string(other.Body), string(theirs.Body), "the answer tells an existing resource from an unknown one")
				owners := call(fake.DefaultProjectID, "")
				assert.Equal(t, http.StatusForbidden, owners.Status, string(owners.Body))
				assert.Equal(t, "EndPoint.0004", owners.code(t))
			})
		}
	}
	assert.Equal(t, before, e.dump(t), "another tenant changed the owner's state")
}

// TestIsolationLists: the owner's service, its tags and whitelist appear in
// no list, count, tag query or public list of another tenant; describe
// shows a whitelisted account only the basic information and an
// account that is not whitelisted nothing.
func TestIsolationLists(t *testing.T) {
	t.Parallel()
	e := newFuzzEnv(t)
	var own api.Service
	send(t, e.srv, fake.DefaultTenant, "GET", servicesPath(fake.DefaultTenant, "/"+e.svc), nil).into(t, &own)
	for _, tn := range []fake.Tenant{tenantB, tenantC} {
		t.Run(tn.ProjectID, func(t *testing.T) {
			t.Parallel()
			views := []struct {
				method, path, body string
			}{
				{"GET", servicesPath(tn, "?limit=1000"), ""},
				{"GET", servicesPath(tn, "?id="+e.svc), ""},
				{"GET", servicesPath(tn, "?endpoint_service_name="+own.ServiceName), ""},
				{"GET", servicesPath(tn, "/public?limit=1000"), ""},
				{"POST", "/v1/" + tn.ProjectID + "/endpoint_service/resource_instances/action", `{"action":"filter"}`},
				{"POST", "/v1/" + tn.ProjectID + "/endpoint_service/resource_instances/action",
					`{"action":"filter","tags":[{"key":"env","values":["prod"]}]}`},
				{"GET", "/v1/" + tn.ProjectID + "/endpoint_service/tags", ""},
				{"GET", "/v1/" + tn.ProjectID + "/endpoint/tags", ""},
				{"POST", "/v1/" + tn.ProjectID + "/endpoint/resource_instances/action", `{"action":"filter"}`},
				{"GET", "/v1/" + tn.ProjectID + "/vpc-endpoints?limit=1000", ""},
				{"GET", "/v1/" + tn.ProjectID + "/vpc-endpoints?id=" + e.ep, ""},
				{"GET", "/v1/" + tn.ProjectID + "/quotas", ""},
			}
			for _, v := range views {
				var body any
				if v.body != "" {
					body = v.body
				}
				r := send(t, e.srv, tn, v.method, v.path, body)
				require.Equal(t, http.StatusOK, r.Status, string(r.Body))
				secrets := []string{e.ep, e.gw, e.perm, "prod", fake.DefaultProjectID, fake.DefaultDomainID}
				if !strings.Contains(v.path, "/vpc-endpoints") && !strings.Contains(v.path, "/endpoint/") {
					// tenantB's own endpoint names the service it connects to.
					secrets = append(secrets, e.svc, own.ServiceName)
				}
				for _, secret := range secrets {
					assert.NotContains(t, string(r.Body), secret, v.path)
				}
			}
			var count api.ResourceCount
			send(t, e.srv, tn, "POST", "/v1/"+tn.ProjectID+"/endpoint_service/resource_instances/action", `{"action":"count"}`).into(t, &count)
			assert.Zero(t, count.TotalCount)
			var q api.QuotaResponse
			send(t, e.srv, tn, "GET", "/v1/"+tn.ProjectID+"/quotas", nil).into(t, &q)
			for _, res := range q.Quotas.Resources {
				want := 0
				if tn == tenantB && res.Type == "endpoint" {
					want = 1 // its own connection endpoint
				}
				assert.Equal(t, want, res.Used, res.Type)
			}
		})
	}
	t.Run("describe", func(t *testing.T) {
		t.Parallel()
		for _, q := range []string{"id=" + e.svc, "endpoint_service_name=" + own.ServiceName} {
			seen := send(t, e.srv, tenantB, "GET", servicesPath(tenantB, "/describe?"+q), nil)
			require.Equal(t, http.StatusOK, seen.Status, string(seen.Body))
			var fields map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(seen.Body, &fields))
			for k := range fields {
				assert.Contains(t, []string{"id", "service_name", "service_type", "server_type", "created_at", "is_charge", "enable_policy"}, k)
			}
			hidden := send(t, e.srv, tenantC, "GET", servicesPath(tenantC, "/describe?"+q), nil)
			assert.Equal(t, http.StatusNotFound, hidden.Status, string(hidden.Body))
			assert.Equal(t, "EndPoint.0005", hidden.code(t))
		}
	})
}

// TestIsolationQuota: quotas count per project; the owner's services and
// endpoints use none of another tenant's.
func TestIsolationQuota(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 1, Endpoints: 1}), fake.WithTenants(tenantB))
	svc, _ := newService(t, srv, fake.DefaultTenant)
	newService(t, srv, tenantB)
	assert.Equal(t, "Endpoint.1018", send(t, srv, tenantB, "POST", servicesPath(tenantB, ""), createBody()).code(t))
	send(t, srv, fake.DefaultTenant, "POST", servicesPath(fake.DefaultTenant, "/"+svc+"/permissions/action"),
		map[string]any{"action": "add", "permissions": []string{domain(tenantB)}}).into(t, &api.PermissionActionResponse{})
	newEndpoint(t, srv, fake.DefaultTenant, endpointBody(svc))
	newEndpoint(t, srv, tenantB, endpointBody(svc))
	r := send(t, srv, tenantB, "POST", "/v1/"+tenantB.ProjectID+"/vpc-endpoints", endpointBody(svc))
	assert.Equal(t, "Endpoint.1018", r.code(t))
}
