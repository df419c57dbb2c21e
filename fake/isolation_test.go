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

// isolatedOp is an operation on one resource of the owner; {id} and
// {perm} stand for the service and its whitelist record.
type isolatedOp struct {
	name, method, path, body string
}

// isolatedOps are all operations of main that address a tenant's resource.
var isolatedOps = []isolatedOp{
	{"get service", "GET", "/vpc-endpoint-services/{id}", ""},
	{"update service", "PUT", "/vpc-endpoint-services/{id}", `{"description":"mine"}`},
	{"delete service", "DELETE", "/vpc-endpoint-services/{id}", ""},
	{"rename service", "PUT", "/vpc-endpoint-services/{id}/name", `{"endpoint_service_name":"mine"}`},
	{"list permissions", "GET", "/vpc-endpoint-services/{id}/permissions", ""},
	{"permission action", "POST", "/vpc-endpoint-services/{id}/permissions/action", `{"action":"add","permissions":["*"]}`},
	{"batch add permissions", "POST", "/vpc-endpoint-services/{id}/permissions/batch-create",
		`{"permissions":[{"permission":"*","description":""}]}`},
	{"batch remove permissions", "POST", "/vpc-endpoint-services/{id}/permissions/batch-delete", `{"permissions":[{"id":"{perm}"}]}`},
	{"permission description", "PUT", "/vpc-endpoint-services/{id}/permissions/{perm}", `{"permission":{"description":"mine"}}`},
	{"tag action", "POST", "/endpoint_service/{id}/tags/action", `{"action":"create","tags":[{"key":"mine","value":"x"}]}`},
}

func (op isolatedOp) fill(s, id, perm string) string {
	return strings.NewReplacer("{id}", id, "{perm}", perm).Replace(s)
}

// TestIsolationMatrix: another tenant, whitelisted or not, addressing the
// owner's service through any operation gets exactly the answer of an
// unknown id (404 EndPoint.0005: not even existence leaks) under its own
// project, and 403 EndPoint.0004 under the owner's project; the owner's
// state does not change.
func TestIsolationMatrix(t *testing.T) {
	t.Parallel()
	e := newFuzzEnv(t)
	before := e.dump(t)
	unknown := uuid.NewString()
	for _, tn := range []fake.Tenant{tenantB, tenantC} {
		for _, op := range isolatedOps {
			t.Run(tn.ProjectID+"/"+op.name, func(t *testing.T) {
				call := func(project, id string) reply {
					var body any
					if op.body != "" {
						body = op.fill(op.body, id, e.perm)
					}
					return send(t, e.srv, tn, op.method, "/v1/"+project+op.fill(op.path, id, e.perm), body)
				}
				theirs := call(tn.ProjectID, e.svc)
				assert.Equal(t, http.StatusNotFound, theirs.Status, string(theirs.Body))
				requireDocumented(t, theirs)
				assert.Equal(t, "EndPoint.0005", theirs.code(t))
				other := call(tn.ProjectID, unknown)
				assert.Equal(t, other.Status, theirs.Status, "the answer tells an existing service from an unknown one")
				assert.Equal(t, string(other.Body), string(theirs.Body), "the answer tells an existing service from an unknown one")
				owners := call(fake.DefaultProjectID, e.svc)
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
			}
			for _, v := range views {
				var body any
				if v.body != "" {
					body = v.body
				}
				r := send(t, e.srv, tn, v.method, v.path, body)
				require.Equal(t, http.StatusOK, r.Status, string(r.Body))
				for _, secret := range []string{e.svc, e.perm, own.ServiceName, "prod", fake.DefaultProjectID, fake.DefaultDomainID} {
					assert.NotContains(t, string(r.Body), secret, v.path)
				}
			}
			var count api.ResourceCount
			send(t, e.srv, tn, "POST", "/v1/"+tn.ProjectID+"/endpoint_service/resource_instances/action", `{"action":"count"}`).into(t, &count)
			assert.Zero(t, count.TotalCount)
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

// TestIsolationQuota: the service quota counts per project; the owner's
// services use none of another tenant's.
func TestIsolationQuota(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 1, Endpoints: 1}), fake.WithTenants(tenantB))
	newService(t, srv, fake.DefaultTenant)
	newService(t, srv, tenantB)
	r := send(t, srv, tenantB, "POST", servicesPath(tenantB, ""), createBody())
	assert.Equal(t, "Endpoint.1018", r.code(t))
}
