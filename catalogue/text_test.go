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

// TestConfirmRemark: a check's remark in brackets is read, not pasted: it
// goes into the line that leads to the command; a command that ends in a
// bracket of its own ($(...)) stays whole.
func TestConfirmRemark(t *testing.T) {
	for _, tc := range []struct{ confirm, want string }{
		{"openssl x509 -noout -purpose -in client.crt (must show `SSL client : Yes`)",
			"Do this.\nConfirm it with (must show `SSL client : Yes`):\n  openssl x509 -noout -purpose -in client.crt"},
		{"curl -sv $(openssl x509 -noout -ocsp_uri -in server.crt)",
			"Do this.\nConfirm it with:\n  curl -sv $(openssl x509 -noout -ocsp_uri -in server.crt)"},
		{"nmap -p 3389 --script ssl-cert host",
			"Do this.\nConfirm it with:\n  nmap -p 3389 --script ssl-cert host"},
	} {
		if got := WithConfirm("Do this.", tc.confirm); got != tc.want {
			t.Errorf("WithConfirm(%q) = %q, want %q", tc.confirm, got, tc.want)
		}
	}
	if got, want := BeforeConfirm(WithConfirm("Do this.", "head -1 key.pem (ENCRYPTED in it means a passphrase)"), "Note."),
		"Do this.\nNote.\nConfirm it with (ENCRYPTED in it means a passphrase):\n  head -1 key.pem"; got != want {
		t.Errorf("BeforeConfirm = %q, want %q", got, want)
	}
}
