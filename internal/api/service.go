package api

// PortMapping is one entry of a service's ports (docs/vpcep-api.md §2.1).
type PortMapping struct {
	ClientPort int    `json:"client_port"`
	ServerPort int    `json:"server_port"`
	Protocol   string `json:"protocol"`
}

// Tag is a resource tag (docs/vpcep-api.md §2.2).
type Tag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// ErrorEntry is the error[] item of a failed resource (docs/vpcep-api.md §2.3). Note
// error_message here against error_msg in HTTP error bodies.
type ErrorEntry struct {
	ErrorCode    string `json:"error_code"`
	ErrorMessage string `json:"error_message"`
}

// Service is the endpoint-service object returned by create, get, update and
// list (docs/vpcep-api.md §2.4). Stored records never share slices with a returned copy:
// the engine replaces slices instead of changing them in place.
type Service struct {
	ID                  string        `json:"id"`
	PortID              string        `json:"port_id"`
	VipPortID           string        `json:"vip_port_id,omitempty"`
	PoolID              string        `json:"pool_id"`
	ServiceName         string        `json:"service_name"`
	ServiceType         string        `json:"service_type"`
	ServerType          string        `json:"server_type"`
	VpcID               string        `json:"vpc_id"`
	ApprovalEnabled     bool          `json:"approval_enabled"`
	Status              string        `json:"status"`
	CreatedAt           string        `json:"created_at"`
	UpdatedAt           string        `json:"updated_at"`
	ProjectID           string        `json:"project_id"`
	DomainID            string        `json:"domain_id"`
	Ports               []PortMapping `json:"ports"`
	TCPProxy            string        `json:"tcp_proxy"`
	Tags                []Tag         `json:"tags"`
	Description         string        `json:"description"`
	Error               []ErrorEntry  `json:"error,omitempty"`
	ConnectionCount     int           `json:"connection_count"`
	EnablePolicy        bool          `json:"enable_policy"`
	EnterpriseProjectID string        `json:"enterprise_project_id"`
	IPVersion           string        `json:"ip_version,omitempty"`
	Payer               string        `json:"payer,omitempty"`
	SupportedEditions   []string      `json:"supported_editions,omitempty"`
	IP                  string        `json:"ip,omitempty"`
}

// ServiceList is the ListEndpointService response: exactly one array, as
// gophertelekomcloud's pager requires.
type ServiceList struct {
	Services   []Service `json:"endpoint_services"`
	TotalCount int       `json:"total_count"`
}

// PortMappingRequest is a port mapping as a client sends it; pointers tell
// a missing value from a zero.
type PortMappingRequest struct {
	ClientPort *int    `json:"client_port"`
	ServerPort *int    `json:"server_port"`
	Protocol   *string `json:"protocol"`
}

// TagRequest is a tag as a client sends it.
type TagRequest struct {
	Key   *string `json:"key"`
	Value *string `json:"value"`
}

// CreateServiceRequest is the CreateEndpointService body (docs/vpcep-api.md §3.3).
type CreateServiceRequest struct {
	PortID              *string              `json:"port_id"`
	VpcID               *string              `json:"vpc_id"`
	ServerType          *string              `json:"server_type"`
	Ports               []PortMappingRequest `json:"ports"`
	ServiceName         *string              `json:"service_name"`
	ApprovalEnabled     *bool                `json:"approval_enabled"`
	ServiceType         *string              `json:"service_type"`
	TCPProxy            *string              `json:"tcp_proxy"`
	PoolID              *string              `json:"pool_id"`
	Tags                []TagRequest         `json:"tags"`
	Description         *string              `json:"description"`
	EnablePolicy        *bool                `json:"enable_policy"`
	IPVersion           *string              `json:"ip_version"`
	Payer               *string              `json:"payer"`
	EnterpriseProjectID *string              `json:"enterprise_project_id"`
	SupportedEditions   []string             `json:"supported_editions"`
	IP                  *string              `json:"ip"`
	SnatNetworkID       *string              `json:"snat_network_id"`
	VipPortID           *string              `json:"vip_port_id"`
}

// UpdateServiceRequest is the UpdateEndpointService body (docs/vpcep-api.md §3.5); only
// present fields change.
type UpdateServiceRequest struct {
	ApprovalEnabled *bool                `json:"approval_enabled"`
	ServiceName     *string              `json:"service_name"`
	Ports           []PortMappingRequest `json:"ports"`
	PortID          *string              `json:"port_id"`
	TCPProxy        *string              `json:"tcp_proxy"`
	Description     *string              `json:"description"`
	IP              *string              `json:"ip"`
	VipPortID       *string              `json:"vip_port_id"`
}

// RenameServiceRequest is the [HW] UpdateEndpointServiceName body (docs/vpcep-api.md §3.22).
type RenameServiceRequest struct {
	EndpointServiceName *string `json:"endpoint_service_name"`
}

// RenameServiceResponse is the [HW] UpdateEndpointServiceName response.
type RenameServiceResponse struct {
	EndpointServiceName string `json:"endpoint_service_name"`
}
