package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// listFixture creates n services in one second on a mock clock; service i
// has client/server port 1000+i, short name svc-i (svc-0 has none).
// Returned ids are in creation order.
func listFixture(t *testing.T, n int, opts ...fake.Option) (*fake.Server, []string) {
	t.Helper()
	srv := fake.NewTest(t, append([]fake.Option{fake.WithQuotas(fake.Quotas{Services: 100, Endpoints: 1})}, opts...)...)
	ids := make([]string, n)
	for i := range ids {
		over := map[string]any{"ports": []any{map[string]any{"client_port": 1000 + i, "server_port": 1000 + i}}}
		if i > 0 {
			over["service_name"] = fmt.Sprintf("svc-%d", i)
		}
		ids[i] = create(t, srv, over).ID
	}
	return srv, ids
}

func listIDs(l api.ServiceList) []string {
	out := make([]string, len(l.Services))
	for i, s := range l.Services {
		out[i] = s.ID
	}
	return out
}

func reversed(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[len(ids)-1-i] = id
	}
	return out
}

func TestListServicesPaging(t *testing.T) {
	t.Parallel()
	srv, ids := listFixture(t, 13, fake.WithClock(newMock()))
	newest := reversed(ids)
	tests := []struct {
		query string
		want  []string
	}{
		{"", newest[:10]},
		{"?limit=0", nil},
		{"?limit=3", newest[:3]},
		{"?limit=1000", newest},
		{"?limit=", newest[:10]},
		{"?offset=10", newest[10:]},
		{"?offset=2&limit=2", newest[2:4]},
		{"?offset=12", newest[12:]},
		{"?offset=13", nil},
		{"?offset=500", nil},
		{"?sort_dir=asc", ids[:10]},
		{"?sort_dir=asc&offset=11", ids[11:]},
		{"?sort_key=created_at&sort_dir=desc&limit=13", newest},
		{"?sort_key=create_at&sort_dir=asc&limit=13", ids},
		{"?sort_key=updated_at&limit=13", newest},
		{"?sort_key=update_at&sort_dir=asc&limit=13", ids},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			l, r := list(t, srv, tt.query)
			require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
			assert.Equal(t, 13, l.TotalCount, "total_count ignores paging")
			if tt.want == nil {
				tt.want = []string{}
			}
			assert.Equal(t, tt.want, listIDs(l))
		})
	}
}

func TestListServicesBadQuery(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	tests := []struct {
		query string
		want  *api.Error
	}{
		{"limit=1001", api.E0006},
		{"limit=-1", api.E0006},
		{"limit=x", api.E0006},
		{"limit=1.5", api.E0006},
		{"offset=-1", api.E0010},
		{"offset=x", api.E0010},
		{"sort_key=name", api.E0017},
		{"sort_key=CREATED_AT", api.E0017},
		{"sort_dir=up", api.E0018},
		{"sort_dir=DESC", api.E0018},
		{"status=active", api.E0019},
		{"status=Available", api.E0019},
		{"net_type=x", api.E0002},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			_, r := list(t, srv, "?"+tt.query)
			requireError(t, r, tt.want)
		})
	}
}

func TestListServicesSortByUpdated(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv, ids := listFixture(t, 3, fake.WithClock(mock))
	mock.Add(time.Second)
	// GETs settle the creates at the same instant; then touch ids[0].
	for _, id := range ids {
		get(t, srv, id)
	}
	mock.Add(time.Second)
	require.Equal(t, http.StatusOK, put(t, srv, ids[0], `{}`).Status)
	l, _ := list(t, srv, "?sort_key=updated_at")
	assert.Equal(t, []string{ids[0], ids[2], ids[1]}, listIDs(l))
	l, _ = list(t, srv, "?sort_key=updated_at&sort_dir=asc")
	assert.Equal(t, []string{ids[1], ids[2], ids[0]}, listIDs(l))
	l, _ = list(t, srv, "")
	assert.Equal(t, reversed(ids), listIDs(l), "created_at order is unchanged by updates")
}

