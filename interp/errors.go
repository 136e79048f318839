package interp

import (
	"errors"
	"fmt"
	"go/scanner"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/rewrite"
	"github.com/gocell/gocell/interp/internal/stdfix"
	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// errorPos matches the position that starts a compile error: "cell4.go:2:3: ".
var errorPos = regexp.MustCompile(`^([^\s:~]+?)(?:~\d+)?(\.go):(\d+):(\d+): `)

// compileError reports an error that stopped the cell from compiling, naming
// the cell line and column, and quoting that line with a caret under the column.
func compileError(file, code string, err error) *CellError {
	msg := err.Error()
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		msg = list[0].Error()
	}
	msg = strings.TrimSpace(strings.SplitN(msg, "\n", 2)[0])
	e := &CellError{EName: "CompileError", EValue: msg}
	m := errorPos.FindStringSubmatch(msg)
	if m == nil {
		e.Traceback = []string{msg}
		return e
	}
	name := m[1] + m[2]
	line, _ := strconv.Atoi(m[3])
	col, _ := strconv.Atoi(m[4])
	text := msg[len(m[0]):]
	if pkg, ok := strings.CutPrefix(text, "undefined: "); ok {
		if path := stdlibPath(pkg); path != "" {
			text += fmt.Sprintf(" (to use the package, add import %q)", path)
		}
	}
	e.EValue = fmt.Sprintf("%s (%s, line %d, column %d)", text, cellLabel(name), line, col)
	e.Traceback = []string{fmt.Sprintf("%s:%d:%d: %s", name, line, col, text)}
	if name == file {
		e.Traceback = append(e.Traceback, quoteLine(code, line, col)...)
	}
	return e
}

// syntaxError reports a cell that does not even tokenize.
func syntaxError(file, code string, err error) *CellError {
	if list, ok := err.(scanner.ErrorList); ok && len(list) > 0 {
		p := list[0].Pos
		return compileError(file, code, fmt.Errorf("%s:%d:%d: %s", file, p.Line, p.Column, list[0].Msg))
	}
	return compileError(file, code, err)
}

// quoteLine returns the cell line and a caret under the column.
func quoteLine(code string, line, col int) []string {
	lines := strings.Split(code, "\n")
	if line < 1 || line > len(lines) {
		return nil
	}
	src := strings.TrimRight(lines[line-1], "\r")
	prefix := fmt.Sprintf("%5d | ", line)
	caret := strings.Repeat(" ", len(prefix)-2) + "| "
	for i, r := range src {
		if i >= col-1 {
			break
		}
		if r == '\t' {
			caret += "\t"
		} else {
			caret += " "
		}
	}
	return []string{prefix + src, caret + "^"}
}

// cellLabel turns a source file name into words: "cell4.go" → "cell 4".
func cellLabel(file string) string {
	name := strings.TrimSuffix(file, ".go")
	if n := strings.TrimPrefix(name, "cell"); n != name && n != "" {
		return "cell " + n
	}
	return name
}

// panicFrameParts splits a frame line yaegi wrote: file, line, col, function.
var panicFrameParts = regexp.MustCompile(`^([^\s:~]+?)(?:~\d+)?(\.go):(\d+):(\d+): panic: (.*)\(\.\.\.\)$`)

// cellFunc matches the functions the session wraps cell statements in.
var cellFunc = regexp.MustCompile(`^main(\.__gocell_[A-Za-z0-9_]+)?$`)

var osExit = regexp.MustCompile(`^os\.Exit\((-?\d+)\)$`)

