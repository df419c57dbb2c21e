package iam

import (
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// vector is a request signed by a real SDK (gophertelekomcloud v0.9.3
// golangsdk.Sign, huaweicloud-sdk-go-v3 v0.1.207 signer.Sign), as the
// server receives it.
type vector struct {
	name, method, target, body, sk string
	headers                        map[string]string
}

const pid = "5f2ad3b3b7d24a8e9c9e0f1a2b3c4d5e"

var vectors = []vector{
	{"gophertelekomcloud POST", "POST", "/v1/" + pid + "/vpc-endpoint-services",
		`{"port_id":"0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f"}`, "gopher-secret", map[string]string{
			"Accept": "application/json", "Content-Type": "application/json", "User-Agent": "golangsdk/2.0.0",
			"X-Project-Id": pid, "X-Sdk-Date": "20261122T042711Z",
			"Authorization": "SDK-HMAC-SHA256 Credential=GOPHERAK/20261122///sdk_request, SignedHeaders=accept;content-type;host;user-agent;x-project-id;x-sdk-date, Signature=8f3ff5ae8ced4462146d4c77729179dd07b9054af2e699477d89ea86871e9e32",
		}},
	{"gophertelekomcloud GET with query", "GET", "/v1/" + pid + "/vpc-endpoint-services?limit=10&endpoint_service_name=a%20b",
		"", "gopher-secret", map[string]string{
			"Accept": "application/json", "User-Agent": "golangsdk/2.0.0", "X-Sdk-Date": "20261122T042711Z",
			"Authorization": "SDK-HMAC-SHA256 Credential=GOPHERAK/20261122///sdk_request, SignedHeaders=accept;host;user-agent;x-sdk-date, Signature=8b9a3de01bd8b257931cf02ed368a29cb4f707ab9a3b5b8e72e5cbf8b331b8ef",
		}},
	{"Huawei GET with query", "GET", "/v1/" + pid + "/vpc-endpoint-services?limit=10&endpoint_service_name=a%20b",
		"", "huawei-secret", map[string]string{
			"Content-Type": "application/json", "User-Agent": "huaweicloud-usdk-go/3.0", "X-Project-Id": pid,
			"X-Sdk-Date":    "20261122T023108Z",
			"Authorization": "SDK-HMAC-SHA256 Access=HWAK, SignedHeaders=user-agent;x-project-id;x-sdk-date, Signature=56091b1faeaf5721195d4fabbde524e3ddc383a5fd9af21f186ecd4eb91b2446",
		}},
	{"Huawei POST", "POST", "/v1/" + pid + "/vpc-endpoint-services",
		"{\"port_id\":\"0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f\"}\n", "huawei-secret", map[string]string{
			"Content-Type": "application/json;charset=UTF-8", "User-Agent": "huaweicloud-usdk-go/3.0", "X-Project-Id": pid,
			"X-Sdk-Date":    "20261122T023108Z",
			"Authorization": "SDK-HMAC-SHA256 Access=HWAK, SignedHeaders=user-agent;x-project-id;x-sdk-date, Signature=f896309ff016f29dd6a37abb5da44d6a0ef2916457b2a4871021f738040e3122",
		}},
}

func TestVerifySignatureOfRealSDKs(t *testing.T) {
	t.Parallel()
	for _, v := range vectors {
		t.Run(v.name, func(t *testing.T) {
			t.Parallel()
			build := func(edit func(h map[string]string) (body string)) (*http.Request, string) {
				h := map[string]string{}
				for k, val := range v.headers {
					h[k] = val
				}
				body := v.body
				if edit != nil {
					body = edit(h)
				}
				r := httptest.NewRequest(v.method, "http://127.0.0.1:8780"+v.target, strings.NewReader(body))
				for k, val := range h {
					r.Header.Set(k, val)
				}
				return r, body
			}
			r, body := build(nil)
			assert.True(t, verifies(r, []byte(body), v.sk), "the SDK's own signature")
			assert.False(t, verifies(r, []byte(body), "wrong"), "another secret key")
			r, body = build(func(map[string]string) string { return v.body + " " })
			assert.False(t, verifies(r, []byte(body), v.sk), "a changed body")
			r, body = build(func(h map[string]string) string { h["X-Sdk-Date"] = "20261122T000000Z"; return v.body })
			assert.False(t, verifies(r, []byte(body), v.sk), "a changed signed header")
			r, body = build(func(h map[string]string) string { h["Authorization"] = "SDK-HMAC-SHA256 Access=HWAK"; return v.body })
			assert.False(t, verifies(r, []byte(body), v.sk), "no signature")
		})
	}
}

// verifies parses r's Authorization and verifies it.
func verifies(r *http.Request, body []byte, sk string) bool {
	a, ok := parseAuthorization(r.Header.Get("Authorization"))
	return ok && a.verify(r, body, sk)
}

func TestAccessKey(t *testing.T) {
	t.Parallel()
	for h, want := range map[string]string{
		vectors[0].headers["Authorization"]: "GOPHERAK",
		vectors[2].headers["Authorization"]: "HWAK",
		"Bearer xyz":                        "",
		"SDK-HMAC-SHA256 SignedHeaders=a":   "",
	} {
		a, _ := parseAuthorization(h)
		assert.Equal(t, want, a.ak, h)
	}
}

// huaweiUnsigned is a POST with a text/plain body signed by
// huaweicloud-sdk-go-v3 v0.1.207 with AK HWAK and SK huawei-secret: the SDK
// sends X-Sdk-Content-Sha256: UNSIGNED-PAYLOAD, as a signed header, for a
// Content-Type that is neither JSON nor BSON.
var huaweiUnsigned = vector{"Huawei unsigned payload", "POST", "/v1/" + pid + "/vpc-endpoint-services",
	"plain text body", "huawei-secret", map[string]string{
		"Content-Type": "text/plain", "X-Project-Id": pid, "X-Sdk-Date": "20261122T023108Z",
		"X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD",
		"Authorization":        "SDK-HMAC-SHA256 Access=HWAK, SignedHeaders=x-project-id;x-sdk-content-sha256;x-sdk-date, Signature=83d2473df4a6c7eb483f58edcc55d2f174abc18f65ae52e4ce5b0baa20d53471",
	}}

// The signature covers the body received: a replay with another body is
// refused whatever X-Sdk-Content-Sha256 claims, and UNSIGNED-PAYLOAD is
// taken only where the Huawei SDK sends it.
func TestSignatureCoversTheBody(t *testing.T) {
	t.Parallel()
	hash := func(s string) string { sum := sha256.Sum256([]byte(s)); return hex.EncodeToString(sum[:]) }
	huaweiPOST, gopherPOST := vectors[3], vectors[0]
	for _, tc := range []struct {
		name string
		v    vector
		body string
		edit map[string]string
		want bool
	}{
		{"Huawei: the body's own hash", huaweiPOST, huaweiPOST.body, map[string]string{"X-Sdk-Content-Sha256": hash(huaweiPOST.body)}, true},
		{"Huawei: another body, the original hash", huaweiPOST, `{"port_id":"x"}`, map[string]string{"X-Sdk-Content-Sha256": hash(huaweiPOST.body)}, false},
		{"Huawei: another body, unsigned payload claimed", huaweiPOST, `{"port_id":"x"}`, map[string]string{"X-Sdk-Content-Sha256": "UNSIGNED-PAYLOAD"}, false},
		{"gopher: another body, the original hash", gopherPOST, `{"port_id":"x"}`, map[string]string{"X-Sdk-Content-Sha256": hash(gopherPOST.body)}, false},
		{"Huawei unsigned payload, as the SDK sends it", huaweiUnsigned, huaweiUnsigned.body, nil, true},
		{"Huawei unsigned payload, another body", huaweiUnsigned, "other", nil, true},
		{"unsigned payload with a JSON content type", huaweiUnsigned, "{}", map[string]string{"Content-Type": "application/json"}, false},
		{"unsigned payload without a content type", huaweiUnsigned, "{}", map[string]string{"Content-Type": ""}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(tc.v.method, "http://127.0.0.1:8780"+tc.v.target, strings.NewReader(tc.body))
			for k, val := range tc.v.headers {
				r.Header.Set(k, val)
			}
			for k, val := range tc.edit {
				r.Header.Set(k, val)
			}
			assert.Equal(t, tc.want, verifies(r, []byte(tc.body), tc.v.sk))
		})
	}
}
