package catalogue

import "testing"

func TestFill(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"a {x} b", "a 1 b"},
		{"{reload}", "nginx -t && nginx -s reload"},
		{"if (x) { return 403; }", "if (x) { return 403; }"},
		{"keep {missing}", "keep {missing}"},
		{"Run:\n  {cmd}\nthen", "Run:\n  one\n  two\nthen"},
		{"text {cmd}", "text one\ntwo"},
	} {
		if got := Fill(tc.in, Vars{"x": "1", "cmd": "one\ntwo"}); got != tc.want {
			t.Errorf("Fill(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestBeforeConfirm: a note goes before the check WithConfirm appended,
// else at the end.
func TestBeforeConfirm(t *testing.T) {
	fix := WithConfirm("Do this.", "check it")
	if got, want := BeforeConfirm(fix, "Note."), "Do this.\nNote.\nConfirm it with:\n  check it"; got != want {
		t.Errorf("BeforeConfirm = %q, want %q", got, want)
	}
	if got := BeforeConfirm("Do this.", "Note."); got != "Do this.\nNote." {
		t.Errorf("BeforeConfirm without a check = %q", got)
	}
}
