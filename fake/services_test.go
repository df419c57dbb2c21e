package fake_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func tags(n int) []any {
	out := make([]any, n)
	for i := range out {
		out[i] = map[string]any{"key": "k" + strings.Repeat("x", i), "value": "v"}
	}
	return out
}

func tag(k, v string) []any { return []any{map[string]any{"key": k, "value": v}} }

func TestCreateServiceRejects(t *testing.T) {
	t.Parallel()
	port := func(kv ...any) []any {
		m := map[string]any{}
		for i := 0; i < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return []any{m}
	}
	tests := []struct {
		name string
		over map[string]any
		want *api.Error
	}{
		{"port_id missing", map[string]any{"port_id": absent}, api.E0002},
		{"port_id empty", map[string]any{"port_id": ""}, api.E0002},
		{"port_id null", map[string]any{"port_id": nil}, api.E0002},
		{"port_id malformed", map[string]any{"port_id": "not-a-uuid"}, api.E3003},
		{"port_id number", map[string]any{"port_id": 5}, api.E0002},
		{"vpc_id missing", map[string]any{"vpc_id": absent}, api.E2011},
		{"vpc_id empty", map[string]any{"vpc_id": ""}, api.E2011},
		{"vpc_id malformed", map[string]any{"vpc_id": "vpc-1"}, api.E0020},
		{"server_type missing", map[string]any{"server_type": absent}, api.E0002},
		{"server_type empty", map[string]any{"server_type": ""}, api.E0002},
		{"server_type unknown", map[string]any{"server_type": "ELB"}, api.E3021},
		{"ports missing", map[string]any{"ports": absent}, api.E0002},
		{"ports null", map[string]any{"ports": nil}, api.E0002},
		{"ports empty", map[string]any{"ports": []any{}}, api.E0002},
		{"ports object", map[string]any{"ports": map[string]any{}}, api.E0002},
		{"ports 201", map[string]any{"ports": ports(201)}, api.E3074},
		{"client_port missing", map[string]any{"ports": port("server_port", 80)}, api.E2028},
		{"server_port missing", map[string]any{"ports": port("client_port", 80)}, api.E2028},
		{"client_port 0", map[string]any{"ports": port("client_port", 0, "server_port", 80)}, api.E3043},
		{"server_port 0", map[string]any{"ports": port("client_port", 80, "server_port", 0)}, api.E3043},
		{"client_port 65536", map[string]any{"ports": port("client_port", 65536, "server_port", 80)}, api.E3043},
		{"server_port 65536", map[string]any{"ports": port("client_port", 80, "server_port", 65536)}, api.E3043},
		{"client_port negative", map[string]any{"ports": port("client_port", -1, "server_port", 80)}, api.E3043},
		{"client_port fraction", map[string]any{"ports": port("client_port", 1.5, "server_port", 80)}, api.E3043},
		{"client_port string", map[string]any{"ports": port("client_port", "abc", "server_port", 80)}, api.E3043},
		{"server_port numeric string", map[string]any{"ports": port("client_port", 80, "server_port", "80")}, api.E3043},
		{"protocol UDP", map[string]any{"ports": port("client_port", 80, "server_port", 80, "protocol", "UDP")}, api.E3075},
		{"protocol number", map[string]any{"ports": port("client_port", 80, "server_port", 80, "protocol", 6)}, api.E0002},
		{"duplicate client port", map[string]any{"ports": []any{
			map[string]any{"client_port": 80, "server_port": 8080},
			map[string]any{"client_port": 80, "server_port": 8081},
		}}, api.E3044},
		{"service_name 17", map[string]any{"service_name": strings.Repeat("a", 17)}, api.E3076},
		{"service_name dot", map[string]any{"service_name": "a.b"}, api.E3076},
		{"service_name space", map[string]any{"service_name": "a b"}, api.E3076},
		{"service_name unicode", map[string]any{"service_name": "dienst-ä"}, api.E3076},
		{"service_name number", map[string]any{"service_name": 12}, api.E0002},
		{"service_type gateway", map[string]any{"service_type": "gateway"}, api.E0002},
		{"service_type unknown", map[string]any{"service_type": "foo"}, api.E0002},
		{"tcp_proxy unknown", map[string]any{"tcp_proxy": "on"}, api.E0002},
		{"tcp_proxy empty", map[string]any{"tcp_proxy": ""}, api.E0002},
		{"description 129", map[string]any{"description": strings.Repeat("d", 129)}, api.E0002},
		{"description lt", map[string]any{"description": "a<b"}, api.E0002},
		{"description gt", map[string]any{"description": "a>b"}, api.E0002},
		{"tags 21", map[string]any{"tags": tags(21)}, api.E3069},
		{"tag key empty", map[string]any{"tags": tag("", "v")}, api.E3066},
		{"tag key missing", map[string]any{"tags": []any{map[string]any{"value": "v"}}}, api.E3066},
		{"tag key duplicate", map[string]any{"tags": append(tag("k", "1"), tag("k", "2")...)}, api.E3067},
		{"tag key 129", map[string]any{"tags": tag(strings.Repeat("k", 129), "v")}, api.E3072},
		{"tag value 256", map[string]any{"tags": tag("k", strings.Repeat("v", 256))}, api.E3073},
		{"tag key charset", map[string]any{"tags": tag("a/b", "v")}, api.E3068},
		{"tag value charset", map[string]any{"tags": tag("k", "a*b")}, api.E3068},
		{"tag key _sys_", map[string]any{"tags": tag("_sys_x", "v")}, api.E3068},
		{"tag key leading space", map[string]any{"tags": tag(" k", "v")}, api.E3068},
		{"tag key trailing space", map[string]any{"tags": tag("k ", "v")}, api.E3068},
		{"tags object", map[string]any{"tags": map[string]any{"k": "v"}}, api.E0002},
		{"enterprise_project_id bad", map[string]any{"enterprise_project_id": "abc"}, api.E0002},
		{"enterprise_project_id empty", map[string]any{"enterprise_project_id": ""}, api.E0002},
		{"ip on interface", map[string]any{"ip": "10.0.0.1"}, api.E3011},
		{"vip_port_id malformed", map[string]any{"vip_port_id": "vip"}, api.E3051},
		{"approval_enabled string", map[string]any{"approval_enabled": "yes"}, api.E0002},
		{"approval_enabled number", map[string]any{"approval_enabled": 1}, api.E0002},
		{"enable_policy string", map[string]any{"enable_policy": "true"}, api.E0002},
		{"ip_version unknown", map[string]any{"ip_version": "ipv5"}, api.E0002},
		{"payer unknown", map[string]any{"payer": "me"}, api.E0002},
		{"supported_editions unknown", map[string]any{"supported_editions": []any{"gold"}}, api.E0002},
	}
	srv := fake.NewTest(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), tt.over))
			requireError(t, r, tt.want)
		})
	}
	l, _ := list(t, srv, "")
	assert.Zero(t, l.TotalCount, "no rejected create may store a service")
}

