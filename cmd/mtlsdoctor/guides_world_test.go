package main

import (
	"context"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/internal/fixrun"
	"github.com/mtlsdoctor/mtlsdoctor/internal/nginxtest"
)

// guideMeta is testdata/guides/NAME/meta.json: where a public guide's
// commands come from, and which of the files they make nginx would use.
type guideMeta struct {
	URL         string   `json:"url"`
	Title       string   `json:"title"`
	Adaptations []string `json:"adaptations"`
	// ClientCA is the file the guide gives ssl_client_certificate (or its
	// server's equivalent), relative to the directory the commands ran in.
	ClientCA string `json:"client_ca"`
	// VerifyDepth is the guide's ssl_verify_depth; 0 leaves nginx's default.
	VerifyDepth int `json:"verify_depth"`
	// Stdin answers the commands' prompts as a user would (openssl ca's
	// "Sign the certificate? [y/n]").
	Stdin string `json:"stdin"`
	// CAKeyPass is the passphrase of the guide's CA key, if it sets one.
	CAKeyPass string `json:"ca_key_pass"`
	// Clients are the client certificates the guide makes, each with its
	// key and the key's passphrase if the guide sets one.
	Clients []struct {
		Cert    string `json:"cert"`
		Key     string `json:"key"`
		KeyPass string `json:"key_pass"`
	} `json:"clients"`
}

// TestPublicGuides runs the commands of public mTLS guides as their pages
// print them (testdata/guides, each folder with its source address), then
// presents each client certificate they make to a real nginx configured as
// the guide says, and checks that `mtlsdoctor certs` on the guide's files
// predicts nginx's verdict, and that a refused certificate is an error with
// a fix, never "nothing to fix".
func TestPublicGuides(t *testing.T) {
	nginxtest.Require(t)
	metas, err := filepath.Glob(filepath.Join("..", "..", "testdata", "guides", "*", "meta.json"))
	if err != nil || len(metas) < 8 {
		t.Fatalf("testdata/guides: %d guides (%v), want at least 8", len(metas), err)
	}
	for _, mp := range metas {
		src := filepath.Dir(mp)
		t.Run(filepath.Base(src), func(t *testing.T) {
			t.Parallel()
			runGuide(t, src)
		})
	}
}

func runGuide(t *testing.T, src string) {
	var m guideMeta
	b, err := os.ReadFile(filepath.Join(src, "meta.json"))
	if err == nil {
		err = json.Unmarshal(b, &m)
	}
	if err != nil || m.URL == "" || m.ClientCA == "" || len(m.Clients) == 0 {
		t.Fatalf("%s/meta.json: %v (want url, client_ca and clients)", src, err)
	}
	script, err := os.ReadFile(filepath.Join(src, "commands.sh"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(script), "# source: "+m.URL) {
		t.Fatalf("%s/commands.sh does not name its source %s", src, m.URL)
	}
	dir := t.TempDir()
	ctx, cancel := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "bash", "-e", "-c", string(script))
	cmd.Dir = dir
	cmd.Stdin = strings.NewReader(m.Stdin)
	cmd.Env = append(os.Environ(), "HOME="+dir, "RANDFILE="+filepath.Join(dir, ".rnd"))
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the guide's commands failed: %v\n%s", err, out)
	}
	in := func(p string) string { return filepath.Join(dir, p) }

	c := nginxtest.NewConfig(in(m.ClientCA))
	if m.VerifyDepth > 0 {
		c.VerifyDepth = m.VerifyDepth
	}
	srv := nginxtest.Start(t, c)

	code, out, errs := runCLI(t, "certs", "--format", "json", "--ca", in(m.ClientCA), "--verify-depth", strconv.Itoa(max(m.VerifyDepth, 1)), dir)
	if errs != "" || code > 1 {
		t.Fatalf("certs: exit %d, stderr %q", code, errs)
	}
	var rep struct {
		Findings []struct {
			ID, Severity, Fix, File string
			Files                   []string
		}
		Certificates []struct {
			Files        []string
			Role         string
			NginxVerdict string `json:"nginx_verdict"`
		}
	}
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("certs JSON: %v\n%s", err, out)
	}
	refused := false
	for _, cl := range m.Clients {
		key := in(cl.Key)
		if cl.KeyPass != "" {
			// curl is given the key without its passphrase; the guide's
			// file stays as it is.
			plain := filepath.Join(t.TempDir(), "client.key")
			nginxtest.OpenSSL(t, "pkey", "-in", key, "-passin", "pass:"+cl.KeyPass, "-out", plain)
			key = plain
		}
		got := srv.Present(t, in(cl.Cert), key)
		var predicted string
		for _, row := range rep.Certificates {
			for _, f := range row.Files {
				if f == in(cl.Cert) {
					predicted = row.NginxVerdict
				}
			}
		}
		t.Logf("%s: nginx %s, predicted %s", cl.Cert, got.Result, predicted)
		if predicted != got.Result {
			t.Errorf("%s: nginx says %s, mtlsdoctor predicts %q (%s)", cl.Cert, got.Result, predicted, m.URL)
		}
		if strings.HasPrefix(got.Result, "FAILED:") {
			refused = true
			doctorLeadsWithCert(t, srv, in(cl.Cert), key, got.Result)
			// The first error about this certificate, its fix run as
			// printed in the guide's directory (the CA key's passphrase
			// given as the user would type it), makes nginx accept it.
			fix := ""
			for _, f := range rep.Findings {
				if f.Severity == "error" && f.File == in(cl.Cert) && fix == "" {
					fix = f.Fix
				}
			}
			if fix == "" {
				t.Errorf("%s: no error with a fix names it", cl.Cert)
				continue
			}
			runGuideFix(t, dir, fix, m.CAKeyPass)
			if again := srv.Present(t, in(cl.Cert), in(cl.Key)); again.Result != "SUCCESS" {
				t.Errorf("%s after the fix:\n%s\nnginx says %s, want SUCCESS", cl.Cert, fix, again.Result)
			}
		}
	}
	if refused {
		if code != 1 || !hasErrorWithFix(rep.Findings) {
			t.Errorf("nginx refuses a client certificate of this guide, but certs exits %d without an error that has a fix:\n%s", code, out)
		}
	}
}

