package fake

import "github.com/seed42eb3344/vpcepfake/internal/engine"

// The companion APIs' part of a Snapshot (Snapshot.Network), for building
// or editing one in Go.
type (
	// NetworkState holds the VPCs, subnets and load balancers created
	// through the companion APIs; the seeded Network is not part of it.
	NetworkState = engine.NetworkState
	// VPCState is one stored VPC with its tags.
	VPCState = engine.VPCState
	// SubnetState is one stored subnet with its tags.
	SubnetState = engine.SubnetState
	// LoadBalancerState is one stored load balancer with its tags and
	// pending transition.
	LoadBalancerState = engine.LoadBalancerState
)