func TestCreateServiceRawBodies(t *testing.T) {
	t.Parallel()
	// A valid body padded with whitespace: only its size is wrong.
	valid := body(t, baseCreate(), nil)
	huge := valid + strings.Repeat(" ", 1<<20+1-len(valid))
	tests := []struct {
		name, body string
	}{
		{"empty", ""},
		{"blank", "  \n"},
		{"null", "null"},
		{"unparseable", `{"port_id":`},
		{"array", `[]`},
		{"string", `"x"`},
		{"trailing garbage", body(t, baseCreate(), nil) + "}"},
		{"huge", huge},
	}
	srv := fake.NewTest(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			requireError(t, as(t, srv, http.MethodPost, services, tt.body), api.E0002)
		})
	}
}

func TestCreateServiceBodyAtLimit(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	valid := body(t, baseCreate(), nil)
	r := as(t, srv, http.MethodPost, services, valid+strings.Repeat(" ", 1<<20-len(valid)))
	assert.Equal(t, http.StatusOK, r.Status, "a 1 MiB body is read whole")
}

var stampRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)

// assertServiceShape checks every field of docs/vpcep-api.md §2.4 with its JSON type.
func assertServiceShape(t *testing.T, m map[string]any) {
	t.Helper()
	for _, k := range []string{"id", "port_id", "pool_id", "service_name", "service_type", "server_type",
		"vpc_id", "status", "created_at", "updated_at", "project_id", "domain_id", "tcp_proxy",
		"description", "enterprise_project_id"} {
		assert.IsType(t, "", m[k], k)
	}
	for _, k := range []string{"approval_enabled", "enable_policy"} {
		assert.IsType(t, false, m[k], k)
	}
	for _, k := range []string{"ports", "tags"} {
		assert.IsType(t, []any{}, m[k], k)
	}
	assert.IsType(t, float64(0), m["connection_count"], "connection_count")
	for _, k := range []string{"created_at", "updated_at"} {
		assert.Regexp(t, stampRE, m[k], k)
	}
}

func TestCreateServiceResponse(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock))
	r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), nil))
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	m := r.JSON(t)
	assertServiceShape(t, m)
	id := m["id"].(string)
	assert.Regexp(t, `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`, id)
	want := map[string]any{
		"port_id": portA, "vpc_id": vpcA, "server_type": "LB", "service_type": "interface",
		"service_name": "eu-de." + id, "status": "creating", "approval_enabled": true,
		"project_id": fake.DefaultProjectID, "domain_id": fake.DefaultDomainID,
		"tcp_proxy": "close", "description": "", "tags": []any{}, "enterprise_project_id": "0",
		"enable_policy": false, "connection_count": float64(0),
		"created_at": "2026-11-22T04:00:00Z", "updated_at": "2026-11-22T04:00:00Z",
		"ports": []any{map[string]any{"client_port": float64(80), "server_port": float64(8080), "protocol": "TCP"}},
	}
	for k, v := range want {
		assert.Equal(t, v, m[k], k)
	}
	assert.NotContains(t, m, "error")
	assert.NotContains(t, m, "vip_port_id")
	assert.NotContains(t, m, "ip")
}

