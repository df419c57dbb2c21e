package scenario_test

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/scenario"
)

// TestUnknownOpListsTheOperations: a typo in an operation id, in Go or in
// a scenario file, is an error that names every valid id.
func TestUnknownOpListsTheOperations(t *testing.T) {
	t.Parallel()
	for name, load := range map[string]func() error{
		"Go rule": func() error {
			return scenario.New().Add(scenario.Rule{Match: scenario.Match{Op: "GetService"}, Effect: scenario.Fail(scenario.ErrEndPoint0001)})
		},
		"JSON file": func() error {
			_, err := scenario.Load(strings.NewReader(`{"rules":[{"match":{"op":"GetService"},"effect":{"code":"EndPoint.0001"}}]}`))
			return err
		},
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			err := load()
			require.Error(t, err)
			assert.ErrorContains(t, err, `unknown operation "GetService"`)
			for _, op := range []string{scenario.OpListServiceDetails, scenario.OpCreateEndpoint, scenario.OpUpdateEndpointWhite, scenario.OpListVersionDetails} {
				assert.ErrorContains(t, err, op)
			}
		})
	}
}

// TestGeneratedConstantsAreAccepted: every generated id and code works in
// a rule.
func TestGeneratedConstantsAreAccepted(t *testing.T) {
	t.Parallel()
	for _, op := range []string{scenario.OpListServiceDetails, scenario.OpUpdateEndpointRoutetable, scenario.OpDeleteEndpointPolicy} {
		for _, code := range []string{scenario.ErrEndPoint3043, scenario.ErrEndpoint1018, scenario.ErrEndPoint0001} {
			assert.NoError(t, scenario.New().Add(scenario.Rule{Match: scenario.Match{Op: op}, Effect: scenario.Fail(code)}), op+" "+code)
		}
	}
}
