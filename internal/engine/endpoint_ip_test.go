package engine

import (
	"net/netip"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// TestPickIPHandsOutEveryAddressOnce fills a /29 (usable .2-.6), frees one
// address and gets exactly that one back; a full subnet is EndPoint.2016.
func TestPickIPHandsOutEveryAddressOnce(t *testing.T) {
	t.Parallel()
	e := New(Config{})
	s := Subnet{ID: "s", CIDR: "10.0.0.0/29"}
	take := func() (netip.Addr, *api.Error) {
		a, err := e.pickIP(s)
		if err == nil {
			e.takeIP(&endpoint{subnet: s.ID, ip: a})
		}
		return a, err
	}
	var got []string
	for range 5 {
		a, err := take()
		require.Nil(t, err)
		got = append(got, a.String())
	}
	assert.Equal(t, []string{"10.0.0.2", "10.0.0.3", "10.0.0.4", "10.0.0.5", "10.0.0.6"}, got)
	_, err := take()
	assert.Equal(t, api.E2016, err)

	e.freeIP(&endpoint{subnet: s.ID, ip: netip.MustParseAddr("10.0.0.4")})
	a, err := take()
	require.Nil(t, err)
	assert.Equal(t, "10.0.0.4", a.String(), "the freed address, found after wrapping")
	_, err = take()
	assert.Equal(t, api.E2016, err)
}
