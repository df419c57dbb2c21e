package api

// PublicService is an item of ListServicePublicDetails (docs/vpcep-api.md §2.9): an
// O&M-provided service. It is not the private service shape
// (gophertelekomcloud #267).
type PublicService struct {
	ID           string `json:"id"`
	Owner        string `json:"owner"`
	ServiceName  string `json:"service_name"`
	ServiceType  string `json:"service_type"`
	CreatedAt    string `json:"created_at"`
	IsCharge     bool   `json:"is_charge"`
	EnablePolicy bool   `json:"enable_policy"`
}

// PublicServiceList is the ListServicePublicDetails response: exactly one
// array.
type PublicServiceList struct {
	Services   []PublicService `json:"endpoint_services"`
	TotalCount int             `json:"total_count"`
}

// ServiceBasicInfo is the ListServiceDescribeDetails response (docs/vpcep-api.md §2.9).
// server_type is not in the OTC table, but gophertelekomcloud's
// GetBasicInfo decodes it; it is omitted for public services, which have
// no backend type.
type ServiceBasicInfo struct {
	ID           string `json:"id"`
	ServiceName  string `json:"service_name"`
	ServiceType  string `json:"service_type"`
	ServerType   string `json:"server_type,omitempty"`
	CreatedAt    string `json:"created_at"`
	IsCharge     bool   `json:"is_charge"`
	EnablePolicy bool   `json:"enable_policy"`
}
