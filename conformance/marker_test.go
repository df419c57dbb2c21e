package conformance

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestMarkRaw(t *testing.T) {
	t.Parallel()
	w := newWorld(context.Background(), Target{})
	tag := `{"key":"vpcep-conformance","value":"` + w.runID + `"}`
	tests := []struct {
		name, op, body string
		want           string // a substring of the marked body; "=" + body for unchanged
	}{
		{"service gets name and tag", OpCreateService, `{"port_id":"p"}`, `"tags":[` + tag + `]`},
		{"service gets a suite name", OpCreateService, `{"port_id":"p"}`, `"service_name":"vpcepconf`},
		{"own name kept", OpCreateService, `{"service_name":"a.b"}`, `"service_name":"a.b"`},
		{"own tags kept", OpCreateService, `{"tags":[{"key":"k","value":"v"}]}`, `"tags":[{"key":"k","value":"v"}]`},
		{"endpoint gets the tag, no name", OpCreateEndpoint, `{"vpc_id":"v"}`, `{"tags":[` + tag + `],"vpc_id":"v"}`},
		{"numbers and text kept exactly", OpCreateEndpoint, `{"n":65536,"d":"a<b"}`, `"d":"a<b","n":65536`},
		{"malformed JSON sent as is", OpCreateService, `{"port_id":`, `={"port_id":`},
		{"null sent as is", OpCreateService, `null`, `=null`},
		{"not a create", OpUpdateService, `{}`, `={}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := w.markRaw(tt.op, tt.body)
			if exact, ok := strings.CutPrefix(tt.want, "="); ok {
				assert.Equal(t, exact, got)
				return
			}
			assert.Contains(t, got, tt.want)
		})
	}
}

// TestCreatesAreMarked: every create the suite expects to succeed sends
// the marker tag, and every service a suite name, so Sweep finds it.
func TestCreatesAreMarked(t *testing.T) {
	t.Parallel()
	w := newWorld(context.Background(), Target{})
	for _, c := range Cases() {
		if (c.Op != OpCreateService && c.Op != OpCreateEndpoint) || c.Status != http.StatusOK {
			continue
		}
		var body map[string]any
		require.NoError(t, json.Unmarshal([]byte(w.markRaw(c.Op, w.vars(1).Replace(c.Body))), &body), c.Name)
		name, _ := body["service_name"].(string)
		assert.True(t, ours("", body["tags"]), "%s: marker tag", c.Name)
		if c.Op == OpCreateService {
			assert.True(t, suiteName.MatchString(name), "%s: service name %q", c.Name, name)
		}
	}
	svc := w.serviceBody(nil)
	assert.True(t, ours(svc["service_name"].(string), svc["tags"]), "flows' services")
}

func TestOurs(t *testing.T) {
	t.Parallel()
	tag := []any{map[string]any{"key": TagKey, "value": "x"}}
	tests := []struct {
		name    string
		service string
		tags    any
		want    bool
	}{
		{"composed suite name", "eu-de.vpcepconf1a2b3c4.0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", nil, true},
		{"marker tag", "eu-de.mine.0a1b", tag, true},
		{"someone else's", "eu-de.mine.0a1b", []any{map[string]any{"key": "owner", "value": "me"}}, false},
		{"prefix with another tail", "eu-de.vpcepconf-prod.0a1b", nil, false},
		{"prefix too long", "eu-de.vpcepconf1a2b3c4d.0a1b", nil, false},
		{"public service", "com.t-systems.otc.eu-de.obs", nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tt.want, ours(tt.service, tt.tags))
		})
	}
}
