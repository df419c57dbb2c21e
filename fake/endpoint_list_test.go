package fake_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

func TestListEndpoints(t *testing.T) {
	t.Parallel()
	mock := clock.NewMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithTenants(tenantB))
	a, b := newClient(t, srv, fake.DefaultTenant), newClient(t, srv, tenantB)
	var named api.Service
	a.nsvc++
	a.ok(http.MethodPost, "/vpc-endpoint-services", map[string]any{
		"port_id": portID, "vpc_id": vpcID, "server_type": "VM", "service_name": "Billing",
		"ports": []map[string]any{{"client_port": 80, "server_port": 9999}},
	}, 200, &named)
	a.getService(named.ID)
	plain := a.createService(false)
	b.createService(false) // another tenant's data never shows
	var ids []string
	for i := range 11 {
		body := endpointBody(plain.ID)
		if i == 0 {
			body = endpointBody(named.ID)
			body["vpc_id"] = otherVPC
		}
		ids = append(ids, a.createEndpoint(body).ID)
		mock.Add(time.Second)
	}
	list := func(q string) api.EndpointList {
		var l api.EndpointList
		a.ok(http.MethodGet, "/vpc-endpoints"+q, nil, 200, &l)
		return l
	}
	l := list("")
	assert.Equal(t, 11, l.TotalCount)
	require.Len(t, l.Endpoints, 10, "default page of 10")
	assert.Equal(t, ids[10], l.Endpoints[0].ID, "newest first")

	l = list("?sort_dir=asc&offset=10")
	require.Len(t, l.Endpoints, 1)
	assert.Equal(t, ids[10], l.Endpoints[0].ID)
	assert.Empty(t, list("?offset=50").Endpoints)
	assert.Equal(t, 11, list("?offset=50").TotalCount)

	l = list("?endpoint_service_name=billing")
	require.Len(t, l.Endpoints, 1, "fuzzy, case-insensitive")
	assert.Equal(t, ids[0], l.Endpoints[0].ID)
	assert.Equal(t, 1, list("?vpc_id="+otherVPC).TotalCount)
	assert.Equal(t, 10, list("?vpc_id="+vpcID).TotalCount)
	assert.Equal(t, 1, list("?id="+ids[4]).TotalCount)
	assert.Equal(t, 0, list("?id="+unknownID).TotalCount)

	var empty map[string]any
	b.ok(http.MethodGet, "/vpc-endpoints", nil, 200, &empty)
	assert.Equal(t, map[string]any{"endpoints": []any{}, "total_count": float64(0)}, empty, "exactly one array, even when empty")

	for q, code := range map[string]string{"?limit=x": "EndPoint.0006", "?offset=x": "EndPoint.0010", "?sort_key=id": "EndPoint.0017", "?sort_dir=x": "EndPoint.0018"} {
		a.fails(http.MethodGet, "/vpc-endpoints"+q, nil, 400, code)
	}
}

func TestQuotas(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t, fake.WithQuotas(fake.Quotas{Services: 3, Endpoints: 4}))
	a := newClient(t, srv, fake.DefaultTenant)
	var all api.QuotaResponse
	a.ok(http.MethodGet, "/quotas", nil, 200, &all)
	assert.Equal(t, []api.Quota{{Type: "endpoint_service", Used: 0, Quota: 3}, {Type: "endpoint", Used: 0, Quota: 4}}, all.Quotas.Resources)
	svc := a.createService(false)
	a.createEndpoint(endpointBody(svc.ID))
	a.createEndpoint(endpointBody(svc.ID))
	assert.Equal(t, api.Quota{Type: "endpoint_service", Used: 1, Quota: 3}, a.quota("endpoint_service"))
	assert.Equal(t, api.Quota{Type: "endpoint", Used: 2, Quota: 4}, a.quota("endpoint"))
	a.fails(http.MethodGet, "/quotas?type=vpc", nil, 400, "EndPoint.0002")

	// Defaults are 20 and 50.
	d := newClient(t, fake.NewTest(t), fake.DefaultTenant)
	assert.Equal(t, 20, d.quota("endpoint_service").Quota)
	assert.Equal(t, 50, d.quota("endpoint").Quota)
}
