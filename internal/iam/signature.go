package iam

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
	"net/url"
	"slices"
	"strings"
)

// Algorithm is the one AK/SK signing algorithm the fake checks.
const Algorithm = "SDK-HMAC-SHA256"

// authorization is a parsed SDK-HMAC-SHA256 Authorization header. scope is
// set for gophertelekomcloud's form (Credential=AK/date/region/service/
// sdk_request), which signs with a derived key; Huawei's form (Access=AK)
// signs with the SK itself.
type authorization struct {
	ak, scope, signature string
	signed               []string
}

func parseAuthorization(h string) (authorization, bool) {
	rest, ok := strings.CutPrefix(h, Algorithm+" ")
	if !ok {
		return authorization{}, false
	}
	var a authorization
	for part := range strings.SplitSeq(rest, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(part), "=")
		switch k {
		case "Access":
			a.ak = v
		case "Credential":
			a.ak, a.scope, _ = strings.Cut(v, "/")
		case "SignedHeaders":
			a.signed = strings.Split(v, ";")
		case "Signature":
			a.signature = v
		}
	}
	return a, a.ak != "" && a.signature != "" && len(a.signed) > 0
}

// unsignedPayload is the X-Sdk-Content-Sha256 value by which the Huawei
// SDK leaves the body out of the signature.
const unsignedPayload = "UNSIGNED-PAYLOAD"

// verify reports whether a is a valid signature of r, whose body is body,
// made with secret key sk, in the Huawei SDK form or the gophertelekomcloud
// form. The signature covers the body received: an X-Sdk-Content-Sha256
// must be its hash, or UNSIGNED-PAYLOAD where the Huawei SDK sends it (a
// signed header, on a request whose Content-Type is neither JSON nor BSON).
func (a authorization) verify(r *http.Request, body []byte, sk string) bool {
	query, payload := canonicalQuery(r.URL.Query()), body
	if a.scope != "" && r.Method == http.MethodPost && len(body) == 0 {
		// gophertelekomcloud signs the query as the payload of a POST
		// without a body.
		query, payload = "", []byte(r.URL.Query().Encode())
	}
	hash := hexSHA256(payload)
	if h := r.Header.Get("X-Sdk-Content-Sha256"); h != "" {
		if !strings.EqualFold(h, hash) && !(h == unsignedPayload && a.unsignedAllowed(r)) {
			return false
		}
		hash = h
	}
	canonical := strings.Join([]string{r.Method, canonicalURI(r.URL.Path), query,
		canonicalHeaders(r, a.signed), strings.Join(a.signed, ";"), hash}, "\n")
	var key []byte
	toSign := Algorithm + "\n" + r.Header.Get("X-Sdk-Date") + "\n"
	if a.scope != "" {
		parts := strings.Split(a.scope, "/") // date/region/service/sdk_request
		if len(parts) != 4 {
			return false
		}
		key = mac([]byte("SDK"+sk), parts[0])
		for _, p := range parts[1:] {
			key = mac(key, p)
		}
		toSign += a.scope + "\n"
	} else {
		key = []byte(sk)
	}
	want := hex.EncodeToString(mac(key, toSign+hexSHA256([]byte(canonical))))
	return hmac.Equal([]byte(want), []byte(a.signature))
}

// unsignedAllowed reports whether r may leave its body unsigned: as the
// Huawei SDK does, with X-Sdk-Content-Sha256 among the signed headers and
// a Content-Type that is neither JSON nor BSON.
func (a authorization) unsignedAllowed(r *http.Request) bool {
	ct := r.Header.Get("Content-Type")
	return slices.Contains(a.signed, "x-sdk-content-sha256") && ct != "" &&
		!strings.Contains(ct, "application/json") && !strings.Contains(ct, "application/bson")
}

func mac(key []byte, data string) []byte {
	h := hmac.New(sha256.New, key)
	h.Write([]byte(data))
	return h.Sum(nil)
}

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// canonicalURI escapes every path segment and ends the path with "/".
func canonicalURI(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = escape(s)
	}
	p := strings.Join(segs, "/")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// canonicalQuery is the sorted, escaped query: key=value pairs joined by
// "&", a key's values sorted.
func canonicalQuery(q url.Values) string {
	keys := make([]string, 0, len(q))
	for k := range q {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var pairs []string
	for _, k := range keys {
		vs := slices.Sorted(slices.Values(q[k]))
		for _, v := range vs {
			pairs = append(pairs, escape(k)+"="+escape(v))
		}
	}
	return strings.Join(pairs, "&")
}

// canonicalHeaders lists the signed headers as "name:value\n"; host is the
// request's Host.
func canonicalHeaders(r *http.Request, signed []string) string {
	var b strings.Builder
	for _, name := range signed {
		values := r.Header.Values(name)
		if name == "host" {
			values = []string{r.Host}
		}
		for _, v := range values {
			b.WriteString(name + ":" + strings.Join(strings.Fields(v), " ") + "\n")
		}
	}
	return b.String()
}

// escape percent-encodes everything but letters, digits and "-_.~".
func escape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '_' || c == '-' || c == '~' || c == '.' {
			b.WriteByte(c)
		} else {
			b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
		}
	}
	return b.String()
}
