package logparse

import (
	"sort"
	"strings"
	"time"
)

// Bounds that keep a Summary's memory constant whatever the input.
const (
	MaxGroups  = 1000  // distinct group keys; more are folded into one "other" group per id
	MaxClients = 10000 // distinct clients tracked per group; more are counted as "other"
	MaxExample = 2048  // bytes of the example line kept
)

// Group is one kind of event with its counts.
type Group struct {
	Key, ID     string
	Code        int
	Text        string
	Level       string
	Status      int
	Count       int
	First, Last time.Time
	Example     string
	Source      Format
	// Role is nginx's part in the handshakes of the group: server or client.
	Role     string
	clients  map[string]int
	otherCli int
}

// Client is one client address and how often it appears in a group.
type Client struct {
	Addr  string
	Count int
}

// TopClients returns the n most frequent clients, most frequent first.
func (g *Group) TopClients(n int) []Client {
	out := make([]Client, 0, len(g.clients))
	for a, c := range g.clients {
		out = append(out, Client{a, c})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Addr < out[j].Addr
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// Summary groups events. It is not safe for concurrent use.
type Summary struct {
	groups map[string]*Group
	// Since drops events logged before it (zero: keep all).
	Since time.Time
}

// NewSummary returns an empty Summary.
func NewSummary() *Summary { return &Summary{groups: map[string]*Group{}} }

// Add counts one event; it reports whether the event was kept (not
// filtered out by Since).
func (s *Summary) Add(e Event) bool {
	if !s.Since.IsZero() && !e.Time.IsZero() && e.Time.Before(s.Since) {
		return false
	}
	key := e.Key
	g := s.groups[key]
	if g == nil {
		if len(s.groups) >= MaxGroups {
			key = e.ID + ":other"
			e.Text, e.Code = "other", 0
			g = s.groups[key]
		}
		if g == nil {
			g = &Group{Key: key, ID: e.ID, Code: e.Code, Text: e.Text, Level: e.Level, Status: e.Status,
				Example: Clean(e.Line), Source: e.Source, Role: e.Role, clients: map[string]int{}}
			s.groups[key] = g
		}
	}
	g.Count++
	if !e.Time.IsZero() {
		if g.First.IsZero() || e.Time.Before(g.First) {
			g.First = e.Time
		}
		if e.Time.After(g.Last) {
			g.Last = e.Time
		}
	}
	if e.Client != "" {
		if _, ok := g.clients[e.Client]; ok || len(g.clients) < MaxClients {
			g.clients[e.Client]++
		} else {
			g.otherCli++
		}
	}
	return true
}

// Groups returns the groups, largest first.
func (s *Summary) Groups() []*Group {
	out := make([]*Group, 0, len(s.groups))
	for _, g := range s.groups {
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	return out
}

// Count returns the total of the groups whose key or id starts with prefix.
func (s *Summary) Count(prefix string) int {
	n := 0
	for k, g := range s.groups {
		if strings.HasPrefix(k, prefix) {
			n += g.Count
		}
	}
	return n
}

// Clean makes a raw line safe to show and to put in JSON: valid UTF-8,
// no control characters, bounded length.
func Clean(line []byte) string {
	if len(line) > MaxExample {
		line = line[:MaxExample]
	}
	s := strings.ToValidUTF8(string(line), "\uFFFD")
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' || r == 0x7f {
			return '\uFFFD'
		}
		return r
	}, strings.TrimRight(s, "\r"))
}
