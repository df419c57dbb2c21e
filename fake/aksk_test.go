package fake_test

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/fake"
)

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
