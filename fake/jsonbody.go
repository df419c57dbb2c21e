package fake

import (
	"strconv"
	"strings"
	"sync"

	"github.com/seed42eb3344/vpcepfake/internal/api"
)

// The hot request bodies (create and update service, create endpoint) are
// decoded by hand: encoding/json's reflection was a fifth of a create. The
// decoder gives what json.Unmarshal gives, checked by a differential test
// and a fuzz target (jsonbody_test.go): keys match case-insensitively, the
// last of a repeated key wins (an array decodes into the elements already
// there), null leaves a pointer or slice nil, [] gives an empty non-nil
// slice, unknown fields are skipped, and a value of the wrong type is
// skipped and reported as the earliest type error with its field path
// ("ports.client_port"), unless the body is malformed anywhere. One rule
// is stricter: a \u escape of a lone UTF-16 surrogate, which encoding/json
// turns into U+FFFD, makes the body malformed, as invalid UTF-8 does.

// maxDepth is encoding/json's nesting limit.
const maxDepth = 10000

// bodyDecoder walks one JSON body.
type bodyDecoder struct {
	b         []byte
	i         int
	bad       bool     // malformed JSON or a lone surrogate
	typeField string   // field path of the earliest type error
	typeErr   bool     // a type error was seen
	path      []string // field names from the top object to the current value
	buf       []byte   // scratch for unescaping
	depth     int      // containers open
	pathBuf   [8]string
	strs      []string // slabs the decoded pointers point into, so a
	ints      []int    // body's pointers take a few allocations, not one
	bools     []bool   // each
}

// decoders recycles decoders. The slabs are not recycled: the decoded
// request points into them.
var decoders = sync.Pool{New: func() any { return new(bodyDecoder) }}

// firstSlab is how many values of a kind the first slab of a body holds:
// a create body has about seven strings and two integers. Each further
// slab is twice the size of the one before, so a body with many ports
// takes O(log n) slabs.
const firstSlab = 8

// slabValue stores v in the slab and returns its address; a full slab is
// replaced by a bigger one (the old stays where its pointers keep it).
func slabValue[T any](slab *[]T, v T) *T {
	if len(*slab) == cap(*slab) {
		*slab = make([]T, 0, max(firstSlab, 2*cap(*slab)))
	}
	*slab = append(*slab, v)
	return &(*slab)[len(*slab)-1]
}

func (d *bodyDecoder) newString(s string) *string { return slabValue(&d.strs, s) }

func (d *bodyDecoder) newInt(n int) *int { return slabValue(&d.ints, n) }

func (d *bodyDecoder) newBool(b bool) *bool { return slabValue(&d.bools, b) }

// decodeBody decodes body into v with fields, or returns the documented
// error as decode does.
func decodeBody[T any](body []byte, v *T, fields *fieldTable[T], fieldCodes map[string]*api.Error) *api.Error {
	if !bodyIsObject(body) {
		return api.E0002
	}
	d := decoders.Get().(*bodyDecoder)
	*d = bodyDecoder{b: body, buf: d.buf[:0]}
	d.path = d.pathBuf[:0]
	defer func() {
		*d = bodyDecoder{buf: d.buf[:0]}
		decoders.Put(d)
	}()
	if d.peek() != '{' {
		return api.E0002
	}
	decodeObject(d, v, fields)
	d.ws()
	if d.i != len(d.b) {
		d.bad = true
	}
	switch {
	case d.bad:
		return api.E0002
	case d.typeErr:
		if code, ok := fieldCodes[d.typeField]; ok {
			return code
		}
		return api.E0002
	}
	return nil
}

// fieldTable lists a struct's JSON fields: names[i] is decoded by set[i].
type fieldTable[T any] struct {
	names []string
	set   []func(d *bodyDecoder, v *T)
}

// lookup returns the field named key: an exact match, else one equal under
// case folding (as encoding/json); -1 for none.
func (f *fieldTable[T]) lookup(key []byte) int {
	for i, n := range f.names {
		if string(key) == n {
			return i
		}
	}
	for i, n := range f.names {
		if strings.EqualFold(string(key), n) {
			return i
		}
	}
	return -1
}

