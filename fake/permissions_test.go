package fake_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// permList is the ListServicePermissionsDetails response.
type permList struct {
	Permissions []struct {
		ID             string `json:"id"`
		Permission     string `json:"permission"`
		PermissionType string `json:"permission_type"`
		Description    string `json:"description"`
		CreatedAt      string `json:"created_at"`
	} `json:"permissions"`
	TotalCount int `json:"total_count"`
}

// whitelist returns the action response's list.
func whitelist(t *testing.T, r reply) []string {
	t.Helper()
	var out struct {
		Permissions []string `json:"permissions"`
	}
	r.into(t, &out)
	return out.Permissions
}

// listPerms lists the whitelist of tenant tn's service id with query q.
func listPerms(t *testing.T, srv *fake.Server, tn fake.Tenant, id, q string) permList {
	t.Helper()
	var out permList
	send(t, srv, tn, http.MethodGet, servicesPath(tn, "/"+id+"/permissions"+q), nil).into(t, &out)
	return out
}

func TestPermissionActionErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(tenantB))
	id, _ := newService(t, srv, fake.DefaultTenant)
	bID, _ := newService(t, srv, tenantB)
	var pub struct {
		Services []struct {
			ID string `json:"id"`
		} `json:"endpoint_services"`
	}
	send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "/public"), nil).into(t, &pub)
	require.NotEmpty(t, pub.Services)
	good := "iam:domain::" + strings.Repeat("a", 64)
	tests := []struct {
		name   string
		id     string
		body   any
		status int
		code   string
	}{
		{"action toggle", id, map[string]any{"permissions": []string{good}, "action": "toggle"}, 400, "EndPoint.3035"},
		{"action missing", id, map[string]any{"permissions": []string{good}}, 400, "EndPoint.3035"},
		{"action wrong case", id, map[string]any{"permissions": []string{good}, "action": "ADD"}, 400, "EndPoint.3035"},
		{"empty list", id, map[string]any{"permissions": []string{}, "action": "add"}, 400, "EndPoint.3036"},
		{"null list", id, map[string]any{"permissions": nil, "action": "add"}, 400, "EndPoint.3036"},
		{"no prefix", id, map[string]any{"permissions": []string{"abc"}, "action": "add"}, 400, "EndPoint.3002"},
		{"empty id", id, map[string]any{"permissions": []string{"iam:domain::"}, "action": "add"}, 400, "EndPoint.3002"},
		{"id too long", id, map[string]any{"permissions": []string{good + "a"}, "action": "add"}, 400, "EndPoint.3002"},
		{"id charset", id, map[string]any{"permissions": []string{"iam:domain::ab-cd"}, "action": "add"}, 400, "EndPoint.3002"},
		{"one bad among good", id, map[string]any{"permissions": []string{good, "iam:domain::x.y"}, "action": "add"}, 400, "EndPoint.3002"},
		{"bad on remove", id, map[string]any{"permissions": []string{"iam:user::x"}, "action": "remove"}, 400, "EndPoint.3002"},
		{"orgPath", id, map[string]any{"permissions": []string{good}, "action": "add", "permission_type": "orgPath"}, 400, "EndPoint.0002"},
		{"permissions not strings", id, map[string]any{"permissions": []int{1}, "action": "add"}, 400, "EndPoint.0002"},
		{"malformed json", id, `{"permissions":`, 400, "EndPoint.0002"},
		{"no body", id, nil, 400, "EndPoint.0002"},
		{"malformed service id", "not-a-uuid", map[string]any{"permissions": []string{good}, "action": "add"}, 400, "EndPoint.3062"},
		{"unknown service", uuid.NewString(), map[string]any{"permissions": []string{good}, "action": "add"}, 404, "EndPoint.0005"},
		{"other tenant's service", bID, map[string]any{"permissions": []string{good}, "action": "add"}, 404, "EndPoint.0005"},
		{"public service", pub.Services[0].ID, map[string]any{"permissions": []string{good}, "action": "add"}, 404, "EndPoint.0005"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, srv, fake.DefaultTenant, http.MethodPost, servicesPath(fake.DefaultTenant, "/"+tc.id+"/permissions/action"), tc.body)
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
	// No failed request changed anything.
	assert.Zero(t, listPerms(t, srv, fake.DefaultTenant, id, "").TotalCount)
	assert.Zero(t, listPerms(t, srv, tenantB, bID, "").TotalCount)
}

