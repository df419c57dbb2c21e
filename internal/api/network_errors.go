package api

// The documented errors of the companion APIs (spec network-companions.md
// 2.8 and 3.5). They are Errors like the VPCEP ones; the fake writes each
// in its own API's envelope: VPC {"code","message"}, ELB
// {"error_code","error_msg","request_id"}.
var (
	VPC0003 = netError(404, "VPC.0003", "The VPC does not exist.")
	VPC0007 = netError(400, "VPC.0007", "The project ID in the URL is not the project of the token.")
	VPC0008 = netError(401, "VPC.0008", "The token is invalid.")
	VPC0101 = netError(400, "VPC.0101", "Invalid VPC parameter.")
	VPC0104 = netError(409, "VPC.0104", "The VPC still contains subnets.")
	VPC0114 = netError(409, "VPC.0114", "The VPC quota is exceeded.")
	VPC0115 = netError(400, "VPC.0115", "The VPC name already exists.")
	VPC0117 = netError(400, "VPC.0117", "The new CIDR block does not contain every subnet of the VPC.")
	VPC0118 = netError(409, "VPC.0118", "Load balancers exist in the VPC.")
	VPC0201 = netError(400, "VPC.0201", "Invalid subnet parameter.")
	VPC0202 = netError(404, "VPC.0202", "The subnet does not exist.")
	VPC0203 = netError(400, "VPC.0203", "The subnet CIDR block is not inside the VPC CIDR block.")
	VPC0204 = netError(400, "VPC.0204", "The subnet CIDR block overlaps another subnet of the VPC.")
	VPC0207 = netError(400, "VPC.0207", "The subnet does not belong to the VPC.")
	VPC0208 = netError(500, "VPC.0208", "Private IP addresses of the subnet are in use.")
	VPC0211 = netError(500, "VPC.0211", "The subnet is used by a load balancer.")
	VPC0212 = netError(400, "VPC.0212", "Invalid subnet CIDR block.")
	VPC1801 = netError(400, "VPC.1801", "Invalid tag parameter.")
	VPC1814 = netError(400, "VPC.1814", "Too many tags, or the resource does not exist.")

	ELB0002 = netError(400, "ELB.0002", "The request body is empty or cannot be converted.")
	ELB1001 = netError(400, "ELB.1001", "Invalid request parameters.")
	ELB1102 = netError(401, "ELB.1102", "The token is missing or invalid.")
	ELB9800 = netError(404, "ELB.9800", "The resource could not be found.")
	ELB9805 = netError(400, "ELB.9805", "loadbalancer[vip_subnet_id] is null.")
	ELB9807 = netError(400, "ELB.9807", "Quota exceeded for resources: ['loadbalancer'].")
	ELB9808 = netError(400, "ELB.9808", "The tenant in the token is not the tenant in the URL.")
)

// ELBAddressInUse is the 409 of an LB create whose vip_address is taken
// or whose subnet is full; the reference gives the status but no code, so
// it reuses ELB.1001 (unconfirmed).
var ELBAddressInUse = &Error{Status: 409, Code: "ELB.1001", Msg: "The IP address is already in use in the subnet."}

// netErrors holds the companion errors by code, for Lookup.
var netErrors = map[string]*Error{}

func netError(status int, code, msg string) *Error {
	e := &Error{Status: status, Code: code, Msg: msg}
	netErrors[code] = e
	return e
}

// APIGW0101 is the API gateway's answer to a path no companion operation
// has.
var APIGW0101 = &Error{Status: 404, Code: "APIGW.0101", Msg: "The API does not exist or has not been published in the environment."}
