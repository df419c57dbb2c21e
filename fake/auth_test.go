package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// akskHeaders are the headers the Huawei SDK sends in AK/SK mode.
func akskHeaders(project string) map[string]string {
	return map[string]string{
		"Authorization": "SDK-HMAC-SHA256 Access=AKEXAMPLE, SignedHeaders=user-agent;x-project-id;x-sdk-date, Signature=0123abcd",
		"X-Sdk-Date":    "20261122T023108Z",
		"X-Project-Id":  project,
		"Content-Type":  "application/json;charset=UTF-8",
	}
}

func TestAuthentication(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(otherTenant))
	own := "/v1/" + fake.DefaultProjectID + services
	tok := func(token string) map[string]string { return map[string]string{"X-Auth-Token": token} }
	gopherAKSK := map[string]string{
		"Authorization": "SDK-HMAC-SHA256 Credential=AK/20261122///sdk_request, SignedHeaders=accept;host;user-agent;x-sdk-date, Signature=ff",
		"X-Sdk-Date":    "20261122T023108Z",
		"X-Project-Id":  fake.DefaultProjectID,
	}
	noDate := akskHeaders(fake.DefaultProjectID)
	delete(noDate, "X-Sdk-Date")
	basic := akskHeaders(fake.DefaultProjectID)
	basic["Authorization"] = "Basic dXNlcjpwYXNz"
	tests := []struct {
		name   string
		method string
		path   string
		hdr    map[string]string
		want   *api.Error // nil: 200
	}{
		{"token", http.MethodGet, own, tok(fake.DefaultToken), nil},
		{"no token", http.MethodGet, own, nil, api.E0003},
		{"empty token", http.MethodGet, own, tok(""), api.E0003},
		{"unknown token", http.MethodGet, own, tok("nope"), api.E0003},
		{"unknown token, malformed project", http.MethodGet, "/v1/bad!id" + services, tok("nope"), api.E0003},
		{"other project's token", http.MethodGet, own, tok(otherToken), api.E0004},
		{"token of own project on other's path", http.MethodGet, "/v1/" + otherProject + services, tok(fake.DefaultToken), api.E0004},
		{"unknown project in path", http.MethodGet, "/v1/abcdef" + services, tok(fake.DefaultToken), api.E0004},
		{"malformed project", http.MethodGet, "/v1/bad!id" + services, tok(fake.DefaultToken), api.E0014},
		{"malformed project on get", http.MethodGet, "/v1/bad.id" + services + "/x", tok(fake.DefaultToken), api.E0014},
		{"project too long", http.MethodPost, "/v1/" + string(make65()) + services, tok(fake.DefaultToken), api.E0014},
		{"aksk huawei", http.MethodGet, own, akskHeaders(fake.DefaultProjectID), nil},
		{"aksk gopher", http.MethodGet, own, gopherAKSK, nil},
		{"aksk other project header", http.MethodGet, own, akskHeaders(otherProject), api.E0004},
		{"aksk unknown project", http.MethodGet, own, akskHeaders("0000"), api.E0003},
		{"aksk without date", http.MethodGet, own, noDate, api.E0003},
		{"basic auth", http.MethodGet, own, basic, api.E0003},
		{"auth before routing of ids", http.MethodGet, own + "/not-a-uuid", nil, api.E0003},
		{"auth before body", http.MethodPost, own, nil, api.E0003},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := request(t, srv, tt.method, tt.path, "", tt.hdr)
			if tt.want == nil {
				require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
				assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
				assert.NotEmpty(t, r.Header.Get("X-Request-Id"))
				return
			}
			requireError(t, r, tt.want)
		})
	}
}

func make65() []byte {
	b := make([]byte, 65)
	for i := range b {
		b[i] = 'a'
	}
	return b
}

// TestAKSKCreate drives a full create and read as the Huawei SDK does.
func TestAKSKCreate(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	path := "/v1/" + fake.DefaultProjectID + services
	r := request(t, srv, http.MethodPost, path, body(t, baseCreate(), nil), akskHeaders(fake.DefaultProjectID))
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	m := r.JSON(t)
	assert.Equal(t, fake.DefaultProjectID, m["project_id"])
	assert.Equal(t, fake.DefaultDomainID, m["domain_id"])
	g := request(t, srv, http.MethodGet, path+"/"+m["id"].(string), "", akskHeaders(fake.DefaultProjectID))
	assert.Equal(t, http.StatusOK, g.Status)
}

// huaweiList is GET list services with limit=10 and
// endpoint_service_name="a b", signed by huaweicloud-sdk-go-v3 v0.1.207
// with AK HWAK and SK huawei-secret for host 127.0.0.1:8780.
var huaweiList = []string{
	"Content-Type: application/json", "User-Agent: huaweicloud-usdk-go/3.0", "X-Project-Id: " + fake.DefaultProjectID,
	"X-Sdk-Date: 20261122T023108Z",
	"Authorization: SDK-HMAC-SHA256 Access=HWAK, SignedHeaders=user-agent;x-project-id;x-sdk-date, Signature=56091b1faeaf5721195d4fabbde524e3ddc383a5fd9af21f186ecd4eb91b2446",
}

const huaweiListPath = "/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services?limit=10&endpoint_service_name=a%20b"

func TestAKSKSignatures(t *testing.T) {
	t.Parallel()
	withKeys := func(ak, sk string) *fake.Server {
		tn := fake.DefaultTenant
		tn.AccessKey, tn.SecretKey = ak, sk
		srv := fake.NewTest(t, fake.WithDefaultTenant(tn))
		srv.URL = "http://127.0.0.1:8780" // the host the vector was signed for; the in-memory client ignores it
		return srv
	}
	tampered := append(append([]string{}, huaweiList[:4]...), "Authorization: SDK-HMAC-SHA256 Access=HWAK, SignedHeaders=user-agent;x-project-id;x-sdk-date, Signature=00")
	nobody := []string{"X-Project-Id: " + fake.DefaultProjectID, "X-Sdk-Date: 20261122T023108Z",
		"Authorization: SDK-HMAC-SHA256 Access=NOBODY, SignedHeaders=x-project-id;x-sdk-date, Signature=00"}
	for _, tc := range []struct {
		name    string
		method  string
		srv     *fake.Server
		path    string
		headers []string
		status  int
	}{
		{"issue 10: unknown AK deletes nothing", "DELETE", withKeys("HWAK", "huawei-secret"),
			"/v1/" + fake.DefaultProjectID + "/vpc-endpoint-services/77777777-7777-4777-8777-777777777777", nobody, 401},
		{"valid signature", "GET", withKeys("HWAK", "huawei-secret"), huaweiListPath, huaweiList, 200},
		{"wrong secret key", "GET", withKeys("HWAK", "another-secret"), huaweiListPath, huaweiList, 401},
		{"tampered signature", "GET", withKeys("HWAK", "huawei-secret"), huaweiListPath, tampered, 401},
		{"tampered query", "GET", withKeys("HWAK", "huawei-secret"), huaweiListPath + "&offset=1", huaweiList, 401},
		{"AK without SK: not checked", "GET", withKeys("HWAK", ""), huaweiListPath, tampered, 200},
		{"unknown AK while keys are configured", "GET", withKeys("OTHER", "x"), huaweiListPath, tampered, 401},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			a := front(t, tc.srv, tc.method, tc.path, "", tc.headers...)
			assert.Equal(t, tc.status, a.status, a.raw)
			if tc.status == 401 {
				assert.Equal(t, "EndPoint.0003", a.body["error_code"])
			}
		})
	}
}
