package fake_test

import (
	"context"
	"net"
	"net/http"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/seed42eb3344/vpcepfake/fake"
)

// TestPublicTypesAreNotInternal walks every type reachable from the public
// API of package fake (fields, method parameters and results) and finds
// none from an internal package.
func TestPublicTypesAreNotInternal(t *testing.T) {
	t.Parallel()
	seen := map[reflect.Type]bool{}
	var walk func(reflect.Type, string)
	walk = func(typ reflect.Type, via string) {
		if seen[typ] {
			return
		}
		seen[typ] = true
		assert.NotContains(t, typ.PkgPath(), "/internal/", "%s reaches %s", via, typ)
		if !strings.HasSuffix(typ.PkgPath(), "/fake") && typ.PkgPath() != "" {
			return // other public packages answer for themselves
		}
		for i := range typ.NumMethod() {
			m := typ.Method(i)
			for j := range m.Type.NumIn() {
				walk(m.Type.In(j), via+"."+m.Name)
			}
			for j := range m.Type.NumOut() {
				walk(m.Type.Out(j), via+"."+m.Name)
			}
		}
		switch typ.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			walk(typ.Elem(), via)
		case reflect.Struct:
			for i := range typ.NumField() {
				if f := typ.Field(i); f.IsExported() {
					walk(f.Type, via+"."+f.Name)
				}
			}
		}
	}
	for _, v := range []any{&fake.Server{}, fake.Snapshot{}, fake.Pending{}, fake.Tenant{}, fake.Delays{},
		fake.Quotas{}, fake.Network{}, fake.PublicService{}, fake.Option(nil)} {
		walk(reflect.TypeOf(v), reflect.TypeOf(v).String())
	}
}

// TestEndpointIsProjectURL: the deprecated name keeps working.
func TestEndpointIsProjectURL(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	assert.Equal(t, srv.ProjectURL("p1"), srv.Endpoint("p1"))
	assert.Equal(t, srv.URL+"/v1/p1/", srv.ProjectURL("p1"))
}

// TestCloseStopsGoroutines checks that a loopback server, after serving a
// keep-alive request, leaves no goroutine running once closed.
func TestCloseStopsGoroutines(t *testing.T) {
	// Not parallel: goleak.VerifyNone sees every goroutine of the process.
	before := goleak.IgnoreCurrent()
	srv := fake.NewServer()
	client := &http.Client{Transport: &http.Transport{}}
	r, err := roundTrip(client, http.MethodGet, srv.URL+servicesPath(fake.DefaultTenant, ""), nil,
		map[string]string{"X-Auth-Token": fake.DefaultToken})
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, r.Status)
	client.CloseIdleConnections()
	srv.Close()
	goleak.VerifyNone(t, before)
}

// TestListenAndServeStopsGoroutines checks that ListenAndServe, once its
// context ends, returns and leaves no goroutine running.
func TestListenAndServeStopsGoroutines(t *testing.T) {
	// Not parallel: goleak.VerifyNone sees every goroutine of the process.
	before := goleak.IgnoreCurrent()
	ctx, cancel := context.WithCancel(context.Background())
	addr := make(chan net.Addr, 1)
	done := make(chan error, 1)
	go func() { done <- fake.New().ListenAndServe(ctx, "127.0.0.1:0", func(a net.Addr) { addr <- a }) }()
	client := &http.Client{Transport: &http.Transport{}}
	resp, err := client.Get("http://" + (<-addr).String() + "/")
	require.NoError(t, err)
	require.Equal(t, http.StatusOK, resp.StatusCode)
	require.NoError(t, resp.Body.Close())
	client.CloseIdleConnections()
	cancel()
	require.NoError(t, <-done)
	goleak.VerifyNone(t, before)
}
