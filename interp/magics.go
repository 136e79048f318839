package interp

import (
	"fmt"
	"os"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/display"
)

// A magic is a line whose first non-blank character is %. Magics and Go
// share a cell: each magic line becomes a call of the runtime on the same
// line, so magics run in order with the Go around them and every other line
// keeps its number.

// magicHelp is the %help table, one line per magic.
var magicHelp = [][2]string{
	{"%help", "list the magics"},
	{"%time", "alone on the first line: report the cell's wall time"},
	{"%time STATEMENT", "report the wall time of one statement"},
	{"%env", "list the environment variables"},
	{"%env NAME", "show one environment variable"},
	{"%env NAME=value", "set an environment variable for the cells (and programs they run)"},
	{"%cache stats", "a table per cached function: entries, size, hits, misses, time saved, TTL"},
	{"%cache clear", "empty every cache; cached resources are released"},
	{"%cache clear F [G ...]", "empty the cache of the named functions"},
	{"%cache why F", "what changed in F's key on its last miss: which declaration, argument or global"},
}

// expandMagics replaces magic lines by runtime calls. timeCell is set when
// the cell starts with a %time line of its own.
func expandMagics(code string) (out string, timeCell bool, err error) {
	if !strings.Contains(code, "%") {
		return code, false, nil
	}
	lines := strings.Split(code, "\n")
	first := true
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if !strings.HasPrefix(trimmed, "%") {
			if trimmed != "" {
				first = false
			}
			continue
		}
		fields := strings.Fields(trimmed[1:])
		name := ""
		if len(fields) > 0 {
			name = fields[0]
		}
		rest := strings.TrimSpace(strings.TrimPrefix(trimmed[1:], name))
		switch name {
		case "time":
			if rest == "" {
				if !first {
					return "", false, fmt.Errorf("line %d: %%time alone times the whole cell, so it must be the cell's first line; to time one statement write %%time STATEMENT", i+1)
				}
				timeCell = true
				lines[i] = ""
				continue
			}
			lines[i] = rtName + ".TimeStart(); " + rest + "; " + rtName + ".TimeEnd(" + strconv.Quote(rest) + ")"
		case "help", "env", "cache":
			lines[i] = rtName + ".Magic(" + strconv.Quote(trimmed[1:]) + ")"
		default:
			return "", false, fmt.Errorf("line %d: unknown magic %%%s; %%help lists the magics", i+1, name)
		}
		first = false
	}
	return strings.Join(lines, "\n"), timeCell, nil
}

// magic runs one magic line (without its %).
func (s *Session) magic(line string) {
	fields := strings.Fields(line)
	if len(fields) == 0 {
		return
	}
	show := func(b display.MIMEBundle) {
		display.Publish(display.Output{Kind: display.DisplayData, Data: b, Metadata: map[string]any{}})
	}
	switch fields[0] {
	case "help":
		var text, md strings.Builder
		md.WriteString("| magic | what it does |\n|---|---|\n")
		for _, h := range magicHelp {
			fmt.Fprintf(&text, "%-24s %s\n", h[0], h[1])
			fmt.Fprintf(&md, "| `%s` | %s |\n", h[0], h[1])
		}
		show(display.MIMEBundle{"text/plain": strings.TrimRight(text.String(), "\n"), "text/markdown": md.String()})
	case "env":
		arg := strings.TrimSpace(strings.TrimPrefix(line, "env"))
		switch {
		case arg == "":
			env := os.Environ()
			sort.Strings(env)
			fmt.Fprintln(s.stdout, strings.Join(env, "\n"))
		case strings.Contains(arg, "="):
			k, v, _ := strings.Cut(arg, "=")
			k = strings.TrimSpace(k)
			if err := os.Setenv(k, strings.TrimSpace(v)); err != nil {
				panic(fmt.Sprintf("%%env: %v", err))
			}
			fmt.Fprintf(s.stdout, "env: %s=%s\n", k, strings.TrimSpace(v))
		default:
			v, ok := os.LookupEnv(arg)
			if !ok {
				panic(fmt.Sprintf("%%env: %s is not set", arg))
			}
			fmt.Fprintln(s.stdout, v)
		}
	case "cache":
		s.cacheMagic(fields[1:])
	}
}

func (s *Session) cacheMagic(args []string) {
	usage := "usage: %cache stats | %cache clear [F ...] | %cache why F"
	if len(args) == 0 {
		panic(usage)
	}
	switch args[0] {
	case "stats":
		display.Publish(display.Output{Kind: display.DisplayData, Data: cachecells.RenderStats(s.cache.Stats()), Metadata: map[string]any{}})
	case "clear":
		names := args[1:]
		if len(names) == 0 {
			names = []string{""}
		}
		for _, n := range names {
			if err := s.cache.Clear(n); err != nil {
				panic(fmt.Sprintf("%%cache clear: %v", err))
			}
		}
		if len(args) == 1 {
			fmt.Fprintln(s.stdout, "Cleared every cache.")
		} else {
			fmt.Fprintf(s.stdout, "Cleared the cache of %s.\n", strings.Join(args[1:], ", "))
		}
	case "why":
		if len(args) != 2 {
			panic("usage: %cache why F")
		}
		fmt.Fprintln(s.stdout, s.cache.Why(args[1]))
	default:
		panic(fmt.Sprintf("unknown %%cache command %q; %s", args[0], usage))
	}
}

// timeStart and timeEnd implement %time STATEMENT.
func (s *Session) timeStart() { s.timeMark = time.Now() }

func (s *Session) timeEnd(stmt string) {
	fmt.Fprintf(s.stdout, "time: %s  (%s)\n", formatDuration(time.Since(s.timeMark)), stmt)
}

// formatDuration prints a wall time with three significant digits.
func formatDuration(d time.Duration) string {
	switch {
	case d < time.Microsecond:
		return d.String()
	case d < time.Millisecond:
		return fmt.Sprintf("%.3gµs", float64(d)/float64(time.Microsecond))
	case d < time.Second:
		return fmt.Sprintf("%.3gms", float64(d)/float64(time.Millisecond))
	default:
		return fmt.Sprintf("%.3gs", d.Seconds())
	}
}
