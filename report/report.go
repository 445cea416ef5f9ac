// Package report holds the one model every mtlsdoctor command fills in
// (findings, a summary, and per-command extras such as the certificate
// table) and renders it two ways: JSON for scripts and text for people,
// laid out in the width of the terminal. Both views are produced from the
// same values, so they never disagree. It imports package finding and,
// for the probe's results that it shows as they are, package probe (and,
// for colours, lipgloss and termenv).
package report

import (
	"encoding/json"
	"io"
	"sort"
	"strings"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// Severity of a finding (see package finding).
type Severity = finding.Severity

// The three severities of the contract.
const (
	Error   = finding.Error
	Warning = finding.Warning
	Info    = finding.Info
)

// Finding is one finding (see package finding).
type Finding = finding.Finding

// Summary counts findings by severity.
type Summary struct {
	Errors   int `json:"errors"`
	Warnings int `json:"warnings"`
	Infos    int `json:"infos"`
}

// Certificate is one row of the certs table.
type Certificate struct {
	Files        []string `json:"files"`
	Role         string   `json:"role"`
	Subject      string   `json:"subject"`
	Issuer       string   `json:"issuer"`
	Serial       string   `json:"serial"`
	NotBefore    string   `json:"not_before"`
	NotAfter     string   `json:"not_after"`
	Key          string   `json:"key"`
	Signature    string   `json:"signature"`
	SHA256       string   `json:"sha256"`
	KeyFile      string   `json:"key_file,omitempty"`
	NginxVerdict string   `json:"nginx_verdict,omitempty"`
}

// Server is one mTLS server block of an nginx configuration (`nginx` and
// `doctor`): where it is and the client-certificate settings in effect
// there after nginx's http -> server inheritance.
type Server struct {
	Server            string `json:"server"`
	File              string `json:"file"`
	Line              int    `json:"line"`
	Listen            string `json:"listen"`
	VerifyClient      string `json:"verify_client"`
	VerifyDepth       int    `json:"verify_depth"`
	ClientCertificate string `json:"client_certificate"`
	ErrorLog          string `json:"error_log"`
	AccessLog         string `json:"access_log"`
	// ErrorLogLevel is the lowest level any of the block's error logs
	// writes ("error" by default); client-certificate errors need "info".
	ErrorLogLevel string `json:"error_log_level"`
	// ClientCertVerdict is what nginx would log in this block for the
	// client certificate doctor was given (--cert/--p12): SUCCESS or
	// FAILED:code:text.
	ClientCertVerdict string `json:"client_cert_verdict,omitempty"`
}

// Report is the whole result of one command.
type Report struct {
	Command      string        `json:"command"`
	Findings     []Finding     `json:"findings"`
	Summary      Summary       `json:"summary"`
	Certificates []Certificate `json:"certificates,omitempty"`
	// Servers is set by `nginx` (and `doctor`): one entry per mTLS server block.
	Servers []Server `json:"servers,omitempty"`
	// LinesRead and LinesMatched are set by `logs`.
	LinesRead    *int64 `json:"lines_read,omitempty"`
	LinesMatched *int64 `json:"lines_matched,omitempty"`
	// Next is the one thing to do next, in plain words. Finish derives it
	// unless the command set it.
	Next string `json:"next,omitempty"`
	// Incomplete names what could not be checked (a log or a key that
	// could not be read, nginx -T that did not run, an address not
	// probed): the report then says the diagnosis is incomplete.
	Incomplete []string `json:"incomplete,omitempty"`
	// AllClear is what Next says when no finding needs fixing.
	AllClear string `json:"-"`
	// Lead, when a finding has this id, makes that finding the one Next
	// is about, whatever comes before it (the logs' missing reasons).
	Lead finding.ID `json:"-"`
	// Header is a one-line description of what was examined (text only).
	Header string `json:"-"`
	// ShowSections makes the text view name each finding's Section
	// (`doctor`, whose findings come from several checks).
	ShowSections bool `json:"-"`

	// ProbeTarget is set by `probe` with one target: being embedded, its
	// fields sit at the top level of the JSON, next to command, findings
	// and summary (whose own fields of the same names take precedence).
	*ProbeTarget
	// Targets is set by `probe` with several targets, one entry each,
	// each with its own findings and summary.
	Targets []ProbeTarget `json:"targets,omitempty"`
	// ProbeTargets is set by `doctor`: the same per-target objects for
	// the addresses it probed.
	ProbeTargets []ProbeTarget `json:"probe_targets,omitempty"`
}

// Finish sorts the findings (most important first), fills in the summary
// and, if Next is empty, derives it: the title and fix of the Lead finding
// or else the first one that is not a note, or AllClear when there is none.
func (r *Report) Finish() {
	sort.SliceStable(r.Findings, func(i, j int) bool {
		a, b := r.Findings[i], r.Findings[j]
		if a.Severity.Rank() != b.Severity.Rank() {
			return a.Severity.Rank() < b.Severity.Rank()
		}
		if a.Priority != b.Priority {
			return a.Priority < b.Priority
		}
		if a.ID != b.ID {
			return a.ID.Name() < b.ID.Name()
		}
		if a.File != b.File {
			return a.File < b.File
		}
		if a.Line != b.Line {
			return a.Line < b.Line
		}
		return a.Server < b.Server
	})
	r.Summary = Summary{}
	for _, f := range r.Findings {
		switch f.Severity {
		case Error:
			r.Summary.Errors++
		case Warning:
			r.Summary.Warnings++
		default:
			r.Summary.Infos++
		}
	}
	if r.Findings == nil {
		r.Findings = []Finding{}
	}
	if r.Next == "" {
		r.Next = r.next()
	}
}

// nextFixLines is how much of a fix Next repeats; the finding has the rest.
const nextFixLines = 6

func (r *Report) next() string {
	lead := -1
	for i, f := range r.Findings {
		if r.Lead != "" && f.ID == r.Lead {
			lead = i
			break
		}
		if lead < 0 && f.Severity != Info {
			lead = i
		}
	}
	if lead < 0 {
		return r.AllClear
	}
	f := r.Findings[lead]
	lines := strings.Split(f.Fix, "\n")
	if len(lines) > nextFixLines {
		lines = append(lines[:nextFixLines], "(the full fix is in the finding above)")
	}
	return f.Title + ".\n" + strings.Join(lines, "\n")
}

// ExitCode is the contract's exit status for a report that ran:
// 1 when any finding is an error, else 0.
func (r *Report) ExitCode() int {
	if r.Summary.Errors > 0 {
		return 1
	}
	return 0
}

// WarmJSON has encoding/json learn the report's types (its first
// encoding of a type reads the type's fields), so that a caller can have
// it done on another goroutine while it gathers the report.
func WarmJSON() {
	_ = WriteJSON(io.Discard, &Report{Findings: []Finding{{}}})
}

// WriteJSON writes the report as one indented JSON document.
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}
