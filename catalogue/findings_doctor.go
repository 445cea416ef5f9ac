package catalogue

import (
	"strconv"

	"github.com/mtlsdoctor/mtlsdoctor/finding"
)

// This file holds the findings only `doctor` makes: about how it read the configuration, what it could not probe or read.

// Ids only `doctor` gives.
const (
	NginxTFailed finding.ID = "doctor/nginx-t-failed"
	NotProbed    finding.ID = "doctor/not-probed"
	LogNotRead   finding.ID = "doctor/log-not-read"
	// PredictionDiffers: the verdict the model gave the client
	// certificate and what the running server did disagree.
	PredictionDiffers finding.ID = "doctor/prediction-differs"
)

var doctorIDs = []finding.Spec{
	{ID: NginxTFailed, Severity: errs, Others: []finding.Severity{warn}, Startup: true},
	{ID: NotProbed, Severity: warn},
	{ID: LogNotRead, Severity: note, Others: []finding.Severity{warn}},
	{ID: PredictionDiffers, Severity: warn},
}

func init() { finding.Register(doctorIDs...) }

// ProbeConfirmsWhy is added to the finding that names why nginx refuses
// the given certificate when the probe saw that refusal ({title}).
const ProbeConfirmsWhy = "The probe confirms it: {title}."

// LogConfirmsWhy is added to that finding when nginx's log holds the
// same refusal ({times}: Times, {seen}: "at T" or "from T1 to T2").
const LogConfirmsWhy = "nginx's log shows the same refusal {times}, {seen}."

// AccessLogConfirmsWhy is added too when the access log's 495 requests
// ({times}) are those refusals.
const AccessLogConfirmsWhy = "The access log shows them as requests answered 400 ({times})."

// Times is "once", or "N times".
func Times(n int) string {
	if n == 1 {
		return "once"
	}
	return strconv.Itoa(n) + " times"
}

