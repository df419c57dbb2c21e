package rules

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestCanonicalPermission(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"*", "*", true},
		{"iam:domain::*", "*", true},
		{"iam:domain::AbC123", "iam:domain::AbC123", true},
		{"iam:domain::a*", "iam:domain::a*", true},
		{"iam:domain::", "", false},
		{"iam:domain::a b", "", false},
		{"iam:domain:a", "", false},
		{"", "", false},
		{"**", "", false},
	}
	for _, tc := range tests {
		got, err := Permission(tc.in)
		assert.Equal(t, tc.ok, err == nil, tc.in)
		assert.Equal(t, tc.want, got, tc.in)
	}
}

func TestPermissionType(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   *string
		want *api.Error
	}{
		{nil, nil},
		{ptr(""), nil},
		{ptr("domainId"), nil},
		{ptr("DOMAINID"), nil},
		{ptr("orgPath"), api.E0002},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, PermissionType(tc.in))
	}
}

func TestAllows(t *testing.T) {
	t.Parallel()
	tests := []struct {
		entry, domain string
		want          bool
	}{
		{"*", "anyone", true},
		{"iam:domain::friend", "friend", true},
		{"iam:domain::friend", "friendly", false},
		{"iam:domain::team*", "team42", true},
		{"iam:domain::team*", "myteam", false},
		{"iam:domain::*x", "abcx", true},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Allows(tc.entry, tc.domain), tc.entry+" "+tc.domain)
	}
}
