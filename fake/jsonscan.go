package fake

import (
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// The lexical layer of the body decoder: white space, literals, numbers,
// strings with their escapes, and skipping a value of any shape.

func (d *bodyDecoder) ws() {
	for d.i < len(d.b) {
		switch d.b[d.i] {
		case ' ', '\t', '\n', '\r':
			d.i++
		default:
			return
		}
	}
}

// peek returns the next byte after white space, 0 at the end.
func (d *bodyDecoder) peek() byte {
	d.ws()
	if d.i < len(d.b) {
		return d.b[d.i]
	}
	return 0
}

// expect consumes c or marks the body malformed.
func (d *bodyDecoder) expect(c byte) bool {
	if d.peek() != c {
		d.bad = true
		return false
	}
	d.i++
	return true
}

func (d *bodyDecoder) null() { d.literal("null") }

func (d *bodyDecoder) literal(lit string) {
	if len(d.b)-d.i < len(lit) || string(d.b[d.i:d.i+len(lit)]) != lit {
		d.bad = true
		return
	}
	d.i += len(lit)
}

// number consumes a JSON number and returns its text.
func (d *bodyDecoder) number() []byte {
	start := d.i
	if d.at('-') {
		d.i++
	}
	switch {
	case d.at('0'):
		d.i++
	case d.digits() == 0:
		d.bad = true
		return nil
	}
	if d.at('.') {
		d.i++
		if d.digits() == 0 {
			d.bad = true
			return nil
		}
	}
	if d.at('e') || d.at('E') {
		d.i++
		if d.at('+') || d.at('-') {
			d.i++
		}
		if d.digits() == 0 {
			d.bad = true
			return nil
		}
	}
	return d.b[start:d.i]
}

func (d *bodyDecoder) at(c byte) bool { return d.i < len(d.b) && d.b[d.i] == c }

func (d *bodyDecoder) digits() int {
	start := d.i
	for d.i < len(d.b) && '0' <= d.b[d.i] && d.b[d.i] <= '9' {
		d.i++
	}
	return d.i - start
}

// string consumes a JSON string and returns its value.
func (d *bodyDecoder) string() string { return string(d.stringBytes()) }

// stringBytes consumes a JSON string and returns its value, valid until
// the next call. The body is valid UTF-8 (checked first); raw control
// characters, bad escapes and lone surrogates make it malformed.
func (d *bodyDecoder) stringBytes() []byte {
	d.i++ // "
	start := d.i
	for d.i < len(d.b) {
		switch c := d.b[d.i]; {
		case c == '"':
			d.i++
			return d.b[start : d.i-1]
		case c == '\\':
			return d.unescape(start)
		case c < 0x20:
			d.bad = true
			return nil
		}
		d.i++
	}
	d.bad = true
	return nil
}

// unescape continues stringBytes at the first backslash.
func (d *bodyDecoder) unescape(start int) []byte {
	out := append(d.buf[:0], d.b[start:d.i]...)
	for d.i < len(d.b) {
		c := d.b[d.i]
		switch {
		case c == '"':
			d.i++
			d.buf = out
			return out
		case c < 0x20:
			d.bad = true
			return nil
		case c != '\\':
			out = append(out, c)
			d.i++
			continue
		}
		if d.i+1 >= len(d.b) {
			break
		}
		e := d.b[d.i+1]
		d.i += 2
		switch e {
		case '"', '\\', '/':
			out = append(out, e)
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r := d.hex4()
			if utf16.IsSurrogate(r) {
				r2 := rune(-1)
				if d.at('\\') && d.i+1 < len(d.b) && d.b[d.i+1] == 'u' {
					d.i += 2
					r2 = d.hex4()
				}
				if r = utf16.DecodeRune(r, r2); r == utf8.RuneError {
					d.bad = true // a lone surrogate
					return nil
				}
			}
			if d.bad {
				return nil
			}
			out = utf8.AppendRune(out, r)
		default:
			d.bad = true
			return nil
		}
	}
	d.bad = true
	return nil
}

// hex4 consumes four hex digits.
func (d *bodyDecoder) hex4() rune {
	if d.i+4 > len(d.b) {
		d.bad = true
		return utf8.RuneError
	}
	n, err := strconv.ParseUint(string(d.b[d.i:d.i+4]), 16, 16)
	if err != nil {
		d.bad = true
		return utf8.RuneError
	}
	d.i += 4
	return rune(n)
}

// skip consumes one JSON value of any type, checking its syntax.
func (d *bodyDecoder) skip() {
	var open []byte // the containers entered: '{' or '['
	for !d.bad {
		switch c := d.peek(); {
		case c == '{' || c == '[':
			d.i++
			if !d.enter() {
				return
			}
			open = append(open, c)
			switch {
			case c == '{' && d.peek() == '}', c == '[' && d.peek() == ']':
				d.i++
				d.leave()
				open = open[:len(open)-1]
			case c == '{':
				d.member()
				continue
			default:
				continue
			}
		case c == '"':
			d.stringBytes()
		case c == 't':
			d.literal("true")
		case c == 'f':
			d.literal("false")
		case c == 'n':
			d.null()
		case c == '-' || '0' <= c && c <= '9':
			d.number()
		default:
			d.bad = true
		}
		// A value ended: close containers, or pass a comma to the next item.
	next:
		for !d.bad && len(open) > 0 {
			top, c := open[len(open)-1], d.peek()
			switch {
			case c == ',':
				d.i++
				if top == '{' {
					d.member()
				}
				break next
			case top == '{' && c == '}', top == '[' && c == ']':
				d.i++
				d.leave()
				open = open[:len(open)-1]
			default:
				d.bad = true
			}
		}
		if len(open) == 0 {
			return
		}
	}
}

// member consumes an object key and its colon.
func (d *bodyDecoder) member() {
	if d.peek() != '"' {
		d.bad = true
		return
	}
	d.stringBytes()
	d.expect(':')
}

// enter counts a container opened; past encoding/json's nesting limit the
// body is malformed.
func (d *bodyDecoder) enter() bool {
	if d.depth++; d.depth > maxDepth {
		d.bad = true
	}
	return !d.bad
}

func (d *bodyDecoder) leave() { d.depth-- }
