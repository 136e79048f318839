package interp

import (
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
)

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
		for _, h := range cell.MagicHelp {
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
	usage := "usage: %cache stats | %cache clear [--shared] [F ...] | %cache why F"
	if len(args) == 0 {
		panic(usage)
	}
	switch args[0] {
	case "stats":
		display.Publish(display.Output{Kind: display.DisplayData, Data: cachecells.RenderStats(s.cache.Stats()), Metadata: map[string]any{}})
	case "clear":
		var names []string
		shared := false
		for _, a := range args[1:] {
			switch {
			case a == "--shared":
				shared = true
			case strings.HasPrefix(a, "-"):
				panic(fmt.Sprintf("%%cache clear: unknown flag %s; the only flag is --shared (also remove persist=redis entries from Redis, for every kernel)", a))
			default:
				names = append(names, a)
			}
		}
		msg, err := s.cache.ClearCommand(names, shared)
		if err != nil {
			panic(fmt.Sprintf("%%cache clear: %v", err))
		}
		fmt.Fprintln(s.stdout, msg)
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
