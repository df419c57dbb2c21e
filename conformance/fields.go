package conformance

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
)

// Fields maps a path in a JSON response to what must be there. A path is
// dot-separated keys, where "key[]" means every element of the array key
// ("endpoint_services[].id"). The want is a kind: "string", "number",
// "bool", "array", "object", "time" (a string in the documented
// 2006-01-02T15:04:05Z form), "uuid" or "absent"; or "=text" for an exact
// value (a string, true/false, or a number written as an integer), after
// the suite's {placeholders} are filled in.
type Fields map[string]string

// with returns the union of f and more; more wins on equal paths.
func (f Fields) with(more Fields) Fields {
	out := make(Fields, len(f)+len(more))
	for k, v := range f {
		out[k] = v
	}
	for k, v := range more {
		out[k] = v
	}
	return out
}

var (
	timeRE = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$`)
	uuidRE = regexp.MustCompile(`^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`)
)

// checkFields returns one message per field of want that body breaks,
// sorted; expand fills placeholders in "=text" wants.
func checkFields(body map[string]any, want Fields, expand func(string) string) []string {
	var bad []string
	for path, kind := range want {
		for _, v := range lookup(body, strings.Split(path, ".")) {
			if msg := checkKind(v, kind, expand); msg != "" {
				bad = append(bad, path+": "+msg)
			}
		}
	}
	sort.Strings(bad)
	return bad
}

// found is a value reached by lookup, with whether it was present.
type found struct {
	v  any
	ok bool
}

// lookup follows keys through obj; "k[]" fans out over an array's elements
// (an empty array yields nothing to check).
func lookup(obj any, keys []string) []found {
	if len(keys) == 0 {
		return []found{{obj, true}}
	}
	m, ok := obj.(map[string]any)
	if !ok {
		return []found{{nil, false}}
	}
	k, each := strings.CutSuffix(keys[0], "[]")
	v, ok := m[k]
	if !ok {
		return []found{{nil, false}}
	}
	if !each {
		return lookup(v, keys[1:])
	}
	arr, ok := v.([]any)
	if !ok {
		return []found{{v, true}}
	}
	var out []found
	for _, e := range arr {
		out = append(out, lookup(e, keys[1:])...)
	}
	return out
}

// checkKind returns what is wrong with f for kind, or "".
func checkKind(f found, kind string, expand func(string) string) string {
	if kind == "absent" {
		if f.ok {
			return fmt.Sprintf("want absent, got %v", f.v)
		}
		return ""
	}
	if !f.ok {
		return "missing, want " + kind
	}
	if lit, ok := strings.CutPrefix(kind, "="); ok {
		if got := literal(f.v); got != expand(lit) {
			return fmt.Sprintf("got %v, want %q", f.v, expand(lit))
		}
		return ""
	}
	var good bool
	switch kind {
	case "string":
		_, good = f.v.(string)
	case "number":
		_, good = f.v.(float64)
	case "bool":
		_, good = f.v.(bool)
	case "array":
		_, good = f.v.([]any)
	case "object":
		_, good = f.v.(map[string]any)
	case "time":
		s, _ := f.v.(string)
		good = timeRE.MatchString(s)
	case "uuid":
		s, _ := f.v.(string)
		good = uuidRE.MatchString(s)
	default:
		return "unknown kind " + kind
	}
	if !good {
		return fmt.Sprintf("got %T %v, want %s", f.v, f.v, kind)
	}
	return ""
}

// literal renders a JSON scalar for an "=text" comparison: strings as
// they are, booleans as true/false, numbers as integers or decimals.
// Arrays and objects never equal a literal.
func literal(v any) string {
	switch x := v.(type) {
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return strconv.FormatFloat(x, 'f', -1, 64)
	}
	return "\x00"
}

// topArrays counts the arrays at the top level of a JSON object.
func topArrays(body map[string]any) int {
	n := 0
	for _, v := range body {
		if _, ok := v.([]any); ok {
			n++
		}
	}
	return n
}
