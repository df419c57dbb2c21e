package iamtest

import (
	"io"
	"net/http"
	"os/exec"
	"strings"
	"syscall"
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/binarytest"
)

// startBinary starts cmd/vpcepfake with args and returns its base URL.
func startBinary(t *testing.T, args ...string) (string, *exec.Cmd) {
	return binarytest.Start(t, "..", args...)
}

// control calls the control API and returns the status and body.
func control(t *testing.T, method, url, body string) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, strings.NewReader(body))
	require.NoError(t, err)
	req.Header.Set("Content-Type", "application/json") // the control API refuses other mutating calls
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, string(raw)
}

// TestTerraformLoginPath logs in through the fake IAM exactly as terraform
// does (password, project scoped by name, catalog lookup of vpcep), creates
// a service, completes it by advancing the manual clock, and survives an
// export → reset → import round trip.
func TestTerraformLoginPath(t *testing.T) {
	for _, k := range []string{"OS_CLOUD", "OS_REGION_NAME", "OS_AUTH_URL", "OS_TOKEN"} {
		t.Setenv(k, "")
	}
	base, cmd := startBinary(t, "-manual-clock", "-service-create-delay", "1m")

	pc, err := openstack.AuthenticatedClient(golangsdk.AuthOptions{
		IdentityEndpoint: base + "/v3",
		Username:         fake.DefaultUserName,
		Password:         fake.DefaultPassword,
		DomainName:       fake.DefaultDomainName,
		TenantName:       fake.DefaultRegion,
	})
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(pc.TokenID, "vpcepfake-iam-"), "each login gets a fresh token: %s", pc.TokenID)
	sc, err := openstack.NewVpcEpV1(pc, golangsdk.EndpointOpts{Region: fake.DefaultRegion})
	require.NoError(t, err)
	assert.Equal(t, base+"/v1/"+fake.DefaultProjectID+"/", sc.Endpoint)

	svc, err := services.Create(sc, services.CreateOpts{
		PortID:     "0b5d6c4e-3f1a-4e2b-9c8d-7a6b5c4d3e2f",
		RouterID:   "1c6e7d5f-4a2b-4f3c-8d9e-8b7c6d5e4f3a",
		ServerType: services.ServerTypeVM,
		Ports:      []services.PortMapping{{ClientPort: 80, ServerPort: 8080, Protocol: "TCP"}},
	}).Extract()
	require.NoError(t, err)
	assert.Equal(t, "creating", string(svc.Status))

	code, body := control(t, "POST", base+"/_fake/clock/advance", `{"by":"1m"}`)
	require.Equal(t, 200, code, body)
	got, err := services.Get(sc, svc.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, "available", string(got.Status))

	code, state := control(t, "GET", base+"/_fake/state?secrets=true", "")
	require.Equal(t, 200, code)
	code, body = control(t, "POST", base+"/_fake/reset", "")
	require.Equal(t, 204, code, body)
	_, err = services.Get(sc, svc.ID).Extract()
	require.ErrorAs(t, err, new(golangsdk.ErrDefault404), "reset forgets the service")

	code, body = control(t, "PUT", base+"/_fake/state", state)
	require.Equal(t, 204, code, body)
	got, err = services.Get(sc, svc.ID).Extract()
	require.NoError(t, err)
	assert.Equal(t, "available", string(got.Status))
	assert.Equal(t, svc.ServiceName, got.ServiceName)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	require.NoError(t, cmd.Wait(), "graceful shutdown exits 0")
}
