package huaweiv3

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpcep/v1/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestHuaweiOnlyCalls pins the fake's documented choice for calls outside
// the OTC reference (docs/real-clients.md §4.3 C.12): it implements them, so
// they answer 200 with the SDK's models filled.
func TestHuaweiOnlyCalls(t *testing.T) {
	t.Parallel()
	c, _ := start(t)
	sid := *createService(t, c, false, 9000).Id

	added, err := c.BatchAddEndpointServicePermissions(&model.BatchAddEndpointServicePermissionsRequest{VpcEndpointServiceId: sid,
		Body: &model.BatchAddEndpointServicePermissionsRequestBody{Permissions: []model.EpsAddPermissionRequest{
			{Permission: "iam:domain::abc123", Description: ""}}}})
	require.NoError(t, err)
	assert.Equal(t, 200, added.HttpStatusCode)

	renamed, err := c.UpdateEndpointServiceName(&model.UpdateEndpointServiceNameRequest{VpcEndpointServiceId: sid,
		Body: &model.UpdateEndpointServiceNameRequestBody{EndpointServiceName: ptr("hwname")}})
	require.NoError(t, err)
	assert.Equal(t, fake.DefaultRegion+".hwname."+sid, *renamed.EndpointServiceName)

	ep, err := c.CreateEndpoint(&model.CreateEndpointRequest{Body: &model.CreateEndpointRequestBody{
		EndpointServiceId: sid, VpcId: vpcID, SubnetId: ptr(subnetID)}})
	require.NoError(t, err)
	waitEndpoint(t, c, *ep.Id)
	white, err := c.UpdateEndpointWhite(&model.UpdateEndpointWhiteRequest{VpcEndpointId: *ep.Id,
		Body: &model.UpdateEndpointWhiteRequestBody{Whitelist: &[]string{"10.0.0.0/24"}, EnableWhitelist: ptr(true)}})
	require.NoError(t, err)
	assert.Equal(t, []string{"10.0.0.0/24"}, *white.Whitelist)
	assert.True(t, *white.EnableWhitelist)
}
