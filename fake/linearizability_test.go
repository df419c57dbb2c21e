package fake_test

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/anishathalye/porcupine"
	"github.com/benbjohnson/clock"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/fake"
	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// svcInput is one operation on one service: create, get, list (by id),
// update (of the description) or delete.
type svcInput struct {
	op, id, desc string
}

// svcOutput is what the client saw: HTTP status, error code, and for a
// service in the answer its id, status and description (list: found
// tells whether the page held it).
type svcOutput struct {
	status                int
	code, id, state, desc string
	found                 bool
}

// svcPhase is a service's place in its life as the model sees it.
type svcPhase int

const (
	phaseAbsent svcPhase = iota
	phaseAvailable
	phaseDeleting
	phaseGone
)

// svcState is the model of one service: a register (its description) with
// the create/delete life of docs/vpcep-api.md §4.1.
type svcState struct {
	phase svcPhase
	desc  string
}

// serviceModel is the API's contract for one service, partitioned by
// service id. Delete is asynchronous: while a service is deleting, any
// operation may find the deletion completed (the clock advances behind
// the clients' backs), after which the service stays gone.
var serviceModel = porcupine.NondeterministicModel{
	Partition: func(history []porcupine.Operation) [][]porcupine.Operation {
		byID := map[string][]porcupine.Operation{}
		var ids []string
		for _, op := range history {
			id := op.Input.(svcInput).id
			if id == "" {
				id = op.Output.(svcOutput).id
			}
			if byID[id] == nil {
				ids = append(ids, id)
			}
			byID[id] = append(byID[id], op)
		}
		out := make([][]porcupine.Operation, len(ids))
		for i, id := range ids {
			out[i] = byID[id]
		}
		return out
	},
	Init: func() []any { return []any{svcState{}} },
	Step: func(state, input, output any) []any {
		s, in, out := state.(svcState), input.(svcInput), output.(svcOutput)
		var next []any
		for _, cand := range []svcState{s, {phase: phaseGone}} {
			if cand.phase == phaseGone && s.phase != phaseDeleting && s.phase != phaseGone {
				continue
			}
			if n, ok := stepService(cand, in, out); ok {
				next = append(next, n)
			}
		}
		return next
	},
	DescribeOperation: func(input, output any) string {
		return fmt.Sprintf("%+v -> %+v", input, output)
	},
}

// stepService applies in to s and reports whether out is the answer the
// API documents for it.
func stepService(s svcState, in svcInput, out svcOutput) (svcState, bool) {
	notFound := out.status == http.StatusNotFound && out.code == "EndPoint.0005"
	shows := func(state string) bool {
		return out.status == http.StatusOK && out.state == state && out.desc == s.desc
	}
	switch s.phase {
	case phaseAbsent:
		return svcState{phase: phaseAvailable, desc: in.desc},
			in.op == "create" && out.status == http.StatusOK && out.state == "creating" && out.desc == in.desc
	case phaseAvailable:
		switch in.op {
		case "get":
			return s, shows("available")
		case "list":
			return s, shows("available") && out.found
		case "update":
			return svcState{phase: phaseAvailable, desc: in.desc},
				out.status == http.StatusOK && out.state == "available" && out.desc == in.desc
		case "delete":
			return svcState{phase: phaseDeleting, desc: s.desc}, out.status == http.StatusNoContent
		}
	case phaseDeleting:
		switch in.op {
		case "get":
			return s, shows("deleting")
		case "list":
			return s, shows("deleting") && out.found
		case "update":
			return s, out.status == http.StatusBadRequest && out.code == "EndPoint.3045"
		case "delete":
			return s, out.status == http.StatusNoContent
		}
	case phaseGone:
		if in.op == "list" {
			return s, out.status == http.StatusOK && !out.found
		}
		return s, notFound
	}
	return s, false
}

// linClient is one concurrent client of the linearizability test.
type linClient struct {
	srv *fake.Server
	rng *rand.Rand
}

// do runs in against the fake and returns what the client saw.
func (c *linClient) do(t *testing.T, in svcInput) svcOutput {
	var r reply
	switch in.op {
	case "create":
		r = send(t, c.srv, fake.DefaultTenant, http.MethodPost, servicesPath(fake.DefaultTenant, ""),
			createBody("description", fmt.Sprintf("%q", in.desc)))
	case "get":
		r = send(t, c.srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "/"+in.id), nil)
	case "list":
		r = send(t, c.srv, fake.DefaultTenant, http.MethodGet, servicesPath(fake.DefaultTenant, "?id="+in.id), nil)
	case "update":
		r = send(t, c.srv, fake.DefaultTenant, http.MethodPut, servicesPath(fake.DefaultTenant, "/"+in.id),
			map[string]string{"description": in.desc})
	case "delete":
		r = send(t, c.srv, fake.DefaultTenant, http.MethodDelete, servicesPath(fake.DefaultTenant, "/"+in.id), nil)
	}
	out := svcOutput{status: r.Status}
	var s api.Service
	switch {
	case r.Status >= 400:
		out.code = r.code(t)
	case in.op == "list":
		var l api.ServiceList
		r.into(t, &l)
		if out.found = len(l.Services) == 1; out.found {
			s = l.Services[0]
		}
	case r.Status == http.StatusOK:
		require.NoError(t, json.Unmarshal(r.Body, &s))
	}
	out.id, out.state, out.desc = s.ID, s.Status, s.Description
	return out
}

// TestLinearizable runs concurrent clients doing random operations on
// shared services while the clock moves deletions forward, and checks
// the history against serviceModel with porcupine.
func TestLinearizable(t *testing.T) {
	t.Parallel()
	const clients, opsPerClient = 8, 120
	mock := clock.NewMock()
	srv := fake.NewTest(t, fake.WithClock(mock), fake.WithDelays(fake.Delays{ServiceDelete: time.Minute}),
		fake.WithQuotas(fake.Quotas{Services: clients * opsPerClient, Endpoints: 1}))
	var (
		mu      sync.Mutex
		ids     []string
		history []porcupine.Operation
		wg      sync.WaitGroup
	)
	start := time.Now()
	for ci := range clients {
		wg.Add(1)
		go func() {
			defer wg.Done()
			c := &linClient{srv: srv, rng: rand.New(rand.NewPCG(uint64(ci), 42))}
			for i := range opsPerClient {
				mu.Lock()
				in := svcInput{op: "create", desc: fmt.Sprintf("c%d-%d", ci, i)}
				if n := len(ids); n > 0 && c.rng.IntN(5) > 0 {
					in.id = ids[c.rng.IntN(n)]
					in.op = []string{"get", "get", "list", "update", "update", "delete"}[c.rng.IntN(6)]
				}
				mu.Unlock()
				if i%30 == 29 {
					mock.Add(time.Hour) // completes every pending deletion at the next request
				}
				call := time.Since(start).Nanoseconds()
				out := c.do(t, in)
				ret := time.Since(start).Nanoseconds()
				mu.Lock()
				history = append(history, porcupine.Operation{ClientId: ci, Input: in, Call: call, Output: out, Return: ret})
				if in.op == "create" && out.id != "" {
					ids = append(ids, out.id)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	seen := map[int]bool{}
	for _, op := range history {
		seen[op.Output.(svcOutput).status] = true
	}
	require.True(t, seen[http.StatusNotFound] && seen[http.StatusBadRequest],
		"the run never saw a deletion complete and an update refused while deleting")
	res := porcupine.CheckOperationsTimeout(serviceModel.ToModel(), history, 5*time.Second)
	require.Equal(t, porcupine.Ok, res, "history of %d operations is not linearizable", len(history))
}
