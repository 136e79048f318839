package cachecells

import (
	"fmt"
	"html"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gocell/gocell/cachecells/redistier"
	"github.com/gocell/gocell/display"
)

// FuncStats describes one cached function for `%cache stats`.
type FuncStats struct {
	Name       string
	Kind       Kind
	Entries    int
	Bytes      int64 // approximate memory held by entries and their outputs
	Hits       uint64
	Misses     uint64
	TimeSaved  time.Duration // sum of the compute time of the calls that hit
	TTL        time.Duration // 0: none
	MaxEntries int           // 0: unbounded
	// Tier says where entries live besides memory: "memory", "disk" or
	// "redis" (persist=).
	Tier string
	// RemoteHits counts the hits (among Hits) served by the shared tier.
	RemoteHits uint64
	// Remote holds this kernel's operations on the shared tier for the
	// function (persist=redis only).
	Remote *redistier.Counters `json:",omitempty"`
	// RemoteDown is set while the shared tier is unreachable.
	RemoteDown bool `json:",omitempty"`
}

// Stats returns one row per registered function, sorted by name.
func (c *Cache) Stats() []FuncStats {
	var out []FuncStats
	var remote *redistier.Stats
	for _, f := range c.sortedFuncs() {
		cs := f.spec.Load()
		f.mu.Lock()
		s := FuncStats{
			Name: f.name, Kind: cs.Options.Kind, Entries: len(f.entries), Bytes: f.bytes,
			Hits: f.hits, Misses: f.misses, TimeSaved: f.saved,
			TTL: cs.Options.TTL, MaxEntries: cs.Options.MaxEntries,
			Tier: cs.Options.Persist.String(), RemoteHits: f.remoteHits,
		}
		f.mu.Unlock()
		if s.Tier == "none" {
			s.Tier = "memory"
		}
		if cs.Options.Persist == PersistRedis {
			if remote == nil {
				remote = &redistier.Stats{}
				if t := c.openedTier(); t != nil {
					*remote = t.Stats()
				}
			}
			rc := remote.Funcs[f.name]
			s.Remote = &rc
			s.RemoteDown = remote.LastError != nil && !remote.Available
		}
		out = append(out, s)
	}
	return out
}

var statsHeader = []string{"function", "kind", "tier", "entries", "bytes", "hits", "remote hits", "misses", "time saved", "ttl"}

func (s FuncStats) cells() []string {
	ttl := "none"
	if s.TTL > 0 {
		ttl = s.TTL.String()
	}
	entries := fmt.Sprint(s.Entries)
	if s.MaxEntries > 0 {
		entries += fmt.Sprintf(" / %d", s.MaxEntries)
	}
	tier, remote := s.Tier, "-"
	if tier == "" {
		tier = "memory"
	}
	if tier == "redis" {
		remote = fmt.Sprint(s.RemoteHits)
		if s.RemoteDown {
			tier += " (unreachable)"
		}
	}
	return []string{s.Name, s.Kind.String(), tier, entries, formatBytes(s.Bytes), fmt.Sprint(s.Hits), remote, fmt.Sprint(s.Misses),
		s.TimeSaved.Round(time.Microsecond).String(), ttl}
}

// RenderStats turns Stats into a bundle with a text/plain and a text/html
// table, for `%cache stats`.
func RenderStats(stats []FuncStats) display.MIMEBundle {
	if len(stats) == 0 {
		msg := "No cached functions yet."
		return display.MIMEBundle{"text/plain": msg, "text/html": "<p>" + msg + "</p>"}
	}
	var plain strings.Builder
	tw := tabwriter.NewWriter(&plain, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, strings.Join(statsHeader, "\t"))
	for _, s := range stats {
		fmt.Fprintln(tw, strings.Join(s.cells(), "\t"))
	}
	tw.Flush()

	var h strings.Builder
	h.WriteString(`<table class="gocell-cache-stats"><thead><tr>`)
	for _, c := range statsHeader {
		h.WriteString("<th>" + html.EscapeString(c) + "</th>")
	}
	h.WriteString("</tr></thead><tbody>")
	for _, s := range stats {
		h.WriteString("<tr>")
		for i, c := range s.cells() {
			if i == 0 {
				h.WriteString("<td><code>" + html.EscapeString(c) + "</code></td>")
			} else {
				h.WriteString("<td>" + html.EscapeString(c) + "</td>")
			}
		}
		h.WriteString("</tr>")
	}
	h.WriteString("</tbody></table>")
	return display.MIMEBundle{"text/plain": strings.TrimRight(plain.String(), "\n"), "text/html": h.String()}
}

func formatBytes(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}