func TestListServicesNewestFirstAcrossSeconds(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock))
	var ids []string
	for i := range 3 {
		ids = append(ids, create(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 1, "server_port": 10 + i}}}).ID)
		mock.Add(time.Second)
	}
	l, _ := list(t, srv, "")
	assert.Equal(t, reversed(ids), listIDs(l))
	assert.Equal(t, "2026-11-22T04:00:02Z", l.Services[0].CreatedAt)
}

func TestListServicesFilters(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv, ids := listFixture(t, 12, fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}))
	// late is created after the others are due and stays creating.
	mock.Add(time.Minute)
	late := create(t, srv, map[string]any{"service_name": "Late", "port_id": portB})
	tests := []struct {
		name string
		q    url.Values
		want []string
	}{
		{"name substring", url.Values{"endpoint_service_name": {"svc-1"}}, []string{ids[11], ids[10], ids[1]}},
		{"name case-insensitive", url.Values{"endpoint_service_name": {"SVC-11"}}, []string{ids[11]}},
		{"name on full name: region", url.Values{"endpoint_service_name": {"EU-DE."}, "limit": {"20"}}, append([]string{late.ID}, reversed(ids)...)},
		{"name on full name: id part", url.Values{"endpoint_service_name": {ids[0][:13]}}, []string{ids[0]}},
		{"name on full name: name.id", url.Values{"endpoint_service_name": {"svc-5." + ids[5][:4]}}, []string{ids[5]}},
		{"name no match", url.Values{"endpoint_service_name": {"nothing"}}, nil},
		{"name empty", url.Values{"endpoint_service_name": {""}, "limit": {"20"}}, append([]string{late.ID}, reversed(ids)...)},
		{"id exact", url.Values{"id": {ids[3]}}, []string{ids[3]}},
		{"id prefix is no match", url.Values{"id": {ids[3][:8]}}, nil},
		{"id upper case is no match", url.Values{"id": {strings.ToUpper(ids[3])}}, nil},
		{"status creating", url.Values{"status": {"creating"}}, []string{late.ID}},
		{"status available", url.Values{"status": {"available"}, "limit": {"20"}}, reversed(ids)},
		{"status failed", url.Values{"status": {"failed"}}, nil},
		{"status deleting", url.Values{"status": {"deleting"}}, nil},
		{"name and status", url.Values{"endpoint_service_name": {"late"}, "status": {"available"}}, nil},
		{"net_type accepted", url.Values{"net_type": {"vxlan"}, "id": {ids[0]}}, []string{ids[0]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, r := list(t, srv, "?"+tt.q.Encode())
			require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
			if tt.want == nil {
				tt.want = []string{}
			}
			assert.Equal(t, tt.want, listIDs(l))
			assert.Equal(t, len(tt.want), l.TotalCount)
		})
	}
	// total_count counts all matches, not the page.
	l, _ := list(t, srv, "?status=available&limit=2&offset=1")
	assert.Equal(t, 12, l.TotalCount)
	assert.Equal(t, reversed(ids)[1:3], listIDs(l))
}

func TestListServicesBodyShape(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(otherTenant))
	// An empty project still lists an empty array, never null.
	_, r := list(t, srv, "")
	require.Equal(t, http.StatusOK, r.Status)
	assert.JSONEq(t, `{"endpoint_services":[],"total_count":0}`, string(r.Body))

	s := create(t, srv, nil)
	send(t, srv, otherTenant, http.MethodPost, servicesPath(otherTenant, ""),
		body(t, baseCreate(), map[string]any{"port_id": portC}))
	_, r = list(t, srv, "")
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	m := r.JSON(t)
	arrays := 0
	for _, v := range m {
		if _, ok := v.([]any); ok {
			arrays++
		}
	}
	assert.Equal(t, 1, arrays, "exactly one top-level array (gophertelekomcloud's pager)")
	assert.Len(t, m, 2)
	assert.Equal(t, float64(1), m["total_count"], "only the caller's project")
	items := m["endpoint_services"].([]any)
	require.Len(t, items, 1)
	item := items[0].(map[string]any)
	assertServiceShape(t, item)
	assert.Equal(t, s.ID, item["id"])
	assert.Equal(t, "available", item["status"])
	// The list item is the GET object.
	_, g := get(t, srv, s.ID)
	ib, err := json.Marshal(item)
	require.NoError(t, err)
	assert.JSONEq(t, string(g.Body), string(ib))
}
