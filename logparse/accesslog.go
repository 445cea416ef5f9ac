package logparse

import (
	"bytes"
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/mtlsdoctor/mtlsdoctor/catalogue"
)

// accessNeedles find candidate access-log lines: nginx logs 495, 496 and
// 497 all as status 400, so only 400s can be client-certificate events.
var (
	accessNeedles = []needle{newNeedle('4', "\" 400 ")}
	jsonNeedles   = []needle{newNeedle('4', "400")}
)

// IsAccessLine reports whether line looks like a combined-format access
// line: an address, then "[dd/Mon/yyyy:HH:MM:SS zone]", then a quoted request.
func IsAccessLine(line []byte) bool {
	open := bytes.IndexByte(line, '[')
	if open <= 0 || open > 128 || len(line) < open+30 {
		return false
	}
	t := line[open+1:]
	return t[2] == '/' && t[6] == '/' && t[11] == ':' && t[20] == ' ' && t[26] == ']' && bytes.HasPrefix(t[27:], []byte(` "`))
}

// IsJSONLine reports whether line looks like a JSON access-log line.
func IsJSONLine(line []byte) bool {
	line = bytes.TrimSpace(line)
	// Braces alone are not enough: random bytes hold a line between
	// braces every 65536 lines or so, and made a JSON access log of them.
	return len(line) > 2 && line[0] == '{' && line[len(line)-1] == '}' && json.Valid(line)
}

// ParseAccessLine recognises a combined-format access-log line that stands
// for 495, 496 or 497 (logged as 400). It tells them apart by the
// $ssl_client_verify field when the format has one, else by the size of
// nginx's stock error page.
func ParseAccessLine(line []byte) (Event, bool) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if !IsAccessLine(line) {
		return Event{}, false
	}
	client := string(line[:bytes.IndexByte(line, ' ')])
	open := bytes.IndexByte(line, '[')
	ts := line[open+1 : open+27]
	rest := line[open+29:] // after `] "`
	q := bytes.Index(rest, []byte(`" `))
	if q < 0 {
		return Event{}, false
	}
	rest = rest[q+2:]
	if len(rest) < 5 || !bytes.HasPrefix(rest, []byte("400 ")) {
		return Event{}, false
	}
	rest = rest[4:]
	sp := bytes.IndexByte(rest, ' ')
	if sp < 0 {
		sp = len(rest)
	}
	size, err := strconv.Atoi(string(rest[:sp]))
	if err != nil {
		return Event{}, false
	}
	verify := ""
	for _, f := range quoted(rest[sp:]) {
		if f == "NONE" || f == "SUCCESS" || strings.HasPrefix(f, "FAILED:") {
			verify = f
		}
	}
	e, ok := classify400(size, verify)
	if !ok {
		return Event{}, false
	}
	e.Client = client
	e.Line = line
	e.Source = AccessLog
	if t, err := time.Parse("02/Jan/2006:15:04:05 -0700", string(ts)); err == nil {
		e.Time = t
	}
	return e, true
}

// quoted returns the "..." fields of s.
func quoted(s []byte) []string {
	var out []string
	for {
		i := bytes.IndexByte(s, '"')
		if i < 0 {
			return out
		}
		j := bytes.IndexByte(s[i+1:], '"')
		if j < 0 {
			return out
		}
		out = append(out, string(s[i+1:i+1+j]))
		s = s[i+j+2:]
	}
}

// classify400 decides which of 495/496/497 a 400 stands for.
func classify400(size int, verify string) (Event, bool) {
	var e Event
	switch {
	case strings.HasPrefix(verify, "FAILED:"):
		e.Status = 495
		e.Text = verify[len("FAILED:"):]
		if v, ok := catalogue.VerifyByText(e.Text); ok {
			e.Code = v.Code
		}
	case verify == "SUCCESS":
		return Event{}, false // a 400 for another reason
	default:
		st, ok := catalogue.StatusForBodySize(size)
		if !ok {
			return Event{}, false
		}
		if verify == "NONE" && st != 496 {
			// NONE is a TLS connection without a client certificate:
			// never a failed verification (495) nor plain HTTP (497),
			// whose $ssl_client_verify is empty.
			return Event{}, false
		}
		e.Status = st
	}
	e.ID = "status-" + strconv.Itoa(e.Status)
	e.Key = e.ID
	if e.Text != "" {
		e.Key += ":" + e.Text
	}
	return e, true
}

// ParseJSONLine recognises a JSON-style access-log line (log_format with
// escape=json) that stands for 495, 496 or 497. It understands the usual
// field names: status, body_bytes_sent/bytes_sent, ssl_client_verify,
// remote_addr, time_iso8601/time_local/time.
func ParseJSONLine(line []byte) (Event, bool) {
	line = bytes.TrimSuffix(line, []byte{'\r'})
	if !IsJSONLine(line) {
		return Event{}, false
	}
	var m map[string]any
	if err := json.Unmarshal(line, &m); err != nil {
		return Event{}, false
	}
	if jsonInt(m["status"]) != 400 {
		return Event{}, false
	}
	size := jsonInt(m["body_bytes_sent"])
	if _, ok := m["body_bytes_sent"]; !ok {
		size = jsonInt(m["bytes_sent"])
	}
	verify, _ := m["ssl_client_verify"].(string)
	e, ok := classify400(size, verify)
	if !ok {
		return Event{}, false
	}
	e.Client, _ = m["remote_addr"].(string)
	for _, k := range []string{"time_iso8601", "time", "@timestamp", "time_local"} {
		if s, ok := m[k].(string); ok {
			if t, err := time.Parse(time.RFC3339, s); err == nil {
				e.Time = t
				break
			}
			if t, err := time.Parse("02/Jan/2006:15:04:05 -0700", s); err == nil {
				e.Time = t
				break
			}
		}
	}
	e.Line = line
	e.Source = AccessJSON
	return e, true
}

func jsonInt(v any) int {
	switch x := v.(type) {
	case float64:
		return int(x)
	case string:
		n, err := strconv.Atoi(x)
		if err == nil {
			return n
		}
	}
	return -1
}
