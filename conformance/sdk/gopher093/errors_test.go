package gopher093

import (
	"testing"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/endpoints"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestErrorsAreTypedByStatus: the SDK types errors by status only, so the
// fake's status codes decide what terraform does (docs/real-clients.md §4.3 A.10).
func TestErrorsAreTypedByStatus(t *testing.T) {
	t.Parallel()
	e := start(t)
	const unknown = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d"
	svc, err := services.Create(e.sc, services.CreateOpts{PortID: portID, RouterID: vpcID, ServerType: services.ServerTypeVM,
		Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 80}}}).Extract()
	require.NoError(t, err)

	tests := []struct {
		name string
		call func() error
		want any
		code string
	}{
		{"get unknown service", func() error { _, err := services.Get(e.sc, unknown).Extract(); return err }, golangsdk.ErrDefault404{}, "EndPoint.0005"},
		{"get a service id as endpoint", func() error { _, err := endpoints.Get(e.sc, svc.ID).Extract(); return err }, golangsdk.ErrDefault404{}, "EndPoint.2006"},
		{"bad server type", func() error {
			_, err := services.Create(e.sc, services.CreateOpts{PortID: portID, RouterID: vpcID, ServerType: "XX",
				Ports: []services.PortMapping{{ClientPort: 80, ServerPort: 81}}}).Extract()
			return err
		}, golangsdk.ErrDefault400{}, "EndPoint.3021"},
		{"whitelist toggle", func() error {
			_, err := endpoints.BatchUpdateWhitelist(e.sc, svc.ID, endpoints.BatchUpdateReq{Permissions: []string{"iam:domain::abc"}, Action: "toggle"})
			return err
		}, golangsdk.ErrDefault400{}, "EndPoint.3035"},
		{"delete unknown endpoint", func() error { return endpoints.Delete(e.sc, unknown).ExtractErr() }, golangsdk.ErrDefault404{}, "EndPoint.2006"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.call()
			require.Error(t, err)
			switch tt.want.(type) {
			case golangsdk.ErrDefault404:
				var nf golangsdk.ErrDefault404
				require.ErrorAs(t, err, &nf)
				assert.Equal(t, tt.code, errorCode(t, nf.Body))
			case golangsdk.ErrDefault400:
				var bad golangsdk.ErrDefault400
				require.ErrorAs(t, err, &bad)
				assert.Equal(t, tt.code, errorCode(t, bad.Body))
			}
		})
	}
}
