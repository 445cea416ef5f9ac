// Package finding holds what one finding is (the Finding every command
// reports) and the registry of finding ids: for each id its section, the
// severity it usually has, where it sorts among findings of the same
// severity, and whether it stops nginx from starting.
//
// Ids are registered once, beside their words in package catalogue, and
// used through the ID values Register returns: a finding can only be made
// from a registered id, so an unknown id does not compile.
//
// It imports nothing of mtlsdoctor's.
package finding

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"
)

// Severity of a finding.
type Severity string

// The three severities of the contract.
const (
	Error   Severity = "error"
	Warning Severity = "warning"
	Info    Severity = "info"
)

// Rank orders severities: errors first.
func (s Severity) Rank() int {
	switch s {
	case Error:
		return 0
	case Warning:
		return 1
	}
	return 2
}

// Section is the part of the diagnosis an id belongs to: the command that
// reports it, and the `section` of doctor's findings.
type Section string

// The sections. Explain is for ids only `explain` gives (what a client or
// a TLS alert says); Doctor for ids only `doctor` gives.
const (
	Certs   Section = "certs"
	Nginx   Section = "nginx"
	Probe   Section = "probe"
	Logs    Section = "logs"
	Doctor  Section = "doctor"
	Explain Section = "explain"
)

// Spec is what the registry knows about one id.
type Spec struct {
	// Name is the id as users and scripts see it, e.g. "weak-signature".
	Name string
	// Section is where the id is reported (its README table).
	Section Section
	// Severity is the severity the id has unless a rule says otherwise;
	// Others are the other severities a rule may give it.
	Severity Severity
	Others   []Severity
	// Priority orders findings of the same severity: lower comes first.
	Priority int
	// Startup is true when the problem stops nginx from starting or
	// reloading; doctor puts such findings first.
	Startup bool
}

// Severities lists every severity the id may have, the usual one first.
func (s Spec) Severities() []Severity {
	return append([]Severity{s.Severity}, s.Others...)
}

// ID is a registered finding id. Its zero value is no id.
type ID struct{ spec *Spec }

var (
	mu       sync.Mutex
	registry = map[Section]map[string]*Spec{}
)

// Register adds an id to the registry and returns it. It panics when the
// same name is registered twice in one section, or the spec is incomplete:
// both are programming errors that every test run would show.
func Register(s Spec) ID {
	if s.Name == "" || s.Section == "" || s.Severity == "" {
		panic(fmt.Sprintf("finding: incomplete spec %+v", s))
	}
	mu.Lock()
	defer mu.Unlock()
	if registry[s.Section] == nil {
		registry[s.Section] = map[string]*Spec{}
	}
	if registry[s.Section][s.Name] != nil {
		panic("finding: " + string(s.Section) + " id " + s.Name + " registered twice")
	}
	sp := s
	registry[s.Section][s.Name] = &sp
	return ID{&sp}
}

// Name is the id as it appears in the output ("" for the zero ID).
func (id ID) Name() string {
	if id.spec == nil {
		return ""
	}
	return id.spec.Name
}

// String is Name.
func (id ID) String() string { return id.Name() }

// Spec is the registry's entry for the id.
func (id ID) Spec() Spec {
	if id.spec == nil {
		return Spec{}
	}
	return *id.spec
}

// MarshalJSON writes the id as its name.
func (id ID) MarshalJSON() ([]byte, error) { return json.Marshal(id.Name()) }

// Lookup finds a registered id by section and name.
func Lookup(section Section, name string) (ID, bool) {
	mu.Lock()
	defer mu.Unlock()
	sp := registry[section][name]
	return ID{sp}, sp != nil
}

// Named finds a registered id by name alone, in the first section (in the
// order certs, nginx, probe, logs, doctor, explain) that has it.
func Named(name string) (ID, bool) {
	for _, s := range []Section{Certs, Nginx, Probe, Logs, Doctor, Explain} {
		if id, ok := Lookup(s, name); ok {
			return id, true
		}
	}
	return ID{}, false
}

// All lists every registered id, by section and name.
func All() []ID {
	mu.Lock()
	defer mu.Unlock()
	var out []ID
	for _, m := range registry {
		for _, sp := range m {
			out = append(out, ID{sp})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i].spec, out[j].spec
		if a.Section != b.Section {
			return a.Section < b.Section
		}
		return a.Name < b.Name
	})
	return out
}
