package conformance

import (
	"net/http"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestCheckFields(t *testing.T) {
	t.Parallel()
	body := map[string]any{
		"id": "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d", "n": float64(3), "ok": true, "at": "2026-11-22T04:18:03Z",
		"items": []any{map[string]any{"k": "a"}, map[string]any{"k": float64(1)}}, "empty": []any{},
		"obj": map[string]any{"s": "x"},
	}
	tests := []struct {
		name string
		want Fields
		bad  string // "" when the body passes
	}{
		{"kinds", Fields{"id": "uuid", "n": "number", "ok": "bool", "at": "time", "items": "array", "obj": "object", "obj.s": "string"}, ""},
		{"literal", Fields{"obj.s": "={x}"}, ""},
		{"literal mismatch", Fields{"obj.s": "=y"}, `obj.s: got x, want "y"`},
		{"bool and number literals", Fields{"ok": "=true", "n": "=3"}, ""},
		{"number literal mismatch", Fields{"n": "=4"}, `n: got 3, want "4"`},
		{"array never equals a literal", Fields{"empty": "="}, "empty: got"},
		{"missing", Fields{"nope": "string"}, "nope: missing, want string"},
		{"absent", Fields{"nope": "absent"}, ""},
		{"present but should be absent", Fields{"n": "absent"}, "n: want absent, got 3"},
		{"wrong kind", Fields{"ok": "string"}, "ok: got bool true, want string"},
		{"bad time", Fields{"id": "time"}, "id: got string"},
		{"each element", Fields{"items[].k": "string"}, "items[].k: got float64 1, want string"},
		{"empty array checks nothing", Fields{"empty[].k": "string"}, ""},
		{"unknown kind", Fields{"n": "integer"}, "n: unknown kind integer"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := checkFields(body, tt.want, strings.NewReplacer("{x}", "x").Replace)
			if tt.bad == "" {
				assert.Empty(t, got)
				return
			}
			if assert.Len(t, got, 1) {
				assert.Contains(t, got[0], tt.bad)
			}
		})
	}
}

func TestWireRules(t *testing.T) {
	t.Parallel()
	withID := http.Header{"X-Request-Id": {"r"}}
	tests := []struct {
		name string
		op   string
		r    Result
		bad  string
	}{
		{"good error", OpGetService, Result{Status: 404, ErrorCode: "EndPoint.0005", Header: withID,
			Body: map[string]any{"error_code": "EndPoint.0005", "error_msg": "m"}}, ""},
		{"error without message", OpGetService, Result{Status: 404, ErrorCode: "EndPoint.0005", Header: withID,
			Body: map[string]any{"error_code": "EndPoint.0005"}}, "error body lacks"},
		{"error without request id", OpGetService, Result{Status: 400, ErrorCode: "x", Header: http.Header{},
			Body: map[string]any{"error_code": "x", "error_msg": "m"}}, "X-Request-Id"},
		{"204 with a body", OpDeleteService, Result{Status: 204, Body: map[string]any{}}, "204 with a body"},
		{"list with two arrays", OpListServices, Result{Status: 200, Body: map[string]any{"endpoint_services": []any{}, "errors": []any{}}}, "exactly one top-level array"},
		{"list with one array", OpListServices, Result{Status: 200, Body: map[string]any{"endpoint_services": []any{}, "total_count": 0.0}}, ""},
		{"object with arrays is no list", OpGetService, Result{Status: 200, Body: map[string]any{"ports": []any{}, "tags": []any{}}}, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			got := wireRules(tt.op, tt.r)
			if tt.bad == "" {
				assert.Empty(t, got)
				return
			}
			if assert.Len(t, got, 1) {
				assert.Contains(t, got[0], tt.bad)
			}
		})
	}
}

func TestResultOf(t *testing.T) {
	t.Parallel()
	r := ResultOf(404, []byte(`{"error_code":"EndPoint.0005","error_msg":"m"}`))
	assert.Equal(t, "EndPoint.0005", r.ErrorCode)
	assert.NoError(t, r.Err)
	assert.Empty(t, ResultOf(200, []byte(`{"error_code":"x"}`)).ErrorCode, "a success has no error code")
	assert.Nil(t, ResultOf(204, nil).Body)
	assert.Error(t, ResultOf(200, []byte(`[1]`)).Err, "a body must be a JSON object")
}
