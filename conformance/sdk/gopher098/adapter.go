package gopher098

import (
	"context"
	"encoding/json"
	"net/http"
	"net/url"
	"reflect"
	"strconv"

	golangsdk "github.com/opentelekomcloud/gophertelekomcloud"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/endpoints"
	"github.com/opentelekomcloud/gophertelekomcloud/openstack/vpcep/v1/services"

	"github.com/seed42eb3344/vpcepfake/conformance"
)

// Adapter runs the conformance flows through gophertelekomcloud v0.9.8.
// It embeds the raw HTTP client for the calls this SDK version cannot
// make (a filtered whitelist list; describe), which is the pattern for any
// SDK: override what the SDK has, inherit the rest.
type Adapter struct {
	*conformance.HTTPClient
	sc *golangsdk.ServiceClient
}

// NewAdapter returns an Adapter over sc that falls back to raw.
func NewAdapter(sc *golangsdk.ServiceClient, raw *conformance.HTTPClient) *Adapter {
	return &Adapter{HTTPClient: raw, sc: sc}
}

// result turns an SDK answer into a conformance.Result: errors by the
// status and body the SDK keeps, values by marshalling them back to JSON
// (so the flows read the fields the SDK decoded, nothing more).
func result(v any, err error) conformance.Result {
	if err != nil {
		if u, ok := unexpected(err); ok {
			return conformance.ResultOf(u.Actual, u.Body)
		}
		return conformance.Result{Err: err}
	}
	if v == nil {
		return conformance.ResultOf(http.StatusNoContent, nil) // the SDK hides 200 against 204
	}
	b, err := json.Marshal(v)
	if err != nil {
		return conformance.Result{Err: err}
	}
	return conformance.ResultOf(http.StatusOK, b)
}

// unexpected returns the status error inside the SDK's typed errors.
func unexpected(err error) (golangsdk.ErrUnexpectedResponseCode, bool) {
	switch e := err.(type) {
	case golangsdk.ErrDefault400:
		return e.ErrUnexpectedResponseCode, true
	case golangsdk.ErrDefault401:
		return e.ErrUnexpectedResponseCode, true
	case golangsdk.ErrDefault403:
		return e.ErrUnexpectedResponseCode, true
	case golangsdk.ErrDefault404:
		return e.ErrUnexpectedResponseCode, true
	case golangsdk.ErrDefault409:
		return e.ErrUnexpectedResponseCode, true
	case golangsdk.ErrDefault500:
		return e.ErrUnexpectedResponseCode, true
	case golangsdk.ErrUnexpectedResponseCode:
		return e, true
	}
	return golangsdk.ErrUnexpectedResponseCode{}, false
}

// convert moves a wire-named map into an SDK options struct through JSON:
// the options' json tags are the wire names.
func convert[T any](body map[string]any) (T, error) {
	var opts T
	b, err := json.Marshal(body)
	if err == nil {
		err = json.Unmarshal(b, &opts)
	}
	return opts, err
}

// query fills an SDK list options struct from q by its `q:` tags (string
// kinds and *int).
func query[T any](q url.Values) T {
	var opts T
	v := reflect.ValueOf(&opts).Elem()
	for i := range v.NumField() {
		val := q.Get(v.Type().Field(i).Tag.Get("q"))
		if val == "" {
			continue
		}
		switch f := v.Field(i); f.Kind() {
		case reflect.String:
			f.SetString(val)
		case reflect.Pointer:
			if n, err := strconv.Atoi(val); err == nil {
				f.Set(reflect.ValueOf(&n))
			}
		}
	}
	return opts
}

// CreateService implements conformance.Client.
func (a *Adapter) CreateService(_ context.Context, body map[string]any) conformance.Result {
	opts, err := convert[services.CreateOpts](body)
	if err != nil {
		return conformance.Result{Err: err}
	}
	return result(services.Create(a.sc, opts))
}

// GetService implements conformance.Client.
func (a *Adapter) GetService(_ context.Context, id string) conformance.Result {
	return result(services.Get(a.sc, id))
}

// UpdateService implements conformance.Client.
func (a *Adapter) UpdateService(_ context.Context, id string, body map[string]any) conformance.Result {
	opts, err := convert[services.UpdateOpts](body)
	if err != nil {
		return conformance.Result{Err: err}
	}
	return result(services.Update(a.sc, id, opts))
}

// DeleteService implements conformance.Client.
func (a *Adapter) DeleteService(_ context.Context, id string) conformance.Result {
	return result(nil, services.Delete(a.sc, id))
}

// ListServices implements conformance.Client; total_count is the page's
// length, as the SDK drops the server's count.
func (a *Adapter) ListServices(_ context.Context, q url.Values) conformance.Result {
	list, err := services.List(a.sc, query[services.ListOpts](q))
	return result(map[string]any{"endpoint_services": list, "total_count": len(list)}, err)
}

// PermissionAction implements conformance.Client.
func (a *Adapter) PermissionAction(_ context.Context, id, action string, perms []string) conformance.Result {
	return result(endpoints.BatchUpdateWhitelist(a.sc, id, endpoints.BatchUpdateReq{Permissions: perms, Action: action}))
}

// ListPermissions implements conformance.Client: GetWhitelist sends no
// query, so filtered or paged lists go over raw HTTP.
func (a *Adapter) ListPermissions(ctx context.Context, id string, q url.Values) conformance.Result {
	if len(q) > 0 {
		return a.HTTPClient.ListPermissions(ctx, id, q)
	}
	return result(endpoints.GetWhitelist(a.sc, id))
}

// CreateEndpoint implements conformance.Client.
func (a *Adapter) CreateEndpoint(_ context.Context, body map[string]any) conformance.Result {
	opts, err := convert[endpoints.CreateOpts](body)
	if err != nil {
		return conformance.Result{Err: err}
	}
	return result(endpoints.Create(a.sc, opts))
}

// GetEndpoint implements conformance.Client.
func (a *Adapter) GetEndpoint(_ context.Context, id string) conformance.Result {
	return result(endpoints.Get(a.sc, id))
}

// DeleteEndpoint implements conformance.Client.
func (a *Adapter) DeleteEndpoint(_ context.Context, id string) conformance.Result {
	return result(nil, endpoints.Delete(a.sc, id))
}

// ListEndpoints implements conformance.Client.
func (a *Adapter) ListEndpoints(_ context.Context, q url.Values) conformance.Result {
	list, err := endpoints.List(a.sc, query[endpoints.ListOpts](q))
	return result(map[string]any{"endpoints": list, "total_count": len(list)}, err)
}

// ConnectionAction implements conformance.Client.
func (a *Adapter) ConnectionAction(_ context.Context, id, action string, eps []string) conformance.Result {
	conns, err := services.Action(a.sc, id, services.ActionOpts{Action: action, Endpoints: eps})
	return result(map[string]any{"connections": conns}, err)
}

// ListConnections implements conformance.Client.
func (a *Adapter) ListConnections(_ context.Context, id string, q url.Values) conformance.Result {
	conns, err := services.ListConnections(a.sc, id, query[services.ListConnectionsOpts](q))
	return result(map[string]any{"connections": conns, "total_count": len(conns)}, err)
}

// DescribeService implements conformance.Client.
func (a *Adapter) DescribeService(_ context.Context, q url.Values) conformance.Result {
	return result(services.GetBasicInfo(a.sc, query[services.BasicOpts](q)))
}
