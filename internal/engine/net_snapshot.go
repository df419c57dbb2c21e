package engine

import (
	"fmt"
	"net/netip"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
)

// NetworkState is the companion APIs' part of a Snapshot: the VPCs,
// subnets and load balancers created through them, in creation order. The
// seeded inventory is configuration and not part of it. A snapshot without
// it (written before the companions existed) imports as none.
type NetworkState struct {
	VPCs          []VPCState          `json:"vpcs,omitempty"`
	Subnets       []SubnetState       `json:"subnets,omitempty"`
	LoadBalancers []LoadBalancerState `json:"loadbalancers,omitempty"`
}

// VPCState is one stored VPC with its tags.
type VPCState struct {
	RecordState
	VPC  api.VPC      `json:"vpc"`
	Tags []api.NetTag `json:"tags,omitempty"`
}

// SubnetState is one stored subnet with its tags.
type SubnetState struct {
	RecordState
	Subnet api.Subnet   `json:"subnet"`
	Tags   []api.NetTag `json:"tags,omitempty"`
}

// LoadBalancerState is one stored load balancer with its tags; its
// pending transition, if any, is LoadBalancerCreate or LoadBalancerDelete.
type LoadBalancerState struct {
	RecordState
	LoadBalancer api.LoadBalancer `json:"loadbalancer"`
	Tags         []api.NetTag     `json:"tags,omitempty"`
}

// exportNetwork returns the companion state, nil when there is none.
func (e *Engine) exportNetwork(now time.Time) *NetworkState {
	var ns NetworkState
	for _, v := range bySeq(e.nets.vpcs, func(v *vpcRes) bool { return !v.seeded }) {
		ns.VPCs = append(ns.VPCs, VPCState{RecordState: exportRecord(&v.record, now), VPC: v.view, Tags: v.tags})
	}
	for _, s := range bySeq(e.nets.subnets, func(s *subnetRes) bool { return !s.seeded }) {
		ns.Subnets = append(ns.Subnets, SubnetState{RecordState: exportRecord(&s.record, now), Subnet: s.view, Tags: s.tags})
	}
	for _, lb := range bySeq(e.nets.lbs, func(*lbRes) bool { return true }) {
		v := lb.view
		v.Tags = []string{}
		ns.LoadBalancers = append(ns.LoadBalancers, LoadBalancerState{RecordState: exportRecord(&lb.record, now),
			LoadBalancer: v, Tags: lb.tags})
	}
	if len(ns.VPCs)+len(ns.Subnets)+len(ns.LoadBalancers) == 0 {
		return nil
	}
	return &ns
}

// importNetwork adds the companion state of a snapshot to the scratch
// engine n, whose inventory and seeded resources are already in place;
// pending transitions complete on e. Owners must be tenants, ids UUIDs
// and unique, parents present, and VIP addresses free in their subnet.
func (n *Engine) importNetwork(e *Engine, ns *NetworkState, now time.Time) error {
	if ns == nil {
		return nil
	}
	fresh := func(kind, id, owner string) error {
		switch {
		case !rules.IsUUID(id):
			return fmt.Errorf("%s id %q is not a UUID", kind, id)
		case n.nets.vpcs[id] != nil || n.nets.subnets[id] != nil || n.nets.lbs[id] != nil || n.services[id] != nil || n.eps[id] != nil:
			return fmt.Errorf("%s %s: repeated", kind, id)
		case n.tenants[owner] == nil:
			return fmt.Errorf("%s %s: project %q is not a tenant", kind, id, owner)
		}
		return nil
	}
	for _, st := range ns.VPCs {
		if err := fresh("vpc", st.VPC.ID, st.VPC.TenantID); err != nil {
			return err
		}
		v := &vpcRes{record: importRecord(st.VPC.ID, st.RecordState), view: st.VPC, tags: cloneTags(st.Tags)}
		n.nets.vpcs[v.view.ID] = v
		n.net.addVPC(v)
	}
	for _, st := range ns.Subnets {
		if err := fresh("subnet", st.Subnet.ID, st.Subnet.TenantID); err != nil {
			return err
		}
		if _, ok := n.nets.vpcs[st.Subnet.VpcID]; !ok {
			return fmt.Errorf("subnet %s: vpc %q is not stored", st.Subnet.ID, st.Subnet.VpcID)
		}
		if !rules.IsUUID(st.Subnet.NeutronSubnetID) || n.nets.neutron[st.Subnet.NeutronSubnetID] != nil {
			return fmt.Errorf("subnet %s: neutron_subnet_id %q is not a UUID or repeated", st.Subnet.ID, st.Subnet.NeutronSubnetID)
		}
		n.addSubnet(&subnetRes{record: importRecord(st.Subnet.ID, st.RecordState), view: st.Subnet, tags: cloneTags(st.Tags)})
	}
	for _, st := range ns.LoadBalancers {
		if err := n.importLB(e, st, fresh, now); err != nil {
			return err
		}
	}
	return nil
}

// importLB adds one load balancer of a snapshot to n.
func (n *Engine) importLB(e *Engine, st LoadBalancerState, fresh func(kind, id, owner string) error, now time.Time) error {
	v := st.LoadBalancer
	if err := fresh("loadbalancer", v.ID, v.TenantID); err != nil {
		return err
	}
	s := n.nets.neutron[v.VipSubnetID]
	if s == nil {
		return fmt.Errorf("loadbalancer %s: vip_subnet_id %q is not stored", v.ID, v.VipSubnetID)
	}
	ip, err := netip.ParseAddr(v.VipAddress)
	if err != nil || n.ips[s.view.ID][ip] || !rules.IsUUID(v.VipPortID) || n.net.ports[v.VipPortID] != (Port{}) {
		return fmt.Errorf("loadbalancer %s: vip_address %q or vip_port_id %q is malformed or taken", v.ID, v.VipAddress, v.VipPortID)
	}
	lb := &lbRes{record: importRecord(v.ID, st.RecordState), view: v, tags: cloneTags(st.Tags), subnet: s, ip: ip}
	if ps := st.Pending; ps != nil {
		done := e.lbDone(lb, ps.Transition)
		if done == nil {
			return fmt.Errorf("loadbalancer %s: %q is not a load balancer transition", v.ID, ps.Transition)
		}
		if err := n.resume(&lb.record, *ps, lbChange(lb, ps.Transition), done, now); err != nil {
			return fmt.Errorf("loadbalancer %s: %w", v.ID, err)
		}
	}
	n.addLB(lb)
	return nil
}
