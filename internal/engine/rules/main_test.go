package rules

import (
	"testing"

	"go.uber.org/goleak"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// TestMain fails the package when a test leaves a goroutine behind.
func TestMain(m *testing.M) { goleak.VerifyTestMain(m) }

// The request builders of the tests.

const (
	uuidA = "0b9c5a43-2c3e-4a43-9a33-6f2a2e5a3b01"
	uuidB = "2d7e7c65-4e5a-4c65-9c55-8a4c4a7c5d03"
)

func ptr[T any](v T) *T { return &v }

// port is a mapping from client to server over protocol (nil: absent).
func port(client, server int, protocol *string) api.PortMappingRequest {
	return api.PortMappingRequest{ClientPort: &client, ServerPort: &server, Protocol: protocol}
}

// ports returns n valid mappings with distinct client ports.
func ports(n int) []api.PortMappingRequest {
	out := make([]api.PortMappingRequest, n)
	for i := range out {
		out[i] = port(i+1, 80, nil)
	}
	return out
}

// tagReq is a tag with a value.
func tagReq(key, value string) api.TagRequest { return api.TagRequest{Key: &key, Value: &value} }

// tagReqs returns n valid tags with distinct keys.
func tagReqs(n int) []api.TagRequest {
	out := make([]api.TagRequest, n)
	for i := range out {
		out[i] = tagReq("k"+string(rune('a'+i)), "v")
	}
	return out
}
