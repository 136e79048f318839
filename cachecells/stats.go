package cachecells

import (
	"fmt"
	"html"
	"strings"
	"text/tabwriter"
	"time"

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
	Persist    bool
}

// Stats returns one row per registered function, sorted by name.
func (c *Cache) Stats() []FuncStats {
	var out []FuncStats
	for _, f := range c.sortedFuncs() {
		cs := f.spec.Load()
		f.mu.Lock()
		out = append(out, FuncStats{
			Name: f.name, Kind: cs.Options.Kind, Entries: len(f.entries), Bytes: f.bytes,
			Hits: f.hits, Misses: f.misses, TimeSaved: f.saved,
			TTL: cs.Options.TTL, MaxEntries: cs.Options.MaxEntries, Persist: cs.Options.Persist,
		})
		f.mu.Unlock()
	}
	return out
}

var statsHeader = []string{"function", "kind", "entries", "bytes", "hits", "misses", "time saved", "ttl"}

func (s FuncStats) cells() []string {
	ttl := "none"
	if s.TTL > 0 {
		ttl = s.TTL.String()
	}
	entries := fmt.Sprint(s.Entries)
	if s.MaxEntries > 0 {
		entries += fmt.Sprintf(" / %d", s.MaxEntries)
	}
	kind := s.Kind.String()
	if s.Persist {
		kind += " (disk)"
	}
	return []string{s.Name, kind, entries, formatBytes(s.Bytes), fmt.Sprint(s.Hits), fmt.Sprint(s.Misses),
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
