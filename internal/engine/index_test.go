package engine

import (
	"cmp"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"
	"time"

	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// TestIndexesAfterRandomOperations drives engines through random creates,
// updates, renames, tag changes, accepts, rejects, deletes, lazy
// transitions on the clock, and resets and imports of their own
// snapshots, and after every step checks every index against a full scan
// and every list against a plain filter-and-sort of all resources.
func TestIndexesAfterRandomOperations(t *testing.T) {
	t.Parallel()
	for seed := range uint64(8) {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			t.Parallel()
			w := newIndexWorld(seed)
			for step := range 400 {
				w.step()
				require.NoError(t, w.e.checkIndexes(), "seed %d step %d", seed, step)
				w.compareLists(t)
			}
			require.Positive(t, w.ok, "some operations succeed")
		})
	}
}

var (
	ixTenants = []Tenant{{DomainID: "d1", ProjectID: "p1", Token: "t1"}, {DomainID: "d2", ProjectID: "p2", Token: "t2"}}
	ixVPCs    = []string{"0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01", "1b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01"}
	ixSubnet  = "2b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01"
	ixKeys    = []string{"env", "team", "owner"}
	ixValues  = []string{"a", "b", "c", ""}
	ixNames   = []string{"alpha", "Beta", "gamma", "ALPHABET", ""}
)

type indexWorld struct {
	e   *Engine
	clk *clock.Mock
	rnd *rand.Rand
	ok  int
}

func newIndexWorld(seed uint64) *indexWorld {
	clk := clock.NewMock()
	d := func(max int) time.Duration { return time.Duration(int(seed)%max) * time.Second }
	e := New(Config{Clock: clk, Seed: seed + 1, Quotas: Quotas{Services: 1000, Endpoints: 1000},
		Delays: Delays{ServiceCreate: d(3), ServiceDelete: d(2), EndpointCreate: d(4), EndpointAccept: d(2), EndpointReject: d(3), EndpointDelete: d(2)}})
	for _, t := range ixTenants {
		if err := e.AddTenant(t); err != nil {
			panic(err)
		}
	}
	return &indexWorld{e: e, clk: clk, rnd: rand.New(rand.NewPCG(seed, 42))}
}

func (w *indexWorld) pick(xs []string) string { return xs[w.rnd.IntN(len(xs))] }

func (w *indexWorld) tags() []api.TagRequest {
	var out []api.TagRequest
	for _, k := range ixKeys {
		if w.rnd.IntN(2) == 0 {
			out = append(out, api.TagRequest{Key: ptr(k), Value: ptr(w.pick(ixValues))})
		}
	}
	return out
}

// ids returns the ids of the tenant's services or endpoints.
func (w *indexWorld) ids(t Tenant, services bool) []string {
	w.e.lock()
	defer w.e.mu.Unlock()
	var out []string
	if services {
		for id, s := range w.e.services {
			if s.view.ProjectID == t.ProjectID {
				out = append(out, id)
			}
		}
	} else {
		for id, ep := range w.e.eps {
			if ep.view.ProjectID == t.ProjectID {
				out = append(out, id)
			}
		}
	}
	slices.Sort(out)
	return out
}

