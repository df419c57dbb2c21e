package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

const (
	vpcReserved = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa"
	portRes     = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb"
)

var inventory = fake.Network{
	VPCs: []fake.VPC{
		{ID: vpcA, CIDR: "192.168.0.0/16"},
		{ID: vpcB, CIDR: "10.0.0.0/8"},
		{ID: vpcReserved, CIDR: "198.19.0.0/16"},
	},
	Ports: []fake.Port{
		{ID: portA, VpcID: vpcA, IP: "192.168.0.10"},
		{ID: portB, VpcID: vpcA, IP: "192.168.0.11"},
		{ID: portC, VpcID: vpcB, IP: "10.0.0.10"},
		{ID: portRes, VpcID: vpcReserved, IP: "198.19.1.1"},
	},
}

func TestNetworkInventory(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		over map[string]any
		want *api.Error
	}{
		{"known", nil, nil},
		{"other port in same vpc", map[string]any{"port_id": portB}, nil},
		{"port in vpc B", map[string]any{"port_id": portC, "vpc_id": vpcB}, nil},
		{"unknown vpc", map[string]any{"vpc_id": unknownID}, api.E2001},
		{"unknown port", map[string]any{"port_id": unknownID}, api.E3008},
		{"port in another vpc", map[string]any{"port_id": portC}, api.E3042},
		{"vpc overlaps reserved range", map[string]any{"vpc_id": vpcReserved, "port_id": portRes}, api.E3009},
		{"malformed still wins", map[string]any{"vpc_id": "vpc"}, api.E0020},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := fake.NewTest(t, fake.WithNetwork(inventory))
			r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), tt.over))
			requireOutcome(t, r, tt.want)
		})
	}
}

// The reserved range 198.19.128.0/17: a VPC that only touches its edge
// neighbours is fine.
func TestNetworkReservedRangeEdges(t *testing.T) {
	t.Parallel()
	tests := []struct {
		cidr string
		want *api.Error
	}{
		{"198.19.0.0/17", nil},
		{"198.19.128.0/24", api.E3009},
		{"198.19.255.0/24", api.E3009},
		{"198.0.0.0/8", api.E3009},
		{"198.20.0.0/16", nil},
		{"", nil},
	}
	for _, tt := range tests {
		t.Run(tt.cidr, func(t *testing.T) {
			t.Parallel()
			srv := fake.NewTest(t, fake.WithNetwork(fake.Network{
				VPCs:  []fake.VPC{{ID: vpcA, CIDR: tt.cidr}},
				Ports: []fake.Port{{ID: portA, VpcID: vpcA}},
			}))
			r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), nil))
			requireOutcome(t, r, tt.want)
		})
	}
}

func TestNetworkUpdateChecksNewPort(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithNetwork(inventory))
	s := available(t, srv, nil)
	requireError(t, put(t, srv, s.ID, `{"port_id":"`+unknownID+`"}`), api.E3008)
	requireError(t, put(t, srv, s.ID, `{"port_id":"`+portC+`"}`), api.E3042)
	r := put(t, srv, s.ID, `{"port_id":"`+portB+`"}`)
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	assert.Equal(t, portB, r.JSON(t)["port_id"])
}

func TestStrictNetwork(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithStrictNetwork())
	requireError(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), nil)), api.E2001)
	strict := fake.NewTest(t, fake.WithStrictNetwork(), fake.WithNetwork(fake.Network{
		VPCs: []fake.VPC{{ID: vpcA}},
	}))
	requireError(t, as(t, strict, http.MethodPost, services, body(t, baseCreate(), nil)), api.E3008)
}

func TestLenientNetwork(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	for i, id := range []string{unknownID, "ABCDEFAB-1234-4321-8888-ABCDEFABCDEF", "00000000-0000-0000-0000-000000000000"} {
		r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{
			"vpc_id": id, "port_id": id, "ports": []any{map[string]any{"client_port": 1, "server_port": 10 + i}}}))
		assert.Equal(t, http.StatusOK, r.Status, "%s: %s", id, r.Body)
	}
}

// TestConfigTypesReachTheServer: the public option types take effect.
func TestConfigTypesReachTheServer(t *testing.T) {
	t.Parallel()
	other := fake.Tenant{DomainID: "acc2", ProjectID: "0123456789abcdef0123456789abcdef", Token: "t2"}
	srv := fake.NewTest(t, fake.WithTenants(other), fake.WithPublicServices(fake.PublicService{Name: "com.example.svc", Type: "interface"}))
	assert.ElementsMatch(t, []fake.Tenant{fake.DefaultTenant, other}, srv.Tenants())
	p, tok, d := other.Identity()
	assert.Equal(t, []string{other.ProjectID, "t2", "acc2"}, []string{p, tok, d})
	assert.Error(t, fake.Tenant{}.Validate())
	names := []string{}
	for _, ps := range fake.DefaultPublicServices("eu-de") {
		names = append(names, ps.Name)
	}
	assert.Contains(t, names, "com.t-systems.otc.eu-de.obs")
}
