package fake

import (
	"bytes"
	"encoding/json"
	"time"

	"github.com/seed42eb3344/vpcepfake/internal/engine"
	"github.com/seed42eb3344/vpcepfake/scenario"
)

// Snapshot is the whole state of a Server: tenants, services with
// whitelists and tags, endpoints, public services, pending transitions
// (with the time they have left, not a clock reading) and the id and
// sequence counters. Its JSON is the state format of GET and PUT
// /_fake/state and of the binary's -fixtures file. Configuration (clock,
// delays, policy, quotas, network) is not part of it.
type Snapshot struct {
	// Version is the format version; Import accepts 1.
	Version int `json:"version"`
	// Seq is the last creation sequence number handed out.
	Seq uint64 `json:"seq"`
	// Marker is the last marker_id handed out.
	Marker int32 `json:"marker"`
	// IDs is the state of the id generator, so that no id comes again
	// after an import.
	IDs       []byte          `json:"ids,omitempty"`
	Tenants   []Tenant        `json:"tenants"`
	Services  []ServiceState  `json:"services"`
	Endpoints []EndpointState `json:"endpoints"`
	// Public are the public services every tenant sees.
	Public []ServiceState `json:"public_services"`
	// Network is what the companion VPC and ELB APIs created (VPCs,
	// subnets, load balancers, each in the form their GET answers, with
	// tags and pending transitions; docs/network-companions.md); nil when
	// they created nothing. The seeded Network is configuration, not state.
	Network json.RawMessage `json:"network,omitempty"`
}

// RecordState is what every stored resource shares: creation order,
// timestamps and the pending transition.
type RecordState struct {
	// Seq orders resources by creation (lists are newest first).
	Seq     uint64    `json:"seq"`
	Created time.Time `json:"created"`
	Updated time.Time `json:"updated"`
	// Pending is the transition still waiting, nil when there is none.
	Pending *PendingState `json:"pending,omitempty"`
}

// PendingState is a transition that had not completed at export, with
// the time it had left.
type PendingState struct {
	Transition scenario.Transition `json:"transition"`
	// DueIn is the time left until it completes; nil when it waits only
	// for reads or for a release.
	DueIn *Duration `json:"due_in,omitempty"`
	// ReadsLeft is the number of reads it still waits for.
	ReadsLeft int `json:"reads_left,omitempty"`
	// Held reports a transition that waits for Release.
	Held bool `json:"held,omitempty"`
	// Fail, when set, makes the transition end in failed with this entry.
	Fail *scenario.Failure `json:"fail,omitempty"`
	// To is the status the transition ends in, "" for the default.
	To string `json:"to,omitempty"`
	// Seq orders the pending transitions.
	Seq uint64 `json:"seq"`
}

// Duration is a time.Duration written as text ("1m30s").
type Duration time.Duration

// MarshalText writes d as time.Duration's String does.
func (d Duration) MarshalText() ([]byte, error) { return []byte(time.Duration(d).String()), nil }

// UnmarshalText reads what MarshalText wrote.
func (d *Duration) UnmarshalText(b []byte) error {
	v, err := time.ParseDuration(string(b))
	*d = Duration(v)
	return err
}

// ServiceState is one stored endpoint service with its whitelist.
type ServiceState struct {
	RecordState
	// Service is the service as GET
	// /v1/{project_id}/vpc-endpoint-services/{id} answers it (JSON,
	// docs/vpcep-api.md §2.4).
	Service json.RawMessage `json:"service"`
	// Name is the short name the service was created with.
	Name string `json:"name,omitempty"`
	// Permissions are the whitelist records.
	Permissions []PermissionState `json:"permissions,omitempty"`
	// Owner and IsCharge are shown by public services only.
	Owner    string `json:"owner,omitempty"`
	IsCharge bool   `json:"is_charge,omitempty"`
}

// PermissionState is one whitelist record.
type PermissionState struct {
	RecordState
	// Permission is the record as the permissions list answers it (JSON,
	// docs/vpcep-api.md §2.7).
	Permission json.RawMessage `json:"permission"`
}

// EndpointState is one stored endpoint with its reserved address.
type EndpointState struct {
	RecordState
	// Endpoint is the endpoint as GET /v1/{project_id}/vpc-endpoints/{id}
	// answers it (JSON, docs/vpcep-api.md §2.5).
	Endpoint json.RawMessage `json:"endpoint"`
	// DomainID is the owner's account, shown in the connection view.
	DomainID string `json:"domain_id"`
	// Subnet and IP are the reserved address of an interface endpoint,
	// shown only once accepted; empty for gateway endpoints.
	Subnet string `json:"subnet,omitempty"`
	IP     string `json:"ip,omitempty"`
	// ConnectionDescription is the description the service owner set.
	ConnectionDescription string `json:"connection_description,omitempty"`
	// GoneService is the deleted service the endpoint still refers to
	// (docs/vpcep-api.md §4.4); nil while its service exists.
	GoneService json.RawMessage `json:"gone_service,omitempty"`
}

// Export returns the whole state, secrets included; GET /_fake/state
// serves the same as JSON, with secrets redacted unless ?secrets=true.
// Looking completes nothing: a transition that is due shows as pending
// with no time left until the next request completes it.
func (s *Server) Export() Snapshot {
	raw, err := json.Marshal(s.eng.Export())
	if err != nil {
		panic("fake: export: " + err.Error())
	}
	var snap Snapshot
	if err := json.Unmarshal(raw, &snap); err != nil { // the same JSON, field by field
		panic("fake: export: " + err.Error())
	}
	return snap
}

// Import replaces the whole state with snap, atomically: on error nothing
// changes. Pending transitions resume with the time they had left. PUT
// /_fake/state does the same.
func (s *Server) Import(snap Snapshot) error {
	raw, err := json.Marshal(snap)
	if err != nil {
		return err
	}
	var es engine.Snapshot
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&es); err != nil {
		return err
	}
	return s.eng.Import(es)
}

// Reset returns the server, atomically, to the state it was created with:
// its configured tenants and public services and no other resources. The
// clock does not move, and ids go on: no id or marker_id handed out before
// the reset comes again. POST /_fake/reset does the same.
func (s *Server) Reset() {
	if err := s.eng.Reset(s.initial); err != nil { // an export of this engine always imports
		panic("fake: reset: " + err.Error())
	}
}
