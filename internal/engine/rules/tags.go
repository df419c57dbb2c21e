package rules

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Tag rules of the newest OTC page (2025-11-17, docs/vpcep-api.md §2.2): keys of 1-128
// characters, values of 0-255, at most 20 tags per resource.
const (
	MaxTags        = 20
	MaxTagKeyLen   = 128
	MaxTagValueLen = 255
)

// Tags applies the tag rules to a request's tag list: at most 20 tags
// (EndPoint.3069), each valid, no key twice (3067). out[i] is in[i] in wire
// form; a missing value is the empty value unless needValue, when it is
// EndPoint.0002 (a mandatory field without a more specific code: the tag
// action's create).
func Tags(in []api.TagRequest, needValue bool) ([]api.Tag, *api.Error) {
	if len(in) > MaxTags {
		return nil, api.E3069
	}
	out := make([]api.Tag, 0, len(in))
	seen := make(map[string]bool, len(in))
	for _, t := range in {
		var key, value string
		if t.Key != nil {
			key = *t.Key
		}
		if t.Value != nil {
			value = *t.Value
		} else if needValue {
			return nil, api.E0002
		}
		if err := tag(key, value); err != nil {
			return nil, err
		}
		if seen[key] {
			return nil, api.E3067
		}
		seen[key] = true
		out = append(out, api.Tag{Key: key, Value: value})
	}
	return out, nil
}

// tag applies the per-tag rules, each with its documented code.
func tag(key, value string) *api.Error {
	switch {
	case key == "":
		return api.E3066
	case utf8.RuneCountInString(key) > MaxTagKeyLen:
		return api.E3072
	case utf8.RuneCountInString(value) > MaxTagValueLen:
		return api.E3073
	case !tagChars(key, "_.:=+-@") || key[0] == ' ' || key[len(key)-1] == ' ' || strings.HasPrefix(key, "_sys_"):
		return api.E3068
	case !tagChars(value, "_.:/=+-@"):
		return api.E3068
	}
	return nil
}

// tagChars reports whether s holds only letters, digits, spaces and the
// given punctuation.
func tagChars(s, punct string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != ' ' && !strings.ContainsRune(punct, r) {
			return false
		}
	}
	return utf8.ValidString(s)
}