// The words of doctor's own findings.
var (
	// PredictionDiffersText: for {cert} in {server}, mtlsdoctor predicted
	// {verdict}, but the probe of {addr} got {attempt}.
	PredictionDiffersText = Text{ID: PredictionDiffers,
		Title: "{addr} did not do what mtlsdoctor predicted for {cert}: predicted {verdict}, got {attempt}",
		Why: "mtlsdoctor judged the certificate as this block would (its CA files, ssl_crl, ssl_verify_depth and security level) and the running server answered otherwise. " +
			"Usually the running nginx does not run this configuration (it was changed and not reloaded, or another file is in use), or it runs another OpenSSL or security level; " +
			"otherwise mtlsdoctor's model of OpenSSL is wrong here. The verify line nginx wrote for the probe says which.",
		Fix: "Make the running nginx load this configuration:\n  {reload}\nthen run doctor again and read the verify line nginx logged for the probe:\n  mtlsdoctor logs {error_log}",
	}
	// NginxTNotRunText: `nginx -T` could not run or read everything
	// ({problem}, usually a permission), so doctor read {default_conf}
	// from disk (a note).
	NginxTNotRunText = Text{ID: NginxTFailed,
		Title: "nginx -T did not run: {problem}",
		Why:   "doctor reads the configuration the running nginx uses with `nginx -T`, which needs to read every file nginx loads (private keys too), usually as root. It read {default_conf} and its includes from disk instead.",
		Fix:   "Run doctor as root:\n  sudo mtlsdoctor doctor",
	}
	// NginxTRejectsText: nginx ({bin}) refuses its own configuration
	// with {problem}, its [emerg] line.
	NginxTRejectsText = Text{ID: NginxTFailed,
		Title: "nginx -t rejects the configuration: {problem}",
		Why:   "nginx refuses this configuration, so it will not start, and a reload (nginx -s reload, systemctl reload nginx) keeps the old configuration running. The findings below were made on {default_conf} read from disk.",
		Fix:   "Fix what nginx names, then check with:\n  sudo {bin} -t",
	}
	// NotProbedText: listen {listen} is not on this machine ({why});
	// {command} probes it from a client.
	NotProbedText = Text{ID: NotProbed,
		Title: "listen {listen} was not probed: {why}",
		Why:   "doctor only connects to addresses on this machine (loopback, or an address of one of its interfaces), so that it never sends a client certificate elsewhere.",
		Fix:   "Probe it from a client that can reach it:\n  {command}",
	}
	// LogNotAFileText: the {kind} goes to {path} (stderr, syslog, memory);
	// {name} is "error" or "access".
	LogNotAFileText = Text{ID: LogNotRead,
		Title: "{kind} {path} was not read: not a file",
		Why:   "nginx sends this log to {path}, which doctor cannot read back.",
		Fix:   "Read it where it goes: on the syslog server, or from the journal:\n  journalctl -u nginx -o cat | mtlsdoctor logs -\nor log to a file as well:\n  {kind} /var/log/nginx/{name}.log;",
	}
	// LogPerRequestText: the {kind} file name {path} has variables.
	LogPerRequestText = Text{ID: LogNotRead,
		Title: "{kind} {path} was not read: its name has variables",
		Why:   "The file name is made per request from variables, so doctor cannot tell which files exist.",
		Fix:   "Read the files it produced with:\n  mtlsdoctor logs FILE...",
	}
	// LogMissingText: the {kind} {path} does not exist.
	LogMissingText = Text{ID: LogNotRead,
		Title: "{kind} {path} does not exist",
		Why:   "nginx creates its logs when it starts; a missing log usually means nginx has not run with this configuration, or writes elsewhere (a relative path is relative to nginx's prefix, see nginx -V).",
		Fix:   "Start nginx:\n  sudo nginx -t && sudo systemctl start nginx\nthen run doctor again.",
	}
	// LogStatFailedText: the {kind} {path} could not be looked at ({error}).
	LogStatFailedText = Text{ID: LogNotRead,
		Title: "{kind} {path} could not be read: {error}",
		Why:   "doctor could not look at the file.",
		Fix:   "Run doctor as root:\n  sudo mtlsdoctor doctor",
	}
	// LogNotRegularText: the {kind} {path} is a pipe, device or directory.
	LogNotRegularText = Text{ID: LogNotRead,
		Title: "{kind} {path} is not a regular file",
		Why:   "doctor reads only regular files (never a pipe or a device).",
		Fix:   "Read it with:\n  mtlsdoctor logs FILE",
	}
	// LogReadFailedText: reading the {kind} {path} failed ({error}).
	LogReadFailedText = Text{ID: LogNotRead,
		Title: "{kind} {path} could not be read: {error}",
		Why:   "doctor could not read the file; nginx logs are usually readable by root and the adm group only.",
		Fix:   "Run doctor as root:\n  sudo mtlsdoctor doctor",
	}
	// LogUnknownFormatText: none of the {lines} lines of the {kind}
	// {path} is in a format doctor reads.
	LogUnknownFormatText = Text{ID: LogNotRead,
		Title: "{kind} {path}: no line in a format doctor knows ({lines} lines)",
		Why:   "Error logs are read in nginx's format; access logs in the combined format (nginx's default) or as JSON. A custom log_format is not understood.",
		Fix:   "Add a log in the combined format next to it:\n  access_log /var/log/nginx/access.log combined;",
	}
)

// OwnProbesNote ends the explanation of a log group of failed TLS 1.0/1.1
// handshakes when every client was this machine, which doctor then
// reports as a note.
const OwnProbesNote = "Every such client here connected from this machine: the TLS 1.0 and 1.1 attempts of an earlier `mtlsdoctor doctor` or `mtlsdoctor probe` run are logged like this."

// doctor's next step when nothing is wrong: DoctorAllClearTryCert when it
// probed without a client certificate of the user's.
const (
	DoctorAllClear        = "nothing to fix."
	DoctorAllClearTryCert = "nothing to fix. Check a real client certificate too:\n  sudo mtlsdoctor doctor --cert client.crt --key client.key"
)

// InterruptedAllClear is the next step of probe and doctor when nothing
// was found before Ctrl-C or SIGTERM ended the run: not an all-clear.
const InterruptedAllClear = "nothing found before the run was interrupted; run it again and let it finish."

// Interrupted is what rep.Incomplete names for work an interrupted run
// did not finish ({what}: "the probe of 127.0.0.1:443", "the logs").
const Interrupted = "{what} (interrupted)"
