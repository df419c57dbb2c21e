package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func tagBody(action string, kv ...any) map[string]any {
	tags := []map[string]any{}
	for i := 0; i < len(kv); i += 2 {
		t := map[string]any{"key": kv[i]}
		if kv[i+1] != nil {
			t["value"] = kv[i+1]
		}
		tags = append(tags, t)
	}
	return map[string]any{"action": action, "tags": tags}
}

// manyTags returns n distinct create tags k0..k{n-1}.
func manyTags(n int) []any {
	var kv []any
	for i := range n {
		kv = append(kv, fmt.Sprintf("k%d", i), "v")
	}
	return kv
}

func TestTagActionErrors(t *testing.T) {
	t.Parallel()
	c := serverClient(t, fake.WithTenants(otherTenant))
	svc := c.createTagged("mine", "a", "1")
	foreign := c.as(otherTenant).createTagged("theirs")
	tagsPath := func(typ, id string) string { return "/" + typ + "/" + id + "/tags/action" }
	own := tagsPath("endpoint_service", svc.ID)
	ok := tagBody("create", "b", "2")
	cases := []struct {
		name   string
		client *client
		path   string
		body   any
		status int
		code   string
	}{
		{"service path as type", c, tagsPath("vpc-endpoint-services", svc.ID), ok, 400, "EndPoint.3070"},
		{"unknown type", c, tagsPath("endpoints", svc.ID), ok, 400, "EndPoint.3070"},
		{"bad type beats bad body", c, tagsPath("endpoints", svc.ID), tagBody("x"), 400, "EndPoint.3070"},
		{"malformed service id", c, tagsPath("endpoint_service", "not-a-uuid"), ok, 400, "EndPoint.3062"},
		{"unknown service", c, tagsPath("endpoint_service", "00000000-0000-4000-8000-000000000000"), ok, 404, "EndPoint.0005"},
		{"service of another project", c, tagsPath("endpoint_service", foreign.ID), ok, 404, "EndPoint.0005"},
		{"malformed endpoint id", c, tagsPath("endpoint", "nope"), ok, 400, "EndPoint.2017"},
		{"unknown endpoint", c, tagsPath("endpoint", svc.ID), ok, 404, "EndPoint.2006"},
		{"no token", c.as(fake.Tenant{ProjectID: fake.DefaultProjectID}), own, ok, 401, "EndPoint.0003"},
		{"empty body", c, own, "", 400, "EndPoint.0002"},
		{"malformed json", c, own, `{"action":`, 400, "EndPoint.0002"},
		{"tags not an array", c, own, `{"action":"create","tags":{}}`, 400, "EndPoint.0002"},
		{"action missing", c, own, map[string]any{"tags": ok["tags"]}, 400, "EndPoint.0007"},
		{"action unknown", c, own, tagBody("add", "b", "2"), 400, "EndPoint.0007"},
		{"action case", c, own, tagBody("CREATE", "b", "2"), 400, "EndPoint.0007"},
		{"tags missing", c, own, map[string]any{"action": "create"}, 400, "EndPoint.3066"},
		{"tags empty", c, own, tagBody("delete"), 400, "EndPoint.3066"},
		{"empty key", c, own, tagBody("create", "", "2"), 400, "EndPoint.3066"},
		{"key missing", c, own, `{"action":"delete","tags":[{"value":"1"}]}`, 400, "EndPoint.3066"},
		{"create without value", c, own, tagBody("create", "b", nil), 400, "EndPoint.0002"},
		{"key too long", c, own, tagBody("create", strings.Repeat("k", 129), "2"), 400, "EndPoint.3072"},
		{"value too long", c, own, tagBody("create", "b", strings.Repeat("v", 256)), 400, "EndPoint.3073"},
		{"key charset", c, own, tagBody("create", "a/b", "2"), 400, "EndPoint.3068"},
		{"key reserved prefix", c, own, tagBody("create", "_sys_x", "2"), 400, "EndPoint.3068"},
		{"key leading space", c, own, tagBody("delete", " a", nil), 400, "EndPoint.3068"},
		{"value charset", c, own, tagBody("create", "b", "<x>"), 400, "EndPoint.3068"},
		{"duplicate key on create", c, own, tagBody("create", "b", "1", "b", "2"), 400, "EndPoint.3067"},
		{"duplicate key on delete", c, own, tagBody("delete", "a", nil, "a", "1"), 400, "EndPoint.3067"},
		{"21 tags in the request", c, own, tagBody("create", manyTags(21)...), 400, "EndPoint.3069"},
		{"result over 20 tags", c, own, tagBody("create", manyTags(20)...), 400, "EndPoint.3069"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			tc.client.with(t).fails(http.MethodPost, tc.path, tc.body, tc.status, tc.code)
		})
	}
	t.Cleanup(func() { // after every subtest: nothing changed
		assert.Equal(t, []api.Tag{{Key: "a", Value: "1"}}, c.getService(svc.ID).Tags)
		assert.Empty(t, c.as(otherTenant).getService(foreign.ID).Tags)
	})
}