func hasErrorWithFix(fs []struct {
	ID, Severity, Fix, File string
	Files                   []string
}) bool {
	for _, f := range fs {
		if f.Severity == "error" && f.Fix != "" {
			return true
		}
	}
	return false
}

// doctorLeadsWithCert runs doctor on the running nginx's configuration with
// a client certificate nginx refused (verdict): its prediction for the
// block must be nginx's verdict, and its first finding the certificate's
// own error, not the probe's symptom.
func doctorLeadsWithCert(t *testing.T, srv *nginxtest.Server, cert, key, verdict string) {
	t.Helper()
	code, out, errs := runCLI(t, "doctor", "--no-logs", "--format", "json", "--cert", cert, "--key", key, srv.Conf)
	if code != 1 || errs != "" {
		t.Errorf("doctor --cert %s: exit %d (want 1), stderr %q", cert, code, errs)
		return
	}
	doc := parseDoctor(t, out)
	if len(doc.Servers) != 1 || doc.Servers[0].ClientCertVerdict != verdict {
		t.Errorf("doctor --cert %s: servers %+v, want the predicted verdict %s", cert, doc.Servers, verdict)
	}
	if len(doc.Findings) == 0 {
		t.Fatalf("doctor --cert %s: no findings", cert)
	}
	first := doc.Findings[0]
	t.Logf("doctor --cert %s: first finding %s/%s %q", filepath.Base(cert), first.Section, first.ID, first.Title)
	if first.Severity != "error" || first.Section != "certs" || !strings.Contains(first.Title, filepath.Base(cert)) {
		t.Errorf("doctor --cert %s: first finding %s/%s %q, want the certificate's own error", cert, first.Section, first.ID, first.Title)
	}
	for _, f := range doc.Findings {
		if f.ID == "prediction-differs" {
			t.Errorf("doctor --cert %s: the probe disagrees with the prediction: %s", cert, f.Title)
		}
	}
}

// runGuideFix runs the command lines of a fix (its indented lines) in dir,
// as printed; a CA key's passphrase (caPass) is given to the commands
// that sign with it, as the user would type it at openssl's prompt.
func runGuideFix(t *testing.T, dir, fix, caPass string) {
	t.Helper()
	for _, line := range strings.Split(fix, "\n") {
		if !strings.HasPrefix(line, "  ") {
			continue
		}
		line = strings.TrimSpace(line)
		if caPass != "" && strings.Contains(line, " -CAkey ") {
			line += " -passin pass:" + caPass
		}
		fixrun.Line(t, dir, line)
	}
}

// TestGuideSnippets lints the nginx directives the guides print
// (nginx.conf.snippet, as printed: a whole nginx.conf, a server block, or
// a few directives) and wants the kinds of finding a reader of each
// labelled (meta.json's nginx_ids; missing-file aside, as the guides'
// paths are not on this machine).
func TestGuideSnippets(t *testing.T) {
	metas, err := filepath.Glob(filepath.Join("..", "..", "testdata", "guides", "*", "meta.json"))
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, mp := range metas {
		var m struct {
			URL      string
			NginxIDs *[]string `json:"nginx_ids"`
		}
		b, err := os.ReadFile(mp)
		if err == nil {
			err = json.Unmarshal(b, &m)
		}
		if err != nil {
			t.Fatal(err)
		}
		if m.NginxIDs == nil {
			continue
		}
		n++
		snippet := filepath.Join(filepath.Dir(mp), "nginx.conf.snippet")
		code, out, errs := runCLI(t, "nginx", "--format", "json", snippet)
		if code > 1 || errs != "" {
			t.Errorf("%s: exit %d, stderr %q", snippet, code, errs)
			continue
		}
		var rep struct{ Findings []struct{ ID string } }
		if err := json.Unmarshal([]byte(out), &rep); err != nil {
			t.Fatalf("%s: %v", snippet, err)
		}
		ids := map[string]bool{}
		for _, f := range rep.Findings {
			if f.ID != "missing-file" {
				ids[f.ID] = true
			}
		}
		got := []string{}
		for id := range ids {
			got = append(got, id)
		}
		sort.Strings(got)
		want := append([]string{}, *m.NginxIDs...)
		sort.Strings(want)
		if strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s (%s): kinds of finding %v, want %v", snippet, m.URL, got, want)
		}
	}
	if n < 5 {
		t.Fatalf("%d guides with labelled nginx snippets, want at least 5", n)
	}
}
