package engine

import (
	"cmp"
	"container/heap"
	"fmt"
	"math/rand/v2"
	"net/netip"
	"slices"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine/rules"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// SnapshotVersion is the format version Export writes and Import reads.
const SnapshotVersion = 1

// Snapshot is the whole state of an Engine as JSON-ready data: tenants,
// services with their whitelists and tags, endpoints with their
// connections, pending transitions and the counters. It holds no clock: pending transitions keep the time left, so
// a snapshot imported into an engine whose clock reads differently keeps
// every remaining delay. Configuration (clock, delays, policy, quotas,
// seeded network inventory) is not part of it; what the companion APIs
// created is (Network).
type Snapshot struct {
	Version   int             `json:"version"`
	Seq       uint64          `json:"seq"`
	Marker    int32           `json:"marker"`
	IDs       []byte          `json:"ids,omitempty"` // id generator state
	Tenants   []Tenant        `json:"tenants"`
	Services  []ServiceState  `json:"services"`
	Endpoints []EndpointState `json:"endpoints"`
	Public    []ServiceState  `json:"public_services"`
	// Network is what the companion APIs created; nil when nothing.
	Network *NetworkState `json:"network,omitempty"`
}

// RecordState is what every stored resource shares.
type RecordState struct {
	Seq     uint64        `json:"seq"`
	Created time.Time     `json:"created"`
	Updated time.Time     `json:"updated"`
	Pending *PendingState `json:"pending,omitempty"`
}

// PendingState is a transition that had not completed at export.
type PendingState struct {
	Transition scenario.Transition `json:"transition"`
	// DueIn is the time left until it completes; nil when it waits only
	// for reads or for a release.
	DueIn     *Duration         `json:"due_in,omitempty"`
	ReadsLeft int               `json:"reads_left,omitempty"`
	Held      bool              `json:"held,omitempty"`
	Fail      *scenario.Failure `json:"fail,omitempty"` // the plan's outcome: failed with this entry
	To        string            `json:"to,omitempty"`   // the plan's outcome: this target status
	Seq       uint64            `json:"seq"`
}

// Duration is a time.Duration written as text ("1m30s").
type Duration time.Duration

// String formats d as time.Duration does.
func (d Duration) String() string { return time.Duration(d).String() }

// MarshalText writes d as String does.
func (d Duration) MarshalText() ([]byte, error) { return []byte(d.String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	*d = Duration(v)
	return err
}

// ServiceState is one stored service: its wire object, short name,
// whitelist records and, for public services, what only the public list
// shows.
type ServiceState struct {
	RecordState
	Service     api.Service       `json:"service"`
	Name        string            `json:"name,omitempty"`
	Permissions []PermissionState `json:"permissions,omitempty"`
	Owner       string            `json:"owner,omitempty"`     // public services only
	IsCharge    bool              `json:"is_charge,omitempty"` // public services only
}

// EndpointState is one stored endpoint: its wire object and what only its
// connection view and the address index know.
type EndpointState struct {
	RecordState
	Endpoint api.Endpoint `json:"endpoint"`
	// DomainID is the owner's account, shown in the connection view.
	DomainID string `json:"domain_id"`
	// Subnet and IP are the reserved address of an interface endpoint,
	// shown only once accepted; empty for gateway endpoints.
	Subnet string `json:"subnet,omitempty"`
	IP     string `json:"ip,omitempty"`
	// ConnectionDescription is the [HW] description the service owner set.
	ConnectionDescription string `json:"connection_description,omitempty"`
	// GoneService is the deleted service the endpoint still refers to
	// (docs/vpcep-api.md §4.4); nil while its service exists.
	GoneService *api.Service `json:"gone_service,omitempty"`
}

// PermissionState is one whitelist record.
type PermissionState struct {
	RecordState
	Permission api.Permission `json:"permission"`
}

// Export returns the whole state. It completes nothing: a due transition
// is exported as pending with no time left, and completes at the next
// request (or at once after an import).
func (e *Engine) Export() Snapshot {
	now := e.peek()
	defer e.mu.Unlock()
	ids, _ := e.ids.state()
	snap := Snapshot{Version: SnapshotVersion, Seq: e.seq, Marker: e.marker, IDs: ids, Tenants: e.Tenants(),
		Services: []ServiceState{}, Endpoints: []EndpointState{}, Public: []ServiceState{}}
	for _, s := range e.public {
		st := exportService(s, now)
		st.Owner, st.IsCharge = s.public.owner, s.public.isCharge
		snap.Public = append(snap.Public, st)
	}
	for _, s := range e.services {
		if s.public == nil {
			snap.Services = append(snap.Services, exportService(s, now))
		}
	}
	for _, ep := range e.eps {
		st := EndpointState{RecordState: exportRecord(&ep.record, now), Endpoint: ep.view, DomainID: ep.domainID,
			Subnet: ep.subnet, ConnectionDescription: ep.connDesc}
		if ep.ip.IsValid() {
			st.IP = ep.ip.String()
		}
		if e.services[ep.svc.view.ID] != ep.svc {
			gone := ep.svc.view
			st.GoneService = &gone
		}
		snap.Endpoints = append(snap.Endpoints, st)
	}
	snap.Network = e.exportNetwork(now)
	slices.SortFunc(snap.Services, func(a, b ServiceState) int { return cmp.Compare(a.Seq, b.Seq) })
	slices.SortFunc(snap.Endpoints, func(a, b EndpointState) int { return cmp.Compare(a.Seq, b.Seq) })
	return snap
}

func exportService(s *service, now time.Time) ServiceState {
	st := ServiceState{RecordState: exportRecord(&s.record, now), Service: s.view, Name: s.name}
	for _, p := range s.perms {
		st.Permissions = append(st.Permissions, PermissionState{RecordState: exportRecord(&p.record, now), Permission: p.view})
	}
	return st
}

func exportRecord(r *record, now time.Time) RecordState {
	rs := RecordState{Seq: r.seq, Created: r.created, Updated: r.updated}
	if p := r.pending; p != nil {
		ps := &PendingState{Transition: p.change.Transition, ReadsLeft: p.reads, Held: p.held,
			Fail: p.plan.Fail, To: p.plan.To, Seq: p.seq}
		if p.index >= 0 {
			d := Duration(max(p.due.Sub(now), 0))
			ps.DueIn = &d
		}
		rs.Pending = ps
	}
	return rs
}

// Import replaces the whole state with snap, atomically: on error nothing
// changes. Pending transitions resume with the time they had left on this
// engine's clock.
func (e *Engine) Import(snap Snapshot) error { return e.load(snap, false) }

// Reset replaces the whole state with snap like Import, but the id
// generator and the sequence and marker counters go on from where they
// are: no id or marker_id handed out before the reset comes again.
func (e *Engine) Reset(snap Snapshot) error { return e.load(snap, true) }

// load is Import; keepCounters leaves the ids and counters as they are.
func (e *Engine) load(snap Snapshot, keepCounters bool) error {
	if snap.Version != SnapshotVersion {
		return fmt.Errorf("snapshot version %d, want %d", snap.Version, SnapshotVersion)
	}
	e.gate.Lock() // wait for the requests that hold the state
	defer e.gate.Unlock()
	now := e.peek() // a failed load changes nothing, not even what is due
	defer e.mu.Unlock()
	e.tmu.Lock() // always after mu, as in Export
	defer e.tmu.Unlock()
	n := &Engine{cfg: e.cfg, ids: e.ids, tenants: map[string]*Tenant{}, tokens: map[string]*Tenant{},
		keys: map[string]*Tenant{}, projects: map[string]*project{}, services: map[string]*service{}, named: map[string]*service{},
		byPort: map[backendPort]*service{}, eps: map[string]*endpoint{}, ips: map[string]map[netip.Addr]bool{},
		ipNext: map[string]netip.Addr{}, net: newInventory(e.cfg.Network, e.cfg.StrictNetwork), nets: newNetState(e.cfg.Network),
		seq: snap.Seq, marker: snap.Marker}
	if keepCounters {
		n.seq, n.marker, snap.IDs = max(e.seq, snap.Seq), e.marker, nil
	}
	if err := checkSeqs(snap, n.seq); err != nil {
		return err
	}
	if err := n.importTenants(snap.Tenants); err != nil {
		return err
	}
	for _, st := range snap.Public {
		if _, ok := n.tenants[st.Service.ProjectID]; ok {
			return fmt.Errorf("public service %s: project %q is a tenant's", st.Service.ID, st.Service.ProjectID)
		}
		s, err := n.importService(e, st, now)
		if err != nil {
			return err
		}
		s.public = &publicInfo{owner: st.Owner, isCharge: st.IsCharge}
		n.name(s)
		n.public = append(n.public, s)
	}
	for _, st := range snap.Services {
		if _, ok := n.tenants[st.Service.ProjectID]; !ok {
			return fmt.Errorf("service %s: project %q is not a tenant", st.Service.ID, st.Service.ProjectID)
		}
		s, err := n.importService(e, st, now)
		if err != nil {
			return err
		}
		if err := n.checkPortConflicts(nil, s.view.PortID, s.view.Ports); err != nil {
			return fmt.Errorf("service %s: backend port already used", s.view.ID)
		}
		n.usePort(s)
		n.storeService(n.project(s.view.ProjectID), s)
	}
	if err := n.importNetwork(e, snap.Network, now); err != nil {
		return err
	}
	if err := n.importEndpoints(e, snap.Endpoints, now); err != nil {
		return err
	}
	if len(snap.IDs) > 0 {
		var rng rand.ChaCha8
		if err := rng.UnmarshalBinary(snap.IDs); err != nil {
			return fmt.Errorf("ids: %w", err)
		}
		e.ids.restore(&rng)
	}
	e.tenants, e.tokens, e.keys = n.tenants, n.tokens, n.keys
	e.projects, e.services, e.named, e.public, e.byPort = n.projects, n.services, n.named, n.public, n.byPort
	e.eps, e.ips, e.ipNext = n.eps, n.ips, n.ipNext
	e.net, e.nets = n.net, n.nets
	e.timeline, e.seq, e.marker = n.timeline, n.seq, n.marker
	e.gen++
	return nil
}

// maxSeq bounds a snapshot's counter far below gone, the bit the lists
// mark holes with, which no seq may carry: no run creates 2^62 resources.
const maxSeq = gone >> 1

// checkSeqs checks that counter stays below maxSeq, that no two services,
// endpoints or companion resources of snap share a seq and that none has
// one above counter, which the next create takes: the lists tell them
// apart by it.
func checkSeqs(snap Snapshot, counter uint64) error {
	if counter >= maxSeq {
		return fmt.Errorf("seq %d: at most %d", counter, uint64(maxSeq-1))
	}
	seen := map[uint64]string{}
	net := snap.Network
	if net == nil {
		net = &NetworkState{}
	}
	return cmp.Or(
		seqsOf(seen, counter, "service", slices.Concat(snap.Public, snap.Services), func(st ServiceState) (string, uint64) { return st.Service.ID, st.Seq }),
		seqsOf(seen, counter, "endpoint", snap.Endpoints, func(st EndpointState) (string, uint64) { return st.Endpoint.ID, st.Seq }),
		seqsOf(seen, counter, "vpc", net.VPCs, func(st VPCState) (string, uint64) { return st.VPC.ID, st.Seq }),
		seqsOf(seen, counter, "subnet", net.Subnets, func(st SubnetState) (string, uint64) { return st.Subnet.ID, st.Seq }),
		seqsOf(seen, counter, "loadbalancer", net.LoadBalancers, func(st LoadBalancerState) (string, uint64) { return st.LoadBalancer.ID, st.Seq }))
}

// seqsOf is checkSeqs for the records sts of one kind; seen holds the seqs
// of those checked before.
func seqsOf[T any](seen map[uint64]string, counter uint64, kind string, sts []T, rec func(T) (string, uint64)) error {
	for _, st := range sts {
		id, seq := rec(st)
		id = kind + " " + id
		if other, ok := seen[seq]; ok {
			return fmt.Errorf("%s: seq %d already used by %s", id, seq, other)
		}
		if seq > counter {
			return fmt.Errorf("%s: seq %d above the snapshot's seq %d", id, seq, counter)
		}
		seen[seq] = id
	}
	return nil
}

// importTenants registers the tenants of a snapshot on the scratch engine n.
func (n *Engine) importTenants(ts []Tenant) error {
	for _, t := range ts {
		if err := t.Validate(); err != nil {
			return fmt.Errorf("tenant %q: %w", t.ProjectID, err)
		}
		if _, ok := n.tenants[t.ProjectID]; ok {
			return fmt.Errorf("tenant %q: repeated", t.ProjectID)
		}
		if _, ok := n.tokens[t.Token]; ok {
			return fmt.Errorf("tenant %q: token already used", t.ProjectID)
		}
		if _, ok := n.keys[t.AccessKey]; ok && t.AccessKey != "" {
			return fmt.Errorf("tenant %q: access key already used", t.ProjectID)
		}
		n.putTenant(t)
	}
	return nil
}

// importService adds a service of a snapshot to the scratch engine n; its
// pending transition completes on e, the engine n's state moves into.
func (n *Engine) importService(e *Engine, st ServiceState, now time.Time) (*service, error) {
	id := st.Service.ID
	switch {
	case !rules.IsUUID(id):
		return nil, fmt.Errorf("service id %q is not a UUID", id)
	case n.services[id] != nil:
		return nil, fmt.Errorf("service %s: repeated", id)
	}
	if err := uniqueTagKeys(st.Service.Tags); err != nil {
		return nil, fmt.Errorf("service %s: %w", id, err)
	}
	s := &service{record: importRecord(id, st.RecordState), view: st.Service, name: st.Name}
	for _, ps := range st.Permissions {
		if !rules.IsUUID(ps.Permission.ID) {
			return nil, fmt.Errorf("service %s: permission id %q is not a UUID", id, ps.Permission.ID)
		}
		s.perms = append(s.perms, &permission{record: importRecord(ps.Permission.ID, ps.RecordState), view: ps.Permission})
	}
	if ps := st.Pending; ps != nil {
		done := e.serviceDone(s, ps.Transition)
		if done == nil {
			return nil, fmt.Errorf("service %s: %q is not a service transition", id, ps.Transition)
		}
		if err := n.resume(&s.record, *ps, n.serviceChange(s, ps.Transition), done, now); err != nil {
			return nil, fmt.Errorf("service %s: %w", id, err)
		}
	}
	n.services[id] = s
	return s, nil
}

// importEndpoints adds the endpoints of a snapshot, in creation order, to
// the scratch engine n, which already holds the services; their pending
// transitions complete on e.
func (n *Engine) importEndpoints(e *Engine, sts []EndpointState, now time.Time) error {
	sts = slices.SortedFunc(slices.Values(sts), func(a, b EndpointState) int { return cmp.Compare(a.Seq, b.Seq) })
	gone := map[string]*service{}
	for _, st := range sts {
		id := st.Endpoint.ID
		switch {
		case !rules.IsUUID(id):
			return fmt.Errorf("endpoint id %q is not a UUID", id)
		case n.eps[id] != nil || n.services[id] != nil:
			return fmt.Errorf("endpoint %s: repeated", id)
		case n.tenants[st.Endpoint.ProjectID] == nil:
			return fmt.Errorf("endpoint %s: project %q is not a tenant", id, st.Endpoint.ProjectID)
		}
		if err := uniqueTagKeys(st.Endpoint.Tags); err != nil {
			return fmt.Errorf("endpoint %s: %w", id, err)
		}
		svc := n.services[st.Endpoint.EndpointServiceID]
		if svc == nil && st.GoneService != nil && st.GoneService.ID == st.Endpoint.EndpointServiceID {
			if svc = gone[st.GoneService.ID]; svc == nil {
				svc = &service{record: record{id: st.GoneService.ID}, view: *st.GoneService}
				gone[svc.view.ID] = svc
			}
		}
		if svc == nil {
			return fmt.Errorf("endpoint %s: service %q is neither stored nor given as gone_service", id, st.Endpoint.EndpointServiceID)
		}
		ep := &endpoint{record: importRecord(id, st.RecordState), view: st.Endpoint, svc: svc, domainID: st.DomainID,
			subnet: st.Subnet, connDesc: st.ConnectionDescription}
		if st.IP != "" {
			ip, err := netip.ParseAddr(st.IP)
			if err != nil || n.ips[st.Subnet][ip] {
				return fmt.Errorf("endpoint %s: address %q is malformed or taken", id, st.IP)
			}
			ep.ip = ip
		}
		if ps := st.Pending; ps != nil {
			done := e.endpointDone(ep, ps.Transition)
			if done == nil {
				return fmt.Errorf("endpoint %s: %q is not an endpoint transition", id, ps.Transition)
			}
			if err := n.resume(&ep.record, *ps, n.endpointChange(ep, ps.Transition), done, now); err != nil {
				return fmt.Errorf("endpoint %s: %w", id, err)
			}
		}
		if connects(ep.view.Status) {
			svc.conns++
		}
		n.eps[id] = ep
		n.takeIP(ep)
		storeEndpoint(n.project(ep.view.ProjectID), ep)
	}
	return nil
}

// uniqueTagKeys checks that no key repeats in tags: the tag index holds a
// resource once per tag, as a request's tags give it (EndPoint.3067).
func uniqueTagKeys(tags []api.Tag) error {
	seen := make(map[string]bool, len(tags))
	for _, t := range tags {
		if seen[t.Key] {
			return fmt.Errorf("tag key %q repeated", t.Key)
		}
		seen[t.Key] = true
	}
	return nil
}

func importRecord(id string, rs RecordState) record {
	return record{id: id, seq: rs.Seq, created: rs.Created, updated: rs.Updated}
}

// resume puts a pending transition of a snapshot back on r. It fails for
// one that could never complete: it must wait for the clock, for reads
// (never a negative count) or for a release.
func (n *Engine) resume(r *record, ps PendingState, c scenario.Change, done doneFunc, now time.Time) error {
	if ps.ReadsLeft < 0 || ps.DueIn == nil && ps.ReadsLeft == 0 && !ps.Held {
		return fmt.Errorf("pending %s never completes: it needs due_in, reads_left above 0 or held", ps.Transition)
	}
	plan := scenario.Plan{AfterReads: ps.ReadsLeft, Hold: ps.Held, Fail: ps.Fail, To: ps.To}
	p := &pending{rec: r, change: c, reads: ps.ReadsLeft, held: ps.Held, plan: plan, done: done, seq: ps.Seq, index: -1}
	r.pending = p
	if ps.DueIn != nil {
		p.due = now.Add(time.Duration(*ps.DueIn))
		heap.Push(&n.timeline, p)
	}
	return nil
}
