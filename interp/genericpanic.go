package interp

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// Compile panics of yaegi in generic code.
//
// yaegi v0.16.1 panics in its compiler on some generic code Go accepts: a
// generic function or type instantiated inside a generic body with the
// body's type parameters when they stand for notebook types (NewSet[T]()
// in a method of Set[T], &List[Pair[K, V]]{} in a generic function), and
// generic functions whose signatures use generic types of packages
// (iter.Seq[T]). The session reports the panic as the interpreter's; here
// the message names the generic function or method and the expression it
// stopped at, and a workaround. Nothing runs unless a compile panicked.

// cfgPanicPos finds the positions in a compile panic's text, outermost
// first: cell1.go:31:7: CFG post-order panic.
var cfgPanicPos = regexp.MustCompile(`([\w.-]+\.go):(\d+):(\d+): CFG (?:post|pre)-order panic`)

// funcHeader reads a top-level func line: its receiver, name and type
// parameters.
var funcHeader = regexp.MustCompile(`^func\s*(\([^)]*\))?\s*(\w+)\s*(\[[^(]*\])?\s*\(`)

// explainGenericPanic rewrites e, the error of a compile that panicked, when
// the panic happened in generic code of the notebook.
func (s *Session) explainGenericPanic(e *CellError, file, code string) *CellError {
	if e == nil {
		return e
	}
	if m := iterPull.FindStringSubmatch(e.EValue); m != nil {
		msg := fmt.Sprintf("%s is not available in the interpreter (yaegi v0.16.1 cannot compile the closures it returns): range over the sequence with a for loop, or collect it into a slice (slices.Collect) and index that (%s",
			m[1], strings.TrimPrefix(e.EValue[strings.LastIndex(e.EValue, "("):], "("))
		tb := []string{e.EName + ": " + msg}
		if len(e.Traceback) > 1 {
			tb = append(tb, e.Traceback[1:]...) // the quoted line
		}
		return &CellError{EName: e.EName, EValue: msg, Traceback: tb}
	}
	if !strings.Contains(e.EValue, "the interpreter cannot compile this") {
		return e
	}
	m := cfgPanicPos.FindAllStringSubmatch(e.EValue, -1)
	if len(m) == 0 {
		return s.explainGenericCalls(e, code)
	}
	inner := m[len(m)-1]
	line, _ := strconv.Atoi(inner[2])
	col, _ := strconv.Atoi(inner[3])
	lines, first := s.fileLines(inner[1], file, code, line)
	if lines == nil {
		return e
	}
	// The top-level func around the line.
	i := line - first
	if i < 0 || i >= len(lines) {
		return e
	}
	var h []string
	for j := i; j >= 0; j-- {
		if h = funcHeader.FindStringSubmatch(lines[j]); h != nil {
			break
		}
		if j < i && len(lines[j]) > 0 && lines[j][0] != ' ' && lines[j][0] != '\t' && lines[j][0] != '}' && !strings.HasPrefix(lines[j], "//") {
			break // another top-level declaration
		}
	}
	if h == nil || (h[3] == "" && !strings.Contains(h[1], "[")) {
		return e
	}
	what := "generic function " + h[2]
	if h[1] != "" {
		what = "method " + h[2] + " of the generic type " + recvTextName(h[1])
	}
	expr := exprAt(lines[i], col)
	at := ""
	if expr != "" {
		at = expr + " in "
	}
	msg := fmt.Sprintf("the interpreter cannot compile %sthe %s (%s, line %d): yaegi v0.16.1 fails to instantiate some generic functions and types inside a generic body from the body's type parameters (nested instantiations such as List[Pair[K, V]], and type parameters that stand for types declared in the notebook). Write that code for the concrete types you use (a function without type parameters), or build the value without a generic call (a composite literal such as T[X]{} instead of a generic constructor)",
		at, what, cellLabel(inner[1]), line)
	return &CellError{EName: e.EName, EValue: msg, Traceback: []string{e.EName + ": " + msg}}
}

