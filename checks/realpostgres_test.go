package checks

import (
	"context"
	"fmt"
	"net"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/servertest"
)

// TestExplainRealPostgres: the refusals against a real PostgreSQL server
// (ssl_ca_file, ssl_crl_file, hostssl ... clientcert=verify-ca in
// pg_hba.conf) and its real client psql (sslmode=verify-full,
// sslrootcert, sslcert, sslkey), over TLS 1.2 and 1.3: psql's error is the
// client's story, each line the server logs about a connection is the
// server's.
func TestExplainRealPostgres(t *testing.T) {
	t.Parallel()
	checkServerMatrix(t, matrixServer{name: "PostgreSQL", start: postgresStart(t, ""), clients: map[string]func(sc tlsScenario, tls13 bool, addr string) string{"psql": psqlClient(t)},
		connLine: func(l string) bool {
			return strings.Contains(l, "SSL") || strings.Contains(l, "certificate")
		}, serverTerm: "ssl_ca_file", clientTerm: "ssl_ca_file"})
}

// postgresStart returns a function that starts a real PostgreSQL server
// for a scenario: a new cluster (initdb) with the scenario's certificate,
// key, client CA and CRL, on a free port of 127.0.0.1. With a client CA,
// pg_hba.conf asks for a client certificate with method (trust
// clientcert=verify-ca when ""). As root, the server runs as the postgres
// user, which owns its files.
func postgresStart(t *testing.T, method string) serverUnderTest {
	if method == "" {
		method = "trust clientcert=verify-ca"
	}
	bins, _ := filepath.Glob("/usr/lib/postgresql/*/bin/initdb")
	if len(bins) == 0 {
		t.Fatal("PostgreSQL's server is not installed (scripts/test.sh installs the postgresql package)")
	}
	bin := filepath.Dir(bins[len(bins)-1])
	var asUser []string
	var uid, gid = -1, -1
	if os.Geteuid() == 0 {
		pg, err := user.Lookup("postgres")
		if err != nil {
			t.Fatalf("no postgres user to run PostgreSQL as: %v", err)
		}
		uid, _ = strconv.Atoi(pg.Uid)
		gid, _ = strconv.Atoi(pg.Gid)
		asUser = []string{servertest.Tool(t, "runuser"), "-u", "postgres", "--"}
	}
	run := func(args ...string) (string, error) {
		ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
		defer cancel()
		argv := append(append([]string{}, asUser...), args...)
		out, err := exec.CommandContext(ctx, argv[0], argv[1:]...).CombinedOutput()
		return string(out), err
	}
	return func(t *testing.T, sc tlsScenario) (string, func() []string) {
		t.Helper()
		// Not under t.TempDir: the postgres user must reach it.
		dir, place := serverDir(t, "mtlsdoctor-pg-", uid, gid)
		conf := []string{"listen_addresses = '127.0.0.1'", "unix_socket_directories = '" + dir + "'", "ssl = on",
			"ssl_cert_file = '" + place(sc.srvCert, "server.crt", 0o644) + "'", "ssl_key_file = '" + place(sc.srvKey, "server.key", 0o600) + "'"}
		hba := "local all all trust\nhostssl all all 127.0.0.1/32 trust\n"
		if sc.clientCA != "" {
			conf = append(conf, "ssl_ca_file = '"+place(sc.clientCA, "client-ca.crt", 0o644)+"'")
			hba = "local all all trust\nhostssl all all 127.0.0.1/32 " + method + "\n"
		}
		if sc.crl != "" {
			conf = append(conf, "ssl_crl_file = '"+place(sc.crl, "crl.pem", 0o644)+"'")
		}
		data := filepath.Join(dir, "data")
		if out, err := run(filepath.Join(bin, "initdb"), "-D", data, "-U", "postgres", "--auth=trust", "--no-sync"); err != nil {
			t.Fatalf("initdb: %v\n%s", err, out)
		}
		logFile := filepath.Join(dir, "server.log")
		for attempt := 0; ; attempt++ {
			port, err := freePort()
			if err != nil {
				t.Fatal(err)
			}
			settings := append([]string{"port = " + port}, conf...)
			if err := os.WriteFile(filepath.Join(data, "postgresql.auto.conf"), []byte(strings.Join(settings, "\n")+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(filepath.Join(data, "pg_hba.conf"), []byte(hba), 0o600); err != nil {
				t.Fatal(err)
			}
			if uid >= 0 {
				for _, f := range []string{"postgresql.auto.conf", "pg_hba.conf"} {
					_ = os.Chown(filepath.Join(data, f), uid, gid)
				}
			}
			out, err := run(filepath.Join(bin, "pg_ctl"), "-D", data, "-l", logFile, "-w", "-t", "30", "start")
			if err == nil {
				t.Cleanup(func() { _, _ = run(filepath.Join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "stop") })
				return "127.0.0.1:" + port, func() []string {
					b, _ := os.ReadFile(logFile)
					return strings.Split(string(b), "\n")
				}
			}
			if attempt == 3 {
				b, _ := os.ReadFile(logFile)
				t.Fatalf("PostgreSQL did not start: %v\n%s\n%s", err, out, b)
			}
		}
	}
}

// psqlClient is a real psql connecting as the scenario's client
// (sslmode=verify-full against the scenario's CA, the system's when it
// has none), over TLS 1.2 or 1.3. It returns what psql printed.
func psqlClient(t *testing.T) func(sc tlsScenario, tls13 bool, addr string) string {
	psql := servertest.Tool(t, "psql")
	keys := t.TempDir()
	return func(sc tlsScenario, tls13 bool, addr string) string {
		_, port, _ := net.SplitHostPort(addr)
		ca := sc.ca
		if ca == "" {
			ca = "/etc/ssl/certs/ca-certificates.crt"
		}
		conn := fmt.Sprintf("host=%s hostaddr=127.0.0.1 port=%s user=postgres dbname=postgres connect_timeout=10 sslmode=verify-full sslrootcert=%s", sc.host, port, ca)
		if tls13 {
			conn += " ssl_min_protocol_version=TLSv1.3"
		} else {
			conn += " ssl_max_protocol_version=TLSv1.2"
		}
		if sc.cert != "" {
			// libpq refuses a key others can read.
			b, err := os.ReadFile(sc.key)
			if err != nil {
				return err.Error()
			}
			key := filepath.Join(keys, filepath.Base(sc.key))
			if err := os.WriteFile(key, b, 0o600); err != nil {
				return err.Error()
			}
			conn += " sslcert=" + sc.cert + " sslkey=" + key
		} else {
			conn += " sslcert=" + filepath.Join(keys, "none.crt") + " sslkey=" + filepath.Join(keys, "none.key")
		}
		var env []string
		for _, e := range os.Environ() {
			if !strings.HasPrefix(e, "PG") {
				env = append(env, e)
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 20*time.Second)
		defer cancel()
		cmd := exec.CommandContext(ctx, psql, conn, "-c", "SELECT 1")
		cmd.Env = env
		out, _ := cmd.CombinedOutput()
		return string(out)
	}
}

// TestExplainRealPostgresCertAuth: a real PostgreSQL server whose
// pg_hba.conf line uses the cert method accepts a trusted client
// certificate whose CN is not the database user, then refuses the login:
// psql's line and the server's are that refusal, each from its side, with
// pg_ident.conf in the fix.
func TestExplainRealPostgresCertAuth(t *testing.T) {
	t.Parallel()
	var sc tlsScenario
	for _, s := range tlsScenarios() {
		if s.name == "client certificate of another CA" {
			sc = s
		}
	}
	sc.clientCA, sc.cert, sc.key = sc.ca, fx+"good/client.crt", fx+"good/client.key" // trusted; its CN is "client", the user postgres
	addr, logLines := postgresStart(t, "cert")(t, sc)
	out := psqlClient(t)(sc, true, addr)
	time.Sleep(300 * time.Millisecond)
	lines := []struct{ line, role string }{{pastedLine("psql", out), "client"}}
	for _, l := range logLines() {
		if strings.Contains(l, "user name") || strings.Contains(l, "authentication failed") {
			lines = append(lines, struct{ line, role string }{l, "server"})
		}
	}
	if len(lines) < 3 {
		t.Fatalf("psql and the server printed less than expected:\n%s\n%s", out, strings.Join(logLines(), "\n"))
	}
	for _, l := range lines {
		f, ok := firstFinding(t, "cert method", l.line)
		if !ok {
			continue
		}
		if f.ID.Name() != "client-cert-rejected" || f.Role != l.role || !strings.Contains(f.Fix, "pg_ident.conf") {
			t.Errorf("%q: %s %s %q\n%s", l.line, f.ID.Name(), f.Role, f.Title, f.Fix)
		}
	}
}