func TestTagActionEffects(t *testing.T) {
	t.Parallel()
	cases := []struct {
		name string
		have []string // initial tags, key value ...
		body map[string]any
		want []api.Tag
	}{
		{"create appends", []string{"a", "1"}, tagBody("create", "b", "2"),
			[]api.Tag{{Key: "a", Value: "1"}, {Key: "b", Value: "2"}}},
		{"create overwrites in place", []string{"a", "1", "b", "2"}, tagBody("create", "a", "9"),
			[]api.Tag{{Key: "a", Value: "9"}, {Key: "b", Value: "2"}}},
		{"create empty value", nil, tagBody("create", "a", ""), []api.Tag{{Key: "a", Value: ""}}},
		{"create up to 20", []string{"a", "1"}, tagBody("create", manyTags(19)...), nil},
		{"overwrite at 20", []string{"k0", "x"}, tagBody("create", manyTags(20)...), nil},
		{"delete by key", []string{"a", "1", "b", "2"}, tagBody("delete", "a", nil),
			[]api.Tag{{Key: "b", Value: "2"}}},
		{"delete by key and value", []string{"a", "1", "b", "2"}, tagBody("delete", "b", "2"),
			[]api.Tag{{Key: "a", Value: "1"}}},
		{"delete value mismatch keeps", []string{"a", "1"}, tagBody("delete", "a", "2"),
			[]api.Tag{{Key: "a", Value: "1"}}},
		{"delete empty value matches only empty", []string{"a", "1"}, tagBody("delete", "a", ""),
			[]api.Tag{{Key: "a", Value: "1"}}},
		{"delete unknown key is silent", []string{"a", "1"}, tagBody("delete", "zz", nil),
			[]api.Tag{{Key: "a", Value: "1"}}},
		{"delete everything", []string{"a", "1", "b", "2"}, tagBody("delete", "a", nil, "b", "2"), []api.Tag{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			mock := clock.NewMock()
			c := serverClient(t, fake.WithClock(mock))
			svc := c.createTagged("s", tc.have...)
			before := c.getService(svc.ID)
			mock.Add(61e9)
			code, out := c.do(http.MethodPost, "/endpoint_service/"+svc.ID+"/tags/action", tc.body)
			require.Equal(t, http.StatusNoContent, code)
			assert.Empty(t, out)

			after := c.getService(svc.ID)
			if tc.want == nil { // the 20-tag cases: count only
				assert.Len(t, after.Tags, 20)
			} else {
				assert.Equal(t, tc.want, after.Tags)
			}
			assert.Equal(t, before.UpdatedAt, after.UpdatedAt, "a tag change is not an update")
			_, raw := c.do(http.MethodGet, "/vpc-endpoint-services/"+svc.ID, nil)
			var m map[string]json.RawMessage
			require.NoError(t, json.Unmarshal(raw, &m))
			assert.NotEqual(t, "null", string(m["tags"]), "tags is [] when none")

			var list api.ServiceList
			c.ok(http.MethodGet, "/vpc-endpoint-services", nil, http.StatusOK, &list)
			require.Len(t, list.Services, 1)
			assert.Equal(t, after.Tags, list.Services[0].Tags, "the list shows the same tags")
		})
	}
}

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

// TestEndpointTags: the tag APIs address endpoints (resource_type
// endpoint, docs/vpcep-api.md §3.19-3.21) and share the tags array of the endpoint
// object; the resource_name of an endpoint is its id.
func TestEndpointTags(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	c := newClient(t, srv, srv.Tenant())
	svc := c.createService(false)
	ep := c.createEndpoint(endpointBody(svc.ID))

	c.ok(http.MethodPost, "/endpoint/"+ep.ID+"/tags/action", tagBody("create", "team", "net"), 204, nil)
	assert.Equal(t, []api.Tag{{Key: "team", Value: "net"}}, c.getEndpoint(ep.ID).Tags)

	var found struct {
		Resources []struct {
			ID   string    `json:"resource_id"`
			Name string    `json:"resource_name"`
			Tags []api.Tag `json:"tags"`
		} `json:"resources"`
		TotalCount int `json:"total_count"`
	}
	c.ok(http.MethodPost, "/endpoint/resource_instances/action", map[string]any{"action": "filter",
		"tags": []map[string]any{{"key": "team", "values": []string{"net"}}}}, 200, &found)
	require.Equal(t, 1, found.TotalCount)
	assert.Equal(t, ep.ID, found.Resources[0].ID)
	assert.Equal(t, ep.ID, found.Resources[0].Name, "an endpoint's resource_name is its id")

	var keys struct {
		Tags []struct {
			Key    string   `json:"key"`
			Values []string `json:"values"`
		} `json:"tags"`
	}
	c.ok(http.MethodGet, "/endpoint/tags", nil, 200, &keys)
	require.Len(t, keys.Tags, 1)
	assert.Equal(t, "team", keys.Tags[0].Key)

	c.ok(http.MethodPost, "/endpoint/"+ep.ID+"/tags/action", tagBody("delete", "team", nil), 204, nil)
	assert.Empty(t, c.getEndpoint(ep.ID).Tags)
}
