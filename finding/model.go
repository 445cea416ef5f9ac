package finding

// Finding is one thing wrong (or worth knowing), with why and how to fix it.
// Rules make findings with ID.New or with a catalogue text, never by hand,
// so that every finding has a registered id.
type Finding struct {
	ID          ID       `json:"id"`
	Severity    Severity `json:"severity"`
	Title       string   `json:"title"`
	Explanation string   `json:"explanation"`
	Fix         string   `json:"fix"`
	File        string   `json:"file,omitempty"`
	Subject     string   `json:"subject,omitempty"`
	Serial      string   `json:"serial,omitempty"`
	// OpenSSLError is the "code:text" nginx logs, e.g. "68:CA signature digest algorithm too weak".
	OpenSSLError string `json:"openssl_error,omitempty"`
	Code         int    `json:"code,omitempty"`
	// Count, FirstSeen, LastSeen, Clients and Example describe a group of
	// log lines (`logs`).
	Count     int      `json:"count,omitempty"`
	FirstSeen string   `json:"first_seen,omitempty"`
	LastSeen  string   `json:"last_seen,omitempty"`
	Clients   []string `json:"clients,omitempty"`
	Example   string   `json:"example,omitempty"`
	// Reporter and Role say who wrote a pasted or logged line (nginx,
	// curl, openssl, go, python, java, node, browser, haproxy, apache,
	// envoy, unknown) and its part in the failing handshake (server or
	// client); `explain` and `logs` set them.
	Reporter string `json:"reporter,omitempty"`
	Role     string `json:"role,omitempty"`
	// SideUnknown marks a finding whose line does not say which side
	// wrote it: Role is then only the likelier one, and the text says so.
	SideUnknown bool `json:"-"`
	// NoHandshake marks a finding about a command run on files (the
	// openssl command making a key, a request or a certificate): no
	// connection was made, and the text says so instead of a side.
	NoHandshake bool `json:"-"`
	// OwnFix marks a finding whose fix is a product's own catalogue
	// entry's: a program-wide fix for the same id does not replace it.
	OwnFix bool `json:"-"`
	// Resolved marks a log group whose cause no longer holds (logged
	// before nginx's last start or reload): a note that sets neither the
	// exit status nor Next.
	Resolved bool `json:"resolved,omitempty"`
	// Target is the probed endpoint a `probe` finding is about.
	Target string `json:"target,omitempty"`
	// Section, Server and Line are set by `nginx` (and `doctor`): which
	// part of the diagnosis found it, which server block ("localhost 443
	// ssl") and the line in File.
	Section Section `json:"section,omitempty"`
	Server  string  `json:"server,omitempty"`
	Line    int     `json:"line,omitempty"`

	// Priority orders findings of equal severity: lower comes first.
	// It starts as the id's and is not part of the JSON output.
	Priority int `json:"-"`
}

// New starts a finding of this id with its usual severity and priority.
func (id ID) New(title, explanation, fix string) Finding {
	sp := id.Spec()
	return Finding{ID: id, Severity: sp.Severity, Priority: sp.Priority, Title: title, Explanation: explanation, Fix: fix}
}

// Is reports whether the finding has the given id.
func (f Finding) Is(id ID) bool { return f.ID == id }
