package cell

import (
	"fmt"
	"regexp"
	"strings"
)

// IsDirective reports whether a line is a //%cache_data or
// //%cache_resource directive (with or without options). What the options
// mean is cachecells' business; this is only the syntax a cell is cut by.
func IsDirective(line string) bool {
	line = strings.TrimSpace(line)
	for _, p := range []string{"//%cache_data", "//%cache_resource"} {
		if rest, ok := strings.CutPrefix(line, p); ok && (rest == "" || rest[0] == ' ' || rest[0] == '\t') {
			return true
		}
	}
	return false
}

// CheckDirectives reports a //%cache_data or //%cache_resource line that is
// not directly above a func declaration: a directive that silently did
// nothing would let a user believe a function is cached.
func CheckDirectives(code string) error {
	if !strings.Contains(code, "//%cache_") {
		return nil
	}
	lines := strings.Split(code, "\n")
	for i, line := range lines {
		trimmed := strings.TrimSpace(line)
		if !IsDirective(trimmed) {
			continue
		}
		next := ""
		if i+1 < len(lines) {
			next = strings.TrimSpace(lines[i+1])
		}
		if !strings.HasPrefix(next, "func ") || strings.HasPrefix(next, "func (") && !isMethodLine(next) {
			what := "the next line is not a func declaration"
			if next == "" {
				what = "the next line is blank"
				if i+1 >= len(lines) {
					what = "it is the cell's last line"
				}
			}
			return fmt.Errorf("line %d: %s must be directly above a func declaration, but %s", i+1, strings.Fields(trimmed)[0], what)
		}
	}
	return nil
}

// methodLine matches the start of a method declaration, "func (r T) M(",
// as opposed to a function literal such as "func (x int) {".
var methodLine = regexp.MustCompile(`^func\s*\([^)]*\)\s*[A-Za-z_][A-Za-z0-9_]*\s*[\[(]`)

func isMethodLine(line string) bool { return methodLine.MatchString(line) }
