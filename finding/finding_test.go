package finding

import (
	"encoding/json"
	"testing"
)

const (
	testID    ID = "logs/test-id"
	testOther ID = "certs/test-id"
)

func init() {
	Register(Spec{ID: testID, Severity: Warning, Others: []Severity{Info}}, Spec{ID: testOther, Severity: Error, Priority: 3})
}

func TestID(t *testing.T) {
	if testID.Name() != "test-id" || testID.Section() != Logs || testID.Spec().Severity != Warning {
		t.Errorf("%q: name %q, section %q, spec %+v", testID, testID.Name(), testID.Section(), testID.Spec())
	}
	if id, ok := Lookup(Certs, "test-id"); !ok || id != testOther {
		t.Errorf("Lookup(certs, test-id) = %q, %v", id, ok)
	}
	// Named takes the first section in its order: certs before logs.
	if id, ok := Named("test-id"); !ok || id != testOther {
		t.Errorf("Named(test-id) = %q, %v", id, ok)
	}
	if _, ok := Lookup(Logs, "no-such-id"); ok {
		t.Error("Lookup found an id that was never registered")
	}
	b, err := json.Marshal(Finding{ID: testID})
	if err != nil || string(b[:20]) != `{"id":"test-id","sev` {
		t.Errorf("JSON: %s, %v", b, err)
	}
}

func TestZeroID(t *testing.T) {
	var id ID
	if id.Name() != "" || id.Section() != "" || id.Spec().Severity != "" {
		t.Errorf("the zero ID has name %q, section %q, spec %+v", id.Name(), id.Section(), id.Spec())
	}
}

func TestRegisterPanics(t *testing.T) {
	for _, tc := range []struct {
		what string
		do   func()
	}{
		{"twice", func() { Register(Spec{ID: testID, Severity: Error}) }},
		{"without a section", func() { Register(Spec{ID: "test-id", Severity: Error}) }},
		{"without a severity", func() { Register(Spec{ID: "logs/new-id"}) }},
		{"unregistered name", func() { _ = ID("logs/never-registered").Name() }},
	} {
		func() {
			defer func() {
				if recover() == nil {
					t.Errorf("%s: no panic", tc.what)
				}
			}()
			tc.do()
		}()
	}
}
