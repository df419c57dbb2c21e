package fake_test

import (
	"net/http"
	"regexp"
	"strings"
	"testing"

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
