package engine

import (
	"fmt"
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

// An endpoint's subnet id is free text to the lenient fake: creating and
// deleting endpoints in ever new subnets keeps nothing per subnet once
// its last address is freed (the next-address cursor stayed forever).
func TestSubnetChurnKeepsNoCursor(t *testing.T) {
	t.Parallel()
	e := New(Config{})
	require.NoError(t, e.AddTenant(gwTenant))
	one := 80
	s, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC), ServerType: ptr("VM"),
		Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}, ApprovalEnabled: ptr(false)})
	require.Nil(t, err)
	svc := s.ID
	for i := range 50 {
		subnet := fmt.Sprintf("2b9c5a43-2c3e-4a43-9a33-%012d", i)
		ep, err := e.CreateEndpoint(gwTenant, &api.CreateEndpointRequest{EndpointServiceID: &svc, VpcID: ptr(gwVPC), SubnetID: &subnet})
		require.Nil(t, err)
		got, err := e.GetEndpoint(gwTenant, ep.ID)
		require.Nil(t, err)
		require.NotEmpty(t, got.IP, "an interface endpoint holds an address")
		require.Nil(t, e.DeleteEndpoint(gwTenant, ep.ID))
		_, err = e.GetEndpoint(gwTenant, ep.ID)
		require.Equal(t, api.E2006, err)
	}
	e.mu.Lock()
	defer e.mu.Unlock()
	assert.Empty(t, e.ips)
	assert.Empty(t, e.ipNext)
}
