package api

// Permission is a service whitelist record (docs/vpcep-api.md §2.7).
type Permission struct {
	ID             string `json:"id"`
	Permission     string `json:"permission"`
	PermissionType string `json:"permission_type"`
	Description    string `json:"description"`
	CreatedAt      string `json:"created_at"`
}

// PermissionList is the ListServicePermissionsDetails response (docs/vpcep-api.md §3.10):
// exactly one array.
type PermissionList struct {
	Permissions []Permission `json:"permissions"`
	TotalCount  int          `json:"total_count"`
}

// PermissionActionRequest is the AddOrRemoveServicePermissions body (docs/vpcep-api.md
// §3.11). gophertelekomcloud may send "permissions": null.
type PermissionActionRequest struct {
	Permissions    []string `json:"permissions"`
	Action         *string  `json:"action"`
	PermissionType *string  `json:"permission_type"`
}

// PermissionActionResponse is the AddOrRemoveServicePermissions response:
// the whole whitelist after the change, as plain strings.
type PermissionActionResponse struct {
	Permissions []string `json:"permissions"`
}

// BatchPermissionRequest is one entry of a [HW] batch-create body.
type BatchPermissionRequest struct {
	Permission  *string `json:"permission"`
	Description *string `json:"description"`
}

// BatchAddPermissionsRequest is the [HW] BatchAddEndpointServicePermissions
// body (docs/vpcep-api.md §3.24).
type BatchAddPermissionsRequest struct {
	Permissions    []BatchPermissionRequest `json:"permissions"`
	PermissionType *string                  `json:"permission_type"`
}

// PermissionRef names a whitelist record by id in a [HW] batch-delete body.
type PermissionRef struct {
	ID *string `json:"id"`
}

// BatchRemovePermissionsRequest is the [HW]
// BatchRemoveEndpointServicePermissions body (docs/vpcep-api.md §3.25).
type BatchRemovePermissionsRequest struct {
	Permissions []PermissionRef `json:"permissions"`
}

// PermissionDescription is the changeable part of a whitelist record.
type PermissionDescription struct {
	Description *string `json:"description"`
}

// UpdatePermissionDescRequest is the [HW]
// UpdateEndpointServicePermissionDesc body (docs/vpcep-api.md §3.26).
type UpdatePermissionDescRequest struct {
	Permission *PermissionDescription `json:"permission"`
}

// PermissionsResponse is the response of the [HW] batch and description
// operations: whitelist records.
type PermissionsResponse struct {
	Permissions []Permission `json:"permissions"`
}
