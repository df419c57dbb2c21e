package scenario_test

import (
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// recordingTB is a testing.TB that keeps its errors and cleanups instead
// of failing the real test.
type recordingTB struct {
	testing.TB
	errors   []string
	cleanups []func()
}

func (r *recordingTB) Helper() {}
func (r *recordingTB) Errorf(format string, a ...any) {
	r.errors = append(r.errors, fmt.Sprintf(format, a...))
}
func (r *recordingTB) Cleanup(f func()) { r.cleanups = append(r.cleanups, f) }

// end runs the cleanups as testing does, last first.
func (r *recordingTB) end() {
	for i := len(r.cleanups) - 1; i >= 0; i-- {
		r.cleanups[i]()
	}
}

func TestVerify(t *testing.T) {
	t.Parallel()
	scn := scenario.New().
		Named(scenario.ServiceCreate, "never-created", scenario.Held()).
		Named(scenario.ServiceCreate, "used", scenario.Held()).
		Next(scenario.ServiceDelete, scenario.Held())
	require.NoError(t, scn.Add(
		scenario.Rule{Name: "fired", Match: scenario.Match{Op: scenario.OpListEndpointService}, Effect: scenario.Fail("EndPoint.0001")},
		scenario.Rule{Name: "too late", Match: scenario.Match{Op: scenario.OpListEndpointService}, Trigger: scenario.Nth(5), Effect: scenario.Fail("EndPoint.0001")},
		scenario.Rule{Name: "unmatched", Match: scenario.Match{Op: scenario.OpDeleteEndpointService}, Effect: scenario.Fail("EndPoint.0001")},
	))
	e := newEnv(t, scn)
	e.create("used")
	e.do(http.MethodGet, "vpc-endpoint-services", nil)

	tb := &recordingTB{}
	scenario.Verify(tb, scn)
	assert.Empty(t, tb.errors, "Verify reports at the end of the test only")
	tb.end()
	assert.Equal(t, []string{
		`scenario: rule "too late" never fired: no request that matched it (op ListEndpointService) reached it`,
		`scenario: rule "unmatched" never fired: no request that matched it (op DeleteEndpointService) reached it`,
		`scenario: Named plan for service.create of "never-created" never applied: no service.create of a resource with that id or name started`,
		`scenario: Next plan for service.delete never consumed: 1 queued plan(s) left`,
	}, tb.errors)
	assert.Len(t, scn.Unused(), 4)
}

func TestVerifyPasses(t *testing.T) {
	t.Parallel()
	scn := scenario.New().Next(scenario.ServiceCreate, scenario.Held())
	require.NoError(t, scn.Add(scenario.Rule{Match: scenario.Match{Op: scenario.OpCreateEndpointService}, Effect: scenario.Delay(time.Second)}))
	scenario.Verify(t, scn) // the real test: fails if anything below is not used
	tb := &recordingTB{}
	e := newEnv(t, scn)
	done := make(chan struct{})
	go func() { e.create("x"); close(done) }()
	scn.AwaitBlocked(1)
	e.mock.Add(time.Second)
	<-done
	scn.AssertUsed(tb)
	assert.Empty(t, tb.errors)
}
