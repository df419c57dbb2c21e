package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestPorts(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		in   []api.PortMappingRequest
		want *api.Error
	}{
		{"one", ports(1), nil},
		{"200", ports(200), nil},
		{"edges", []api.PortMappingRequest{port(1, 65535, nil), port(65535, 1, ptr("tcp"))}, nil},
		{"two clients to one server", []api.PortMappingRequest{port(80, 8080, nil), port(81, 8080, nil)}, nil},
		{"none", []api.PortMappingRequest{}, api.E0002},
		{"201", ports(201), api.E3074},
		{"client_port missing", []api.PortMappingRequest{{ServerPort: ptr(80)}}, api.E2028},
		{"server_port missing", []api.PortMappingRequest{{ClientPort: ptr(80)}}, api.E2028},
		{"client_port 65536", []api.PortMappingRequest{port(65536, 80, nil)}, api.E3043},
		{"server_port 0", []api.PortMappingRequest{port(80, 0, nil)}, api.E3043},
		{"client_port negative", []api.PortMappingRequest{port(-1, 80, nil)}, api.E3043},
		{"protocol UDP", []api.PortMappingRequest{port(80, 80, ptr("UDP"))}, api.E3075},
		{"client port twice", []api.PortMappingRequest{port(80, 80, nil), port(80, 81, nil)}, api.E3044},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Ports(tc.in)
			assert.Equal(t, tc.want, err)
			if tc.want == nil {
				assert.Len(t, got, len(tc.in))
				for _, p := range got {
					assert.Equal(t, "TCP", p.Protocol)
				}
			}
		})
	}
}

func TestServiceName(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		want *api.Error
	}{
		{"", nil},
		{"a", nil},
		{"Svc_1-x", nil},
		{strings.Repeat("a", 16), nil},
		{strings.Repeat("a", 17), api.E3076},
		{"a.b", api.E3076},
		{"a b", api.E3076},
		{"dienst-ä", api.E3076},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, ServiceName(tc.name), tc.name)
	}
}

func TestEnterpriseProject(t *testing.T) {
	t.Parallel()
	assert.Nil(t, EnterpriseProject("0"))
	assert.Nil(t, EnterpriseProject(uuidA))
	assert.Equal(t, api.E0002, EnterpriseProject(""))
	assert.Equal(t, api.E0002, EnterpriseProject("00"))
}

func TestFullServiceName(t *testing.T) {
	t.Parallel()
	assert.Equal(t, "eu-de.svc."+uuidA, FullServiceName("eu-de", "svc", uuidA))
	assert.Equal(t, "eu-de."+uuidA, FullServiceName("eu-de", "", uuidA))
}
