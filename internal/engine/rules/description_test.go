package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestDescription(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		want     *api.Error
	}{
		{"empty", "", nil},
		{"128 characters", strings.Repeat("ä", 128), nil},
		{"129 characters", strings.Repeat("d", 129), api.E0002},
		{"lt", "a<b", api.E0002},
		{"gt", "a>b", api.E0002},
		{"invalid UTF-8", "a\xffb", api.E0002},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, Description(tc.in), tc.name)
	}
}
