package conformance

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Result is the outcome of one call: the HTTP status, the error_code of an
// error body, and the JSON object of the body (nil when there is none).
// An SDK adapter that only sees typed values fills Body by marshalling
// them (the flows read documented field names from it).
type Result struct {
	Status    int
	ErrorCode string
	Body      map[string]any
	// Header is the response header (nil from adapters that hide it).
	Header http.Header
	// Err is a transport failure (no HTTP answer at all).
	Err error
}

// Client is the set of calls the flows make. NewHTTPClient is the raw HTTP
// implementation; an SDK author implements it over an SDK to run the
// lifecycle, whitelist and approval flows through their client. Bodies
// and queries use the wire names of the API.
type Client interface {
	CreateService(ctx context.Context, body map[string]any) Result
	GetService(ctx context.Context, id string) Result
	UpdateService(ctx context.Context, id string, body map[string]any) Result
	DeleteService(ctx context.Context, id string) Result
	ListServices(ctx context.Context, query url.Values) Result
	PermissionAction(ctx context.Context, serviceID, action string, permissions []string) Result
	ListPermissions(ctx context.Context, serviceID string, query url.Values) Result
	DescribeService(ctx context.Context, query url.Values) Result
	CreateEndpoint(ctx context.Context, body map[string]any) Result
	GetEndpoint(ctx context.Context, id string) Result
	DeleteEndpoint(ctx context.Context, id string) Result
	ListEndpoints(ctx context.Context, query url.Values) Result
	ConnectionAction(ctx context.Context, serviceID, action string, endpoints []string) Result
	ListConnections(ctx context.Context, serviceID string, query url.Values) Result
}

// HTTPClient is the raw HTTP Client: X-Auth-Token authentication (or the
// tenant's Auth), JSON in and out.
type HTTPClient struct {
	base   string
	tenant Tenant
	hc     *http.Client
}

// NewHTTPClient returns a Client that calls baseURL as tenant through hc.
func NewHTTPClient(baseURL string, tenant Tenant, hc *http.Client) *HTTPClient {
	return &HTTPClient{base: strings.TrimSuffix(baseURL, "/"), tenant: tenant, hc: hc}
}

// Do sends one request. path is relative to /v1/{project_id} when it does
// not start with "/"; body is sent as is when it is a string or []byte,
// JSON-encoded otherwise, and not at all when nil.
func (c *HTTPClient) Do(ctx context.Context, method, path string, query url.Values, body any) Result {
	return c.Send(ctx, method, path, query, body, nil)
}

// Send is Do with extra request headers; they replace the defaults
// (Accept, Content-Type: application/json on a body, X-Auth-Token). A
// tenant with Auth has each request authenticated by it, last, and a 401
// answer sent once more after Auth.Renew (an expired IAM token).
func (c *HTTPClient) Send(ctx context.Context, method, path string, query url.Values, body any, header http.Header) Result {
	u := c.base + path
	if !strings.HasPrefix(path, "/") {
		u = c.base + "/v1/" + c.tenant.ProjectID + "/" + path
	}
	if len(query) > 0 {
		u += "?" + query.Encode()
	}
	var raw []byte
	switch b := body.(type) {
	case nil:
	case string:
		raw = []byte(b)
	case []byte:
		raw = b
	default:
		j, err := json.Marshal(b)
		if err != nil {
			return Result{Err: err}
		}
		raw = j
	}
	r, req := c.send(ctx, method, u, body != nil, raw, header)
	if r.Status == http.StatusUnauthorized && c.tenant.Auth != nil && c.tenant.Auth.Renew(ctx, req) {
		r, _ = c.send(ctx, method, u, body != nil, raw, header)
	}
	return r
}