// explainGenericCalls explains a compile panic without a position in a
// chunk that calls generic functions of the notebook.
func (s *Session) explainGenericCalls(e *CellError, code string) *CellError {
	var called []string
	seen := map[string]bool{}
	pkgGeneric := false
	for _, w := range strings.FieldsFunc(code, func(r rune) bool {
		return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
	}) {
		if seen[w] {
			continue
		}
		seen[w] = true
		fi, ok := s.reg.Facts().Func(w)
		if !ok || fi.TypeParams == 0 {
			continue
		}
		called = append(called, w)
		if d := s.reg.Lookup(w); d != nil && qualifiedGeneric.MatchString(strings.SplitN(d.Source, "{", 2)[0]) {
			pkgGeneric = true
		}
	}
	if len(called) == 0 {
		return e
	}
	cause := ""
	if pkgGeneric {
		cause = " (their signatures use generic types of a package, such as iter.Seq[T], which yaegi cannot instantiate with a type parameter)"
	}
	msg := fmt.Sprintf("the interpreter cannot compile this cell's use of the generic functions %s%s. Write them for the concrete types you use (functions without type parameters, e.g. taking an iter.Seq[int]), or loop over the values directly",
		strings.Join(called, ", "), cause)
	return &CellError{EName: e.EName, EValue: msg, Traceback: []string{e.EName + ": " + msg}}
}

// iterPull matches yaegi's error for iter.Pull and iter.Pull2.
var iterPull = regexp.MustCompile(`undefined selector:? (iter\.Pull2?)\b.*\(`)

// qualifiedGeneric matches a generic type of a package: iter.Seq[T].
var qualifiedGeneric = regexp.MustCompile(`\b[a-z]\w*\.[A-Z]\w*\[`)

// fileLines returns the lines of the cell file name around line, and the
// line number of the first one: the current cell's code, or the notebook
// declaration of an earlier cell that holds the line.
func (s *Session) fileLines(name, file, code string, line int) ([]string, int) {
	if name == file {
		return strings.Split(code, "\n"), 1
	}
	for _, d := range s.reg.Sources() {
		n := strings.Count(d.Source, "\n")
		if d.File == name && d.Line <= line && line <= d.Line+n {
			return strings.Split(d.Source, "\n"), d.Line
		}
	}
	return nil, 0
}

// recvTextName returns Set for a receiver (s Set[T]) or (t *Tree[K, V]).
func recvTextName(recv string) string {
	f := strings.Fields(strings.Trim(recv, "()"))
	if len(f) == 0 {
		return ""
	}
	t := strings.TrimLeft(f[len(f)-1], "*")
	if len(f) > 2 || strings.Contains(t, ",") {
		// (m *Map[K, V]): the type is the second field.
		t = strings.TrimLeft(f[1], "*")
	}
	if i := strings.IndexByte(t, '['); i >= 0 {
		t = t[:i]
	}
	return t
}

// exprAt returns the name at column col (1-based, bytes) of a line with its
// type arguments: NewSet[T], List[Pair[K, V]].
func exprAt(line string, col int) string {
	if col < 1 || col > len(line) {
		return ""
	}
	rest := line[col-1:]
	n := 0
	for n < len(rest) && (rest[n] == '_' || rest[n] == '.' || rest[n] >= 'a' && rest[n] <= 'z' || rest[n] >= 'A' && rest[n] <= 'Z' || rest[n] >= '0' && rest[n] <= '9') {
		n++
	}
	if n == 0 {
		return ""
	}
	if n < len(rest) && rest[n] == '[' {
		depth := 0
		for j := n; j < len(rest); j++ {
			switch rest[j] {
			case '[':
				depth++
			case ']':
				depth--
				if depth == 0 {
					return rest[:j+1]
				}
			}
		}
	}
	return rest[:n]
}