func TestPermissionActionAddRemove(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	d1, d2 := "iam:domain::d1", "iam:domain::d2"
	steps := []struct {
		action string
		perms  []string
		want   []string
	}{
		{"add", []string{d1, d2}, []string{d1, d2}},                 // full list, not an echo
		{"add", []string{d1}, []string{d1, d2}},                     // existing: no change
		{"add", []string{d2, d2}, []string{d1, d2}},                 // repeated in one request
		{"remove", []string{d1}, []string{d2}},                      // remove
		{"remove", []string{d1}, []string{d2}},                      // missing: no change
		{"add", []string{"*"}, []string{d2, "*"}},                   // bare wildcard
		{"add", []string{"iam:domain::*"}, []string{d2, "*"}},       // same record as "*"
		{"remove", []string{"iam:domain::*"}, []string{d2}},         // either spelling removes it
		{"add", []string{domain(fake.DefaultTenant)}, []string{d2}}, // owner is never a record
		{"remove", []string{d2}, []string{}},                        // empty again
		{"add", []string{"iam:domain::*", d1}, []string{"*", d1}},   // request order
		{"remove", []string{"*", d1, "iam:domain::zz"}, []string{}}, // several at once
	}
	for i, st := range steps {
		r := permAction(t, srv, fake.DefaultTenant, id, st.action, st.perms...)
		require.Equal(t, http.StatusOK, r.Status, "step %d: %s", i, r.Body)
		assert.Equal(t, st.want, whitelist(t, r), "step %d", i)
	}
}

func TestListPermissions(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	var all []string
	for i := range 12 {
		all = append(all, fmt.Sprintf("iam:domain::dom%02d", i))
	}
	require.Len(t, whitelist(t, permAction(t, srv, fake.DefaultTenant, id, "add", append(all, domain(fake.DefaultTenant))...)), 12)

	// gophertelekomcloud's GetWhitelist sends no query: default page of 10.
	def := listPerms(t, srv, fake.DefaultTenant, id, "")
	assert.Equal(t, 12, def.TotalCount)
	require.Len(t, def.Permissions, 10)
	for _, p := range def.Permissions {
		assert.True(t, strings.HasPrefix(p.Permission, "iam:domain::dom"), p.Permission)
		assert.NotEqual(t, domain(fake.DefaultTenant), p.Permission)
		assert.Equal(t, "domainId", p.PermissionType)
		assert.Empty(t, p.Description)
		assert.Regexp(t, `^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`, p.CreatedAt)
		_, err := uuid.Parse(p.ID)
		assert.NoError(t, err)
	}

	tests := []struct {
		name  string
		query string
		total int
		want  []string
	}{
		{"limit 500 asc", "?limit=500&sort_dir=asc", 12, all},
		{"desc is newest first", "?limit=2", 12, []string{all[11], all[10]}},
		{"offset", "?limit=2&offset=10&sort_dir=asc&sort_key=created_at", 12, all[10:]},
		{"offset past end", "?offset=12", 12, nil},
		{"limit 0", "?limit=0", 12, nil},
		{"fuzzy filter", "?permission=DOM0&sort_dir=asc&limit=20", 10, all[:10]},
		{"exact filter", "?permission=" + all[3], 1, all[3:4]},
		{"filter no match", "?permission=nope", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got := listPerms(t, srv, fake.DefaultTenant, id, tc.query)
			assert.Equal(t, tc.total, got.TotalCount)
			var perms []string
			for _, p := range got.Permissions {
				perms = append(perms, p.Permission)
			}
			assert.Equal(t, tc.want, perms)
		})
	}
}

func TestListPermissionsErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(tenantB))
	id, _ := newService(t, srv, fake.DefaultTenant)
	tests := []struct {
		name, path string
		status     int
		code       string
	}{
		{"limit above 500", "/" + id + "/permissions?limit=501", 400, "EndPoint.0006"},
		{"limit negative", "/" + id + "/permissions?limit=-1", 400, "EndPoint.0006"},
		{"offset not a number", "/" + id + "/permissions?offset=x", 400, "EndPoint.0010"},
		{"sort_key", "/" + id + "/permissions?sort_key=name", 400, "EndPoint.0017"},
		{"sort_dir", "/" + id + "/permissions?sort_dir=up", 400, "EndPoint.0018"},
		{"malformed id", "/xyz/permissions", 400, "EndPoint.3062"},
		{"unknown id", "/" + uuid.NewString() + "/permissions", 404, "EndPoint.0005"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, tc.path), nil)
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
	t.Run("other tenant", func(t *testing.T) {
		r := send(t, srv, tenantB, http.MethodGet, servicesPath(tenantB, "/"+id+"/permissions"), nil)
		assert.Equal(t, 404, r.Status)
		assert.Equal(t, "EndPoint.0005", r.code(t))
	})
}

