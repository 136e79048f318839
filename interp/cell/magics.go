package cell

import (
	"fmt"
	"strconv"
	"strings"
)

// A magic is a line whose first non-blank character is %. Magics and Go
// share a cell: each magic line becomes a call of the runtime on the same
// line, so magics run in order with the Go around them and every other line
// keeps its number.

// MagicHelp is the %help table, one line per magic.
var MagicHelp = [][2]string{
	{"%help", "list the magics"},
	{"%time", "alone on the first line: report the cell's wall time"},
	{"%time STATEMENT", "report the wall time of one statement"},
	{"%env", "list the environment variables"},
	{"%env NAME", "show one environment variable"},
	{"%env NAME=value", "set an environment variable for the cells (and programs they run)"},
	{"%cache stats", "a table per cached function: tier, entries, size, hits, remote hits, misses, time saved, TTL"},
	{"%cache clear", "empty every cache of this kernel (memory and disk); cached resources are released"},
	{"%cache clear F [G ...]", "empty the cache of the named functions in this kernel; persist=redis entries stay in Redis for the other kernels"},
	{"%cache clear --shared [F ...]", "the same, and remove the functions' persist=redis entries from Redis, for every kernel"},
	{"%cache why F", "what changed in F's key on its last miss: which declaration, argument or global"},
}

// ExpandMagics replaces magic lines by runtime calls. timeCell is set when
// the cell starts with a %time line of its own.
func ExpandMagics(code string) (out string, timeCell bool, err error) {
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
			lines[i] = RuntimeName + ".TimeStart(); " + rest + "; " + RuntimeName + ".TimeEnd(" + strconv.Quote(rest) + ")"
		case "help", "env", "cache":
			lines[i] = RuntimeName + ".Magic(" + strconv.Quote(trimmed[1:]) + ")"
		default:
			return "", false, fmt.Errorf("line %d: unknown magic %%%s; %%help lists the magics", i+1, name)
		}
		first = false
	}
	return strings.Join(lines, "\n"), timeCell, nil
}
