package fake_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/scenario"
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

// TestSnapshotJSONIsTheStateFormat: the JSON of Export is what GET
// /_fake/state serves, and it imports through PUT and Import alike.
func TestSnapshotJSONIsTheStateFormat(t *testing.T) {
	t.Parallel()
	srv, mock := mockServer(t, fake.WithDelays(fake.Delays{ServiceCreate: time.Minute}),
		fake.WithScenario(scenario.New().Named(scenario.ServiceCreate, "held", scenario.Held())))
	createService(t, srv, portA)
	mock.Add(time.Minute)
	createService(t, srv, portB) // still creating: a pending transition with due_in

	state := front(t, srv, "GET", "/_fake/state?secrets=true", "")
	require.Equal(t, 200, state.status)
	raw, err := json.Marshal(srv.Export())
	require.NoError(t, err)
	assert.JSONEq(t, state.raw, string(raw))
	assert.Contains(t, string(raw), `"due_in":"1m0s"`)

	var snap fake.Snapshot
	require.NoError(t, json.Unmarshal([]byte(state.raw), &snap))
	srv.Reset()
	require.NoError(t, srv.Import(snap))
	assert.JSONEq(t, state.raw, front(t, srv, "GET", "/_fake/state?secrets=true", "").raw, "export, import, export gives the same JSON")
}

// TestConfigTypesReachTheServer: the public option types take effect.
func TestConfigTypesReachTheServer(t *testing.T) {
	t.Parallel()
	other := fake.Tenant{DomainID: "acc2", ProjectID: "0123456789abcdef0123456789abcdef", Token: "t2"}
	srv := fake.NewTest(t, fake.WithTenants(other), fake.WithPublicServices(fake.PublicService{Name: "com.example.svc", Type: "interface"}))
	assert.ElementsMatch(t, []fake.Tenant{fake.DefaultTenant, other}, srv.Tenants())
	p, tok, d := other.Identity()
	assert.Equal(t, []string{other.ProjectID, "t2", "acc2"}, []string{p, tok, d})
	assert.Error(t, fake.Tenant{}.Validate())
	names := []string{}
	for _, ps := range fake.DefaultPublicServices("eu-de") {
		names = append(names, ps.Name)
	}
	assert.Contains(t, names, "com.t-systems.otc.eu-de.obs")
}

// TestEndpointIsProjectURL: the deprecated name keeps working.
func TestEndpointIsProjectURL(t *testing.T) {
	t.Parallel()
	srv := fake.NewTest(t)
	assert.Equal(t, srv.ProjectURL("p1"), srv.Endpoint("p1"))
	assert.Equal(t, srv.URL+"/v1/p1/", srv.ProjectURL("p1"))
}
