package fake

import (
	"fmt"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// referenceDecode is what decodeBody must give: encoding/json through
// decode, which also refuses a \u escape of a lone surrogate like invalid
// UTF-8.
func referenceDecode[T any](body []byte, codes map[string]*api.Error) (T, *api.Error) {
	var v T
	err := decode(body, &v, codes)
	return v, err
}

// checkBody requires decodeBody to agree with referenceDecode for the
// three hot bodies.
func checkBody(t *testing.T, body []byte) {
	t.Helper()
	checkOne(t, body, createServiceFields, portFieldCodes)
	checkOne(t, body, updateServiceFields, portFieldCodes)
	checkOne(t, body, createEndpointFields, endpointFieldCodes)
}

func checkOne[T any](t *testing.T, body []byte, fields *fieldTable[T], codes map[string]*api.Error) {
	t.Helper()
	want, wantErr := referenceDecode[T](body, codes)
	var got T
	gotErr := decodeBody(body, &got, fields, codes)
	require.Equal(t, wantErr, gotErr, "%T error for %q", got, body)
	if wantErr == nil {
		require.Equal(t, want, got, "%T for %q", got, body)
	}
}

// TestDecodeBodyMatchesEncodingJSON decodes random bodies, valid and
// spoiled, built from the bodies' own field names in several spellings,
// unknown fields, values of every type, escapes and surrogates, repeated
// keys, and deep nesting, and requires decodeBody to give what
// encoding/json gives (with the lone-surrogate rule).
func TestDecodeBodyMatchesEncodingJSON(t *testing.T) {
	t.Parallel()
	r := rand.New(rand.NewPCG(7, 8))
	for range 5000 {
		body := randomObject(r, 0)
		if r.IntN(5) == 0 {
			body = spoil(r, body)
		}
		checkBody(t, []byte(body))
	}
	for _, body := range handBodies {
		checkBody(t, []byte(body))
	}
}

// handBodies are cases worth naming.
var handBodies = []string{
	`{}`, ` {} `, `{}x`, `{`, `[]`, `null`, ``, "\u00a0{}", `{"ports":[{"client_port":"80"}]}`,
	`{"ports":[{"client_port":1.5}],"port_id":3}`, `{"port_id":3,"ports":[{"client_port":1.5}]}`,
	`{"PORTS":[{"Client_Port":1}]}`, `{"ports":[{"client_port":1,"protocol":"T"}],"ports":[{"client_port":2}]}`,
	`{"ports":[null,{}]}`, `{"ports":[]}`, `{"ports":null}`, `{"whitelist":[1]}`, `{"whitelist":[null,"a"]}`,
	`{"enable_dns":"yes"}`, `{"tags":[{"key":"a\ud800"}]}`, `{"tags":[{"key":"\ud83d\ude00"}]}`,
	`{"x":"\udc00"}`, `{"x":"\ud800\ud800\udc00"}`, `{"x":"\\ud800"}`, `{"port_id":"\u00e9\/\b"}`,
	`{"port_id":"\x"}`, "{\"port_id\":\"\x01\"}", `{"ports":[{"client_port":99999999999999999999}]}`,
	`{"ports":[{"client_port":-0}]}`, `{"ports":[{"client_port":1e2}]}`, `{"ports":[{"client_port":01}]}`,
	`{"approval_enabled":tru}`, `{"port\u005fid":"k"}`, `{"policy_statement":[{"effect":"Allow","Action":["a",null]}]}`,
	`{"x":` + strings.Repeat("[", 9998) + strings.Repeat("]", 9998) + `}`,
	`{"x":` + strings.Repeat("[", 9999) + strings.Repeat("]", 9999) + `}`,
	`{"x":` + strings.Repeat(`{"a":`, 9999) + `1` + strings.Repeat("}", 9999) + `}`,
}

var (
	bodyKeys = []string{"port_id", "vpc_id", "server_type", "ports", "service_name", "approval_enabled", "tags",
		"description", "supported_editions", "endpoint_service_id", "subnet_id", "enable_dns", "routetables",
		"whitelist", "policy_statement", "client_port", "server_port", "protocol", "key", "value", "Effect",
		"Action", "Resource", "PORT_ID", "Ports", "effect", "unknown", "vip_port_id", "ip"}
	bodyStrings = []string{`""`, `"a"`, `"TCP"`, `"\u00e9"`, `"\ud83d\ude00"`, `"\ud800"`, `"\udc00x"`, `"a\"b\\"`,
		`"\n"`, `"ü日本"`, `"\/"`, `"\u0000"`}
	bodyScalars = []string{`0`, `1`, `-1`, `80`, `1.5`, `1e2`, `-0`, `65536`, `99999999999999999999`, `true`, `false`, `null`}
)

func randomObject(r *rand.Rand, depth int) string {
	var b strings.Builder
	b.WriteString("{")
	for i := range r.IntN(5) {
		if i > 0 {
			b.WriteString(",")
		}
		fmt.Fprintf(&b, "%q:%s", bodyKeys[r.IntN(len(bodyKeys))], randomValue(r, depth+1))
	}
	b.WriteString("}")
	return b.String()
}

func randomValue(r *rand.Rand, depth int) string {
	switch n := r.IntN(10); {
	case n < 3:
		return bodyStrings[r.IntN(len(bodyStrings))]
	case n < 6 || depth > 4:
		return bodyScalars[r.IntN(len(bodyScalars))]
	case n < 8:
		var parts []string
		for range r.IntN(4) {
			parts = append(parts, randomValue(r, depth+1))
		}
		return "[" + strings.Join(parts, ",") + "]"
	}
	return randomObject(r, depth)
}

// spoil changes one byte, cuts the body or doubles a piece of it.
func spoil(r *rand.Rand, s string) string {
	i := r.IntN(len(s))
	switch r.IntN(3) {
	case 0:
		const junk = "{}[],:\"\\ x1-"
		return s[:i] + string(junk[r.IntN(len(junk))]) + s[i+1:]
	case 1:
		return s[:i]
	}
	return s[:i] + s[i/2:]
}

// FuzzDecodeBody checks decodeBody against encoding/json on any input.
func FuzzDecodeBody(f *testing.F) {
	for _, body := range handBodies[:len(handBodies)-3] {
		f.Add([]byte(body))
	}
	f.Add([]byte(`{"port_id":"p","vpc_id":"v","server_type":"VM","ports":[{"client_port":80,"server_port":8080,"protocol":"TCP"}],"tags":[{"key":"k","value":"v"}]}`))
	f.Fuzz(func(t *testing.T, body []byte) { checkBody(t, body) })
}

// TestLoneSurrogateIsMalformed: a hot body with a \u escape of a lone
// surrogate gets the answer a body with invalid UTF-8 gets, 400
// EndPoint.0002, where encoding/json would store U+FFFD.
func TestLoneSurrogateIsMalformed(t *testing.T) {
	t.Parallel()
	srv := New()
	tests := []struct{ name, path, body string }{
		{"create service", "vpc-endpoint-services", `{"port_id":"p","vpc_id":"v","server_type":"VM","service_name":"a\ud800"}`},
		{"create service, invalid UTF-8", "vpc-endpoint-services", "{\"port_id\":\"p\",\"vpc_id\":\"v\",\"server_type\":\"VM\",\"service_name\":\"a\xff\"}"},
		{"create endpoint", "vpc-endpoints", `{"endpoint_service_id":"\udc00","vpc_id":"v"}`},
		{"unknown field", "vpc-endpoints", `{"x":"\ud83d"}`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			req := httptest.NewRequest(http.MethodPost, srv.ProjectURL(DefaultTenant.ProjectID)+tc.path, strings.NewReader(tc.body))
			req.Header.Set("X-Auth-Token", DefaultTenant.Token)
			req.Header.Set("Content-Type", "application/json")
			rec := httptest.NewRecorder()
			srv.ServeHTTP(rec, req)
			require.Equal(t, http.StatusBadRequest, rec.Code, rec.Body.String())
			require.Contains(t, rec.Body.String(), `"EndPoint.0002"`)
		})
	}
}
