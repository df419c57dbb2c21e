package fake_test

import (
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

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
