package engine

import (
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// mayConnect is the rule endpoint creation asks (docs/vpcep-api.md §4.3).
func TestMayConnect(t *testing.T) {
	t.Parallel()
	e := New(Config{})
	owner := &service{}
	owner.view.DomainID = "owner"
	listed := &service{}
	listed.view.DomainID = "owner"
	_, err := e.grant(listed, []grantEntry{{perm: "iam:domain::friend"}, {perm: "iam:domain::team*"}}, time.Time{})
	require.Nil(t, err)
	open := &service{}
	open.view.DomainID = "owner"
	_, err = e.grant(open, []grantEntry{{perm: rules.Wildcard}}, time.Time{})
	require.Nil(t, err)
	require.NotEmpty(t, e.public)

	tests := []struct {
		name   string
		s      *service
		domain string
		want   bool
	}{
		{"owner", owner, "owner", true},
		{"stranger, empty whitelist", owner, "stranger", false},
		{"whitelisted", listed, "friend", true},
		{"not whitelisted", listed, "friendly", false},
		{"pattern", listed, "team42", true},
		{"pattern prefix only", listed, "myteam", false},
		{"wildcard", open, "anyone", true},
		{"public", e.public[0], "anyone", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			assert.Equal(t, tc.want, e.mayConnect(tc.s, tc.domain))
		})
	}
}
