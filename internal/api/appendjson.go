package api

import (
	"slices"
	"strconv"
	"unicode/utf8"
)

// The hot response types (services and endpoints, one by one and in lists)
// encode themselves by appending, without reflection: the same bytes as
// encoding/json (appendjson_test.go checks it on random values), in a
// fraction of the time. Other types go through encoding/json.

// itemSize is about the encoded size of one service or endpoint; lists
// reserve it per item so the buffer grows once.
const itemSize = 800

// AppendJSON appends s as encoding/json would encode it.
func (s Service) AppendJSON(b []byte) []byte {
	w := obj{b: append(b, '{')}
	w.str("id", s.ID)
	w.str("port_id", s.PortID)
	w.strOmit("vip_port_id", s.VipPortID)
	w.str("pool_id", s.PoolID)
	w.str("service_name", s.ServiceName)
	w.str("service_type", s.ServiceType)
	w.str("server_type", s.ServerType)
	w.str("vpc_id", s.VpcID)
	w.boolean("approval_enabled", s.ApprovalEnabled)
	w.str("status", s.Status)
	w.str("created_at", s.CreatedAt)
	w.str("updated_at", s.UpdatedAt)
	w.str("project_id", s.ProjectID)
	w.str("domain_id", s.DomainID)
	w.key("ports")
	w.b = appendSlice(w.b, s.Ports, func(b []byte, p PortMapping) []byte {
		w := obj{b: append(b, '{')}
		w.num("client_port", int64(p.ClientPort))
		w.num("server_port", int64(p.ServerPort))
		w.str("protocol", p.Protocol)
		return append(w.b, '}')
	})
	w.str("tcp_proxy", s.TCPProxy)
	w.tags(s.Tags)
	w.str("description", s.Description)
	w.errors(s.Error)
	w.num("connection_count", int64(s.ConnectionCount))
	w.boolean("enable_policy", s.EnablePolicy)
	w.str("enterprise_project_id", s.EnterpriseProjectID)
	w.strOmit("ip_version", s.IPVersion)
	w.strOmit("payer", s.Payer)
	if len(s.SupportedEditions) > 0 {
		w.strings("supported_editions", s.SupportedEditions)
	}
	w.strOmit("ip", s.IP)
	return append(w.b, '}')
}

// AppendJSON appends l as encoding/json would encode it.
func (l ServiceList) AppendJSON(b []byte) []byte {
	return appendList(b, "endpoint_services", l.Services, l.TotalCount)
}

// AppendJSON appends ep as encoding/json would encode it.
func (ep Endpoint) AppendJSON(b []byte) []byte {
	w := obj{b: append(b, '{')}
	w.str("id", ep.ID)
	w.str("service_type", ep.ServiceType)
	w.str("status", ep.Status)
	w.strings("active_status", ep.ActiveStatus)
	w.str("endpoint_service_name", ep.EndpointServiceName)
	w.str("endpoint_service_id", ep.EndpointServiceID)
	w.num("marker_id", int64(ep.MarkerID))
	w.boolean("enable_dns", ep.EnableDNS)
	if len(ep.DNSNames) > 0 {
		w.strings("dns_names", ep.DNSNames)
	}
	w.strOmit("ip", ep.IP)
	w.str("vpc_id", ep.VpcID)
	w.strOmit("subnet_id", ep.SubnetID)
	w.str("created_at", ep.CreatedAt)
	w.str("updated_at", ep.UpdatedAt)
	w.str("project_id", ep.ProjectID)
	w.tags(ep.Tags)
	w.errors(ep.Error)
	w.strings("whitelist", ep.Whitelist)
	w.boolean("enable_whitelist", ep.EnableWhitelist)
	w.strings("routetables", ep.Routetables)
	w.str("specification_name", ep.SpecificationName)
	w.str("enable_status", ep.EnableStatus)
	if len(ep.PolicyStatement) > 0 {
		w.key("policy_statement")
		w.b = appendSlice(w.b, ep.PolicyStatement, func(b []byte, p PolicyStatement) []byte {
			w := obj{b: append(b, '{')}
			w.str("Effect", p.Effect)
			w.strings("Action", p.Action)
			w.strings("Resource", p.Resource)
			return append(w.b, '}')
		})
	}
	w.str("endpoint_pool_id", ep.EndpointPoolID)
	w.str("description", ep.Description)
	return append(w.b, '}')
}

