package cachecells

import (
	"fmt"
	"sort"
	"strings"
	"time"
)

// keyParts is what one missed key was made of, kept so that `%cache why F`
// can say which part differs from the closest earlier key.
type keyParts struct {
	key     uint64
	when    time.Time
	code    *codeVersion
	params  []Param
	include []bool
	args    []uint64
	argText []string
	globals []namedHash // sorted by name
}

// historyLimit bounds how many earlier keys Why compares against.
const historyLimit = 64

// noteMiss remembers a missed key; f.mu is held. The history slice is only
// ever appended to or replaced, never written in place, so lastMissPrev stays
// a valid snapshot.
func (f *Func) noteMiss(p *keyParts) {
	f.lastMiss = p
	f.lastMissPrev = f.history
	if len(f.history) >= 2*historyLimit {
		f.history = append([]*keyParts(nil), f.history[len(f.history)-historyLimit:]...)
	}
	f.history = append(f.history, p)
}

// diff lists, in words, how key a differs from the earlier key b.
func (a *keyParts) diff(b *keyParts) []string {
	var out []string
	if a.code != b.code && a.code.hash != b.code.hash {
		out = append(out, codeDiff(a.code.decls, b.code.decls)...)
	}
	for i := range a.args {
		if i >= len(b.args) || !a.include[i] {
			continue
		}
		if a.args[i] != b.args[i] {
			what := "argument " + a.params[i].Name + " changed"
			if a.argText[i] != "" && b.argText[i] != "" {
				what += ": " + b.argText[i] + " → " + a.argText[i]
			}
			out = append(out, what)
		}
	}
	old := map[string]namedHash{}
	for _, g := range b.globals {
		old[g.name] = g
	}
	for _, g := range a.globals {
		o, ok := old[g.name]
		switch {
		case !ok:
			out = append(out, "global "+g.name+" is now read")
		case o.hash != g.hash:
			what := "global " + g.name + " changed"
			if o.text != "" && g.text != "" {
				what += ": " + o.text + " → " + g.text
			}
			out = append(out, what)
		}
		delete(old, g.name)
	}
	for _, name := range sortedKeys(old) {
		out = append(out, "global "+name+" is no longer read")
	}
	return out
}

func codeDiff(now, before map[string]uint64) []string {
	var out []string
	for _, name := range sortedKeys(now) {
		h, ok := before[name]
		switch {
		case !ok:
			out = append(out, "source: declaration "+name+" is newly reached")
		case h != now[name]:
			out = append(out, "source of declaration "+name+" changed")
		}
	}
	for _, name := range sortedKeys(before) {
		if _, ok := now[name]; !ok {
			out = append(out, "source: declaration "+name+" is no longer reached")
		}
	}
	if len(out) == 0 {
		out = append(out, "source changed")
	}
	return out
}

func sortedKeys[V any](m map[string]V) []string {
	ks := make([]string, 0, len(m))
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}

// Why explains the named function's last miss in words: which part of the
// key differed from the closest earlier key (the one with the fewest
// differing parts): the source of which declaration, which argument, which
// global.
func (c *Cache) Why(name string) string {
	f := c.Func(name)
	if f == nil {
		return "no cached function named " + name + " is registered"
	}
	f.mu.Lock()
	last, prev, lastHit := f.lastMiss, f.lastMissPrev, f.lastWasHit
	f.mu.Unlock()
	var b strings.Builder
	if last == nil {
		fmt.Fprintf(&b, "%s has not missed yet.", name)
		return b.String()
	}
	if lastHit {
		fmt.Fprintf(&b, "%s's last call was a hit. ", name)
	}
	fmt.Fprintf(&b, "%s's last miss (at %s)", name, last.when.Format("15:04:05"))
	var best *keyParts
	var bestDiff []string
	for i := len(prev) - 1; i >= 0; i-- {
		d := last.diff(prev[i])
		if best == nil || len(d) < len(bestDiff) {
			best, bestDiff = prev[i], d
		}
	}
	switch {
	case best == nil:
		b.WriteString(" was its first call: there was no earlier key to compare with.")
	case len(bestDiff) == 0:
		fmt.Fprintf(&b, " had the same key as a call at %s, whose entry was gone: it failed (panic or error), or was cleared, expired (ttl) or evicted (max_entries).", best.when.Format("15:04:05"))
	default:
		fmt.Fprintf(&b, " differs from the closest earlier key (from %s) in:", best.when.Format("15:04:05"))
		for _, d := range bestDiff {
			b.WriteString("\n  - " + d)
		}
	}
	writeGlobals(&b, last.globals, f.spec.Load().State)
	return b.String()
}

// writeGlobals lists the package-level variables in the key (by content or
// by identity) and those left out, with the reason (rule 4).
func writeGlobals(b *strings.Builder, in []namedHash, state []StateVar) {
	if len(in) > 0 {
		b.WriteString("\nPackage-level variables in the key:")
		for _, g := range in {
			if g.identity != "" {
				fmt.Fprintf(b, "\n  - %s: by identity (the same object hits, a replaced one misses), because its value cannot be hashed by content: %s", g.name, g.identity)
			} else {
				fmt.Fprintf(b, "\n  - %s: by content", g.name)
			}
		}
	}
	if len(state) > 0 {
		b.WriteString("\nLeft out of the key (the function's own state, not an input):")
		for _, v := range state {
			reason := v.Reason
			if reason == "" {
				reason = "written by the function"
			}
			fmt.Fprintf(b, "\n  - %s: %s, not in the key", v.Name, reason)
		}
	}
}

// identityNote names the globals keyed by identity, for warnings.
func identityNote(gs []namedHash) string {
	var names []string
	for _, g := range gs {
		if g.identity != "" {
			names = append(names, g.name)
		}
	}
	sort.Strings(names)
	return "it reads " + strings.Join(names, ", ") + ", keyed by identity"
}