func TestCreateServiceAccepts(t *testing.T) {
	t.Parallel()
	const uuid = "66666666-6666-4666-8666-666666666666"
	tests := []struct {
		name  string
		over  map[string]any
		check func(t *testing.T, s map[string]any)
	}{
		{"lower-case server_type", map[string]any{"server_type": "lb"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "LB", s["server_type"])
		}},
		{"server_type VM", map[string]any{"server_type": "VM"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "VM", s["server_type"])
		}},
		{"named", map[string]any{"service_name": "svc_Name-1234567"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "eu-de.svc_Name-1234567."+s["id"].(string), s["service_name"])
		}},
		{"empty name", map[string]any{"service_name": ""}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "eu-de."+s["id"].(string), s["service_name"])
		}},
		{"protocol empty", map[string]any{"ports": []any{map[string]any{"client_port": 1, "server_port": 65535, "protocol": ""}}},
			func(t *testing.T, s map[string]any) {
				assert.Equal(t, []any{map[string]any{"client_port": float64(1), "server_port": float64(65535), "protocol": "TCP"}}, s["ports"])
			}},
		{"protocol missing", map[string]any{"ports": []any{map[string]any{"client_port": 1, "server_port": 2}}},
			func(t *testing.T, s map[string]any) {
				assert.Equal(t, "TCP", s["ports"].([]any)[0].(map[string]any)["protocol"])
			}},
		{"200 ports", map[string]any{"ports": ports(200)}, func(t *testing.T, s map[string]any) {
			assert.Len(t, s["ports"], 200)
		}},
		{"two client ports to one server port", map[string]any{"ports": []any{
			map[string]any{"client_port": 80, "server_port": 8080},
			map[string]any{"client_port": 81, "server_port": 8080},
		}}, func(t *testing.T, s map[string]any) { assert.Len(t, s["ports"], 2) }},
		{"service_type interface", map[string]any{"service_type": "interface"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "interface", s["service_type"])
		}},
		{"tcp_proxy upper", map[string]any{"tcp_proxy": "TOA_OPEN"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "toa_open", s["tcp_proxy"])
		}},
		{"description 128", map[string]any{"description": strings.Repeat("ü", 128)}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, strings.Repeat("ü", 128), s["description"])
		}},
		{"20 tags", map[string]any{"tags": tags(20)}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, tags(20), s["tags"])
		}},
		{"tag limits", map[string]any{"tags": tag(strings.Repeat("k", 128), strings.Repeat("v", 255))}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, tag(strings.Repeat("k", 128), strings.Repeat("v", 255)), s["tags"])
		}},
		{"tag charset", map[string]any{"tags": tag("Ab 1_.:=+-@ä", "x y_.:/=+-@")}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, tag("Ab 1_.:=+-@ä", "x y_.:/=+-@"), s["tags"])
		}},
		{"tag empty value", map[string]any{"tags": []any{map[string]any{"key": "k"}}}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, tag("k", ""), s["tags"])
		}},
		{"enterprise project uuid", map[string]any{"enterprise_project_id": uuid}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, uuid, s["enterprise_project_id"])
		}},
		{"enterprise project 0", map[string]any{"enterprise_project_id": "0"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "0", s["enterprise_project_id"])
		}},
		{"ip empty", map[string]any{"ip": ""}, func(t *testing.T, s map[string]any) { assert.NotContains(t, s, "ip") }},
		{"vip_port_id empty", map[string]any{"vip_port_id": ""}, func(t *testing.T, s map[string]any) {
			assert.NotContains(t, s, "vip_port_id")
		}},
		{"vip_port_id", map[string]any{"vip_port_id": uuid}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, uuid, s["vip_port_id"])
		}},
		{"approval default", nil, func(t *testing.T, s map[string]any) { assert.Equal(t, true, s["approval_enabled"]) }},
		{"approval false", map[string]any{"approval_enabled": false}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, false, s["approval_enabled"])
		}},
		{"approval null", map[string]any{"approval_enabled": nil}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, true, s["approval_enabled"])
		}},
		{"pool_id given", map[string]any{"pool_id": "pool-x"}, func(t *testing.T, s map[string]any) {
			assert.Equal(t, "pool-x", s["pool_id"])
		}},
		{"reserved fields", map[string]any{"enable_policy": true, "ip_version": "IPv4", "payer": "endpoint", "supported_editions": []any{"basic"}},
			func(t *testing.T, s map[string]any) {
				assert.Equal(t, true, s["enable_policy"])
				assert.Equal(t, "ipv4", s["ip_version"])
				assert.Equal(t, "endpoint", s["payer"])
				assert.Equal(t, []any{"basic"}, s["supported_editions"])
			}},
		{"unknown field ignored", map[string]any{"flavor": "x"}, func(t *testing.T, s map[string]any) {
			assert.NotContains(t, s, "flavor")
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			srv := fake.NewTest(t)
			r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), tt.over))
			require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
			m := r.JSON(t)
			assertServiceShape(t, m)
			tt.check(t, m)
			// GET returns what create returned, status aside.
			_, g := get(t, srv, m["id"].(string))
			require.Equal(t, http.StatusOK, g.Status)
			gm := g.JSON(t)
			m["status"], m["updated_at"] = "available", gm["updated_at"]
			assert.Equal(t, m, gm)
		})
	}
}

