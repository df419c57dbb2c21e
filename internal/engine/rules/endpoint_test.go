package rules

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestWhitelist(t *testing.T) {
	t.Parallel()
	twenty := make([]string, 20)
	for i := range twenty {
		twenty[i] = "10.0.0." + strconv.Itoa(i)
	}
	tests := []struct {
		name string
		in   []string
		want *api.Error
	}{
		{"absent", nil, nil},
		{"address and CIDR", []string{"10.0.0.1", "192.168.0.0/16"}, nil},
		{"20", twenty, nil},
		{"21", append(twenty, "10.0.1.1"), api.E2045},
		{"IPv6", []string{"::1"}, api.E2044},
		{"IPv6 CIDR", []string{"fd00::/8"}, api.E2044},
		{"name", []string{"example.com"}, api.E2044},
		{"empty entry", []string{""}, api.E2044},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Whitelist(tc.in)
			require.Equal(t, tc.want, err)
			if err == nil {
				assert.Equal(t, append([]string{}, tc.in...), got)
			}
		})
	}
}

func TestWhitelistCopies(t *testing.T) {
	t.Parallel()
	in := []string{"10.0.0.1"}
	got, err := Whitelist(in)
	require.Nil(t, err)
	in[0] = "10.0.0.2"
	assert.Equal(t, []string{"10.0.0.1"}, got)
}

func TestPolicy(t *testing.T) {
	t.Parallel()
	ok := func(effect string) api.PolicyStatementRequest {
		return api.PolicyStatementRequest{Effect: ptr(effect), Action: []string{"obs:object:GetObject"}, Resource: []string{"obs:*:*:*:*/*"}}
	}
	eleven := make([]api.PolicyStatementRequest, 11)
	for i := range eleven {
		eleven[i] = ok("Allow")
	}
	tests := []struct {
		name string
		in   []api.PolicyStatementRequest
		want *api.Error
	}{
		{"none", []api.PolicyStatementRequest{}, nil},
		{"allow and deny", []api.PolicyStatementRequest{ok("Allow"), ok("Deny")}, nil},
		{"10", eleven[:10], nil},
		{"11", eleven, api.E2048},
		{"effect missing", []api.PolicyStatementRequest{{Action: []string{"a"}, Resource: []string{"r"}}}, api.E2048},
		{"effect lower case", []api.PolicyStatementRequest{ok("allow")}, api.E2048},
		{"no action", []api.PolicyStatementRequest{{Effect: ptr("Allow"), Resource: []string{"r"}}}, api.E2048},
		{"no resource", []api.PolicyStatementRequest{{Effect: ptr("Allow"), Action: []string{"a"}}}, api.E2048},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			got, err := Policy(tc.in)
			require.Equal(t, tc.want, err)
			if err == nil {
				assert.Len(t, got, len(tc.in))
			}
		})
	}
}
