package main

import (
	"bytes"
	"context"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestTokenLifetimeFlag(t *testing.T) {
	t.Parallel()
	o, err := parse(nil, noEnv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, 24*time.Hour, o.tokenLifetime, "the OTC default")
	o, err = parse(nil, func(k string) string { return map[string]string{"VPCEPFAKE_TOKEN_LIFETIME": "1h"}[k] }, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, time.Hour, o.tokenLifetime)
	for _, bad := range []string{"0s", "-1h", "soon"} {
		_, err = parse([]string{"-token-lifetime", bad}, noEnv, io.Discard)
		assert.ErrorIs(t, err, errUsage, bad)
	}
}

// The banner names IAM's own listener and says how AK/SK requests are
// checked in each mode.
func TestBannerIAMAndAKSK(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		args []string
		want []string
	}{
		{[]string{"-iam-addr", "127.0.0.1:0"}, []string{"  iam:        http://127.0.0.1:", "zero-config: NO signature is checked"}},
		{[]string{"-access-key", "AK", "-secret-key", "SK"}, []string{"AK AK, signatures verified over the body; other AKs are refused"}},
		{[]string{"-access-key", "AK"}, []string{"signatures are NOT verified (no -secret-key)"}},
	} {
		ctx, cancel := context.WithCancel(context.Background())
		cancel() // shut down right after start-up
		var out bytes.Buffer
		require.NoError(t, run(ctx, append([]string{"-addr", "127.0.0.1:0"}, tc.args...), noEnv, &out, io.Discard))
		for _, w := range tc.want {
			assert.Contains(t, out.String(), w, tc.args)
		}
	}
	var out bytes.Buffer
	err := run(context.Background(), []string{"-addr", "127.0.0.1:0", "-iam-addr", "256.0.0.1:1"}, noEnv, &out, io.Discard)
	assert.Error(t, err, "a bad IAM address fails the start")
	assert.NotContains(t, out.String(), "listening", "nothing is announced")
}