func TestCreateServiceRegion(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithRegion("eu-nl"))
	s := create(t, srv, map[string]any{"service_name": "x"})
	assert.Equal(t, "eu-nl.x."+s.ID, s.ServiceName)
}

func TestCreateServicePortConflict(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	create(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 80, "server_port": 8080}}})
	// Same backend port and server port: conflict, whatever the client port.
	r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{
		"ports": []any{map[string]any{"client_port": 81, "server_port": 9000}, map[string]any{"client_port": 90, "server_port": 8080}}}))
	requireError(t, r, api.E3044)
	// Another server port on the same backend, or the same server port on
	// another backend, is fine.
	create(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 80, "server_port": 8081}}})
	create(t, srv, map[string]any{"port_id": portB, "ports": []any{map[string]any{"client_port": 80, "server_port": 8080}}})
}

func TestCreateServiceQuota(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 2, Endpoints: 1}), fake.WithTenants(otherTenant))
	for i := range 2 {
		create(t, srv, map[string]any{"port_id": []string{portA, portB}[i]})
	}
	r := as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": portC}))
	requireError(t, r, api.E1018)
	assert.Equal(t, "Endpoint.1018", api.E1018.Code)
	// The quota is per project.
	o := send(t, srv, otherTenant, http.MethodPost, servicesPath(otherTenant, ""), body(t, baseCreate(), map[string]any{"port_id": portC}))
	assert.Equal(t, http.StatusOK, o.Status, "%s", o.Body)
}

func TestCreateServiceDefaultQuota(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	for i := range 20 {
		create(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 80, "server_port": 1000 + i}}})
	}
	requireError(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": portC})), api.E1018)
}

// available creates a service and moves it to available (zero delays).
func available(t *testing.T, srv *fake.Server, over map[string]any) api.Service {
	t.Helper()
	s := create(t, srv, over)
	g, r := get(t, srv, s.ID)
	require.Equal(t, http.StatusOK, r.Status)
	require.Equal(t, "available", g.Status)
	return g
}

func put(t *testing.T, srv *fake.Server, id, b string) reply {
	t.Helper()
	return as(t, srv, http.MethodPut, services+"/"+id, b)
}

