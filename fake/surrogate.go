package fake

// loneSurrogate reports whether a JSON body escapes a UTF-16 surrogate
// that is not half of a pair ("\ud800" alone, or a low half first): text
// no client can mean, which encoding/json would silently turn into U+FFFD.
// The real cloud rejects invalid text, so decode answers EndPoint.0002.
func loneSurrogate(body []byte) bool {
	for i := 0; i < len(body); i++ {
		if body[i] != '\\' || i+1 >= len(body) {
			continue
		}
		i++ // the escaped character: a backslash escape never starts another
		if body[i] != 'u' {
			continue
		}
		switch r := hex4(body, i+1); {
		case r >= 0xdc00 && r <= 0xdfff:
			return true
		case r >= 0xd800 && r <= 0xdbff:
			if i+6 >= len(body) || body[i+5] != '\\' || body[i+6] != 'u' {
				return true
			}
			if lo := hex4(body, i+7); lo < 0xdc00 || lo > 0xdfff {
				return true
			}
			i += 10 // past the low half
		}
	}
	return false
}

// hex4 is the value of the four hex digits at b[i:], or -1.
func hex4(b []byte, i int) int {
	if i+4 > len(b) {
		return -1
	}
	v := 0
	for _, c := range b[i : i+4] {
		switch {
		case '0' <= c && c <= '9':
			v = v<<4 | int(c-'0')
		case 'a' <= c && c <= 'f':
			v = v<<4 | int(c-'a'+10)
		case 'A' <= c && c <= 'F':
			v = v<<4 | int(c-'A'+10)
		default:
			return -1
		}
	}
	return v
}