// panicError reports a runtime panic with the interpreted traceback: one
// line per frame, innermost first, naming the cell, line and column.
func panicError(p yaegi.Panic, frames []string, file string) *CellError {
	p.Value = stdfix.RuntimePanic(p.Value) // Go's words for reflect's panics
	value := fmt.Sprint(p.Value)
	if err, ok := p.Value.(error); ok {
		value = err.Error()
	}
	if m := osExit.FindStringSubmatch(value); m != nil {
		// yaegi turns os.Exit into a panic so that a cell cannot end the
		// process; say what happened in those words.
		msg := "the cell called os.Exit(" + m[1] + "); the notebook keeps running"
		return &CellError{EName: "Exit", EValue: msg, Traceback: []string{"Exit: " + msg}}
	}
	e := &CellError{EName: "panic", EValue: value}
	if isKeyError(p.Value) {
		// A cached call whose key cannot be made: the message says what
		// to change; the frames are the wrapper's.
		e.EName = "CacheKeyError"
		e.Traceback = []string{e.EName + ": " + value}
		return e
	}
	e.Traceback = []string{"panic: " + value, "", "Traceback (interpreted, innermost first):"}
	for _, f := range frames {
		m := panicFrameParts.FindStringSubmatch(f)
		if m == nil {
			continue
		}
		fn := m[5]
		if cellFunc.MatchString(fn) {
			// yaegi reports the cell's statements at the start of their
			// block, not at the statement: name the cell only.
			e.Traceback = append(e.Traceback, fmt.Sprintf("  %s, in the cell's statements", cellLabel(m[1]+m[2])))
			continue
		}
		e.Traceback = append(e.Traceback, fmt.Sprintf("  %s, line %s, column %s, in %s", cellLabel(m[1]+m[2]), m[3], m[4], fn))
	}
	if len(e.Traceback) == 3 {
		e.Traceback = e.Traceback[:1]
	}
	return e
}

// importError reports an import that failed, against the cell's import line.
func importError(file, code, spec string, c cell.Chunk, err error) *CellError {
	msg := err.Error()
	if i := strings.Index(msg, ": "); i >= 0 && errorPos.MatchString(msg) {
		msg = msg[i+2:]
		if j := strings.Index(msg, ": "); j >= 0 && errorPos.MatchString(err.Error()) {
			msg = msg[j+2:]
		}
	}
	line := c.Line
	if off := strings.Index(c.Text, strings.Trim(spec[strings.IndexByte(spec, '"'):], `"`)); off >= 0 {
		line += strings.Count(c.Text[:off], "\n")
	}
	path := spec[strings.IndexByte(spec, '"'):]
	e := compileError(file, code, fmt.Errorf("%s:%d:1: cannot import %s: %s", file, line, path, msg))
	e.Traceback = append(e.Traceback, "gocell can import the Go standard library, and its own display package without an import line.")
	return e
}

// goroutineError reports panics in goroutines the cell started.
// isKeyError reports whether a panic value is a cached call's key error,
// which the wrapper panics with.
func isKeyError(v any) bool {
	if rv, ok := v.(reflect.Value); ok && rv.IsValid() && rv.CanInterface() {
		v = rv.Interface() // how yaegi hands over a host value it panicked with
	}
	err, ok := v.(error)
	if !ok {
		return false
	}
	var ue *cachecells.UnhashableError
	var ke *cachecells.KeyError
	return errors.As(err, &ue) || errors.As(err, &ke)
}

func goroutineError(panics []string) *CellError {
	e := &CellError{EName: "panic", EValue: "in a goroutine: " + panics[0]}
	for _, p := range panics {
		e.Traceback = append(e.Traceback, "panic in a goroutine the cell started: "+p)
	}
	e.Traceback = append(e.Traceback, "The goroutine stopped; the notebook keeps running. In a compiled program this panic would have ended the process.")
	return e
}

// rewriteError reports a construct the interpreter cannot run, at its cell
// position when the rewrite knows it.
func rewriteError(file, code string, c cell.Chunk, err error) *CellError {
	line, col := c.Line, c.Col
	var re *rewrite.Error
	if errors.As(err, &re) {
		line, col = re.CellPosition(c.Line, c.Col)
	}
	return compileError(file, code, fmt.Errorf("%s:%d:%d: %v", file, line, col, err))
}

// stdlibPath returns the import path of the standard library package
// named name, when exactly one has that name.
func stdlibPath(name string) string {
	found := ""
	for key := range stdlib.Symbols {
		i := strings.LastIndexByte(key, '/')
		if i < 0 || key[i+1:] != name || strings.Contains(key, "internal") {
			continue
		}
		if found != "" && found != key[:i] {
			return ""
		}
		found = key[:i]
	}
	return found
}