// send makes and sends one request; it returns the request too.
func (c *HTTPClient) send(ctx context.Context, method, u string, hasBody bool, raw []byte, header http.Header) (Result, *http.Request) {
	var rd io.Reader
	if hasBody {
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return Result{Err: err}, req
	}
	req.Header.Set("Accept", "application/json")
	if hasBody {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.tenant.Token != "" && c.tenant.Auth == nil {
		req.Header.Set("X-Auth-Token", c.tenant.Token)
	}
	for k, v := range header {
		req.Header[http.CanonicalHeaderKey(k)] = v
	}
	if c.tenant.Auth != nil {
		if err := c.tenant.Auth.Authorize(req, raw); err != nil {
			return Result{Err: err}, req
		}
	}
	resp, err := c.hc.Do(req)
	if err != nil {
		return Result{Err: err}, req
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(resp.Body)
	if err != nil {
		return Result{Status: resp.StatusCode, Err: err}, req
	}
	r := ResultOf(resp.StatusCode, body)
	r.Header = resp.Header
	return r, req
}

// ResultOf builds a Result from a status and a raw JSON body, as an SDK
// adapter does with the status and body its SDK's error carries, or with
// a typed value it marshals back to JSON.
func ResultOf(status int, raw []byte) Result {
	r := Result{Status: status}
	if len(bytes.TrimSpace(raw)) == 0 {
		return r
	}
	if err := json.Unmarshal(raw, &r.Body); err != nil {
		r.Err = err
		return r
	}
	if code, ok := r.Body["error_code"].(string); ok && status >= 400 {
		r.ErrorCode = code
	}
	return r
}

func (c *HTTPClient) get(ctx context.Context, path string, q url.Values) Result {
	return c.Do(ctx, http.MethodGet, path, q, nil)
}

// CreateService implements Client.
func (c *HTTPClient) CreateService(ctx context.Context, body map[string]any) Result {
	return c.Do(ctx, http.MethodPost, "vpc-endpoint-services", nil, body)
}

// GetService implements Client.
func (c *HTTPClient) GetService(ctx context.Context, id string) Result {
	return c.get(ctx, "vpc-endpoint-services/"+id, nil)
}

// UpdateService implements Client.
func (c *HTTPClient) UpdateService(ctx context.Context, id string, body map[string]any) Result {
	return c.Do(ctx, http.MethodPut, "vpc-endpoint-services/"+id, nil, body)
}

// DeleteService implements Client.
func (c *HTTPClient) DeleteService(ctx context.Context, id string) Result {
	return c.Do(ctx, http.MethodDelete, "vpc-endpoint-services/"+id, nil, nil)
}

// ListServices implements Client.
func (c *HTTPClient) ListServices(ctx context.Context, q url.Values) Result {
	return c.get(ctx, "vpc-endpoint-services", q)
}

// PermissionAction implements Client.
func (c *HTTPClient) PermissionAction(ctx context.Context, id, action string, perms []string) Result {
	return c.Do(ctx, http.MethodPost, "vpc-endpoint-services/"+id+"/permissions/action", nil,
		map[string]any{"action": action, "permissions": perms})
}

// ListPermissions implements Client.
func (c *HTTPClient) ListPermissions(ctx context.Context, id string, q url.Values) Result {
	return c.get(ctx, "vpc-endpoint-services/"+id+"/permissions", q)
}

// DescribeService implements Client.
func (c *HTTPClient) DescribeService(ctx context.Context, q url.Values) Result {
	return c.get(ctx, "vpc-endpoint-services/describe", q)
}

// CreateEndpoint implements Client.
func (c *HTTPClient) CreateEndpoint(ctx context.Context, body map[string]any) Result {
	return c.Do(ctx, http.MethodPost, "vpc-endpoints", nil, body)
}

// GetEndpoint implements Client.
func (c *HTTPClient) GetEndpoint(ctx context.Context, id string) Result {
	return c.get(ctx, "vpc-endpoints/"+id, nil)
}

// DeleteEndpoint implements Client.
func (c *HTTPClient) DeleteEndpoint(ctx context.Context, id string) Result {
	return c.Do(ctx, http.MethodDelete, "vpc-endpoints/"+id, nil, nil)
}

// ListEndpoints implements Client.
func (c *HTTPClient) ListEndpoints(ctx context.Context, q url.Values) Result {
	return c.get(ctx, "vpc-endpoints", q)
}

// ConnectionAction implements Client.
func (c *HTTPClient) ConnectionAction(ctx context.Context, id, action string, endpoints []string) Result {
	return c.Do(ctx, http.MethodPost, "vpc-endpoint-services/"+id+"/connections/action", nil,
		map[string]any{"action": action, "endpoints": endpoints})
}

// ListConnections implements Client.
func (c *HTTPClient) ListConnections(ctx context.Context, id string, q url.Values) Result {
	return c.get(ctx, "vpc-endpoint-services/"+id+"/connections", q)
}
