package fake_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

const queryPath = "/endpoint_service/resource_instances/action"

// filters builds a tag list: key, then its values, entries separated by
// a nil.
func filters(kv ...any) []map[string]any {
	out := []map[string]any{}
	var cur map[string]any
	for _, x := range kv {
		switch {
		case x == nil:
			cur = nil
		case cur == nil:
			cur = map[string]any{"key": x, "values": []string{}}
			out = append(out, cur)
		default:
			cur["values"] = append(cur["values"].([]string), x.(string))
		}
	}
	return out
}

func TestListResourceInstancesErrors(t *testing.T) {
	t.Parallel()
	c := serverClient(t)
	c.createTagged("a", "env", "prod")
	filter := func(extra ...any) map[string]any {
		b := map[string]any{"action": "filter"}
		for i := 0; i < len(extra); i += 2 {
			b[extra[i].(string)] = extra[i+1]
		}
		return b
	}
	long := func(n int) string { return strings.Repeat("x", n) }
	var keys21, values11 []any
	for i := range 21 {
		keys21 = append(keys21, fmt.Sprintf("k%d", i), nil)
	}
	values11 = append(values11, "k")
	for i := range 11 {
		values11 = append(values11, fmt.Sprintf("v%d", i))
	}
	cases := []struct {
		name string
		path string
		body any
		code string
	}{
		{"bad resource type", "/vpc-endpoint-services/resource_instances/action", filter(), "EndPoint.3070"},
		{"empty body", queryPath, "", "EndPoint.0002"},
		{"action missing", queryPath, map[string]any{}, "EndPoint.0007"},
		{"action unknown", queryPath, map[string]any{"action": "list"}, "EndPoint.0007"},
		{"limit zero", queryPath, filter("limit", "0"), "EndPoint.0006"},
		{"limit over 1000", queryPath, filter("limit", "1001"), "EndPoint.0006"},
		{"limit not a number", queryPath, filter("limit", "ten"), "EndPoint.0006"},
		{"limit as JSON number", queryPath, filter("limit", 10), "EndPoint.0006"},
		{"offset negative", queryPath, filter("offset", "-1"), "EndPoint.0010"},
		{"offset not a number", queryPath, filter("offset", "1.5"), "EndPoint.0010"},
		{"offset as JSON number", queryPath, filter("offset", 1), "EndPoint.0010"},
		{"limit with count", queryPath, map[string]any{"action": "count", "limit": "10"}, "EndPoint.0006"},
		{"offset with count", queryPath, map[string]any{"action": "count", "offset": "0"}, "EndPoint.0010"},
		{"empty key", queryPath, filter("tags", filters("")), "EndPoint.3072"},
		{"blank key", queryPath, filter("tags_any", filters("  ")), "EndPoint.3072"},
		{"key missing", queryPath, filter("tags", []map[string]any{{"values": []string{}}}), "EndPoint.3072"},
		{"key too long", queryPath, filter("not_tags", filters(long(129))), "EndPoint.3072"},
		{"value too long", queryPath, filter("tags", filters("k", long(256))), "EndPoint.3073"},
		{"duplicate key after trim", queryPath, filter("tags", filters("k", nil, " k ")), "EndPoint.3067"},
		{"duplicate key in not_tags_any", queryPath, filter("not_tags_any", filters("k", nil, "k")), "EndPoint.3067"},
		{"duplicate value after trim", queryPath, filter("tags_any", filters("k", "v", " v")), "EndPoint.3071"},
		{"21 keys", queryPath, filter("tags", filters(keys21...)), "EndPoint.0002"},
		{"11 values", queryPath, filter("tags", filters(values11...)), "EndPoint.0002"},
		{"matches other key", queryPath, filter("matches", []map[string]string{{"key": "resource_id", "value": "x"}}), "EndPoint.0002"},
		{"matches twice", queryPath, filter("matches", []map[string]string{
			{"key": "resource_name", "value": "a"}, {"key": "resource_name", "value": "b"}}), "EndPoint.0002"},
		{"tags not an array", queryPath, filter("tags", "env"), "EndPoint.0002"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c.with(t).fails(http.MethodPost, tc.path, tc.body, http.StatusBadRequest, tc.code)
		})
	}
	t.Run("bad type in project tags", func(t *testing.T) {
		t.Parallel()
		c.with(t).fails(http.MethodGet, "/endpoints/tags", nil, http.StatusBadRequest, "EndPoint.3070")
	})
}