func (w *indexWorld) step() {
	e, t := w.e, ixTenants[w.rnd.IntN(len(ixTenants))]
	svc, ep := w.pick(append(w.ids(t, true), "none")), w.pick(append(w.ids(t, false), "none"))
	var err *api.Error
	switch w.rnd.IntN(15) {
	case 0, 1, 2:
		port := fmt.Sprintf("3b9c5a43-2c3e-4a43-9a33-%012d", w.rnd.IntN(1<<20))
		one := 80
		_, err = e.CreateService(t, &api.CreateServiceRequest{PortID: &port, VpcID: ptr(w.pick(ixVPCs)), ServerType: ptr("VM"),
			Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}, ServiceName: ptr(w.pick(ixNames)),
			ApprovalEnabled: ptr(w.rnd.IntN(2) == 0), Tags: w.tags()})
	case 3:
		_, err = e.UpdateService(t, svc, &api.UpdateServiceRequest{ServiceName: ptr(w.pick(ixNames)), Description: ptr("d")})
	case 4:
		_, err = e.RenameService(t, svc, &api.RenameServiceRequest{EndpointServiceName: ptr(w.pick(ixNames))})
	case 5:
		err = e.DeleteService(t, svc)
	case 6, 7:
		target := w.pick(append(w.ids(ixTenants[w.rnd.IntN(2)], true), svc))
		_, err = e.CreateEndpoint(t, &api.CreateEndpointRequest{EndpointServiceID: &target, VpcID: ptr(w.pick(ixVPCs)),
			SubnetID: &ixSubnet, Tags: w.tags()})
	case 8:
		err = e.DeleteEndpoint(t, ep)
	case 9:
		action := w.pick([]string{"receive", "reject"})
		for _, c := range w.connections(t, svc) {
			_, err = e.ConnectionAction(t, svc, &api.ConnectionActionRequest{Action: &action, Endpoints: []string{c}})
		}
	case 10:
		typ, id := "endpoint_service", svc
		if w.rnd.IntN(2) == 0 {
			typ, id = "endpoint", ep
		}
		err = e.TagAction(t, typ, id, &api.TagActionRequest{Action: ptr(w.pick([]string{"create", "delete"})), Tags: w.tags()})
	case 11:
		w.clk.Add(time.Duration(w.rnd.IntN(3)) * time.Second)
		_, err = e.GetService(t, svc)
	case 12:
		if w.rnd.IntN(4) == 0 {
			if e.Reset(e.Export()) != nil {
				panic("reset of an export failed")
			}
		}
	case 13:
		if w.rnd.IntN(4) == 0 {
			if e.Import(e.Export()) != nil {
				panic("import of an export failed")
			}
		}
	case 14:
		_, err = e.UpdateEndpointWhite(t, ep, &api.UpdateEndpointWhiteRequest{EnableWhitelist: ptr(w.rnd.IntN(2) == 0)})
	}
	if err == nil {
		w.ok++
	}
}

// connections returns the ids of the connections of the tenant's service.
func (w *indexWorld) connections(t Tenant, svc string) []string {
	l, err := w.e.ListConnections(t, svc, api.ConnectionQuery{Page: api.Page{Limit: "1000"}})
	if err != nil {
		return nil
	}
	var out []string
	for _, c := range l.Connections {
		out = append(out, c.ID)
	}
	return out
}

// compareLists runs random list queries and compares them with the same
// filter and order applied to a full scan.
func (w *indexWorld) compareLists(t *testing.T) {
	t.Helper()
	e, tn := w.e, ixTenants[w.rnd.IntN(len(ixTenants))]
	pq := api.Page{Limit: w.pick([]string{"", "1", "3", "1000"}), Offset: w.pick([]string{"", "0", "1", "2"}),
		SortKey: w.pick([]string{"", "updated_at"}), SortDir: w.pick([]string{"", "asc"})}
	lq, lerr := ParseListQuery(pq, 1000)
	require.Nil(t, lerr)
	svcs, eps := w.ids(tn, true), w.ids(tn, false)
	sq := api.ServiceQuery{Page: pq, Name: w.pick(ixNames), Status: w.pick([]string{"", statusAvailable, statusCreating, statusDeleting, statusFailed}),
		ID: w.pick(append(svcs, "", ""))}
	got, err := e.ListServices(tn, sq)
	require.Nil(t, err)
	want, total := scanPage(w, lq, func(s *service) bool {
		return s.view.ProjectID == tn.ProjectID && s.public == nil && (sq.ID == "" || s.view.ID == sq.ID) &&
			(sq.Status == "" || s.view.Status == sq.Status) && fuzzy(s.view.ServiceName, sq.Name)
	}, func(e *Engine) map[string]*service { return e.services })
	require.Equal(t, total, got.TotalCount, "services %+v", sq)
	require.Equal(t, want, idsOf(got.Services, func(s api.Service) string { return s.ID }), "services %+v", sq)

	eq := api.EndpointQuery{Page: pq, Name: w.pick(ixNames), VpcID: w.pick(append(ixVPCs, "", "")), ID: w.pick(append(eps, "", ""))}
	gotE, err := e.ListEndpoints(tn, eq)
	require.Nil(t, err)
	want, total = scanPage(w, lq, func(ep *endpoint) bool {
		return ep.view.ProjectID == tn.ProjectID && (eq.ID == "" || ep.view.ID == eq.ID) &&
			(eq.VpcID == "" || ep.view.VpcID == eq.VpcID) && fuzzy(ep.view.EndpointServiceName, eq.Name)
	}, func(e *Engine) map[string]*endpoint { return e.eps })
	require.Equal(t, total, gotE.TotalCount, "endpoints %+v", eq)
	require.Equal(t, want, idsOf(gotE.Endpoints, func(ep api.Endpoint) string { return ep.ID }), "endpoints %+v", eq)

	if len(svcs) > 0 {
		svc := w.pick(svcs)
		cq := api.ConnectionQuery{Page: pq, Status: w.pick([]string{"", statusAccepted, statusPendingAcceptance, statusRejected}),
			ID: w.pick(append(eps, "", ""))}
		gotC, err := e.ListConnections(tn, svc, cq)
		require.Nil(t, err)
		want, total = scanPage(w, lq, func(ep *endpoint) bool {
			return ep.svc.view.ID == svc && (cq.ID == "" || ep.view.ID == cq.ID) && (cq.Status == "" || ep.view.Status == cq.Status)
		}, func(e *Engine) map[string]*endpoint { return e.eps })
		require.Equal(t, total, gotC.TotalCount, "connections %+v", cq)
		require.Equal(t, want, idsOf(gotC.Connections, func(c api.Connection) string { return c.ID }), "connections %+v", cq)
	}

	tq := &api.ResourceQueryRequest{Action: ptr("filter"), Limit: ptr(w.pick([]string{"1", "2", "1000"}))}
	for _, l := range []*[]api.TagFilter{&tq.Tags, &tq.TagsAny, &tq.NotTags, &tq.NotTagsAny} {
		if w.rnd.IntN(3) == 0 {
			*l = []api.TagFilter{{Key: ptr(w.pick(ixKeys)), Values: []string{w.pick(ixValues)}[:w.rnd.IntN(2)]}}
		}
	}
	parsed, perr := parseTagQuery(tq)
	require.Nil(t, perr)
	res, err := e.ListResourceInstances(tn, "endpoint_service", tq)
	require.Nil(t, err)
	gotT := res.(api.ResourceList)
	want, total = scanPage(w, parsed.page, func(s *service) bool {
		return s.view.ProjectID == tn.ProjectID && s.public == nil && parsed.match(s.view.ServiceName, s.view.Tags)
	}, func(e *Engine) map[string]*service { return e.services })
	require.Equal(t, total, gotT.TotalCount, "tag query %+v", parsed)
	require.Equal(t, want, idsOf(gotT.Resources, func(r api.TaggedResource) string { return r.ResourceID }), "tag query %+v", parsed)
}

