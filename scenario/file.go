package scenario

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"time"
)

// file is the JSON form of a Scenario; see README.md for the schema.
type file struct {
	Policies  []filePolicy             `json:"policies"`
	Rules     []Rule                   `json:"rules"`
	Scenarios map[string]namedScenario `json:"scenarios"`
}

// namedScenario is what a request selects with ScenarioHeader: rules and
// transition plans. In JSON either an object {"rules": [...],
// "policies": [...]} or, shorter, the array of its rules.
type namedScenario struct {
	Policies []filePolicy `json:"policies"`
	Rules    []Rule       `json:"rules"`
}

// UnmarshalJSON reads a named scenario in either form.
func (n *namedScenario) UnmarshalJSON(b []byte) error {
	if t := bytes.TrimSpace(b); len(t) > 0 && t[0] == '[' {
		return strictDecode(bytes.NewReader(b), &n.Rules)
	}
	type plain namedScenario // without this method
	return strictDecode(bytes.NewReader(b), (*plain)(n))
}

// filePolicy is one plan layer: for a kind of transition, one resource
// (name) or the next one (next).
type filePolicy struct {
	Transition Transition `json:"transition"`
	Name       string     `json:"name"`
	Next       bool       `json:"next"`
	Delay      string     `json:"delay"`
	AfterReads int        `json:"after_reads"`
	Hold       bool       `json:"hold"`
	Fail       *Failure   `json:"fail"`
	To         string     `json:"to"`
}

// Load reads a scenario file (JSON, unknown fields rejected) and returns
// its Scenario. Errors name the offending entry.
func Load(r io.Reader) (*Scenario, error) {
	var f file
	if err := strictDecode(r, &f); err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	s := New()
	if err := s.addFile(f); err != nil {
		return nil, err
	}
	return s, nil
}

// Extend adds the policies and rules of a scenario file to s, after those
// it has; a running server's scenario can grow this way. On error nothing
// is added.
func (s *Scenario) Extend(r io.Reader) error {
	var f file
	if err := strictDecode(r, &f); err != nil {
		return fmt.Errorf("scenario: %w", err)
	}
	if err := New().addFile(f); err != nil { // check everything first
		return err
	}
	return s.addFile(f)
}

// addFile adds the policies, rules and named scenarios of f to s.
func (s *Scenario) addFile(f file) error {
	for i, p := range f.Policies {
		if err := s.addPolicy("", p); err != nil {
			return fmt.Errorf("scenario: policies[%d]: %w", i, err)
		}
	}
	if err := s.Add(f.Rules...); err != nil {
		return err
	}
	names := make([]string, 0, len(f.Scenarios))
	for name := range f.Scenarios {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		n := f.Scenarios[name]
		for i, p := range n.Policies {
			if err := s.addPolicy(name, p); err != nil {
				return fmt.Errorf("scenario: scenarios[%q].policies[%d]: %w", name, i, err)
			}
		}
		for i := range n.Rules {
			n.Rules[i].Match.Scenario = name
		}
		if err := s.add(n.Rules); err != nil {
			return fmt.Errorf("scenario: scenarios[%q]: %w", name, err)
		}
	}
	return nil
}

// LoadFile is Load of the named file.
func LoadFile(name string) (*Scenario, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, fmt.Errorf("scenario: %w", err)
	}
	defer f.Close()
	return Load(f)
}

// addPolicy adds p to s's plans, or to those of the named scenario in.
func (s *Scenario) addPolicy(in string, p filePolicy) error {
	if !slices.Contains(Transitions, p.Transition) {
		return fmt.Errorf("unknown transition %q", p.Transition)
	}
	if p.Next && p.Name != "" {
		return errors.New("a policy takes name or next, not both")
	}
	plan := Plan{AfterReads: p.AfterReads, Hold: p.Hold, Fail: p.Fail, To: p.To}
	if p.Delay != "" {
		d, err := time.ParseDuration(p.Delay)
		if err != nil || d < 0 {
			return fmt.Errorf("delay %q is not a duration", p.Delay)
		}
		plan.Delay = d
	}
	switch {
	case p.Next:
		return s.setPlan(in, nextLayer, p.Transition, "", plan)
	case p.Name != "":
		return s.setPlan(in, namedLayer, p.Transition, p.Name, plan)
	}
	return s.setPlan(in, kindLayer, p.Transition, "", plan)
}

func strictDecode(r io.Reader, v any) error {
	d := json.NewDecoder(r)
	d.DisallowUnknownFields()
	return d.Decode(v)
}

// effectJSON is Effect with its durations as Go duration strings.
type effectJSON struct {
	*effectAlias
	Latency       string `json:"latency,omitempty"`
	ResponseDelay string `json:"response_delay,omitempty"`
	LagFor        string `json:"lag_for,omitempty"`
}

type effectAlias Effect

// durField is one duration of an Effect: its JSON name, its value and
// its string form.
type durField struct {
	name string
	d    *time.Duration
	s    *string
}

// durations pairs each duration field of e with its JSON name and string.
func (aux *effectJSON) durations(e *Effect) [3]durField {
	return [3]durField{{"latency", &e.Latency, &aux.Latency}, {"response_delay", &e.ResponseDelay, &aux.ResponseDelay},
		{"lag_for", &e.LagFor, &aux.LagFor}}
}

// UnmarshalJSON reads an Effect, its durations as Go durations ("5s").
func (e *Effect) UnmarshalJSON(b []byte) error {
	aux := effectJSON{effectAlias: (*effectAlias)(e)}
	if err := strictDecode(bytes.NewReader(b), &aux); err != nil {
		return err
	}
	for _, f := range aux.durations(e) {
		if *f.s == "" {
			continue
		}
		d, err := time.ParseDuration(*f.s)
		if err != nil {
			return fmt.Errorf("%s %q is not a duration", f.name, *f.s)
		}
		*f.d = d
	}
	return nil
}

// MarshalJSON writes an Effect, its durations as Go duration strings.
func (e Effect) MarshalJSON() ([]byte, error) {
	aux := effectJSON{effectAlias: (*effectAlias)(&e)}
	for _, f := range aux.durations(&e) {
		if *f.d != 0 {
			*f.s = f.d.String()
		}
	}
	return json.Marshal(aux)
}