func TestListResourceInstancesFilter(t *testing.T) {
	t.Parallel()
	c := serverClient(t, fake.WithTenants(otherTenant))
	s1 := c.createTagged("alpha", "env", "prod", "team", "a")
	s2 := c.createTagged("beta", "env", "dev", "team", "b")
	s3 := c.createTagged("gamma", "env", "prod")
	s4 := c.createTagged("Alphabet")
	c.as(otherTenant).createTagged("alpha", "env", "prod")
	cases := []struct {
		name string
		body map[string]any
		want []api.Service
	}{
		{"no filter lists all", map[string]any{}, []api.Service{s1, s2, s3, s4}},
		{"empty lists filter nothing", map[string]any{"tags": filters(), "tags_any": filters(), "not_tags": filters(),
			"not_tags_any": filters(), "matches": []any{}}, []api.Service{s1, s2, s3, s4}},
		{"tags key=value", map[string]any{"tags": filters("env", "prod")}, []api.Service{s1, s3}},
		{"tags any value", map[string]any{"tags": filters("env")}, []api.Service{s1, s2, s3}},
		{"tags values are OR", map[string]any{"tags": filters("env", "prod", "dev")}, []api.Service{s1, s2, s3}},
		{"tags keys are AND", map[string]any{"tags": filters("env", "prod", nil, "team")}, []api.Service{s1}},
		{"tags unknown value", map[string]any{"tags": filters("env", "test")}, []api.Service{}},
		{"tags trimmed", map[string]any{"tags": filters(" env ", " prod ")}, []api.Service{s1, s3}},
		{"tags_any keys are OR", map[string]any{"tags_any": filters("env", "dev", nil, "team", "a")}, []api.Service{s1, s2}},
		{"not_tags excludes full matches", map[string]any{"not_tags": filters("env", "prod", nil, "team", "a")},
			[]api.Service{s2, s3, s4}},
		{"not_tags any value", map[string]any{"not_tags": filters("env")}, []api.Service{s4}},
		{"not_tags_any excludes any match", map[string]any{"not_tags_any": filters("env", "prod", nil, "team", "b")},
			[]api.Service{s4}},
		{"not_tags_any key: untagged by key", map[string]any{"not_tags_any": filters("team")}, []api.Service{s3, s4}},
		{"matches is case-insensitive fuzzy", map[string]any{"matches": []map[string]string{{"key": "resource_name", "value": "ALPHA"}}},
			[]api.Service{s1, s4}},
		{"matches the full name", map[string]any{"matches": []map[string]string{{"key": "resource_name", "value": "eu-de.beta."}}},
			[]api.Service{s2}},
		{"matches empty value is exact", map[string]any{"matches": []map[string]string{{"key": "resource_name", "value": ""}}},
			[]api.Service{}},
		{"all together", map[string]any{"tags": filters("env"), "tags_any": filters("team", "a", "b"),
			"not_tags_any": filters("env", "dev"), "matches": []map[string]string{{"key": "resource_name", "value": "a"}}},
			[]api.Service{s1}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			c := c.with(t)
			body := map[string]any{"action": "filter"}
			for k, v := range tc.body {
				body[k] = v
			}
			var got api.ResourceList
			c.ok(http.MethodPost, queryPath, body, http.StatusOK, &got)
			want := make([]api.TaggedResource, len(tc.want))
			for i, s := range tc.want {
				want[i] = api.TaggedResource{ResourceID: s.ID, ResourceName: s.ServiceName, Tags: s.Tags}
			}
			assert.Equal(t, want, got.Resources)
			assert.Equal(t, len(want), got.TotalCount)

			body["action"] = "count"
			code, raw := c.do(http.MethodPost, queryPath, body)
			require.Equal(t, http.StatusOK, code)
			assert.JSONEq(t, fmt.Sprintf(`{"total_count":%d}`, len(want)), string(raw))
		})
	}
}

func TestListResourceInstancesShape(t *testing.T) {
	t.Parallel()
	c := serverClient(t)
	s1 := c.createTagged("", "env", "prod")
	s2 := c.createTagged("bare")
	code, raw := c.do(http.MethodPost, queryPath, map[string]string{"action": "filter"})
	require.Equal(t, http.StatusOK, code)
	assert.JSONEq(t, fmt.Sprintf(`{"total_count":2,"resources":[
		{"resource_id":%q,"resource_name":%q,"tags":[{"key":"env","value":"prod"}],"resource_detail":null},
		{"resource_id":%q,"resource_name":%q,"tags":[],"resource_detail":null}]}`,
		s1.ID, "eu-de."+s1.ID, s2.ID, "eu-de.bare."+s2.ID), string(raw))
}

func TestListResourceInstancesPaging(t *testing.T) {
	t.Parallel()
	c := serverClient(t)
	var ids []string
	for i := range 5 {
		ids = append(ids, c.createTagged(fmt.Sprintf("s%d", i)).ID)
	}
	cases := []struct {
		limit, offset *string
		want          []string
	}{
		{nil, nil, ids},
		{ptr("2"), nil, ids[:2]},
		{ptr("2"), ptr("1"), ids[1:3]},
		{nil, ptr("3"), ids[3:]},
		{ptr("1000"), ptr("4"), ids[4:]},
		{ptr("1"), ptr("5"), []string{}},
		{nil, ptr("99"), []string{}},
	}
	for _, tc := range cases {
		t.Run(fmt.Sprintf("limit %v offset %v", deref(tc.limit), deref(tc.offset)), func(t *testing.T) {
			t.Parallel()
			var got api.ResourceList
			c.with(t).ok(http.MethodPost, queryPath, api.ResourceQueryRequest{Action: ptr("filter"), Limit: tc.limit, Offset: tc.offset},
				http.StatusOK, &got)
			ids := []string{}
			for _, r := range got.Resources {
				ids = append(ids, r.ResourceID)
			}
			assert.Equal(t, tc.want, ids)
			assert.Equal(t, 5, got.TotalCount, "total_count ignores paging")
		})
	}
}

