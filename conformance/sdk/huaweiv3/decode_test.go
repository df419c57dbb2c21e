package huaweiv3

import (
	"testing"

	"github.com/huaweicloud/huaweicloud-sdk-go-v3/services/vpcep/v1/model"
	"github.com/stretchr/testify/require"
)

// TestEveryReadDecodes calls each read of the SDK once against populated
// state, so a JSON type the SDK's models reject (int32 overflow, a string
// where a bool belongs, a malformed time) fails here (docs/real-clients.md §4.3 E).
func TestEveryReadDecodes(t *testing.T) {
	t.Parallel()
	c, _ := start(t)
	sid := *createService(t, c, false, 9100).Id
	ep, err := c.CreateEndpoint(&model.CreateEndpointRequest{Body: &model.CreateEndpointRequestBody{
		EndpointServiceId: sid, VpcId: vpcID, SubnetId: ptr(subnetID), EnableDns: ptr(true), Tags: &[]model.TagList{{Key: ptr("k"), Value: ptr("v")}}}})
	require.NoError(t, err)
	eid := *ep.Id
	waitEndpoint(t, c, eid)
	_, err = c.UpdateEndpointService(&model.UpdateEndpointServiceRequest{VpcEndpointServiceId: sid,
		Body: &model.UpdateEndpointServiceRequestBody{Description: ptr("updated")}})
	require.NoError(t, err, "UpdateEndpointService")

	reads := map[string]func() error{
		"ListVersionDetails": func() error { _, err := c.ListVersionDetails(&model.ListVersionDetailsRequest{}); return err },
		"ListSpecifiedVersionDetails": func() error {
			_, err := c.ListSpecifiedVersionDetails(&model.ListSpecifiedVersionDetailsRequest{Version: "v1"})
			return err
		},
		"ListEndpointService": func() error { _, err := c.ListEndpointService(&model.ListEndpointServiceRequest{}); return err },
		"ListServicePublicDetails": func() error {
			_, err := c.ListServicePublicDetails(&model.ListServicePublicDetailsRequest{})
			return err
		},
		"ListServiceDescribeDetails": func() error {
			_, err := c.ListServiceDescribeDetails(&model.ListServiceDescribeDetailsRequest{Id: &sid})
			return err
		},
		"ListEndpoints": func() error { _, err := c.ListEndpoints(&model.ListEndpointsRequest{}); return err },
		"ListServiceConnections": func() error {
			_, err := c.ListServiceConnections(&model.ListServiceConnectionsRequest{VpcEndpointServiceId: sid})
			return err
		},
		"ListQuotaDetails": func() error { _, err := c.ListQuotaDetails(&model.ListQuotaDetailsRequest{}); return err },
		"ListResourceInstances": func() error {
			_, err := c.ListResourceInstances(&model.ListResourceInstancesRequest{
				ResourceType: model.GetListResourceInstancesRequestResourceTypeEnum().ENDPOINT,
				Body:         &model.QueryResourceInstanceTagsBody{Action: model.GetQueryResourceInstanceTagsBodyActionEnum().FILTER}})
			return err
		},
		"ListQueryProjectResourceTags": func() error {
			_, err := c.ListQueryProjectResourceTags(&model.ListQueryProjectResourceTagsRequest{
				ResourceType: model.GetListQueryProjectResourceTagsRequestResourceTypeEnum().ENDPOINT})
			return err
		},
	}
	for name, read := range reads {
		t.Run(name, func(t *testing.T) {
			require.NoError(t, read())
		})
	}
}
