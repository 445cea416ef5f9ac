package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// No file a user or a configuration names can hang a reader: /proc/kmsg
// (a "regular" file whose read blocks, and steals kernel messages as
// root), a named pipe without a writer, a device.
func TestReadersNeverBlock(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	write := func(name, content string) {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	write("key.pem", string(slowKeyPEM(t)))
	var pseudo []string
	for _, p := range []string{"/proc/kmsg", "/proc/self/status"} {
		if _, err := os.Stat(p); err == nil {
			pseudo = append(pseudo, p)
		}
	}
	if len(pseudo) == 0 {
		t.Fatal("no procfs on this machine")
	}
	type tc struct {
		args []string
		want string
	}
	var cases []tc
	for i, p := range pseudo {
		conf := func(name, body string) string {
			name = strings.Replace(name, ".conf", "-"+string(rune('a'+i))+".conf", 1)
			write(name, "events {}\nhttp {\n"+body+"\n}\n")
			return name
		}
		srv := "server { listen 443 ssl; ssl_certificate key.pem; ssl_certificate_key key.pem; ssl_verify_client on; %s }"
		cases = append(cases,
			tc{[]string{"certs", p}, "on procfs, not a real file"},
			tc{[]string{"certs", "--passin", "file:" + p, "key.pem"}, "on procfs, not a real file"},
			tc{[]string{"logs", p}, "on procfs, not a real file"},
			tc{[]string{"nginx", conf("include.conf", "include "+p+";")}, "on procfs"},
			tc{[]string{"nginx", conf("ca.conf", strings.Replace(srv, "%s", "ssl_client_certificate "+p+";", 1))}, ""},
			tc{[]string{"doctor", "--no-probe", conf("errlog.conf", strings.Replace(srv, "%s", "ssl_client_certificate key.pem; error_log "+p+" info;", 1))}, ""},
		)
	}
	cases = append(cases,
		tc{[]string{"certs", fifo}, "named pipe"},
		tc{[]string{"certs", "--passin", "file:" + fifo, "key.pem"}, "no passphrase in it"},
		tc{[]string{"certs", "/dev/zero"}, "character device"},
		tc{[]string{"logs", fifo}, ""},
		tc{[]string{"certs", "/proc/self"}, "on procfs"},
	)
	for _, c := range cases {
		o := runBinary(t, dir, nil, nil, 0, c.args...)
		if o.wall > 3*time.Second {
			t.Errorf("%v took %v", c.args, o.wall)
		}
		if !strings.Contains(o.stdout+o.stderr, c.want) {
			t.Errorf("%v: exit %d, no %q in:\n%s%s", c.args, o.code, c.want, o.stdout, o.stderr)
		}
		if strings.Count(o.stdout+o.stderr, "\n") > 60 {
			t.Errorf("%v: %d lines of output", c.args, strings.Count(o.stdout+o.stderr, "\n"))
		}
	}
}
