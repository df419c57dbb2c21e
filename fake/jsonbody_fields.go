package fake

import "github.com/seed42eb3344/vpcepfake/internal/api"

// The field tables of the hand-decoded bodies, in the order of their
// api struct fields.

type bodyField[T any] struct {
	name string
	set  func(d *bodyDecoder, v *T)
}

func table[T any](fs ...bodyField[T]) *fieldTable[T] {
	t := &fieldTable[T]{}
	for _, f := range fs {
		t.names = append(t.names, f.name)
		t.set = append(t.set, f.set)
	}
	return t
}

func str[T any](name string, p func(v *T) **string) bodyField[T] {
	return bodyField[T]{name, func(d *bodyDecoder, v *T) { stringPtr(d, p(v)) }}
}

func boolean[T any](name string, p func(v *T) **bool) bodyField[T] {
	return bodyField[T]{name, func(d *bodyDecoder, v *T) { boolPtr(d, p(v)) }}
}

func integer[T any](name string, p func(v *T) **int) bodyField[T] {
	return bodyField[T]{name, func(d *bodyDecoder, v *T) { intPtr(d, p(v)) }}
}

func stringList[T any](name string, p func(v *T) *[]string) bodyField[T] {
	return bodyField[T]{name, func(d *bodyDecoder, v *T) { decodeArray(d, p(v), stringElem) }}
}

func array[T, E any](name string, p func(v *T) *[]E, elem *fieldTable[E]) bodyField[T] {
	f := structField(elem)
	return bodyField[T]{name, func(d *bodyDecoder, v *T) { decodeArray(d, p(v), f) }}
}

var portFields = table(
	integer("client_port", func(v *api.PortMappingRequest) **int { return &v.ClientPort }),
	integer("server_port", func(v *api.PortMappingRequest) **int { return &v.ServerPort }),
	str("protocol", func(v *api.PortMappingRequest) **string { return &v.Protocol }),
)

var tagFields = table(
	str("key", func(v *api.TagRequest) **string { return &v.Key }),
	str("value", func(v *api.TagRequest) **string { return &v.Value }),
)

var statementFields = table(
	str("Effect", func(v *api.PolicyStatementRequest) **string { return &v.Effect }),
	stringList("Action", func(v *api.PolicyStatementRequest) *[]string { return &v.Action }),
	stringList("Resource", func(v *api.PolicyStatementRequest) *[]string { return &v.Resource }),
)

type csr = api.CreateServiceRequest

var createServiceFields = table(
	str("port_id", func(v *csr) **string { return &v.PortID }),
	str("vpc_id", func(v *csr) **string { return &v.VpcID }),
	str("server_type", func(v *csr) **string { return &v.ServerType }),
	array("ports", func(v *csr) *[]api.PortMappingRequest { return &v.Ports }, portFields),
	str("service_name", func(v *csr) **string { return &v.ServiceName }),
	boolean("approval_enabled", func(v *csr) **bool { return &v.ApprovalEnabled }),
	str("service_type", func(v *csr) **string { return &v.ServiceType }),
	str("tcp_proxy", func(v *csr) **string { return &v.TCPProxy }),
	str("pool_id", func(v *csr) **string { return &v.PoolID }),
	array("tags", func(v *csr) *[]api.TagRequest { return &v.Tags }, tagFields),
	str("description", func(v *csr) **string { return &v.Description }),
	boolean("enable_policy", func(v *csr) **bool { return &v.EnablePolicy }),
	str("ip_version", func(v *csr) **string { return &v.IPVersion }),
	str("payer", func(v *csr) **string { return &v.Payer }),
	str("enterprise_project_id", func(v *csr) **string { return &v.EnterpriseProjectID }),
	stringList("supported_editions", func(v *csr) *[]string { return &v.SupportedEditions }),
	str("ip", func(v *csr) **string { return &v.IP }),
	str("snat_network_id", func(v *csr) **string { return &v.SnatNetworkID }),
	str("vip_port_id", func(v *csr) **string { return &v.VipPortID }),
)

type usr = api.UpdateServiceRequest

var updateServiceFields = table(
	boolean("approval_enabled", func(v *usr) **bool { return &v.ApprovalEnabled }),
	str("service_name", func(v *usr) **string { return &v.ServiceName }),
	array("ports", func(v *usr) *[]api.PortMappingRequest { return &v.Ports }, portFields),
	str("port_id", func(v *usr) **string { return &v.PortID }),
	str("tcp_proxy", func(v *usr) **string { return &v.TCPProxy }),
	str("description", func(v *usr) **string { return &v.Description }),
	str("ip", func(v *usr) **string { return &v.IP }),
	str("vip_port_id", func(v *usr) **string { return &v.VipPortID }),
)

type cer = api.CreateEndpointRequest

var createEndpointFields = table(
	str("endpoint_service_id", func(v *cer) **string { return &v.EndpointServiceID }),
	str("vpc_id", func(v *cer) **string { return &v.VpcID }),
	str("subnet_id", func(v *cer) **string { return &v.SubnetID }),
	str("port_ip", func(v *cer) **string { return &v.PortIP }),
	boolean("enable_dns", func(v *cer) **bool { return &v.EnableDNS }),
	array("tags", func(v *cer) *[]api.TagRequest { return &v.Tags }, tagFields),
	stringList("routetables", func(v *cer) *[]string { return &v.Routetables }),
	stringList("whitelist", func(v *cer) *[]string { return &v.Whitelist }),
	boolean("enable_whitelist", func(v *cer) **bool { return &v.EnableWhitelist }),
	str("specification_name", func(v *cer) **string { return &v.SpecificationName }),
	array("policy_statement", func(v *cer) *[]api.PolicyStatementRequest { return &v.PolicyStatement }, statementFields),
	str("description", func(v *cer) **string { return &v.Description }),
)
