package engine

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// Tag rules of the newest OTC page (2025-11-17, docs/vpcep-api.md §2.2): keys of 1-128
// characters, values of 0-255, at most 20 tags per resource.
const (
	maxTags        = 20
	maxTagKeyLen   = 128
	maxTagValueLen = 255
)

// validTags checks tags as sent in a create body and returns them in wire
// form. A missing value is the empty value.
func validTags(in []api.TagRequest) ([]api.Tag, *api.Error) {
	return checkTags(in, false)
}

// checkTags applies the tag rules to a request's tag list: at most 20
// tags, each valid, no key twice. out[i] is in[i] in wire form; a missing
// value is the empty value unless needValue, when it is EndPoint.0002 (a
// mandatory field without a more specific code: the tag action's create).
func checkTags(in []api.TagRequest, needValue bool) ([]api.Tag, *api.Error) {
	if len(in) > maxTags {
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
		if err := validTag(key, value); err != nil {
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

// validTag applies the per-tag rules, each with its documented code.
func validTag(key, value string) *api.Error {
	switch {
	case key == "":
		return api.E3066
	case utf8.RuneCountInString(key) > maxTagKeyLen:
		return api.E3072
	case utf8.RuneCountInString(value) > maxTagValueLen:
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
