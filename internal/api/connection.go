package api

// Connection is an endpoint as its service's owner sees it (docs/vpcep-api.md §2.6).
type Connection struct {
	ID          string       `json:"id"`
	MarkerID    int32        `json:"marker_id"`
	CreatedAt   string       `json:"created_at"`
	UpdatedAt   string       `json:"updated_at"`
	DomainID    string       `json:"domain_id"`
	Status      string       `json:"status"`
	Error       []ErrorEntry `json:"error,omitempty"`
	Description string       `json:"description"`
}

// ConnectionList is the ListServiceConnections response: exactly one array.
type ConnectionList struct {
	Connections []Connection `json:"connections"`
	TotalCount  int          `json:"total_count"`
}

// Connections is the response of AcceptOrRejectEndpoint and of [HW]
// UpdateEndpointConnectionsDesc.
type Connections struct {
	Connections []Connection `json:"connections"`
}

// ConnectionActionRequest is the AcceptOrRejectEndpoint body (docs/vpcep-api.md §3.9).
type ConnectionActionRequest struct {
	Action    *string  `json:"action"`
	Endpoints []string `json:"endpoints"`
}

// ConnectionDescRequest is one entry of the [HW] UpdateEndpointConnectionsDesc
// body.
type ConnectionDescRequest struct {
	ID          *string `json:"id"`
	Description *string `json:"description"`
}

// ConnectionsDescRequest is the [HW] UpdateEndpointConnectionsDesc body
// (docs/vpcep-api.md §3.23).
type ConnectionsDescRequest struct {
	Connections []ConnectionDescRequest `json:"connections"`
}

// Quota is one resource type's usage and limit (docs/vpcep-api.md §2.10).
type Quota struct {
	Type  string `json:"type"`
	Used  int    `json:"used"`
	Quota int    `json:"quota"`
}

// QuotaResponse is the ListQuotaDetails response.
type QuotaResponse struct {
	Quotas QuotaResources `json:"quotas"`
}

// QuotaResources wraps the quota list as the API nests it.
type QuotaResources struct {
	Resources []Quota `json:"resources"`
}
