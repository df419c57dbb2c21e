package api

// PolicyStatement is one statement of a gateway endpoint's policy (docs/vpcep-api.md
// §2.8). The keys are capitalised on the wire; clients that send them in
// lower case (gophertelekomcloud >= v0.9.4) decode too, as encoding/json
// matches names case-insensitively.
type PolicyStatement struct {
	Effect   string   `json:"Effect"`
	Action   []string `json:"Action"`
	Resource []string `json:"Resource"`
}

// Endpoint is the VPC endpoint object of create, get and list (docs/vpcep-api.md §2.5).
type Endpoint struct {
	ID                  string            `json:"id"`
	ServiceType         string            `json:"service_type"`
	Status              string            `json:"status"`
	ActiveStatus        []string          `json:"active_status"`
	EndpointServiceName string            `json:"endpoint_service_name"`
	EndpointServiceID   string            `json:"endpoint_service_id"`
	MarkerID            int32             `json:"marker_id"`
	EnableDNS           bool              `json:"enable_dns"`
	DNSNames            []string          `json:"dns_names,omitempty"`
	IP                  string            `json:"ip,omitempty"`
	VpcID               string            `json:"vpc_id"`
	SubnetID            string            `json:"subnet_id,omitempty"`
	CreatedAt           string            `json:"created_at"`
	UpdatedAt           string            `json:"updated_at"`
	ProjectID           string            `json:"project_id"`
	Tags                []Tag             `json:"tags"`
	Error               []ErrorEntry      `json:"error,omitempty"`
	Whitelist           []string          `json:"whitelist"`
	EnableWhitelist     bool              `json:"enable_whitelist"`
	Routetables         []string          `json:"routetables"`
	SpecificationName   string            `json:"specification_name"`
	EnableStatus        string            `json:"enable_status"`
	PolicyStatement     []PolicyStatement `json:"policy_statement,omitempty"`
	EndpointPoolID      string            `json:"endpoint_pool_id"`
	Description         string            `json:"description"`
}

// EndpointList is the ListEndpoints response: exactly one array.
type EndpointList struct {
	Endpoints  []Endpoint `json:"endpoints"`
	TotalCount int        `json:"total_count"`
}

// PolicyStatementRequest is a policy statement as a client sends it.
type PolicyStatementRequest struct {
	Effect   *string  `json:"Effect"`
	Action   []string `json:"Action"`
	Resource []string `json:"Resource"`
}

// CreateEndpointRequest is the CreateEndpoint body (docs/vpcep-api.md §3.14).
type CreateEndpointRequest struct {
	EndpointServiceID *string                  `json:"endpoint_service_id"`
	VpcID             *string                  `json:"vpc_id"`
	SubnetID          *string                  `json:"subnet_id"`
	PortIP            *string                  `json:"port_ip"`
	EnableDNS         *bool                    `json:"enable_dns"`
	Tags              []TagRequest             `json:"tags"`
	Routetables       []string                 `json:"routetables"`
	Whitelist         []string                 `json:"whitelist"`
	EnableWhitelist   *bool                    `json:"enable_whitelist"`
	SpecificationName *string                  `json:"specification_name"`
	PolicyStatement   []PolicyStatementRequest `json:"policy_statement"`
	Description       *string                  `json:"description"`
}

// UpdateEndpointWhiteRequest is the [HW] UpdateEndpointWhite body (docs/vpcep-api.md
// §3.27); absent fields stay unchanged.
type UpdateEndpointWhiteRequest struct {
	Whitelist       []string `json:"whitelist"`
	EnableWhitelist *bool    `json:"enable_whitelist"`
}

// UpdateEndpointPolicyRequest is the [HW] UpdateEndpointPolicy body (docs/vpcep-api.md
// §3.28).
type UpdateEndpointPolicyRequest struct {
	PolicyStatement []PolicyStatementRequest `json:"policy_statement"`
}

// RoutetablesRequest is the [HW] UpdateEndpointRoutetable body (docs/vpcep-api.md §3.30).
type RoutetablesRequest struct {
	Routetables []string `json:"routetables"`
}

// RoutetablesResponse is the [HW] UpdateEndpointRoutetable response; the
// fake never fails part of a binding, so it carries no error.
type RoutetablesResponse struct {
	Routetables []string `json:"routetables"`
}