func TestTagQueriesPerType(t *testing.T) {
	t.Parallel()
	c := serverClient(t)
	c.createTagged("a", "env", "prod")
	// Endpoints: the type is valid, the project has none yet.
	code, raw := c.do(http.MethodPost, "/endpoint/resource_instances/action", map[string]string{"action": "filter"})
	require.Equal(t, http.StatusOK, code)
	assert.JSONEq(t, `{"resources":[],"total_count":0}`, string(raw))
	code, raw = c.do(http.MethodGet, "/endpoint/tags", nil)
	require.Equal(t, http.StatusOK, code)
	assert.JSONEq(t, `{"tags":[]}`, string(raw))
}

func TestProjectTags(t *testing.T) {
	t.Parallel()
	c := serverClient(t, fake.WithTenants(otherTenant))
	code, raw := c.do(http.MethodGet, "/endpoint_service/tags", nil)
	require.Equal(t, http.StatusOK, code)
	assert.JSONEq(t, `{"tags":[]}`, string(raw), "no services")

	c.createTagged("a", "team", "b", "env", "prod")
	c.createTagged("b", "env", "dev", "team", "b")
	c.createTagged("c", "env", "prod", "empty", "")
	c.createTagged("d")
	c.as(otherTenant).createTagged("x", "secret", "1")
	var got api.ProjectTags
	c.ok(http.MethodGet, "/endpoint_service/tags", nil, http.StatusOK, &got)
	assert.Equal(t, []api.TagValues{
		{Key: "empty", Values: []string{""}},
		{Key: "env", Values: []string{"dev", "prod"}},
		{Key: "team", Values: []string{"b"}},
	}, got.Tags, "deduplicated, keys and values sorted, own project only")
}

// TestTagActionThenQuery checks that the tag action and the queries see
// the same tags.
func TestTagActionThenQuery(t *testing.T) {
	t.Parallel()
	c := serverClient(t)
	s := c.createTagged("a")
	c.ok(http.MethodPost, "/endpoint_service/"+s.ID+"/tags/action", tagBody("create", "env", "prod"), http.StatusNoContent, nil)
	var got api.ResourceList
	c.ok(http.MethodPost, queryPath, map[string]any{"action": "filter", "tags": filters("env", "prod")}, http.StatusOK, &got)
	require.Len(t, got.Resources, 1)
	assert.Equal(t, []api.Tag{{Key: "env", Value: "prod"}}, got.Resources[0].Tags)
	var tags api.ProjectTags
	c.ok(http.MethodGet, "/endpoint_service/tags", nil, http.StatusOK, &tags)
	assert.Equal(t, []api.TagValues{{Key: "env", Values: []string{"prod"}}}, tags.Tags)

	c.ok(http.MethodPost, "/endpoint_service/"+s.ID+"/tags/action", tagBody("delete", "env", nil), http.StatusNoContent, nil)
	c.ok(http.MethodPost, queryPath, map[string]any{"action": "filter", "tags": filters("env")}, http.StatusOK, &got)
	assert.Empty(t, got.Resources)
	assert.Zero(t, got.TotalCount)
}

func ptr[T any](v T) *T { return &v }

func deref(p *string) string {
	if p == nil {
		return "-"
	}
	return *p
}

// TestTagsConcurrent runs tag actions beside queries and reads; under
// -race it proves that responses never share a slice that is changed.
func TestTagsConcurrent(t *testing.T) {
	t.Parallel()
	c := serverClient(t)
	s := c.createTagged("a", "env", "prod")
	done := make(chan struct{})
	var codes []int // read after done
	go func() {
		defer close(done)
		for i := range 50 {
			a, _ := c.do(http.MethodPost, "/endpoint_service/"+s.ID+"/tags/action", tagBody("create", "env", fmt.Sprint(i), "n", "x"))
			d, _ := c.do(http.MethodPost, "/endpoint_service/"+s.ID+"/tags/action", tagBody("delete", "n", nil))
			codes = append(codes, a, d)
		}
	}()
	for range 50 {
		var got api.ResourceList
		c.ok(http.MethodPost, queryPath, map[string]any{"action": "filter", "tags": filters("env")}, http.StatusOK, &got)
		require.Len(t, got.Resources, 1)
		c.getService(s.ID)
		c.ok(http.MethodGet, "/endpoint_service/tags", nil, http.StatusOK, nil)
	}
	<-done
	for _, code := range codes {
		require.Equal(t, http.StatusNoContent, code)
	}
	assert.Equal(t, []api.Tag{{Key: "env", Value: "49"}}, c.getService(s.ID).Tags)
}
