package huaweiv3

import (
	"errors"
	"slices"
	"strings"
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/auth/basic"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/config"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/core/sdkerr"
	vpcep "github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpcep/v1"
	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpcep/v1/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

const (
	vpcID    = "3f1a7c52-6a0e-4c4b-9d0e-2b1c3d4e5f60"
	portID   = "7b2c8d63-7b1f-4d5c-8e1f-3c2d4e5f6071"
	subnetID = "9d4e0f85-9d3b-4f7e-a03b-5e4f60718293"
)

// start returns a fake (zero delays: a transition completes at the next
// request) with its journal, and a Huawei client signing with AK/SK for
// the default project, whose secret key the fake knows and checks, over the fake's in-memory transport
// (docs/real-clients.md §2.2).
func start(t *testing.T) (*vpcep.VpcepClient, *scenario.Scenario) {
	t.Helper()
	return startWith(t, scenario.New())
}

// startWith is start with the scenario sc.
func startWith(t *testing.T, sc *scenario.Scenario) (*vpcep.VpcepClient, *scenario.Scenario) {
	t.Helper()
	signer := fake.DefaultTenant
	signer.AccessKey, signer.SecretKey = "AK", "SK" // every request's signature is verified
	srv := fake.NewTest(t, fake.WithScenario(sc), fake.WithDefaultTenant(signer))
	cred, err := basic.NewCredentialsBuilder().WithAk("AK").WithSk("SK").WithProjectId(fake.DefaultProjectID).SafeBuild()
	require.NoError(t, err)
	hc, err := vpcep.VpcepClientBuilder().WithEndpoints([]string{srv.URL}).WithCredential(cred).
		WithHttpConfig(config.DefaultHttpConfig().WithHttpRoundTripper(srv.Client().Transport)).SafeBuild()
	require.NoError(t, err)
	return vpcep.NewVpcepClient(hc), sc
}

// createService creates a service with tags and waits until available.
func createService(t *testing.T, c *vpcep.VpcepClient, approval bool, serverPort int32) *model.CreateEndpointServiceResponse {
	t.Helper()
	proxy := model.GetCreateEndpointServiceRequestBodyTcpProxyEnum().TOA_OPEN
	svc, err := c.CreateEndpointService(&model.CreateEndpointServiceRequest{Body: &model.CreateEndpointServiceRequestBody{
		PortId: portID, VpcId: vpcID, ServerType: model.GetCreateEndpointServiceRequestBodyServerTypeEnum().VM,
		ApprovalEnabled: &approval, TcpProxy: &proxy, Tags: &[]model.TagList{{Key: ptr("team"), Value: ptr("net")}},
		Ports: []model.PortList{{ClientPort: ptr(int32(80)), ServerPort: &serverPort, Protocol: ptr(model.GetPortListProtocolEnum().TCP)}},
	}})
	require.NoError(t, err)
	require.NotNil(t, svc.CreatedAt, "created_at parses as SdkTime")
	require.True(t, strings.HasPrefix(*svc.ServiceName, fake.DefaultRegion+"."), *svc.ServiceName)
	for {
		got, err := c.ListServiceDetails(&model.ListServiceDetailsRequest{VpcEndpointServiceId: *svc.Id})
		require.NoError(t, err)
		if *got.Status == "available" {
			return svc
		}
		require.Equal(t, "creating", *got.Status)
	}
}

// waitEndpoint polls the endpoint until it leaves creating.
func waitEndpoint(t *testing.T, c *vpcep.VpcepClient, id string) *model.ListEndpointInfoDetailsResponse {
	t.Helper()
	for {
		ep, err := c.ListEndpointInfoDetails(&model.ListEndpointInfoDetailsRequest{VpcEndpointId: id})
		require.NoError(t, err)
		if *ep.Status != "creating" {
			return ep
		}
	}
}

// TestHuaweiLifecycle is docs/real-clients.md §4.3 C: every call signed with
// AK/SK, every body decoded by the SDK's models (int32 marker_id and
// counts, SdkTime timestamps, array active_status).
func TestHuaweiLifecycle(t *testing.T) {
	t.Parallel()
	c, journal := start(t)
	svc := createService(t, c, true, 8080)
	sid := *svc.Id

	// Paging: total_count counts every match.
	createService(t, c, false, 8081)
	list, err := c.ListEndpointService(&model.ListEndpointServiceRequest{Limit: ptr(int32(1)), Offset: ptr(int32(1)),
		SortKey: ptr(model.GetListEndpointServiceRequestSortKeyEnum().CREATE_AT)})
	require.NoError(t, err)
	assert.EqualValues(t, 2, *list.TotalCount)
	assert.Len(t, *list.EndpointServices, 1)

	// Whitelist.
	_, err = c.AddOrRemoveServicePermissions(&model.AddOrRemoveServicePermissionsRequest{VpcEndpointServiceId: sid,
		Body: &model.AddOrRemoveServicePermissionsRequestBody{Permissions: []string{"iam:domain::abc123"},
			Action: model.GetAddOrRemoveServicePermissionsRequestBodyActionEnum().ADD}})
	require.NoError(t, err)
	perms, err := c.ListServicePermissionsDetails(&model.ListServicePermissionsDetailsRequest{VpcEndpointServiceId: sid, Limit: ptr(int32(500))})
	require.NoError(t, err)
	require.Len(t, *perms.Permissions, 1)

	// Endpoint and approval.
	ep, err := c.CreateEndpoint(&model.CreateEndpointRequest{Body: &model.CreateEndpointRequestBody{
		EndpointServiceId: sid, VpcId: vpcID, SubnetId: ptr(subnetID), EnableDns: ptr(true)}})
	require.NoError(t, err)
	got := waitEndpoint(t, c, *ep.Id)
	assert.Equal(t, "pendingAcceptance", *got.Status)
	assert.Equal(t, []string{"active"}, *got.ActiveStatus)
	assert.Positive(t, *got.MarkerId)

	acted, err := c.AcceptOrRejectEndpoint(&model.AcceptOrRejectEndpointRequest{VpcEndpointServiceId: sid,
		Body: &model.AcceptOrRejectEndpointRequestBody{Action: model.GetAcceptOrRejectEndpointRequestBodyActionEnum().RECEIVE, Endpoints: []string{*ep.Id}}})
	require.NoError(t, err)
	assert.Equal(t, "accepted", *(*acted.Connections)[0].Status)
	conns, err := c.ListServiceConnections(&model.ListServiceConnectionsRequest{VpcEndpointServiceId: sid})
	require.NoError(t, err)
	require.Len(t, *conns.Connections, 1)
	assert.Equal(t, *got.MarkerId, *(*conns.Connections)[0].MarkerId)
	got = waitEndpoint(t, c, *ep.Id)
	assert.NotEmpty(t, *got.Ip, "accepted interface endpoint has an address")
	assert.Len(t, *got.DnsNames, 1)

	// Tags through the tag API, read back on the service.
	for _, action := range []model.BatchAddOrRemoveResourceInstanceRequestBodyAction{
		model.GetBatchAddOrRemoveResourceInstanceRequestBodyActionEnum().CREATE,
		model.GetBatchAddOrRemoveResourceInstanceRequestBodyActionEnum().DELETE,
	} {
		_, err = c.BatchAddOrRemoveResourceInstance(&model.BatchAddOrRemoveResourceInstanceRequest{
			ResourceType: model.GetBatchAddOrRemoveResourceInstanceRequestResourceTypeEnum().ENDPOINT_SERVICE, ResourceId: sid,
			Body: &model.BatchAddOrRemoveResourceInstanceRequestBody{Action: action, Tags: &[]model.ResourceTag{{Key: "stage", Value: ptr("qa")}}}})
		require.NoError(t, err)
		s, err := c.ListServiceDetails(&model.ListServiceDetailsRequest{VpcEndpointServiceId: sid})
		require.NoError(t, err)
		var keys []string
		for _, tag := range *s.Tags {
			keys = append(keys, *tag.Key)
		}
		assert.Equal(t, action.Value() == "create", slices.Contains(keys, "stage"), "after %s: %v", action.Value(), keys)
	}

	quota, err := c.ListQuotaDetails(&model.ListQuotaDetailsRequest{Type: ptr(model.GetListQuotaDetailsRequestTypeEnum().ENDPOINT)})
	require.NoError(t, err)
	assert.Equal(t, "endpoint", *(*quota.Quotas.Resources)[0].Type)

	// Deletes answer 204; then the service is 404 with a request id.
	del, err := c.DeleteEndpoint(&model.DeleteEndpointRequest{VpcEndpointId: *ep.Id})
	require.NoError(t, err)
	assert.Equal(t, 204, del.HttpStatusCode)
	dels, err := c.DeleteEndpointService(&model.DeleteEndpointServiceRequest{VpcEndpointServiceId: sid})
	require.NoError(t, err)
	assert.Equal(t, 204, dels.HttpStatusCode)
	for {
		_, err = c.ListServiceDetails(&model.ListServiceDetailsRequest{VpcEndpointServiceId: sid})
		if err != nil {
			break
		}
	}
	var se *sdkerr.ServiceResponseError
	require.True(t, errors.As(err, &se), "%T %v", err, err)
	assert.Equal(t, 404, se.StatusCode)
	assert.Equal(t, "EndPoint.0005", se.ErrorCode)
	assert.NotEmpty(t, se.RequestId)

	assert.Zero(t, journal.Count(scenario.Query{Status: 401}), "every signed request authenticated")
}

// TestHuaweiBadRequests: bodies the SDK sends with its non-pointer
// fields empty get 400 EndPoint.0002-style errors, never a 5xx.
func TestHuaweiBadRequests(t *testing.T) {
	t.Parallel()
	c, _ := start(t)
	_, err := c.CreateEndpointService(&model.CreateEndpointServiceRequest{Body: &model.CreateEndpointServiceRequestBody{
		PortId: portID, VpcId: vpcID, ServerType: model.GetCreateEndpointServiceRequestBodyServerTypeEnum().VM}})
	var se *sdkerr.ServiceResponseError
	require.True(t, errors.As(err, &se), "%v", err)
	assert.Equal(t, 400, se.StatusCode)
	assert.Equal(t, "EndPoint.0002", se.ErrorCode, "ports null")

	_, err = c.CreateEndpoint(&model.CreateEndpointRequest{Body: &model.CreateEndpointRequestBody{}})
	require.True(t, errors.As(err, &se), "%v", err)
	assert.Equal(t, 400, se.StatusCode)
	assert.Equal(t, "EndPoint.2029", se.ErrorCode, `"endpoint_service_id":""`)

	_, err = c.AddOrRemoveServicePermissions(&model.AddOrRemoveServicePermissionsRequest{VpcEndpointServiceId: "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
		Body: &model.AddOrRemoveServicePermissionsRequestBody{Action: model.GetAddOrRemoveServicePermissionsRequestBodyActionEnum().ADD}})
	require.True(t, errors.As(err, &se), "%v", err)
	assert.Equal(t, 400, se.StatusCode, "permissions null is checked before the service")
}