func TestUpdateServiceFields(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		body  string
		check func(t *testing.T, before, after api.Service)
	}{
		{"empty object", `{}`, func(t *testing.T, b, a api.Service) {
			b.UpdatedAt = a.UpdatedAt
			assert.Equal(t, b, a)
		}},
		{"approval false", `{"approval_enabled":false}`, func(t *testing.T, b, a api.Service) {
			assert.False(t, a.ApprovalEnabled)
		}},
		{"service name", `{"service_name":"renamed"}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, "eu-de.renamed."+a.ID, a.ServiceName)
		}},
		{"empty service name keeps the name", `{"service_name":""}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, b.ServiceName, a.ServiceName)
		}},
		{"ports replace", `{"ports":[{"client_port":443,"server_port":8443},{"client_port":22,"server_port":2222,"protocol":"tcp"}]}`,
			func(t *testing.T, b, a api.Service) {
				assert.Equal(t, []api.PortMapping{{ClientPort: 443, ServerPort: 8443, Protocol: "TCP"}, {ClientPort: 22, ServerPort: 2222, Protocol: "TCP"}}, a.Ports)
			}},
		{"port_id", `{"port_id":"` + portB + `"}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, portB, a.PortID)
		}},
		{"port_id empty ignored", `{"port_id":""}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, portA, a.PortID)
		}},
		{"tcp_proxy", `{"tcp_proxy":"Proxy_Open"}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, "proxy_open", a.TCPProxy)
		}},
		{"description", `{"description":"new text"}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, "new text", a.Description)
		}},
		{"description cleared", `{"description":""}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, "", a.Description)
		}},
		{"vip_port_id", `{"vip_port_id":"` + portC + `"}`, func(t *testing.T, b, a api.Service) {
			assert.Equal(t, portC, a.VipPortID)
		}},
		{"ip empty ignored", `{"ip":""}`, func(t *testing.T, b, a api.Service) {
			assert.Empty(t, a.IP)
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			mock := newMock()
			srv := fake.NewTest(t, fake.WithClock(mock))
			before := available(t, srv, map[string]any{"service_name": "orig", "description": "d"})
			mock.Add(90 * time.Second)
			r := put(t, srv, before.ID, tt.body)
			var after api.Service
			r.want(t, http.StatusOK, &after)
			assertServiceShape(t, r.JSON(t))
			assert.Equal(t, "available", after.Status)
			assert.Equal(t, before.CreatedAt, after.CreatedAt)
			assert.Equal(t, "2026-11-22T04:01:30Z", after.UpdatedAt)
			tt.check(t, before, after)
			g, _ := get(t, srv, before.ID)
			assert.Equal(t, after, g, "GET shows the update")
		})
	}
}

func TestUpdateServiceRejects(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		body string
		want *api.Error
	}{
		{"empty body", ``, api.E0002},
		{"null", `null`, api.E0002},
		{"unparseable", `{`, api.E0002},
		{"approval string", `{"approval_enabled":"yes"}`, api.E0002},
		{"ports object", `{"ports":{}}`, api.E0002},
		{"ports empty", `{"ports":[]}`, api.E0002},
		{"ports 201", body(t, map[string]any{"ports": ports(201)}, nil), api.E3074},
		{"port missing", `{"ports":[{"client_port":1}]}`, api.E2028},
		{"port out of range", `{"ports":[{"client_port":1,"server_port":70000}]}`, api.E3043},
		{"port string", `{"ports":[{"client_port":"1","server_port":2}]}`, api.E3043},
		{"udp", `{"ports":[{"client_port":1,"server_port":2,"protocol":"UDP"}]}`, api.E3075},
		{"duplicate client port", `{"ports":[{"client_port":1,"server_port":2},{"client_port":1,"server_port":3}]}`, api.E3044},
		{"service name 17", `{"service_name":"` + strings.Repeat("n", 17) + `"}`, api.E3076},
		{"service name chars", `{"service_name":"a.b"}`, api.E3076},
		{"port_id malformed", `{"port_id":"x"}`, api.E3003},
		{"tcp_proxy", `{"tcp_proxy":"x"}`, api.E0002},
		{"description 129", `{"description":"` + strings.Repeat("d", 129) + `"}`, api.E0002},
		{"description angle", `{"description":"<script>"}`, api.E0002},
		{"vip_port_id", `{"vip_port_id":"x"}`, api.E3051},
		{"ip", `{"ip":"10.0.0.1"}`, api.E3055},
		{"ip and port_id", `{"ip":"10.0.0.1","port_id":"` + portB + `"}`, api.E3052},
		{"ip and vip_port_id", `{"ip":"10.0.0.1","vip_port_id":"` + portB + `"}`, api.E3053},
		{"description number", `{"description":5}`, api.E0002},
	}
	srv := fake.NewTest(t)
	s := available(t, srv, nil)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			requireError(t, put(t, srv, s.ID, tt.body), tt.want)
		})
	}
}

func TestUpdateServiceAddressing(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithTenants(otherTenant),
		fake.WithDelays(fake.Delays{ServiceCreate: time.Minute, ServiceDelete: time.Minute}))
	creating := create(t, srv, nil)
	mine := create(t, srv, map[string]any{"port_id": portB})
	theirs := send(t, srv, otherTenant, http.MethodPost, servicesPath(otherTenant, ""),
		body(t, baseCreate(), map[string]any{"port_id": "88888888-8888-4888-8888-888888888888"}))
	require.Equal(t, http.StatusOK, theirs.Status, "%s", theirs.Body)
	theirID := theirs.JSON(t)["id"].(string)
	mock.Add(time.Minute)
	_ = as(t, srv, http.MethodDelete, services+"/"+mine.ID, "")
	creating2 := create(t, srv, map[string]any{"port_id": portC})
	_ = creating

	tests := []struct {
		name, id string
		want     *api.Error
	}{
		{"creating", creating2.ID, api.E3045},
		{"deleting", mine.ID, api.E3045},
		{"other project", theirID, api.E0005},
		{"unknown", "77777777-7777-4777-8777-777777777777", api.E0005},
		{"malformed", "abc", api.E3062},
		{"uuid without hyphens", strings.ReplaceAll(creating.ID, "-", ""), api.E3062},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			requireError(t, put(t, srv, tt.id, `{"description":"x"}`), tt.want)
			requireError(t, as(t, srv, http.MethodPut, services+"/"+tt.id+"/name", `{"endpoint_service_name":"x"}`), tt.want)
		})
	}
	// The other project's service is untouched and readable by its owner.
	o := send(t, srv, otherTenant, http.MethodGet, servicesPath(otherTenant, "/"+theirID), "")
	require.Equal(t, http.StatusOK, o.Status)
	assert.Equal(t, "", o.JSON(t)["description"])
}

func TestUpdateServicePortConflict(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := available(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 80, "server_port": 8080}}})
	b := available(t, srv, map[string]any{"port_id": portB, "ports": []any{map[string]any{"client_port": 80, "server_port": 8080}}})
	// Moving b onto a's backend clashes on server port 8080.
	requireError(t, put(t, srv, b.ID, `{"port_id":"`+portA+`"}`), api.E3044)
	// A new server port on a's backend clashes with b once b moved there.
	r := put(t, srv, b.ID, `{"port_id":"`+portA+`","ports":[{"client_port":80,"server_port":9090}]}`)
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	requireError(t, put(t, srv, a.ID, `{"ports":[{"client_port":1,"server_port":9090}]}`), api.E3044)
	// A service may keep its own server port when it rewrites its mappings.
	r = put(t, srv, a.ID, `{"ports":[{"client_port":81,"server_port":8080}]}`)
	assert.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	// portB is free again: a third service can use 8080 there.
	available(t, srv, map[string]any{"port_id": portB})
}

// A service that moves to another backend port releases its server ports
// on the old one.
func TestUpdateServiceMoveFreesOldPort(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	a := available(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 80, "server_port": 8080}}})
	requireError(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), nil)), api.E3044)
	r := put(t, srv, a.ID, `{"port_id":"`+portB+`"}`)
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	available(t, srv, nil)
	requireError(t, as(t, srv, http.MethodPost, services, body(t, baseCreate(), map[string]any{"port_id": portB})), api.E3044)
}

func TestRenameService(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock))
	s := available(t, srv, map[string]any{"service_name": "old"})
	mock.Add(time.Hour)
	path := services + "/" + s.ID + "/name"

	r := as(t, srv, http.MethodPut, path, `{"endpoint_service_name":"new-Name_1"}`)
	require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
	assert.Equal(t, map[string]any{"endpoint_service_name": "eu-de.new-Name_1." + s.ID}, r.JSON(t))
	g, _ := get(t, srv, s.ID)
	assert.Equal(t, "eu-de.new-Name_1."+s.ID, g.ServiceName)
	assert.Equal(t, "2026-11-22T05:00:00Z", g.UpdatedAt)

	for _, b := range []string{`{"endpoint_service_name":""}`, `{}`} {
		r = as(t, srv, http.MethodPut, path, b)
		require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
		assert.Equal(t, map[string]any{"endpoint_service_name": "eu-de." + s.ID}, r.JSON(t))
	}

	requireError(t, as(t, srv, http.MethodPut, path, `{"endpoint_service_name":"`+strings.Repeat("x", 17)+`"}`), api.E3076)
	requireError(t, as(t, srv, http.MethodPut, path, `{"endpoint_service_name":"a b"}`), api.E3076)
	requireError(t, as(t, srv, http.MethodPut, path, `{"endpoint_service_name":1}`), api.E0002)
	requireError(t, as(t, srv, http.MethodPut, path, ``), api.E0002)
	g, _ = get(t, srv, s.ID)
	assert.Equal(t, "eu-de."+s.ID, g.ServiceName, "rejected renames change nothing")
}

func TestDeleteService(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock),
		fake.WithDelays(fake.Delays{ServiceCreate: time.Minute, ServiceDelete: 2 * time.Minute}))
	s := create(t, srv, nil)
	del := func() reply { return as(t, srv, http.MethodDelete, services+"/"+s.ID, "") }

	requireError(t, del(), api.E3045)
	g, _ := get(t, srv, s.ID)
	assert.Equal(t, "creating", g.Status, "a refused delete changes nothing")

	mock.Add(time.Minute)
	r := del()
	assert.Equal(t, http.StatusNoContent, r.Status)
	assert.Empty(t, r.Body)
	assert.Empty(t, r.Header.Get("Content-Type"))
	assert.NotEmpty(t, r.Header.Get("X-Request-Id"))

	mock.Add(time.Minute)
	g, _ = get(t, srv, s.ID)
	assert.Equal(t, "deleting", g.Status)
	assert.Equal(t, "2026-11-22T04:01:00Z", g.UpdatedAt)
	l, _ := list(t, srv, "?status=deleting")
	assert.Equal(t, []string{s.ID}, listIDs(l))
	l, _ = list(t, srv, "?status=available")
	assert.Empty(t, l.Services)

	r = del()
	assert.Equal(t, http.StatusNoContent, r.Status, "deleting again is idempotent")
	mock.Add(time.Minute - time.Second)
	g, _ = get(t, srv, s.ID)
	assert.Equal(t, "deleting", g.Status, "a repeated delete does not restart the timer")
	mock.Add(time.Second)

	_, gr := get(t, srv, s.ID)
	requireError(t, gr, api.E0005)
	requireError(t, del(), api.E0005)
	l, _ = list(t, srv, "")
	assert.Zero(t, l.TotalCount)
}

func TestDeleteServiceErrors(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(otherTenant))
	theirs := send(t, srv, otherTenant, http.MethodPost, servicesPath(otherTenant, ""), body(t, baseCreate(), nil))
	require.Equal(t, http.StatusOK, theirs.Status)
	id := theirs.JSON(t)["id"].(string)
	requireError(t, as(t, srv, http.MethodDelete, services+"/"+id, ""), api.E0005)
	requireError(t, as(t, srv, http.MethodDelete, services+"/nope", ""), api.E3062)
	requireError(t, as(t, srv, http.MethodDelete, services+"/77777777-7777-4777-8777-777777777777", ""), api.E0005)
	o := send(t, srv, otherTenant, http.MethodGet, servicesPath(otherTenant, "/"+id), "")
	assert.Equal(t, "available", o.JSON(t)["status"])
}

func TestDeleteServiceZeroDelay(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	s := available(t, srv, nil)
	r := as(t, srv, http.MethodDelete, services+"/"+s.ID, "")
	require.Equal(t, http.StatusNoContent, r.Status)
	_, g := get(t, srv, s.ID)
	requireError(t, g, api.E0005)
	// Its backend port is free again.
	available(t, srv, nil)
}

// listFixture creates n services in one second on a mock clock; service i
// has client/server port 1000+i, short name svc-i (svc-0 has none).
// Returned ids are in creation order.
func listFixture(t *testing.T, n int, opts ...fake.Option) (*fake.Server, []string) {
	t.Helper()
	srv := fake.NewTest(t, append([]fake.Option{fake.WithQuotas(fake.Quotas{Services: 100, Endpoints: 1})}, opts...)...)
	ids := make([]string, n)
	for i := range ids {
		over := map[string]any{"ports": []any{map[string]any{"client_port": 1000 + i, "server_port": 1000 + i}}}
		if i > 0 {
			over["service_name"] = fmt.Sprintf("svc-%d", i)
		}
		ids[i] = create(t, srv, over).ID
	}
	return srv, ids
}

func listIDs(l api.ServiceList) []string {
	out := make([]string, len(l.Services))
	for i, s := range l.Services {
		out[i] = s.ID
	}
	return out
}

func reversed(ids []string) []string {
	out := make([]string, len(ids))
	for i, id := range ids {
		out[len(ids)-1-i] = id
	}
	return out
}

func TestListServicesPaging(t *testing.T) {
	t.Parallel()
	srv, ids := listFixture(t, 13, fake.WithClock(newMock()))
	newest := reversed(ids)
	tests := []struct {
		query string
		want  []string
	}{
		{"", newest[:10]},
		{"?limit=0", nil},
		{"?limit=3", newest[:3]},
		{"?limit=1000", newest},
		{"?limit=", newest[:10]},
		{"?offset=10", newest[10:]},
		{"?offset=2&limit=2", newest[2:4]},
		{"?offset=12", newest[12:]},
		{"?offset=13", nil},
		{"?offset=500", nil},
		{"?sort_dir=asc", ids[:10]},
		{"?sort_dir=asc&offset=11", ids[11:]},
		{"?sort_key=created_at&sort_dir=desc&limit=13", newest},
		{"?sort_key=create_at&sort_dir=asc&limit=13", ids},
		{"?sort_key=updated_at&limit=13", newest},
		{"?sort_key=update_at&sort_dir=asc&limit=13", ids},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			l, r := list(t, srv, tt.query)
			require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
			assert.Equal(t, 13, l.TotalCount, "total_count ignores paging")
			if tt.want == nil {
				tt.want = []string{}
			}
			assert.Equal(t, tt.want, listIDs(l))
		})
	}
}

func TestListServicesBadQuery(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	tests := []struct {
		query string
		want  *api.Error
	}{
		{"limit=1001", api.E0006},
		{"limit=-1", api.E0006},
		{"limit=x", api.E0006},
		{"limit=1.5", api.E0006},
		{"offset=-1", api.E0010},
		{"offset=x", api.E0010},
		{"sort_key=name", api.E0017},
		{"sort_key=CREATED_AT", api.E0017},
		{"sort_dir=up", api.E0018},
		{"sort_dir=DESC", api.E0018},
		{"status=active", api.E0019},
		{"status=Available", api.E0019},
		{"net_type=x", api.E0002},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			t.Parallel()
			_, r := list(t, srv, "?"+tt.query)
			requireError(t, r, tt.want)
		})
	}
}

func TestListServicesSortByUpdated(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv, ids := listFixture(t, 3, fake.WithClock(mock))
	mock.Add(time.Second)
	// GETs settle the creates at the same instant; then touch ids[0].
	for _, id := range ids {
		get(t, srv, id)
	}
	mock.Add(time.Second)
	require.Equal(t, http.StatusOK, put(t, srv, ids[0], `{}`).Status)
	l, _ := list(t, srv, "?sort_key=updated_at")
	assert.Equal(t, []string{ids[0], ids[2], ids[1]}, listIDs(l))
	l, _ = list(t, srv, "?sort_key=updated_at&sort_dir=asc")
	assert.Equal(t, []string{ids[1], ids[2], ids[0]}, listIDs(l))
	l, _ = list(t, srv, "")
	assert.Equal(t, reversed(ids), listIDs(l), "created_at order is unchanged by updates")
}

func TestListServicesNewestFirstAcrossSeconds(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv := fake.NewTest(t, fake.WithClock(mock))
	var ids []string
	for i := range 3 {
		ids = append(ids, create(t, srv, map[string]any{"ports": []any{map[string]any{"client_port": 1, "server_port": 10 + i}}}).ID)
		mock.Add(time.Second)
	}
	l, _ := list(t, srv, "")
	assert.Equal(t, reversed(ids), listIDs(l))
	assert.Equal(t, "2026-11-22T04:00:02Z", l.Services[0].CreatedAt)
}

func TestListServicesFilters(t *testing.T) {
	t.Parallel()
	mock := newMock()
	srv, ids := listFixture(t, 12, fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}))
	// late is created after the others are due and stays creating.
	mock.Add(time.Minute)
	late := create(t, srv, map[string]any{"service_name": "Late", "port_id": portB})
	tests := []struct {
		name string
		q    url.Values
		want []string
	}{
		{"name substring", url.Values{"endpoint_service_name": {"svc-1"}}, []string{ids[11], ids[10], ids[1]}},
		{"name case-insensitive", url.Values{"endpoint_service_name": {"SVC-11"}}, []string{ids[11]}},
		{"name on full name: region", url.Values{"endpoint_service_name": {"EU-DE."}, "limit": {"20"}}, append([]string{late.ID}, reversed(ids)...)},
		{"name on full name: id part", url.Values{"endpoint_service_name": {ids[0][:13]}}, []string{ids[0]}},
		{"name on full name: name.id", url.Values{"endpoint_service_name": {"svc-5." + ids[5][:4]}}, []string{ids[5]}},
		{"name no match", url.Values{"endpoint_service_name": {"nothing"}}, nil},
		{"name empty", url.Values{"endpoint_service_name": {""}, "limit": {"20"}}, append([]string{late.ID}, reversed(ids)...)},
		{"id exact", url.Values{"id": {ids[3]}}, []string{ids[3]}},
		{"id prefix is no match", url.Values{"id": {ids[3][:8]}}, nil},
		{"id upper case is no match", url.Values{"id": {strings.ToUpper(ids[3])}}, nil},
		{"status creating", url.Values{"status": {"creating"}}, []string{late.ID}},
		{"status available", url.Values{"status": {"available"}, "limit": {"20"}}, reversed(ids)},
		{"status failed", url.Values{"status": {"failed"}}, nil},
		{"status deleting", url.Values{"status": {"deleting"}}, nil},
		{"name and status", url.Values{"endpoint_service_name": {"late"}, "status": {"available"}}, nil},
		{"net_type accepted", url.Values{"net_type": {"vxlan"}, "id": {ids[0]}}, []string{ids[0]}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			l, r := list(t, srv, "?"+tt.q.Encode())
			require.Equal(t, http.StatusOK, r.Status, "%s", r.Body)
			if tt.want == nil {
				tt.want = []string{}
			}
			assert.Equal(t, tt.want, listIDs(l))
			assert.Equal(t, len(tt.want), l.TotalCount)
		})
	}
	// total_count counts all matches, not the page.
	l, _ := list(t, srv, "?status=available&limit=2&offset=1")
	assert.Equal(t, 12, l.TotalCount)
	assert.Equal(t, reversed(ids)[1:3], listIDs(l))
}

func TestListServicesBodyShape(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithTenants(otherTenant))
	// An empty project still lists an empty array, never null.
	_, r := list(t, srv, "")
	require.Equal(t, http.StatusOK, r.Status)
	assert.JSONEq(t, `{"endpoint_services":[],"total_count":0}`, string(r.Body))

	s := create(t, srv, nil)
	send(t, srv, otherTenant, http.MethodPost, servicesPath(otherTenant, ""),
		body(t, baseCreate(), map[string]any{"port_id": portC}))
	_, r = list(t, srv, "")
	assert.Equal(t, "application/json", r.Header.Get("Content-Type"))
	m := r.JSON(t)
	arrays := 0
	for _, v := range m {
		if _, ok := v.([]any); ok {
			arrays++
		}
	}
	assert.Equal(t, 1, arrays, "exactly one top-level array (gophertelekomcloud's pager)")
	assert.Len(t, m, 2)
	assert.Equal(t, float64(1), m["total_count"], "only the caller's project")
	items := m["endpoint_services"].([]any)
	require.Len(t, items, 1)
	item := items[0].(map[string]any)
	assertServiceShape(t, item)
	assert.Equal(t, s.ID, item["id"])
	assert.Equal(t, "available", item["status"])
	// The list item is the GET object.
	_, g := get(t, srv, s.ID)
	ib, err := json.Marshal(item)
	require.NoError(t, err)
	assert.JSONEq(t, string(g.Body), string(ib))
}
