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
