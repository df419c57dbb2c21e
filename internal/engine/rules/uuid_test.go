package rules

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestIsUUID(t *testing.T) {
	t.Parallel()
	tests := []struct {
		in   string
		want bool
	}{
		{uuidA, true},
		{strings.ToUpper(uuidA), true},
		{"", false},
		{uuidA[:35], false},
		{uuidA + "0", false},
		{strings.ReplaceAll(uuidA, "-", "_"), false},
		{"0b9c5a43x2c3e-4a43-9a33-6f2a2e5a3b01", false},
		{"gb9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01", false},
		{"0b9c5a432c3e4a439a336f2a2e5a3b01", false},
	}
	for _, tc := range tests {
		assert.Equal(t, tc.want, IsUUID(tc.in), tc.in)
	}
}
