package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestTags(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name      string
		in        []api.TagRequest
		needValue bool
		want      *api.Error
	}{
		{"none", nil, false, nil},
		{"20", tagReqs(20), false, nil},
		{"limits", []api.TagRequest{tagReq(strings.Repeat("ä", 128), strings.Repeat("ö", 255))}, false, nil},
		{"punctuation", []api.TagRequest{tagReq("a_.:=+-@ b", "x_.:/=+-@ y")}, false, nil},
		{"empty value", []api.TagRequest{tagReq("k", "")}, true, nil},
		{"value missing", []api.TagRequest{{Key: ptr("k")}}, false, nil},
		{"value missing where needed", []api.TagRequest{{Key: ptr("k")}}, true, api.E0002},
		{"21", tagReqs(21), false, api.E3069},
		{"key missing", []api.TagRequest{{Value: ptr("v")}}, false, api.E3066},
		{"key empty", []api.TagRequest{tagReq("", "v")}, false, api.E3066},
		{"key twice", []api.TagRequest{tagReq("k", "1"), tagReq("k", "2")}, false, api.E3067},
		{"key 129", []api.TagRequest{tagReq(strings.Repeat("k", 129), "v")}, false, api.E3072},
		{"value 256", []api.TagRequest{tagReq("k", strings.Repeat("v", 256))}, false, api.E3073},
		{"key slash", []api.TagRequest{tagReq("a/b", "v")}, false, api.E3068},
		{"key leading space", []api.TagRequest{tagReq(" k", "v")}, false, api.E3068},
		{"key trailing space", []api.TagRequest{tagReq("k ", "v")}, false, api.E3068},
		{"key _sys_", []api.TagRequest{tagReq("_sys_x", "v")}, false, api.E3068},
		{"key invalid UTF-8", []api.TagRequest{tagReq("k\xff", "v")}, false, api.E3068},
		{"value star", []api.TagRequest{tagReq("k", "a*b")}, false, api.E3068},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Tags(tc.in, tc.needValue)
			require.Equal(t, tc.want, err)
			if err == nil {
				require.Len(t, got, len(tc.in))
				for i, in := range tc.in {
					assert.Equal(t, *in.Key, got[i].Key)
					if in.Value != nil {
						assert.Equal(t, *in.Value, got[i].Value)
					} else {
						assert.Empty(t, got[i].Value)
					}
				}
			}
		})
	}
}
