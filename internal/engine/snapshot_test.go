package engine

import (
	"fmt"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// The list indexes key a service or an endpoint by its seq, the companion
// lists order by it, and creates take the next value of the counter: a
// snapshot whose records repeat a seq, or carry one the counter would
// hand out again, is refused, by Import and by
// Reset, and changes nothing. Accepting it left a deleted service in the
// list and another one missing. So is a counter near the bit the lists
// mark holes with: the next create's seq carried it and a list panicked.
func TestLoadRefusesSeqsTheIndexesCannotTell(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name  string
		reset bool
		edit  func(*Snapshot)
	}{
		{"repeated seq", false, func(s *Snapshot) { s.Services[1].Seq = s.Services[0].Seq }},
		{"endpoint repeats a service's seq", false, func(s *Snapshot) { s.Endpoints[0].Seq = s.Services[0].Seq }},
		{"VPC repeats a VPC's seq", false, func(s *Snapshot) { s.Network.VPCs[1].Seq = s.Network.VPCs[0].Seq }},
		{"VPC seq above the counter", false, func(s *Snapshot) { s.Network.VPCs[1].Seq = s.Seq + 1 }},
		{"seq above the counter", false, func(s *Snapshot) { s.Seq = s.Services[0].Seq }},
		{"reset: seq above both counters", true, func(s *Snapshot) { s.Services[1].Seq = s.Seq + 5 }},
		{"counter at the hole bit of the lists", false, func(s *Snapshot) { s.Seq = gone - 1 }},
		{"reset: counter at the hole bit of the lists", true, func(s *Snapshot) { s.Seq = gone - 1 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := New(Config{Clock: clock.NewMock(), Quotas: Quotas{Services: 10, Endpoints: 10}})
			require.NoError(t, e.AddTenant(gwTenant))
			var ids []string
			for i := range 2 {
				one := 80
				s, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(fmt.Sprintf("%s%d", gwPort[:len(gwPort)-1], i)),
					VpcID: ptr(gwVPC), ServerType: ptr("VM"), Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}})
				require.Nil(t, err)
				ids = append(ids, s.ID)
			}
			_, err := e.GetService(gwTenant, ids[0]) // completes the creates
			require.Nil(t, err)
			_, err = e.CreateEndpoint(gwTenant, &api.CreateEndpointRequest{EndpointServiceID: &ids[0], VpcID: ptr(gwVPC), SubnetID: &ixSubnet})
			require.Nil(t, err)
			for _, cidr := range []string{"10.0.0.0/16", "10.1.0.0/16"} {
				_, err = e.CreateVPC(gwTenant, api.VPCRequest{CIDR: &cidr})
				require.Nil(t, err)
			}
			before := e.Export()
			snap := e.Export()
			tc.edit(&snap)
			load := e.Import
			if tc.reset {
				load = e.Reset
			}
			require.Error(t, load(snap))
			require.Equal(t, before, e.Export(), "a refused snapshot changes nothing")
			require.NoError(t, e.checkIndexes())
		})
	}
}

// The tag index holds a resource once per tag: a snapshot whose service or
// endpoint repeats a tag key is refused, as a request repeating one is
// (EndPoint.3067). Accepting it left the resource found by a tag it no
// longer had, or after it was deleted.
func TestLoadRefusesRepeatedTagKeys(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		edit func(*Snapshot)
	}{
		{"service", func(s *Snapshot) {
			s.Services[0].Service.Tags = []api.Tag{{Key: "env", Value: "a"}, {Key: "env", Value: "a"}}
		}},
		{"service, other value", func(s *Snapshot) {
			s.Services[0].Service.Tags = []api.Tag{{Key: "env", Value: "a"}, {Key: "env", Value: "b"}}
		}},
		{"endpoint", func(s *Snapshot) {
			s.Endpoints[0].Endpoint.Tags = []api.Tag{{Key: "env", Value: "a"}, {Key: "env", Value: "a"}}
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := New(Config{Clock: clock.NewMock()})
			require.NoError(t, e.AddTenant(gwTenant))
			one := 80
			s, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC), ServerType: ptr("VM"),
				Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}})
			require.Nil(t, err)
			_, err = e.CreateEndpoint(gwTenant, &api.CreateEndpointRequest{EndpointServiceID: &s.ID, VpcID: ptr(gwVPC), SubnetID: &ixSubnet})
			require.Nil(t, err)
			before := e.Export()
			snap := e.Export()
			tc.edit(&snap)
			require.Error(t, e.Import(snap))
			require.Equal(t, before, e.Export(), "a refused snapshot changes nothing")
		})
	}
}

// A pending transition of a snapshot must be able to complete: on the
// clock, after reads, or on release. One with a negative read count, or
// one that waits for none of the three, would leave its resource in
// creating for good; Import refuses it and changes nothing.
func TestLoadRefusesPendingThatNeverCompletes(t *testing.T) {
	t.Parallel()
	for _, tc := range []struct {
		name string
		edit func(*PendingState)
	}{
		{"negative reads", func(p *PendingState) { p.DueIn, p.ReadsLeft = nil, -1 }},
		{"negative reads beside a due time", func(p *PendingState) { p.ReadsLeft = -1 }},
		{"waits for nothing", func(p *PendingState) { p.DueIn, p.ReadsLeft, p.Held = nil, 0, false }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			e := New(Config{Clock: clock.NewMock(), Delays: Delays{ServiceCreate: time.Minute}})
			require.NoError(t, e.AddTenant(gwTenant))
			one := 80
			_, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC), ServerType: ptr("VM"),
				Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}})
			require.Nil(t, err)
			before := e.Export()
			snap := e.Export()
			require.NotNil(t, snap.Services[0].Pending)
			tc.edit(snap.Services[0].Pending)
			require.Error(t, e.Import(snap))
			require.Equal(t, before, e.Export(), "a refused snapshot changes nothing")
		})
	}
}

// Public services belong to no tenant: a snapshot that gives one a
// tenant's project_id is refused: that tenant could address it by id,
// and a tag action on it panicked (no project indexes hold it).
func TestLoadRefusesPublicServiceOfATenant(t *testing.T) {
	t.Parallel()
	e := New(Config{Clock: clock.NewMock()})
	require.NoError(t, e.AddTenant(gwTenant))
	before := e.Export()
	snap := e.Export()
	require.NotEmpty(t, snap.Public)
	snap.Public[0].Service.ProjectID = gwTenant.ProjectID
	require.Error(t, e.Import(snap))
	require.Equal(t, before, e.Export(), "a refused snapshot changes nothing")
}