func TestPermissionWhitelistCap(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	many := func(from, n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = fmt.Sprintf("iam:domain::d%d", from+i)
		}
		return out
	}
	// One request past the cap changes nothing.
	r := permAction(t, srv, fake.DefaultTenant, id, "add", many(0, 1001)...)
	assert.Equal(t, 400, r.Status)
	assert.Equal(t, "EndPoint.3049", r.code(t))
	assert.Zero(t, listPerms(t, srv, fake.DefaultTenant, id, "").TotalCount)

	require.Len(t, whitelist(t, permAction(t, srv, fake.DefaultTenant, id, "add", many(0, 1000)...)), 1000)
	r = permAction(t, srv, fake.DefaultTenant, id, "add", many(1000, 1)...)
	assert.Equal(t, 400, r.Status)
	assert.Equal(t, "EndPoint.3049", r.code(t))
	// Existing entries still add idempotently at the cap.
	assert.Len(t, whitelist(t, permAction(t, srv, fake.DefaultTenant, id, "add", many(0, 2)...)), 1000)
	assert.Equal(t, 1000, listPerms(t, srv, fake.DefaultTenant, id, "").TotalCount)
}

func TestPermissionsVanishWithService(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "/"+id), nil) // now available
	require.Len(t, whitelist(t, permAction(t, srv, fake.DefaultTenant, id, "add", "iam:domain::d1")), 1)
	require.Equal(t, http.StatusNoContent, send(t, srv, fake.DefaultTenant, http.MethodDelete, servicesPath(fake.DefaultTenant, "/"+id), nil).Status)
	send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, ""), nil) // deletion completes
	r := send(t, srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "/"+id+"/permissions"), nil)
	assert.Equal(t, 404, r.Status)
	assert.Equal(t, "EndPoint.0005", r.code(t))
}

// records is the response of the [HW] permission operations.
type records struct {
	Permissions []struct {
		ID          string `json:"id"`
		Permission  string `json:"permission"`
		Description string `json:"description"`
	} `json:"permissions"`
}

func TestBatchAddPermissions(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	path := servicesPath(fake.DefaultTenant, "/"+id+"/permissions/batch-create")
	var got records
	send(t, srv, fake.DefaultTenant, http.MethodPost, path, map[string]any{
		"permission_type": "domainId",
		"permissions": []map[string]any{
			{"permission": "iam:domain::d1", "description": "first"},
			{"permission": "*", "description": ""},
			{"permission": domain(fake.DefaultTenant), "description": "owner"},
		},
	}).into(t, &got)
	require.Len(t, got.Permissions, 2)
	assert.Equal(t, "iam:domain::d1", got.Permissions[0].Permission)
	assert.Equal(t, "first", got.Permissions[0].Description)
	assert.Equal(t, "*", got.Permissions[1].Permission)

	// An existing entry returns its record unchanged.
	var again records
	send(t, srv, fake.DefaultTenant, http.MethodPost, path, map[string]any{
		"permissions": []map[string]any{{"permission": "iam:domain::d1", "description": "other"}},
	}).into(t, &again)
	require.Len(t, again.Permissions, 1)
	assert.Equal(t, got.Permissions[0].ID, again.Permissions[0].ID)
	assert.Equal(t, "first", again.Permissions[0].Description)
	assert.Equal(t, 2, listPerms(t, srv, fake.DefaultTenant, id, "").TotalCount)
}

func TestBatchAddPermissionsErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	ok := map[string]any{"permission": "iam:domain::d1", "description": ""}
	tests := []struct {
		name string
		body any
		code string
	}{
		{"empty", map[string]any{"permissions": []any{}}, "EndPoint.3036"},
		{"missing", map[string]any{}, "EndPoint.3036"},
		{"bad entry after good", map[string]any{"permissions": []any{ok, map[string]any{"permission": "d2", "description": ""}}}, "EndPoint.3002"},
		{"no description", map[string]any{"permissions": []any{ok, map[string]any{"permission": "iam:domain::d2"}}}, "EndPoint.0002"},
		{"no permission", map[string]any{"permissions": []any{ok, map[string]any{"description": ""}}}, "EndPoint.0002"},
		{"description brackets", map[string]any{"permissions": []any{ok, map[string]any{"permission": "iam:domain::d2", "description": "<b>"}}}, "EndPoint.0002"},
		{"description too long", map[string]any{"permissions": []any{ok, map[string]any{"permission": "iam:domain::d2", "description": strings.Repeat("x", 129)}}}, "EndPoint.0002"},
		{"orgPath rejected", map[string]any{"permission_type": "orgPath", "permissions": []any{map[string]any{"permission": "organizations:orgPath::*", "description": ""}}}, "EndPoint.0002"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, srv, fake.DefaultTenant, http.MethodPost, servicesPath(fake.DefaultTenant, "/"+id+"/permissions/batch-create"), tc.body)
			assert.Equal(t, 400, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
	// A failed batch adds nothing, not even its valid entries.
	assert.Zero(t, listPerms(t, srv, fake.DefaultTenant, id, "").TotalCount)
}

func TestBatchRemovePermissions(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	id, _ := newService(t, srv, fake.DefaultTenant)
	permAction(t, srv, fake.DefaultTenant, id, "add", "iam:domain::d1", "iam:domain::d2", "iam:domain::d3")
	recs := listPerms(t, srv, fake.DefaultTenant, id, "?sort_dir=asc").Permissions
	require.Len(t, recs, 3)
	path := servicesPath(fake.DefaultTenant, "/"+id+"/permissions/batch-delete")

	var left records
	send(t, srv, fake.DefaultTenant, http.MethodPost, path, map[string]any{
		"permissions": []map[string]any{{"id": recs[0].ID}, {"id": recs[2].ID}, {"id": uuid.NewString()}},
	}).into(t, &left)
	require.Len(t, left.Permissions, 1)
	assert.Equal(t, "iam:domain::d2", left.Permissions[0].Permission)

	tests := []struct {
		name string
		body any
		code string
	}{
		{"empty", map[string]any{"permissions": []any{}}, "EndPoint.3036"},
		{"malformed id after good", map[string]any{"permissions": []any{map[string]any{"id": recs[1].ID}, map[string]any{"id": "x"}}}, "EndPoint.3002"},
		{"missing id", map[string]any{"permissions": []any{map[string]any{}}}, "EndPoint.3002"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, srv, fake.DefaultTenant, http.MethodPost, path, tc.body)
			assert.Equal(t, 400, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
	assert.Equal(t, 1, listPerms(t, srv, fake.DefaultTenant, id, "").TotalCount)
}

func TestUpdatePermissionDesc(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(tenantB))
	id, _ := newService(t, srv, fake.DefaultTenant)
	permAction(t, srv, fake.DefaultTenant, id, "add", "iam:domain::d1")
	rec := listPerms(t, srv, fake.DefaultTenant, id, "").Permissions[0]
	path := servicesPath(fake.DefaultTenant, "/"+id+"/permissions/")

	var got records
	send(t, srv, fake.DefaultTenant, http.MethodPut, path+rec.ID, map[string]any{"permission": map[string]any{"description": "partner"}}).into(t, &got)
	require.Len(t, got.Permissions, 1)
	assert.Equal(t, rec.ID, got.Permissions[0].ID)
	assert.Equal(t, "partner", got.Permissions[0].Description)
	assert.Equal(t, "partner", listPerms(t, srv, fake.DefaultTenant, id, "").Permissions[0].Description)

	tests := []struct {
		name   string
		tn     fake.Tenant
		path   string
		body   any
		status int
		code   string
	}{
		{"unknown record", fake.DefaultTenant, path + uuid.NewString(), map[string]any{"permission": map[string]any{"description": ""}}, 404, "EndPoint.0005"},
		{"malformed record id", fake.DefaultTenant, path + "abc", map[string]any{"permission": map[string]any{"description": ""}}, 400, "EndPoint.3002"},
		{"no permission object", fake.DefaultTenant, path + rec.ID, map[string]any{}, 400, "EndPoint.0002"},
		{"no description", fake.DefaultTenant, path + rec.ID, map[string]any{"permission": map[string]any{}}, 400, "EndPoint.0002"},
		{"bad description", fake.DefaultTenant, path + rec.ID, map[string]any{"permission": map[string]any{"description": "a>b"}}, 400, "EndPoint.0002"},
		{"other tenant", tenantB, servicesPath(tenantB, "/"+id+"/permissions/"+rec.ID), map[string]any{"permission": map[string]any{"description": ""}}, 404, "EndPoint.0005"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r := send(t, srv, tc.tn, http.MethodPut, tc.path, tc.body)
			assert.Equal(t, tc.status, r.Status)
			assert.Equal(t, tc.code, r.code(t))
		})
	}
	assert.Equal(t, "partner", listPerms(t, srv, fake.DefaultTenant, id, "").Permissions[0].Description)
}
