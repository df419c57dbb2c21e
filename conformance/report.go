package conformance

import (
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

// report is what a run found, written as JSON (Target.Report) and as a
// Markdown table (Target.ReportMarkdown): one entry per case and flow,
// plus "fixtures" for the set-up Run does first.
type report struct {
	mu      sync.Mutex
	Target  string         `json:"target"`
	Started time.Time      `json:"started"`
	Seconds float64        `json:"seconds"`
	Summary map[string]int `json:"summary"`
	Entries []*entry       `json:"entries"`
}

// entry is the outcome of one case or flow.
type entry struct {
	Name     string    `json:"name"`
	Ops      []string  `json:"ops"`
	Result   string    `json:"result"` // pass, fail or skip
	Request  *request  `json:"request,omitempty"`
	Expected *expected `json:"expected,omitempty"`
	Got      *got      `json:"got,omitempty"`
	Messages []string  `json:"messages,omitempty"`
	Seconds  float64   `json:"seconds"`
}

type request struct {
	As     string `json:"as"`
	Method string `json:"method"`
	Path   string `json:"path"`
	Query  string `json:"query,omitempty"`
	Body   string `json:"body,omitempty"`
}

type expected struct {
	Status int    `json:"status"`
	Code   string `json:"error_code,omitempty"`
	Fields Fields `json:"fields,omitempty"`
}

type got struct {
	Status    int             `json:"status,omitempty"`
	Code      string          `json:"error_code,omitempty"`
	RequestID string          `json:"request_id,omitempty"`
	Body      json.RawMessage `json:"body,omitempty"`
	Error     string          `json:"error,omitempty"`
}

// maxReportBody bounds a response body in the report (a list on a busy
// account can be large); a longer one is kept as a truncated string.
const maxReportBody = 8 << 10

// gotOf is the report's view of a result.
func gotOf(r Result) *got {
	g := &got{Status: r.Status, Code: r.ErrorCode}
	if r.Header != nil {
		g.RequestID = r.Header.Get("X-Request-Id")
	}
	if r.Err != nil {
		g.Error = r.Err.Error()
	}
	if r.Body != nil {
		raw, _ := json.Marshal(r.Body)
		if len(raw) > maxReportBody {
			raw, _ = json.Marshal(string(raw[:maxReportBody]) + "…(truncated)")
		}
		g.Body = raw
	}
	return g
}

func newReport(target string) *report {
	return &report{Target: target, Started: time.Now().UTC()}
}

// track starts the entry of the running (sub)test t and returns it with a
// recorder that copies t's failure and skip messages into it. The entry
// is settled when t ends, after t's own cleanups.
func (rp *report) track(t *testing.T, name string, ops ...string) (*entry, *recorder) {
	e := &entry{Name: name, Ops: ops}
	rec := &recorder{T: t, e: e}
	start := time.Now()
	t.Cleanup(func() {
		rec.mu.Lock()
		defer rec.mu.Unlock()
		e.Seconds = time.Since(start).Round(time.Millisecond).Seconds()
		switch {
		case rec.failed:
			e.Result = "fail"
		case t.Skipped():
			e.Result = "skip"
		default:
			e.Result = "pass"
		}
		rp.mu.Lock()
		rp.Entries = append(rp.Entries, e)
		rp.mu.Unlock()
	})
	return e, rec
}

// recorder is the testing.TB the checks of one entry run with: t's
// methods, with the failure and skip messages also kept for the report.
// An entry fails when a failure went through it (Run's own test also
// fails when any case does).
type recorder struct {
	*testing.T
	mu     sync.Mutex
	e      *entry
	failed bool
}

func (r *recorder) note(failure bool, msg string) {
	r.mu.Lock()
	r.e.Messages = append(r.e.Messages, strings.TrimSpace(msg))
	r.failed = r.failed || failure
	r.mu.Unlock()
}

// Error records and reports a failure.
func (r *recorder) Error(args ...any) {
	r.T.Helper()
	r.note(true, fmt.Sprint(args...))
	r.T.Error(args...)
}

// Errorf records and reports a failure.
func (r *recorder) Errorf(format string, args ...any) {
	r.T.Helper()
	r.note(true, fmt.Sprintf(format, args...))
	r.T.Errorf(format, args...)
}

// Fatal records a failure and stops the entry.
func (r *recorder) Fatal(args ...any) {
	r.T.Helper()
	r.note(true, fmt.Sprint(args...))
	r.T.Fatal(args...)
}

// Fatalf records a failure and stops the entry.
func (r *recorder) Fatalf(format string, args ...any) {
	r.T.Helper()
	r.note(true, fmt.Sprintf(format, args...))
	r.T.Fatalf(format, args...)
}

// Skip records why the entry is skipped and skips it.
func (r *recorder) Skip(args ...any) {
	r.T.Helper()
	r.note(false, fmt.Sprint(args...))
	r.T.Skip(args...)
}

// Skipf records why the entry is skipped and skips it.
func (r *recorder) Skipf(format string, args ...any) {
	r.T.Helper()
	r.note(false, fmt.Sprintf(format, args...))
	r.T.Skipf(format, args...)
}

// sorted returns the entries failures first, then skips, then passes,
// each by name.
func (rp *report) sorted() []*entry {
	rank := map[string]int{"fail": 0, "skip": 1, "pass": 2}
	out := slices.Clone(rp.Entries)
	slices.SortFunc(out, func(a, b *entry) int {
		if d := rank[a.Result] - rank[b.Result]; d != 0 {
			return d
		}
		return strings.Compare(a.Name, b.Name)
	})
	return out
}

// write finishes the report and writes the files tg asks for.
func (rp *report) write(tg Target) error {
	rp.mu.Lock()
	defer rp.mu.Unlock()
	rp.Seconds = time.Since(rp.Started).Round(time.Millisecond).Seconds()
	rp.Entries = rp.sorted()
	rp.Summary = map[string]int{"pass": 0, "fail": 0, "skip": 0}
	for _, e := range rp.Entries {
		rp.Summary[e.Result]++
	}
	if tg.Report != "" {
		raw, err := json.MarshalIndent(rp, "", "  ")
		if err != nil {
			return err
		}
		if err := os.WriteFile(tg.Report, append(raw, '\n'), 0o644); err != nil {
			return err
		}
	}
	if tg.ReportMarkdown != "" {
		return os.WriteFile(tg.ReportMarkdown, rp.markdown(), 0o644)
	}
	return nil
}

// markdown renders the report as a table, failures first, with their
// messages below it.
func (rp *report) markdown() []byte {
	var b strings.Builder
	fmt.Fprintf(&b, "# VPCEP conformance report\n\nTarget `%s`, started %s, %.0f s: **%d pass, %d fail, %d skip**.\n\n",
		rp.Target, rp.Started.Format(time.RFC3339), rp.Seconds, rp.Summary["pass"], rp.Summary["fail"], rp.Summary["skip"])
	b.WriteString("| Result | Case | Request | Expected | Got |\n|---|---|---|---|---|\n")
	for _, e := range rp.Entries {
		outcome := e.Got.String()
		if e.Result == "skip" && len(e.Messages) > 0 {
			outcome = "skipped: " + e.Messages[0]
		}
		fmt.Fprintf(&b, "| %s | %s | %s | %s | %s |\n", e.Result, cell(e.Name), cell(e.Request.String()), cell(e.Expected.String()), cell(outcome))
	}
	for _, e := range rp.Entries {
		if e.Result != "fail" {
			continue
		}
		fmt.Fprintf(&b, "\n## %s\n\n", e.Name)
		if e.Request != nil && e.Request.Body != "" {
			fmt.Fprintf(&b, "Request body:\n\n```json\n%s\n```\n\n", e.Request.Body)
		}
		if e.Got != nil && len(e.Got.Body) > 0 {
			fmt.Fprintf(&b, "Response body:\n\n```json\n%s\n```\n\n", e.Got.Body)
		}
		for _, m := range e.Messages {
			fmt.Fprintf(&b, "    %s\n", strings.ReplaceAll(m, "\n", "\n    "))
		}
	}
	return []byte(b.String())
}

// cell makes text safe inside a Markdown table cell.
func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

func (r *request) String() string {
	if r == nil {
		return ""
	}
	s := "`" + r.Method + " " + r.Path
	if r.Query != "" {
		s += "?" + r.Query
	}
	s += "`"
	if r.As != "" && r.As != callerNames[Owner] {
		s += " as " + r.As
	}
	return s
}

func (x *expected) String() string {
	if x == nil {
		return ""
	}
	return strings.TrimSpace(fmt.Sprintf("%d %s", x.Status, x.Code))
}

func (g *got) String() string {
	switch {
	case g == nil:
		return ""
	case g.Error != "":
		return "error: " + g.Error
	}
	return strings.TrimSpace(fmt.Sprintf("%d %s", g.Status, g.Code))
}
