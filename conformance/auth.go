package conformance

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"maps"
	"net/http"
	"slices"
	"strings"
	"sync"
	"time"
)

// Auth authenticates a tenant's requests in place of a fixed token.
type Auth interface {
	// Authorize adds the credentials to req, whose body is body; it is
	// called last, once every other header is set.
	Authorize(req *http.Request, body []byte) error
	// Renew is called when the target answered 401 to failed; it reports
	// whether sending the request again may succeed (a fresh IAM login).
	Renew(ctx context.Context, failed *http.Request) bool
}

// login is the Auth of an IAM password login: the token it got, renewed
// by logging in again when the target answers 401 (OTC tokens expire
// after 24 hours; a run started late in a token's life outlives it).
type login struct {
	hc    *http.Client
	p     Password
	mu    sync.Mutex
	token string
}

// Authorize sends the current token.
func (l *login) Authorize(req *http.Request, _ []byte) error {
	l.mu.Lock()
	defer l.mu.Unlock()
	req.Header.Set("X-Auth-Token", l.token)
	return nil
}

// Renew logs in again, unless another request already did since failed
// was sent.
func (l *login) Renew(ctx context.Context, failed *http.Request) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	if failed.Header.Get("X-Auth-Token") != l.token {
		return true
	}
	tok, err := l.p.issue(ctx, l.hc)
	if err != nil {
		return false
	}
	l.token = tok.id
	return true
}

// AKSK signs every request with an access key and its secret key, the
// SDK-HMAC-SHA256 scheme of the OTC and Huawei SDKs ("Access=" form):
// the signature covers the method, path, query, the host, X-Project-Id
// and X-Sdk-Date headers and the SHA-256 of the body.
type AKSK struct {
	AccessKey, SecretKey string
	// ProjectID is sent as X-Project-Id (none when empty, for IAM calls).
	ProjectID string
}

// signAlgorithm names the scheme in the Authorization header.
const signAlgorithm = "SDK-HMAC-SHA256"

// Authorize signs req.
func (a AKSK) Authorize(req *http.Request, body []byte) error {
	req.Header.Set("X-Sdk-Date", time.Now().UTC().Format("20060102T150405Z"))
	if a.ProjectID != "" {
		req.Header.Set("X-Project-Id", a.ProjectID)
	}
	signed := []string{"host", "x-sdk-date"}
	if a.ProjectID != "" {
		signed = []string{"host", "x-project-id", "x-sdk-date"}
	}
	host := req.Host
	if host == "" {
		host = req.URL.Host
	}
	var headers strings.Builder
	for _, name := range signed {
		v := req.Header.Get(name)
		if name == "host" {
			v = host
		}
		headers.WriteString(name + ":" + strings.TrimSpace(v) + "\n")
	}
	canonical := strings.Join([]string{req.Method, canonicalURI(req.URL.Path), canonicalQuery(req),
		headers.String(), strings.Join(signed, ";"), hexSHA256(body)}, "\n")
	toSign := signAlgorithm + "\n" + req.Header.Get("X-Sdk-Date") + "\n" + hexSHA256([]byte(canonical))
	mac := hmac.New(sha256.New, []byte(a.SecretKey))
	mac.Write([]byte(toSign))
	req.Header.Set("Authorization", signAlgorithm+" Access="+a.AccessKey+", SignedHeaders="+
		strings.Join(signed, ";")+", Signature="+hex.EncodeToString(mac.Sum(nil)))
	return nil
}

// Renew reports false: a signature does not expire.
func (AKSK) Renew(context.Context, *http.Request) bool { return false }

func hexSHA256(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// canonicalURI escapes every path segment and ends the path with "/".
func canonicalURI(path string) string {
	segs := strings.Split(path, "/")
	for i, s := range segs {
		segs[i] = signEscape(s)
	}
	p := strings.Join(segs, "/")
	if !strings.HasSuffix(p, "/") {
		p += "/"
	}
	return p
}

// canonicalQuery is the query sorted by key, then by value, escaped.
func canonicalQuery(req *http.Request) string {
	q := req.URL.Query()
	var pairs []string
	for _, k := range slices.Sorted(maps.Keys(q)) {
		for _, v := range slices.Sorted(slices.Values(q[k])) {
			pairs = append(pairs, signEscape(k)+"="+signEscape(v))
		}
	}
	return strings.Join(pairs, "&")
}

// signEscape percent-encodes every byte but letters, digits and "-_.~".
func signEscape(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'A' <= c && c <= 'Z' || 'a' <= c && c <= 'z' || '0' <= c && c <= '9' || strings.IndexByte("-_.~", c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteString("%" + strings.ToUpper(hex.EncodeToString([]byte{c})))
	}
	return b.String()
}
