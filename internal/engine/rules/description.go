package rules

import (
	"strings"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// maxDescriptionLen is the longest description, in characters (docs/vpcep-api.md §3.3).
const maxDescriptionLen = 128

// Description checks the description of a service, an endpoint, a
// whitelist record or a connection: at most 128 characters, no angle
// brackets. No specific code is documented; EndPoint.0002 applies.
func Description(d string) *api.Error {
	if utf8.RuneCountInString(d) > maxDescriptionLen || strings.ContainsAny(d, "<>") || !utf8.ValidString(d) {
		return api.E0002
	}
	return nil
}
