package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestUpdateService(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		req  api.UpdateServiceRequest
		want *api.Error
	}{
		{"empty body", api.UpdateServiceRequest{}, nil},
		{"valid fields", api.UpdateServiceRequest{ServiceName: ptr("svc-1"), PortID: ptr(uuidA), TCPProxy: ptr("Proxy_Open"),
			Description: ptr("d"), VipPortID: ptr(uuidB)}, nil},
		{"empty strings mean no change", api.UpdateServiceRequest{PortID: ptr(""), VipPortID: ptr(""), IP: ptr("")}, nil},
		{"service_name 17", api.UpdateServiceRequest{ServiceName: ptr(strings.Repeat("a", 17))}, api.E3076},
		{"port_id malformed", api.UpdateServiceRequest{PortID: ptr("port")}, api.E3003},
		{"tcp_proxy unknown", api.UpdateServiceRequest{TCPProxy: ptr("on")}, api.E0002},
		{"description angle bracket", api.UpdateServiceRequest{Description: ptr("<b>")}, api.E0002},
		{"vip_port_id malformed", api.UpdateServiceRequest{VipPortID: ptr("vip")}, api.E3051},
		{"ip with port_id", api.UpdateServiceRequest{IP: ptr("10.0.0.1"), PortID: ptr(uuidA)}, api.E3052},
		{"ip with vip_port_id", api.UpdateServiceRequest{IP: ptr("10.0.0.1"), VipPortID: ptr(uuidA)}, api.E3053},
		{"ip alone", api.UpdateServiceRequest{IP: ptr("10.0.0.1")}, api.E3055},
		{"name checked before port_id", api.UpdateServiceRequest{ServiceName: ptr("a.b"), PortID: ptr("port")}, api.E3076},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			assert.Equal(t, tc.want, UpdateService(&tc.req))
		})
	}
}
