package main

import (
	"bytes"
	"flag"
	"os"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// flagDoc is what a user learns about one flag: its environment variable and
// its default, in canonical form (see canonicalDefault).
type flagDoc struct{ Env, Default string }

// readmeFlagRow is a row of README's flags table: flag, environment, default.
var readmeFlagRow = regexp.MustCompile("(?m)^\\| `-([a-z-]+)` \\| `?([A-Z_]*)`? \\|([^|]*)\\|")

// firstCode is the first `code span` of a table cell.
var firstCode = regexp.MustCompile("`([^`]*)`")

// helpEnv and helpDefault read the usage text of one flag in -h.
var (
	helpEnv     = regexp.MustCompile(`\[\$([A-Z_]+)\]`)
	helpDefault = regexp.MustCompile(`\(default (.*)\)$`)
)

// TestREADMEFlagsTableMatchesHelp keeps README's flags table and the
// binary's -h in step: the same flags, each with the same environment
// variable and default, so the two cannot drift apart.
func TestREADMEFlagsTableMatchesHelp(t *testing.T) {
	t.Parallel()
	readme, err := os.ReadFile("../../README.md")
	require.NoError(t, err)
	var usage bytes.Buffer
	_, err = parse([]string{"-h"}, func(string) string { return "" }, &usage)
	require.ErrorIs(t, err, flag.ErrHelp)

	help := helpFlags(usage.String())
	require.NotEmpty(t, help, usage.String())
	assert.Equal(t, help, readmeFlags(string(readme)), "README's flags table against vpcepfake -h")
	for name, d := range help {
		assert.Equal(t, envName(name), d.Env, "-h names the environment variable of -%s", name)
	}
}

// helpFlags reads the flags of -h output: "  -name type" lines, each
// followed by indented usage lines ending in "[$ENV]" and "(default x)".
func helpFlags(usage string) map[string]flagDoc {
	flags := map[string]flagDoc{}
	var name string
	for _, line := range strings.Split(usage, "\n") {
		if rest, ok := strings.CutPrefix(line, "  -"); ok {
			name, _, _ = strings.Cut(rest, " ")
			flags[name] = flagDoc{}
			continue
		}
		if name == "" || !strings.HasPrefix(line, "    \t") {
			continue
		}
		d := flags[name]
		if m := helpEnv.FindStringSubmatch(line); m != nil {
			d.Env = m[1]
		}
		if m := helpDefault.FindStringSubmatch(line); m != nil {
			v := m[1]
			if u, err := strconv.Unquote(v); err == nil {
				v = u
			}
			d.Default = canonicalDefault(v)
		}
		flags[name] = d
	}
	return flags
}

// readmeFlags reads README's flags table. A default cell's first code span
// is the default; a cell without one ("none", "off", "the region") means
// the flag's zero value.
func readmeFlags(readme string) map[string]flagDoc {
	flags := map[string]flagDoc{}
	for _, m := range readmeFlagRow.FindAllStringSubmatch(readme, -1) {
		d := flagDoc{Env: m[2]}
		if c := firstCode.FindStringSubmatch(m[3]); c != nil {
			d.Default = canonicalDefault(c[1])
		}
		flags[m[1]] = d
	}
	return flags
}

// canonicalDefault writes a default so that equal values compare equal:
// durations in time.Duration's form ("24h" is "24h0m0s"), and zero values
// ("0", "0s", "false") as "", which is how -h shows them (not at all).
func canonicalDefault(v string) string {
	if d, err := time.ParseDuration(v); err == nil && d != 0 {
		return d.String()
	}
	switch v {
	case "0", "0s", "false":
		return ""
	}
	return v
}

func TestCanonicalDefault(t *testing.T) {
	t.Parallel()
	for in, want := range map[string]string{
		"24h": "24h0m0s", "24h0m0s": "24h0m0s", "30s": "30s", "0": "", "0s": "", "false": "",
		"": "", "eu-de": "eu-de", "127.0.0.1:8780": "127.0.0.1:8780", "10000": "10000",
	} {
		assert.Equal(t, want, canonicalDefault(in), in)
	}
}
