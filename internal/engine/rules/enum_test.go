package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestEnumCanonical(t *testing.T) {
	t.Parallel()
	tests := []struct {
		e        Enum
		in, want string
		ok       bool
	}{
		{serverTypes, "vip", "VIP", true},
		{TCPProxies, "Proxy_VNI", "proxy_vni", true},
		{ServiceTypes, "GATEWAY", "gateway", true},
		{ServiceTypes, "", "", false},
		{TCPProxies, "on", "", false},
	}
	for _, tc := range tests {
		got, ok := tc.e.Canonical(tc.in)
		assert.Equal(t, tc.ok, ok, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}
