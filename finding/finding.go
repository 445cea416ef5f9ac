// Package finding holds what one finding is (the Finding every command
// reports) and the registry of finding ids: for each id its section, the
// severity it usually has, where it sorts among findings of the same
// severity, and whether it stops nginx from starting.
//
// An id is a string constant, its section and name ("logs/verify-error"),
// declared beside its words in package catalogue and registered there at
// init. Being constants, ids let the tables that name them (catalogue's
// entries) be static data laid out by the linker, rather than code run at
// every start. An id that was never registered panics when its name or spec
// is asked for, so it never reaches the output; catalogue's tests check that
// every id it declares is registered.
//
// It imports nothing of mtlsdoctor's.
package finding

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"
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
	// ID is the id the spec is for.
	ID ID
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

// ID is a finding id: its section, a slash and its name as users and
// scripts see it ("logs/verify-error"). Its zero value is no id.
type ID string

var (
	mu       sync.RWMutex
	registry = map[ID]*Spec{}
)

// Register adds ids to the registry, which keeps the specs it is given (a
// package's static table of them). It panics when an id is registered
// twice, is not "section/name", or its spec has no severity: all are
// programming errors that every test run would show.
func Register(specs ...Spec) {
	mu.Lock()
	defer mu.Unlock()
	for i := range specs {
		s := &specs[i]
		section, name, ok := strings.Cut(string(s.ID), "/")
		if !ok || section == "" || name == "" || s.Severity == "" {
			panic(fmt.Sprintf("finding: incomplete spec: id %q, severity %q", string(s.ID), s.Severity))
		}
		if _, dup := registry[s.ID]; dup {
			panic("finding: " + section + " id " + name + " registered twice")
		}
		registry[s.ID] = s
	}
}

// Spec is the registry's entry for the id (the zero Spec for the zero ID).
// It panics for an id that was never registered.
func (id ID) Spec() Spec {
	if id == "" {
		return Spec{}
	}
	mu.RLock()
	sp, ok := registry[id]
	mu.RUnlock()
	if !ok {
		panic("finding: id " + string(id) + " is not registered")
	}
	return *sp
}

// Name is the id as it appears in the output ("" for the zero ID).
func (id ID) Name() string {
	_, name, _ := strings.Cut(string(id.Spec().ID), "/")
	return name
}

// Section is the section of the id ("" for the zero ID).
func (id ID) Section() Section {
	section, _, _ := strings.Cut(string(id.Spec().ID), "/")
	return Section(section)
}

// String is Name.
func (id ID) String() string { return id.Name() }

// MarshalJSON writes the id as its name.
func (id ID) MarshalJSON() ([]byte, error) { return json.Marshal(id.Name()) }

// Lookup finds a registered id by section and name.
func Lookup(section Section, name string) (ID, bool) {
	id := ID(string(section) + "/" + name)
	mu.RLock()
	defer mu.RUnlock()
	if _, ok := registry[id]; !ok {
		return "", false
	}
	return id, true
}

// Named finds a registered id by name alone, in the first section (in the
// order certs, nginx, probe, logs, doctor, explain) that has it.
func Named(name string) (ID, bool) {
	for _, s := range []Section{Certs, Nginx, Probe, Logs, Doctor, Explain} {
		if id, ok := Lookup(s, name); ok {
			return id, true
		}
	}
	return "", false
}

// All lists every registered id, by section and name.
func All() []ID {
	mu.RLock()
	out := make([]ID, 0, len(registry))
	for id := range registry {
		out = append(out, id)
	}
	mu.RUnlock()
	sort.Slice(out, func(i, j int) bool {
		a, b := out[i], out[j]
		if a.Section() != b.Section() {
			return a.Section() < b.Section()
		}
		return a.Name() < b.Name()
	})
	return out
}
