package fake

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestLoneSurrogate(t *testing.T) {
	t.Parallel()
	for body, lone := range map[string]bool{
		`{"description":"\ud800"}`:               true,
		`{"description":"a\uD800b"}`:             true,
		`{"description":"\udc00"}`:               true,
		`{"description":"\ud800\u0041"}`:         true,
		`{"description":"\ud800\n"}`:             true,
		`{"description":"\ud800`:                 true,
		`{"description":"\ud83d\ude00"}`:         false, // a pair: U+1F600
		`{"description":"\\ud800"}`:              false, // an escaped backslash, then text
		`{"description":"\\\ud83d\ude00"}`:       false,
		`{"description":"\u00e9\"\ud7ff\ue000"}`: false,
		`{"description":"\u12"}`:                 false, // malformed: json's own error
	} {
		assert.Equal(t, lone, loneSurrogate([]byte(body)), body)
	}
}