// AppendJSON appends l as encoding/json would encode it.
func (l EndpointList) AppendJSON(b []byte) []byte {
	return appendList(b, "endpoints", l.Endpoints, l.TotalCount)
}

// appendList appends the envelope every list response shares:
// {"<key>":[items],"total_count":total}.
func appendList[T interface{ AppendJSON([]byte) []byte }](b []byte, key string, items []T, total int) []byte {
	w := obj{b: append(slices.Grow(b, len(items)*itemSize), '{')}
	w.key(key)
	w.b = appendSlice(w.b, items, func(b []byte, x T) []byte { return x.AppendJSON(b) })
	w.num("total_count", int64(total))
	return append(w.b, '}')
}

// obj appends the members of one JSON object; keys are constants that
// need no escaping.
type obj struct {
	b    []byte
	more bool
}

func (w *obj) key(k string) {
	if w.more {
		w.b = append(w.b, ',')
	}
	w.more = true
	w.b = append(w.b, '"')
	w.b = append(w.b, k...)
	w.b = append(w.b, '"', ':')
}

func (w *obj) str(k, v string) {
	w.key(k)
	w.b = appendString(w.b, v)
}

// strOmit is str for a field tagged omitempty.
func (w *obj) strOmit(k, v string) {
	if v != "" {
		w.str(k, v)
	}
}

func (w *obj) boolean(k string, v bool) {
	w.key(k)
	w.b = strconv.AppendBool(w.b, v)
}

func (w *obj) num(k string, v int64) {
	w.key(k)
	w.b = strconv.AppendInt(w.b, v, 10)
}

func (w *obj) strings(k string, v []string) {
	w.key(k)
	w.b = appendSlice(w.b, v, appendString)
}

func (w *obj) tags(v []Tag) {
	w.key("tags")
	w.b = appendSlice(w.b, v, func(b []byte, t Tag) []byte {
		w := obj{b: append(b, '{')}
		w.str("key", t.Key)
		w.str("value", t.Value)
		return append(w.b, '}')
	})
}

// errors appends the omitempty error[] of a failed resource.
func (w *obj) errors(v []ErrorEntry) {
	if len(v) == 0 {
		return
	}
	w.key("error")
	w.b = appendSlice(w.b, v, func(b []byte, e ErrorEntry) []byte {
		w := obj{b: append(b, '{')}
		w.str("error_code", e.ErrorCode)
		w.str("error_message", e.ErrorMessage)
		return append(w.b, '}')
	})
}

// appendSlice appends v as a JSON array, or null when v is nil, as
// encoding/json does.
func appendSlice[T any](b []byte, v []T, item func([]byte, T) []byte) []byte {
	if v == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, x := range v {
		if i > 0 {
			b = append(b, ',')
		}
		b = item(b, x)
	}
	return append(b, ']')
}

const hex = "0123456789abcdef"

// plain marks the ASCII bytes a JSON string holds as they are: not a
// control character, quote, backslash or HTML-special character.
var plain = func() (t [utf8.RuneSelf]bool) {
	for c := 0x20; c < utf8.RuneSelf; c++ {
		t[c] = c != '"' && c != '\\' && c != '<' && c != '>' && c != '&'
	}
	return t
}()

// appendString appends s as a JSON string exactly as encoding/json does:
// HTML-safe (<, >, & escaped), U+2028 and U+2029 escaped, invalid UTF-8
// replaced by U+FFFD. Runs of plain bytes are copied at once.
func appendString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if plain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
