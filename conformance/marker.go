package conformance

import (
	"bytes"
	"encoding/json"
	"regexp"
	"strings"
	"time"
)

// What marks a resource as the suite's, so that a real account can tell
// them apart and Sweep removes them and nothing else: every service the
// suite creates is named NamePrefix plus seven hex digits, and every
// service and endpoint carries the tag TagKey (its value names the run).
const (
	NamePrefix = "vpcepconf"
	TagKey     = "vpcep-conformance"
)

// suiteName matches a name the suite gives: NamePrefix and seven hex
// digits, 16 characters (the longest service name allowed).
var suiteName = regexp.MustCompile(`^` + NamePrefix + `[0-9a-f]{7}$`)

// newRunID returns the marker tag's value for one run: the UTC start time
// and a random suffix ("20260102T150405-1a2b3c").
func newRunID() string {
	return time.Now().UTC().Format("20060102T150405") + "-" + randomUUID()[:6]
}

// name returns a fresh service name of the suite.
func (w *world) name() string { return NamePrefix + randomUUID()[:7] }

// markerTag is the tag every resource of this run carries.
func (w *world) markerTag() map[string]any { return map[string]any{"key": TagKey, "value": w.runID} }

// mark makes a create body of op recognisable: a service gets a suite name
// unless it names itself, and a service or an endpoint gets the marker tag
// unless the body sets tags of its own (those cases are about tags; the
// ones that succeed carry the marker through {tag_key} and {tag_value}).
func (w *world) mark(op string, body map[string]any) {
	if op != OpCreateService && op != OpCreateEndpoint {
		return
	}
	if _, ok := body["service_name"]; !ok && op == OpCreateService {
		body["service_name"] = w.name()
	}
	if _, ok := body["tags"]; !ok {
		body["tags"] = []any{w.markerTag()}
	}
}

// markRaw is mark for a case's raw JSON body; a body that is not a JSON
// object is sent as it is.
func (w *world) markRaw(op, raw string) string {
	if op != OpCreateService && op != OpCreateEndpoint {
		return raw
	}
	dec := json.NewDecoder(strings.NewReader(raw))
	dec.UseNumber()
	var body map[string]any
	if dec.Decode(&body) != nil || body == nil || dec.More() {
		return raw
	}
	w.mark(op, body)
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	if enc.Encode(body) != nil {
		return raw
	}
	return strings.TrimSuffix(b.String(), "\n")
}

// ours reports whether a service or endpoint is the suite's: a part of
// its (composed "region.name.id") service name is a suite name, or it
// carries the marker tag.
func ours(serviceName string, tags any) bool {
	for part := range strings.SplitSeq(serviceName, ".") {
		if suiteName.MatchString(part) {
			return true
		}
	}
	list, _ := tags.([]any)
	for _, tag := range list {
		if m, _ := tag.(map[string]any); m["key"] == TagKey {
			return true
		}
	}
	return false
}
