package fake_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

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
