package iam

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/seed42eb3344/vpcepfake/internal/api"
	"github.com/seed42eb3344/vpcepfake/internal/engine"
)

// signedBy is an SDK-HMAC-SHA256 request of the Huawei form by ak (the
// signature is not valid for any key).
func signedBy(ak string, headers ...string) []string {
	return append([]string{"Authorization: SDK-HMAC-SHA256 Access=" + ak + ", SignedHeaders=x-sdk-date, Signature=00",
		"X-Sdk-Date: 20261122T023108Z"}, headers...)
}

func TestCaller(t *testing.T) {
	t.Parallel()
	zero, _ := newHandler(t, defaultTenant, iamTenant)
	akOnly := iamTenant
	akOnly.AccessKey = "AKONLY"
	withKeys := defaultTenant
	withKeys.AccessKey, withKeys.SecretKey = "HWAK", "huawei-secret"
	keyed, _ := newHandler(t, withKeys, akOnly)
	huawei := vectors[2] // signed by the Huawei SDK with HWAK / huawei-secret
	var huaweiHeaders []string
	for k, v := range huawei.headers {
		huaweiHeaders = append(huaweiHeaders, k+": "+v)
	}
	for _, tc := range []struct {
		name    string
		h       *Handler
		target  string
		headers []string
		want    string // the caller's project; "" for a valid caller of no tenant
		err     *api.Error
	}{
		{"configured token", zero, "/", []string{"X-Auth-Token: tok-2"}, "p2p2p2p2", nil},
		{"unknown token", zero, "/", []string{"X-Auth-Token: nope"}, "", api.E0003},
		{"no credentials", zero, "/", nil, "", api.E0003},
		{"basic auth", zero, "/", []string{"Authorization: Basic dXNlcjpwYXNz"}, "", api.E0003},
		{"zero-config: X-Project-Id names the caller", zero, "/", signedBy("ANY", "X-Project-Id: p2p2p2p2"), "p2p2p2p2", nil},
		{"zero-config: unknown project", zero, "/", signedBy("ANY", "X-Project-Id: 0000"), "", api.E0003},
		{"zero-config: no project, no tenant", zero, "/", signedBy("ANY"), "", nil},
		{"no X-Sdk-Date", zero, "/", signedBy("ANY", "X-Project-Id: p2p2p2p2", "X-Sdk-Date: "), "", api.E0003},
		{"malformed X-Sdk-Date", zero, "/", signedBy("ANY", "X-Project-Id: p2p2p2p2", "X-Sdk-Date: yesterday"), "", api.E0003},
		{"keys: unknown AK", keyed, "/", signedBy("NOBODY", "X-Project-Id: "+defaultTenant.ProjectID), "", api.E0003},
		{"keys: unknown AK, no project", keyed, "/", signedBy("NOBODY"), "", api.E0003},
		{"keys: wrong signature", keyed, "/", signedBy("HWAK"), "", api.E0003},
		{"keys: the SDK's signature", keyed, huawei.target, huaweiHeaders, defaultTenant.ProjectID, nil},
		{"keys: AK without SK is not verified", keyed, "/", signedBy("AKONLY"), "p2p2p2p2", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			r := httptest.NewRequest(http.MethodGet, "http://127.0.0.1:8780"+tc.target, nil)
			for _, hd := range tc.headers {
				k, v, _ := cutHeader(hd)
				r.Header.Set(k, v)
			}
			tn, known, err := tc.h.Auth.Caller(r, func() ([]byte, *api.Error) { return nil, nil })
			assert.Equal(t, tc.err, err)
			assert.Equal(t, tc.want != "", known)
			assert.Equal(t, tc.want, tn.ProjectID)
		})
	}
}

// A signature is checked over the body the caller's body function reads,
// and its error is passed on.
func TestCallerReadsTheBodyForSignatures(t *testing.T) {
	t.Parallel()
	withKeys := defaultTenant
	withKeys.AccessKey, withKeys.SecretKey = "HWAK", "huawei-secret"
	h, _ := newHandler(t, withKeys)
	v := vectors[3] // Huawei POST
	r := httptest.NewRequest(v.method, "http://127.0.0.1:8780"+v.target, nil)
	for k, val := range v.headers {
		r.Header.Set(k, val)
	}
	body := func(b string, err *api.Error) func() ([]byte, *api.Error) {
		return func() ([]byte, *api.Error) { return []byte(b), err }
	}
	tn, known, err := h.Auth.Caller(r, body(v.body, nil))
	require.Nil(t, err)
	assert.True(t, known)
	assert.Equal(t, defaultTenant.ProjectID, tn.ProjectID)
	_, _, err = h.Auth.Caller(r, body(v.body+" ", nil))
	assert.Equal(t, api.E0003, err)
	_, _, err = h.Auth.Caller(r, body("", api.E0002))
	assert.Equal(t, api.E0002, err)
}

// Issued tokens expire after the lifetime on the clock; configured tokens
// never do; a token stops working when its project changes accounts.
func TestIssuedTokenLifetime(t *testing.T) {
	t.Parallel()
	e := engine.New(engine.Config{})
	require.NoError(t, e.AddTenant(iamTenant))
	now := time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)
	a := &Authority{Dir: e, Now: func() time.Time { return now }, Lifetime: time.Hour, NewID: e.NewRequestID}
	tok := a.issue(iamTenant, time.Time{})
	again := a.issue(iamTenant, time.Time{})
	assert.NotEqual(t, tok, again, "each login gets a fresh token")
	rescoped := a.issue(iamTenant, now.Add(10*time.Minute))
	assert.Equal(t, now.Add(time.Hour), a.expiry(tok))
	assert.Equal(t, now.Add(10*time.Minute), a.expiry(rescoped), "a token login keeps the expiry of its token")

	now = now.Add(time.Hour - time.Nanosecond)
	_, ok := a.tokenTenant(tok)
	assert.True(t, ok, "valid until expires_at")
	_, ok = a.tokenTenant(rescoped)
	assert.False(t, ok)
	now = now.Add(time.Nanosecond)
	_, ok = a.tokenTenant(tok)
	assert.False(t, ok, "expired at expires_at")
	_, ok = a.tokenTenant(iamTenant.Token)
	assert.True(t, ok, "a configured token never expires")

	fresh := a.issue(iamTenant, time.Time{})
	snap := e.Export()
	snap.Tenants[0].DomainID = "another-account"
	require.NoError(t, e.Import(snap))
	_, ok = a.tokenTenant(fresh)
	assert.False(t, ok, "the project now belongs to another account")
}

// The issued tokens are bounded: past maxIssued the oldest is forgotten,
// and expired ones are dropped as new ones come.
func TestIssuedTokensAreBounded(t *testing.T) {
	t.Parallel()
	var s issued
	now := time.Date(2026, 11, 22, 4, 0, 0, 0, time.UTC)
	g := grant{expires: now.Add(time.Hour)}
	s.add("expired", grant{expires: now}, now)
	for i := range maxIssued {
		s.add(string(rune('a'+i%26))+string(rune(i)), g, now)
	}
	_, ok := s.get("expired", now)
	assert.False(t, ok)
	assert.Len(t, s.byTok, maxIssued)
	first := s.order[0]
	s.add("one more", g, now)
	assert.Len(t, s.byTok, maxIssued)
	_, ok = s.get(first, now)
	assert.False(t, ok, "the oldest is forgotten")
	_, ok = s.get("one more", now)
	assert.True(t, ok)
}