// typeError records a value of the wrong type at the current path and
// skips it.
func (d *bodyDecoder) typeError() {
	if !d.typeErr {
		d.typeErr, d.typeField = true, strings.Join(d.path, ".")
	}
	d.skip()
}

// decodeObject decodes a JSON object into v; the caller has checked that
// one starts here.
func decodeObject[T any](d *bodyDecoder, v *T, fields *fieldTable[T]) {
	d.i++ // {
	if !d.enter() {
		return
	}
	if d.peek() == '}' {
		d.i++
		d.leave()
		return
	}
	for !d.bad {
		if d.peek() != '"' {
			d.bad = true
			return
		}
		key := d.stringBytes()
		if d.bad || !d.expect(':') {
			d.bad = true
			return
		}
		if f := fields.lookup(key); f >= 0 {
			d.path = append(d.path, fields.names[f])
			fields.set[f](d, v)
			d.path = d.path[:len(d.path)-1]
		} else {
			d.skip()
		}
		switch d.peek() {
		case ',':
			d.i++
		case '}':
			d.i++
			d.leave()
			return
		default:
			d.bad = true
		}
	}
}

// decodeArray decodes a JSON array, or null, into *s as encoding/json
// does: elements decode into those already in *s, the slice ends at the
// array's length, [] is empty but not nil, null is nil. elem decodes one
// element that is not null.
func decodeArray[T any](d *bodyDecoder, s *[]T, elem func(d *bodyDecoder, e *T)) {
	switch d.peek() {
	case 'n':
		d.null()
		*s = nil
		return
	case '[':
	default:
		d.typeError()
		return
	}
	d.i++
	if !d.enter() {
		return
	}
	old := *s
	out := old[:0]
	if d.peek() == ']' {
		d.i++
		d.leave()
		*s = []T{}
		return
	}
	for n := 0; !d.bad; n++ {
		if n < len(old) {
			out = out[:n+1]
		} else {
			var zero T
			out = append(out, zero)
		}
		if d.peek() == 'n' {
			d.null()
		} else {
			elem(d, &out[n])
		}
		switch d.peek() {
		case ',':
			d.i++
		case ']':
			d.i++
			d.leave()
			*s = out
			return
		default:
			d.bad = true
		}
	}
}

// structField decodes a JSON object, or null (no change), into a struct.
func structField[T any](fields *fieldTable[T]) func(d *bodyDecoder, v *T) {
	return func(d *bodyDecoder, v *T) {
		switch d.peek() {
		case '{':
			decodeObject(d, v, fields)
		case 'n':
			d.null()
		default:
			d.typeError()
		}
	}
}

// stringPtr decodes a JSON string, or null, into *p.
func stringPtr(d *bodyDecoder, p **string) {
	switch d.peek() {
	case '"':
		*p = d.newString(d.string())
	case 'n':
		d.null()
		*p = nil
	default:
		d.typeError()
	}
}

// stringElem decodes a string element; null leaves it unchanged.
func stringElem(d *bodyDecoder, s *string) {
	if d.peek() == '"' {
		*s = d.string()
		return
	}
	d.typeError()
}

// intPtr decodes a JSON integer, or null, into *p; any other number is a
// type error, as encoding/json's strconv.ParseInt.
func intPtr(d *bodyDecoder, p **int) {
	switch c := d.peek(); {
	case c == '-' || '0' <= c && c <= '9':
		num := d.number()
		if d.bad {
			return
		}
		n, err := strconv.ParseInt(string(num), 10, 64)
		if err != nil {
			if !d.typeErr {
				d.typeErr, d.typeField = true, strings.Join(d.path, ".")
			}
			return
		}
		*p = d.newInt(int(n))
	case c == 'n':
		d.null()
		*p = nil
	default:
		d.typeError()
	}
}

// boolPtr decodes true, false or null into *p.
func boolPtr(d *bodyDecoder, p **bool) {
	switch d.peek() {
	case 't', 'f':
		v := d.b[d.i] == 't'
		if v {
			d.literal("true")
		} else {
			d.literal("false")
		}
		*p = d.newBool(v)
	case 'n':
		d.null()
		*p = nil
	default:
		d.typeError()
	}
}
