package logparse

import (
	"encoding/binary"
	"math/bits"
	"net/netip"
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
	Role string
	// cli is the clients in the order they were first seen (for merge),
	// each an IPv4 address as its number or, in cliStr, another address
	// as text: a few bytes a client, since a group may hold thousands.
	// cliIPv4 and cliIdx are their places in cli; last is the place of
	// the latest one (the same client often comes back at once).
	// otherCli counts the events of clients past the bound.
	cli      []cliEntry
	cliStr   []string
	cliIPv4  ipv4Index
	cliIdx   map[string]int32
	last     int32
	otherCli int
}

// A cliEntry is one client of a group: its IPv4 address (str < 0) or the
// place of its address in cliStr, and its count.
type cliEntry struct {
	n   int
	v4  uint32
	str int32
}

// addr is the address of client e.
func (g *Group) addr(e cliEntry) string {
	if e.str >= 0 {
		return g.cliStr[e.str]
	}
	return string(g.appendAddr(nil, e))
}

func newGroup(key string) *Group {
	return &Group{Key: key, cliIdx: map[string]int32{}, last: -1}
}

// clientStr and client4 return the place of a client in g.cli, or -1:
// an address that is not a dotted quad (a view of a line, not kept) and
// an IPv4 address.
func (g *Group) clientStr(c string) int32 {
	if g.last >= 0 && g.cli[g.last].str >= 0 && g.cliStr[g.cli[g.last].str] == c {
		return g.last
	}
	i, ok := g.cliIdx[c]
	return g.seen(i, ok)
}

func (g *Group) client4(a uint32) int32 {
	if g.last >= 0 && g.cli[g.last].str < 0 && g.cli[g.last].v4 == a {
		return g.last
	}
	i, ok := g.cliIPv4.get(a)
	return g.seen(i, ok)
}

// seen returns place i of a client found (ok), noted as the latest, or -1.
func (g *Group) seen(i int32, ok bool) int32 {
	if !ok {
		return -1
	}
	g.last = i
	return i
}

// countClient counts n events of client c, which may be a view of a line;
// it reports whether c is new to the group. A new client is added when
// there is room, else counted as other.
func (g *Group) countClient(c string, n int, room bool) (isNew bool) {
	a, v4 := ipv4(c)
	return g.count(a, v4, c, n, room)
}

// count is countClient for the IPv4 address a (v4) or else c.
func (g *Group) count(a uint32, v4 bool, c string, n int, room bool) (isNew bool) {
	var i int32
	if v4 {
		i = g.client4(a)
	} else {
		i = g.clientStr(c)
	}
	switch {
	case i >= 0:
		g.cli[i].n += n
		return false
	case !room:
		g.otherCli += n
	case v4:
		g.newClient4(a, n)
	default:
		g.newClientStr(c, n)
	}
	return true
}

// newClientStr adds c (copied: it may be a view of a line) with n events.
func (g *Group) newClientStr(c string, n int) {
	g.last = int32(len(g.cli))
	c = strings.Clone(c)
	g.cliIdx[c] = g.last
	g.cli = append(g.cli, cliEntry{n: n, str: int32(len(g.cliStr))})
	g.cliStr = append(g.cliStr, c)
}

func (g *Group) newClient4(a uint32, n int) {
	g.last = int32(len(g.cli))
	g.cliIPv4.put(a, g.last)
	g.cli = append(g.cli, cliEntry{n: n, v4: a, str: -1})
}

// ipv4 reads a dotted-quad address as its number: four decimal numbers
// of at most 255 without leading zeros (as nginx writes them and as netip
// reads them), so the number stands for exactly that text.
func ipv4(s string) (uint32, bool) {
	if len(s) < 7 || len(s) > 15 {
		return 0, false
	}
	var a uint32
	part, digits := uint32(0), 0
	dots := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			if digits == 1 && part == 0 {
				return 0, false // a leading zero
			}
			part = part*10 + uint32(c-'0')
			digits++
			if part > 255 {
				return 0, false
			}
		case c == '.' && digits > 0 && dots < 3:
			a = a<<8 | part
			part, digits = 0, 0
			dots++
		default:
			return 0, false
		}
	}
	if dots != 3 || digits == 0 {
		return 0, false
	}
	return a<<8 | part, true
}

// ipv4Index maps IPv4 addresses to places in a group's cli: open
// addressing over a power-of-two table, half full at most (a group may
// see thousands of clients, each looked up once an event). An address
// and its place share a slot: one cache line read a lookup.
type ipv4Index struct {
	slots []ipv4Slot
	n     int
}

type ipv4Slot struct {
	addr  uint32
	place int32 // place+1; 0 marks an empty slot
}

func (x *ipv4Index) slot(a uint32) int {
	return int((a * 0x9E3779B1) >> (32 - bits.Len(uint(len(x.slots)-1))))
}

func (x *ipv4Index) get(a uint32) (int32, bool) {
	if x.n == 0 {
		return 0, false
	}
	mask := len(x.slots) - 1
	for i := x.slot(a); ; i = (i + 1) & mask {
		switch s := x.slots[i]; {
		case s.place == 0:
			return 0, false
		case s.addr == a:
			return s.place - 1, true
		}
	}
}

// put adds a, which must not be there yet, at place v.
func (x *ipv4Index) put(a uint32, v int32) {
	if 2*(x.n+1) > len(x.slots) {
		old := x.slots
		*x = ipv4Index{slots: make([]ipv4Slot, max(16, 2*len(old)))}
		for _, s := range old {
			if s.place != 0 {
				x.put(s.addr, s.place-1)
			}
		}
	}
	mask := len(x.slots) - 1
	i := x.slot(a)
	for x.slots[i].place != 0 {
		i = (i + 1) & mask
	}
	x.slots[i] = ipv4Slot{a, v + 1}
	x.n++
}

