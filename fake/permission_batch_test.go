package fake_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/google/uuid"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

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