// scanPage is the reference list: every resource of all that match, in
// creation order, paged as q says by the slice pager.
func scanPage[T recorded](w *indexWorld, q ListQuery, match func(T) bool, all func(*Engine) map[string]T) ([]string, int) {
	w.e.lock()
	defer w.e.mu.Unlock()
	var sel []T
	for _, it := range all(w.e) {
		if match(it) {
			sel = append(sel, it)
		}
	}
	slices.SortFunc(sel, func(a, b T) int { return cmp.Compare(a.rec().seq, b.rec().seq) })
	items, total := page(sel, func(it T) *record { return it.rec() }, nil, q)
	return idsOf(items, func(it T) string { return it.rec().id }), total
}

func idsOf[T any](items []T, id func(T) string) []string {
	out := []string{}
	for _, it := range items {
		out = append(out, id(it))
	}
	return out
}

// sort_key=updated_at orders by updated_at on the whole clock range the
// fake accepts (to year 9999), not only where nanoseconds since 1970 fit
// an int64 (1678 to 2262).
func TestUpdatedOrderPastYear2262(t *testing.T) {
	t.Parallel()
	clk := clock.NewMock()
	clk.Set(time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC))
	e := New(Config{Clock: clk})
	require.NoError(t, e.AddTenant(gwTenant))
	var ids []string
	for i, year := range []int{2100, 2300, 3000} {
		clk.Set(time.Date(year, 1, 1, 0, 0, 0, 0, time.UTC))
		one := 80 + i
		s, err := e.CreateService(gwTenant, &api.CreateServiceRequest{PortID: ptr(gwPort), VpcID: ptr(gwVPC), ServerType: ptr("VM"),
			Ports: []api.PortMappingRequest{{ClientPort: &one, ServerPort: &one}}})
		require.Nil(t, err)
		ids = append(ids, s.ID)
	}
	for _, q := range []api.ServiceQuery{{}, {Status: statusAvailable}} {
		q.Page = api.Page{SortKey: "updated_at", SortDir: "asc"}
		l, err := e.ListServices(gwTenant, q)
		require.Nil(t, err)
		require.Equal(t, ids, idsOf(l.Services, func(s api.Service) string { return s.ID }), "status %q", q.Status)
	}
}
