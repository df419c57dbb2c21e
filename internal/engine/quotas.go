package engine

import (
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Quota resource types (docs/vpcep-api.md §2.10).
const (
	quotaServices  = "endpoint_service"
	quotaEndpoints = "endpoint"
)

// ListQuotas is ListQuotaDetails (docs/vpcep-api.md §3.18): used and quota of the
// caller's project for typ, or for both types when typ is empty (services
// first). Every record counts until it disappears, deleting and failed ones
// included. Another type is 400 EndPoint.0002.
func (e *Engine) ListQuotas(t Tenant, typ string) (api.QuotaResponse, *api.Error) {
	if typ != "" && typ != quotaServices && typ != quotaEndpoints {
		return api.QuotaResponse{}, api.E0002
	}
	e.lock()
	defer e.mu.Unlock()
	var services, endpoints int
	if p := e.projects[t.ProjectID]; p != nil {
		services, endpoints = p.services.len(), p.endpoints.len()
	}
	out := api.QuotaResponse{Quotas: api.QuotaResources{Resources: []api.Quota{}}}
	if typ != quotaEndpoints {
		out.Quotas.Resources = append(out.Quotas.Resources, api.Quota{Type: quotaServices, Used: services, Quota: e.cfg.Quotas.Services})
	}
	if typ != quotaServices {
		out.Quotas.Resources = append(out.Quotas.Resources, api.Quota{Type: quotaEndpoints, Used: endpoints, Quota: e.cfg.Quotas.Endpoints})
	}
	return out, nil
}
