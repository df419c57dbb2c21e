package main

import (
	"bytes"
	"io"
	"net"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestControlFlags(t *testing.T) {
	t.Parallel()
	env := map[string]string{"VPCEPFAKE_JOURNAL_SIZE": "50", "VPCEPFAKE_ALLOWED_HOSTS": "vpcepfake, fake.internal",
		"VPCEPFAKE_CONTROL_TOKEN": "tok", "VPCEPFAKE_IDLE_TIMEOUT": "5s"}
	o, err := parse([]string{"-max-connections", "10"}, func(k string) string { return env[k] }, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, controlFlags{journalSize: 50, maxConns: 10, idleTimeout: 5 * time.Second,
		allowedHosts: "vpcepfake, fake.internal", token: "tok"}, o.control)
	assert.Len(t, o.control.options(), 6, "four settings and two allowed hosts")

	o, err = parse(nil, noEnv, io.Discard)
	require.NoError(t, err)
	assert.Equal(t, 10000, o.control.journalSize)
	assert.Equal(t, 1000, o.control.maxConns)
	assert.Equal(t, 30*time.Second, o.control.idleTimeout)

	for _, args := range [][]string{{"-journal-size", "-1"}, {"-max-connections", "0"}, {"-idle-timeout", "0s"},
		{"-domain", string(make([]byte, 65))}} {
		_, err := parse(args, noEnv, io.Discard)
		assert.ErrorIs(t, err, errUsage, args)
	}
}

func TestWarnExposed(t *testing.T) {
	t.Parallel()
	for addr, loud := range map[string]bool{"127.0.0.1:8780": false, "[::1]:8780": false, "0.0.0.0:8780": true,
		"[::]:8780": true, "192.168.1.5:8780": true} {
		a, err := net.ResolveTCPAddr("tcp", addr)
		require.NoError(t, err)
		var w bytes.Buffer
		warnExposed(&w, a)
		if loud {
			assert.Contains(t, w.String(), "WARNING: listening on "+a.String(), addr)
			assert.Contains(t, w.String(), "-control-token", addr)
		} else {
			assert.Empty(t, w.String(), addr)
		}
	}
}