// Client is one client address and how often it appears in a group.
type Client struct {
	Addr  string
	Count int
}

// TopClients returns the n most frequent clients, most frequent first
// (ties by address). Only those n are written out as text.
func (g *Group) TopClients(n int) []Client {
	if n <= 0 {
		return nil
	}
	var a, b [64]byte
	// before reports whether client x comes before client y.
	before := func(x, y cliEntry) bool {
		if x.n != y.n {
			return x.n > y.n
		}
		return string(g.appendAddr(a[:0], x)) < string(g.appendAddr(b[:0], y))
	}
	top := make([]cliEntry, 0, min(n, len(g.cli)))
	for _, e := range g.cli {
		if len(top) == n && !before(e, top[n-1]) {
			continue
		}
		i := sort.Search(len(top), func(i int) bool { return before(e, top[i]) })
		if len(top) < n {
			top = append(top, cliEntry{})
		}
		copy(top[i+1:], top[i:len(top)-1])
		top[i] = e
	}
	out := make([]Client, len(top))
	for i, e := range top {
		out[i] = Client{g.addr(e), e.n}
	}
	return out
}

// appendAddr appends the address of client e to b.
func (g *Group) appendAddr(b []byte, e cliEntry) []byte {
	if e.str >= 0 {
		return append(b, g.cliStr[e.str]...)
	}
	var a [4]byte
	binary.BigEndian.PutUint32(a[:], e.v4)
	return netip.AddrFrom4(a).AppendTo(b)
}

// Summary groups events. It is not safe for concurrent use.
type Summary struct {
	groups map[string]*Group
	// order is the group keys in the order they were made, for merge.
	order []string
	// A lossless summary (of one part of a log, for merge) neither folds
	// groups nor counts clients as other: it sets overflow instead once
	// it holds more than partGroups groups or partClients clients.
	lossless, overflow bool
	nClients           int
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
		if len(s.groups) >= MaxGroups && !s.lossless {
			key = e.ID + ":other"
			e.Text, e.Code = "other", 0
			g = s.groups[key]
		}
		if g == nil {
			g = newGroup(key)
			g.ID, g.Code, g.Text, g.Level, g.Status = e.ID, e.Code, e.Text, e.Level, e.Status
			g.Example, g.Source, g.Role = Clean(e.Line), e.Source, e.Role
			s.groups[key] = g
			s.order = append(s.order, key)
			s.overflow = s.overflow || s.lossless && len(s.groups) > partGroups
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
	switch {
	case e.Client == "":
	case s.lossless:
		if g.countClient(e.Client, 1, true) {
			s.nClients++
			s.overflow = s.overflow || s.nClients > partClients
		}
	default:
		g.addClient(e.Client, 1)
	}
	return true
}

// addClient counts n events of client c: a client not seen before is
// tracked while there is room, else counted as other.
func (g *Group) addClient(c string, n int) {
	g.countClient(c, n, len(g.cli) < MaxClients)
}

// addEntry counts the events of o's client e as addClient does.
func (g *Group) addEntry(o *Group, e cliEntry) {
	if e.str >= 0 {
		g.addClient(o.cliStr[e.str], e.n)
		return
	}
	g.count(e.v4, true, "", e.n, len(g.cli) < MaxClients)
}

// merge adds o, the lossless summary of the lines that follow those s
// has seen, to s. The result is exactly what adding o's events to s one
// by one would give, as long as s has room for all of o's groups (the
// caller checks; see newGroups): o's groups and their clients are taken
// in the order they were first seen, and a client new to a group is kept
// while there is room, as Add does.
func (s *Summary) merge(o *Summary) {
	if len(s.groups) == 0 && o.fits() {
		// Nothing to add to: o's groups are what adding its events
		// would make.
		for _, key := range o.order {
			s.groups[key] = o.groups[key]
		}
		s.order = append(s.order, o.order...)
		return
	}
	for _, key := range o.order {
		w := o.groups[key]
		g := s.groups[key]
		if g == nil {
			g = newGroup(key)
			g.ID, g.Code, g.Text, g.Level, g.Status = w.ID, w.Code, w.Text, w.Level, w.Status
			g.Example, g.Source, g.Role = w.Example, w.Source, w.Role
			s.groups[key] = g
			s.order = append(s.order, key)
		}
		g.Count += w.Count
		if !w.First.IsZero() && (g.First.IsZero() || w.First.Before(g.First)) {
			g.First = w.First
		}
		if w.Last.After(g.Last) {
			g.Last = w.Last
		}
		for _, e := range w.cli {
			g.addEntry(w, e)
		}
		g.otherCli += w.otherCli
	}
}

// fits reports whether s keeps no more groups and clients than a summary
// that is not lossless may.
func (s *Summary) fits() bool {
	if len(s.groups) > MaxGroups {
		return false
	}
	for _, g := range s.groups {
		if len(g.cli) > MaxClients {
			return false
		}
	}
	return true
}

// newGroups is how many groups s would have after merging parts.
func (s *Summary) newGroups(parts []*Summary) int {
	seen := map[string]bool{}
	for _, p := range parts {
		for _, key := range p.order {
			if s.groups[key] == nil {
				seen[key] = true
			}
		}
	}
	return len(s.groups) + len(seen)
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
