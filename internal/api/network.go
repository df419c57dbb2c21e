package api

// Wire types of the companion APIs the fake serves beside VPCEP: VPC v1
// (VPCs, subnets), the VPC v2.0 tag calls, the VPC v3 read the terraform
// provider makes, and ELB v2.0 shared load balancers (spec
// network-companions.md 2 and 3).

// VPC is the VPC v1 object.
type VPC struct {
	ID                  string     `json:"id"`
	Name                string     `json:"name"`
	Description         string     `json:"description"`
	CIDR                string     `json:"cidr"`
	Status              string     `json:"status"`
	Routes              []VPCRoute `json:"routes"`
	EnableSharedSnat    bool       `json:"enable_shared_snat"`
	EnterpriseProjectID string     `json:"enterprise_project_id"`
	TenantID            string     `json:"tenant_id"`
	CreatedAt           string     `json:"created_at"`
	UpdatedAt           string     `json:"updated_at"`
}

// VPCRoute is one route of a VPC.
type VPCRoute struct {
	Destination string `json:"destination"`
	NextHop     string `json:"nexthop"`
}

// VPCRequest is the "vpc" object of a create or update body; nil fields
// were not sent.
type VPCRequest struct {
	Name                *string     `json:"name"`
	Description         *string     `json:"description"`
	CIDR                *string     `json:"cidr"`
	EnterpriseProjectID *string     `json:"enterprise_project_id"`
	Routes              *[]VPCRoute `json:"routes"`
	EnableSharedSnat    *bool       `json:"enable_shared_snat"`
}

// VPCV3 is the VPC v3 object, of which the terraform provider reads only
// extend_cidrs.
type VPCV3 struct {
	ID                  string   `json:"id"`
	Name                string   `json:"name"`
	Description         string   `json:"description"`
	CIDR                string   `json:"cidr"`
	ExtendCIDRs         []string `json:"extend_cidrs"`
	Status              string   `json:"status"`
	ProjectID           string   `json:"project_id"`
	EnterpriseProjectID string   `json:"enterprise_project_id"`
	CreatedAt           string   `json:"created_at"`
	UpdatedAt           string   `json:"updated_at"`
	CloudResources      []any    `json:"cloud_resources"`
	Tags                []NetTag `json:"tags"`
}

// Subnet is the VPC v1 subnet object. Its id is also its Neutron network
// id; NeutronSubnetID is what ELB's vip_subnet_id takes.
type Subnet struct {
	ID               string    `json:"id"`
	Name             string    `json:"name"`
	Description      string    `json:"description"`
	CIDR             string    `json:"cidr"`
	GatewayIP        string    `json:"gateway_ip"`
	IPv6Enable       bool      `json:"ipv6_enable"`
	DHCPEnable       bool      `json:"dhcp_enable"`
	PrimaryDNS       string    `json:"primary_dns"`
	SecondaryDNS     string    `json:"secondary_dns"`
	DNSList          []string  `json:"dnsList"`
	AvailabilityZone string    `json:"availability_zone"`
	VpcID            string    `json:"vpc_id"`
	Status           string    `json:"status"`
	NeutronNetworkID string    `json:"neutron_network_id"`
	NeutronSubnetID  string    `json:"neutron_subnet_id"`
	ExtraDHCPOpts    []DHCPOpt `json:"extra_dhcp_opts"`
	TenantID         string    `json:"tenant_id"`
	CreatedAt        string    `json:"created_at"`
	UpdatedAt        string    `json:"updated_at"`
}

// DHCPOpt is one extra DHCP option of a subnet.
type DHCPOpt struct {
	OptName  string `json:"opt_name"`
	OptValue string `json:"opt_value"`
}

// SubnetRequest is the "subnet" object of a create or update body; nil
// fields were not sent.
type SubnetRequest struct {
	Name             *string    `json:"name"`
	Description      *string    `json:"description"`
	CIDR             *string    `json:"cidr"`
	GatewayIP        *string    `json:"gateway_ip"`
	IPv6Enable       *bool      `json:"ipv6_enable"`
	DHCPEnable       *bool      `json:"dhcp_enable"`
	PrimaryDNS       *string    `json:"primary_dns"`
	SecondaryDNS     *string    `json:"secondary_dns"`
	DNSList          *[]string  `json:"dnsList"`
	AvailabilityZone *string    `json:"availability_zone"`
	VpcID            *string    `json:"vpc_id"`
	ExtraDHCPOpts    *[]DHCPOpt `json:"extra_dhcp_opts"`
}

// SubnetStatus is the short answer of a subnet update.
type SubnetStatus struct {
	ID     string `json:"id"`
	Status string `json:"status"`
}

// LoadBalancer is the ELB v2.0 shared load balancer object.
type LoadBalancer struct {
	ID                 string   `json:"id"`
	TenantID           string   `json:"tenant_id"`
	Name               string   `json:"name"`
	Description        string   `json:"description"`
	VipSubnetID        string   `json:"vip_subnet_id"`
	VipAddress         string   `json:"vip_address"`
	VipPortID          string   `json:"vip_port_id"`
	Provider           string   `json:"provider"`
	Listeners          []IDRef  `json:"listeners"`
	Pools              []IDRef  `json:"pools"`
	OperatingStatus    string   `json:"operating_status"`
	ProvisioningStatus string   `json:"provisioning_status"`
	AdminStateUp       bool     `json:"admin_state_up"`
	Tags               []string `json:"tags"`
	CreatedAt          string   `json:"created_at"`
	UpdatedAt          string   `json:"updated_at"`
}

// IDRef is an {"id"} reference.
type IDRef struct {
	ID string `json:"id"`
}

// LoadBalancerRequest is the "loadbalancer" object of a create or update
// body; nil fields were not sent.
type LoadBalancerRequest struct {
	Name         *string `json:"name"`
	Description  *string `json:"description"`
	VipSubnetID  *string `json:"vip_subnet_id"`
	VipAddress   *string `json:"vip_address"`
	TenantID     *string `json:"tenant_id"`
	ProjectID    *string `json:"project_id"`
	Provider     *string `json:"provider"`
	Flavor       *string `json:"flavor"`
	AdminStateUp *bool   `json:"admin_state_up"`
}

// NetTag is a key/value tag of a VPC, subnet or load balancer.
type NetTag struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// NetTagAction is the body of a batch tag action: action "create" or
// "delete".
type NetTagAction struct {
	Action *string   `json:"action"`
	Tags   *[]NetTag `json:"tags"`
}
