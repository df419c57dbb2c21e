package api

// The documented errors the fake emits, named by their number. Status and
// message come from the catalog; each comment says when the fake uses it.
var (
	E0001 = documented("EndPoint.0001") // 500 system error (scenarios only)
	E0002 = documented("EndPoint.0002") // 400 generic parameter error
	E0003 = documented("EndPoint.0003") // 401 missing or unknown credentials
	E0004 = documented("EndPoint.0004") // 403 credentials of another project
	E0005 = documented("EndPoint.0005") // 404 unknown path or resource
	E0006 = documented("EndPoint.0006") // 400 invalid limit
	E0010 = documented("EndPoint.0010") // 400 invalid offset
	E0014 = documented("EndPoint.0014") // 400 malformed project id in the path
	E0017 = documented("EndPoint.0017") // 400 invalid sort_key
	E0018 = documented("EndPoint.0018") // 400 invalid sort_dir
	E0019 = documented("EndPoint.0019") // 400 invalid status filter
	E0020 = documented("EndPoint.0020") // 400 malformed vpc_id
	E0022 = documented("EndPoint.0022") // 400 throttled (scenarios only)
	E1018 = documented("Endpoint.1018") // 400 quota exceeded (lower-case p, as documented)
	E2001 = documented("EndPoint.2001") // 400 the VPC does not exist
	E2011 = documented("EndPoint.2011") // 400 vpc_id missing
	E2028 = documented("EndPoint.2028") // 400 port mapping lacks a port
	E3003 = documented("EndPoint.3003") // 400 malformed port_id
	E3006 = documented("EndPoint.3006") // 400 service still has creating or accepted endpoints
	E3008 = documented("EndPoint.3008") // 400 the port does not exist
	E3009 = documented("EndPoint.3009") // 400 VPC CIDR overlaps the reserved range
	E3011 = documented("EndPoint.3011") // 400 ip given for an interface service
	E3021 = documented("EndPoint.3021") // 400 invalid server_type
	E3042 = documented("EndPoint.3042") // 400 port_id not in vpc_id
	E3043 = documented("EndPoint.3043") // 400 port number out of range or not an integer
	E3044 = documented("EndPoint.3044") // 400 duplicate or conflicting port mapping
	E3045 = documented("EndPoint.3045") // 400 service state forbids the change
	E3051 = documented("EndPoint.3051") // 400 malformed vip_port_id
	E3052 = documented("EndPoint.3052") // 400 port_id and ip changed together
	E3053 = documented("EndPoint.3053") // 400 vip_port_id and ip changed together
	E3055 = documented("EndPoint.3055") // 400 ip cannot be changed
	E3062 = documented("EndPoint.3062") // 400 malformed endpoint service id
	E3066 = documented("EndPoint.3066") // 400 empty tag key
	E3067 = documented("EndPoint.3067") // 400 duplicate tag key
	E3068 = documented("EndPoint.3068") // 400 tag key or value charset
	E3069 = documented("EndPoint.3069") // 400 more than 20 tags
	E3072 = documented("EndPoint.3072") // 400 tag key length
	E3073 = documented("EndPoint.3073") // 400 tag value length
	E3074 = documented("EndPoint.3074") // 400 more than 200 port mappings
	E3075 = documented("EndPoint.3075") // 400 protocol other than TCP
	E3076 = documented("EndPoint.3076") // 400 invalid service name
)
