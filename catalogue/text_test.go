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
