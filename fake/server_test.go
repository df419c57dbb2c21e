package fake_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

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
