package conformance

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAPIRoot(t *testing.T) {
	t.Parallel()
	tests := []struct{ in, want string }{
		{"https://vpcep.eu-de.otc.t-systems.com", "https://vpcep.eu-de.otc.t-systems.com"},
		{"https://vpcep.eu-de.otc.t-systems.com/", "https://vpcep.eu-de.otc.t-systems.com"},
		{"https://vpcep.eu-de.otc.t-systems.com/v1/0a1b2c", "https://vpcep.eu-de.otc.t-systems.com"},
		{"https://vpcep.eu-de.otc.t-systems.com/v1/", "https://vpcep.eu-de.otc.t-systems.com"},
		{"http://127.0.0.1:8780/v1", "http://127.0.0.1:8780"},
		{"https://proxy.example/vpcep/v1/p", "https://proxy.example/vpcep"},
		{"https://proxy.example/v1beta", "https://proxy.example/v1beta"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, apiRoot(tt.in), tt.in)
	}
}

func TestIAMBase(t *testing.T) {
	t.Parallel()
	for _, in := range []string{"https://iam.eu-de.otc.t-systems.com", "https://iam.eu-de.otc.t-systems.com/", "https://iam.eu-de.otc.t-systems.com/v3", "https://iam.eu-de.otc.t-systems.com/v3/"} {
		assert.Equal(t, "https://iam.eu-de.otc.t-systems.com/v3", iamBase(in), in)
	}
}
