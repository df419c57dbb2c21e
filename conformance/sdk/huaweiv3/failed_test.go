package huaweiv3

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpcep/v1/model"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestFailedEndpointDecodes: a failed endpoint's error[] is the OTC shape
// {error_code, error_message}, which the Huawei QueryError model reads.
func TestFailedEndpointDecodes(t *testing.T) {
	t.Parallel()
	c, _ := startWith(t, scenario.CreationFails(scenario.EndpointCreate, "EndPoint.0001", "boom"))
	sid := *createService(t, c, false, 9200).Id
	ep, err := c.CreateEndpoint(&model.CreateEndpointRequest{Body: &model.CreateEndpointRequestBody{
		EndpointServiceId: sid, VpcId: vpcID, SubnetId: ptr(subnetID)}})
	require.NoError(t, err)
	got := waitEndpoint(t, c, *ep.Id)
	assert.Equal(t, "failed", *got.Status)
	require.NotNil(t, got.Error)
	require.Len(t, *got.Error, 1)
	assert.Equal(t, "EndPoint.0001", *(*got.Error)[0].ErrorCode)
	assert.Equal(t, "boom", *(*got.Error)[0].ErrorMessage)
}

// TestFailedServiceDecodes: a failed service decodes; the Huawei service
// model names its error entries {code, message} while OTC documents
// {error_code, error_message} (docs/vpcep-api.md §2.3, 7.10). The fake sends the OTC
// shape, so the Huawei model sees entries with empty fields.
func TestFailedServiceDecodes(t *testing.T) {
	t.Parallel()
	c, _ := startWith(t, scenario.CreationFails(scenario.ServiceCreate, "EndPoint.0001", "boom"))
	svc, err := c.CreateEndpointService(&model.CreateEndpointServiceRequest{Body: &model.CreateEndpointServiceRequestBody{
		PortId: portID, VpcId: vpcID, ServerType: model.GetCreateEndpointServiceRequestBodyServerTypeEnum().VM,
		Ports: []model.PortList{{ClientPort: ptr(int32(80)), ServerPort: ptr(int32(80))}}}})
	require.NoError(t, err)
	got, err := c.ListServiceDetails(&model.ListServiceDetailsRequest{VpcEndpointServiceId: *svc.Id})
	require.NoError(t, err)
	assert.Equal(t, "failed", *got.Status)
	require.NotNil(t, got.Error)
	require.Len(t, *got.Error, 1)
	assert.Nil(t, (*got.Error)[0].Code, "OTC shape: the Huawei model finds no code")
}
