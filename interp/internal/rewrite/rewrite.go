// Package rewrite adapts the Go source of a cell's chunks before yaegi
// compiles them, for the Go semantics yaegi lacks and for gocell's own
// machinery. Each rewrite keeps the text's line structure (it inserts and
// replaces within lines, never adds or removes newlines), so the line
// directives in front of a chunk keep naming the right cell lines. A
// construct that cannot be made to work is an *Error naming it and a
// workaround.
//
// Execute and restore both go through Declarations and Statements, so a
// declaration restored in a new executor is compiled exactly as the cell
// that declared it was. The steps, each in its own file:
//
//   - shadow.go (first, on the text): variables declared in a nested scope
//     at a cell's top level that hide a notebook name get names of their
//     own (yaegi gave them the notebook variable's slot).
//   - loops.go: per-iteration loop variables (Go 1.22) where a closure or
//     pointer can observe them; range over an integer; range over a
//     function (iterators).
//   - calls.go: the min, max and clear builtins; fmt and log calls whose
//     arguments are calls of notebook functions (yaegi drops their String
//     methods) or are printed with %T; method expressions and method
//     values; == on errors; slices.Concat of one slice; notebook variables
//     declared from generic calls at a cell's top level.
//   - stmts.go: defer (arguments evaluated at the defer), type switches
//     with case error, break and continue out of a select.
//   - toplevel.go: comma-ok declarations (v, ok := m[k]), select
//     receives and init statements outside functions, where yaegi's global
//     scope fails; rune constants; return and defer at a cell's top level
//     (the cell ends like main).
//   - blocks.go: nested blocks at the top level declaring v, ok := f()
//     run in a function literal.
//   - printargs.go: printed values of notebook types with String, Error or
//     GoString methods, in containers, struct fields and interfaces.
//   - consts.go: implicit repetition and iota of multi-name const specs.
//   - decls.go: what the notebook declared (recorded in the registry's
//     names.Facts); struct field tags that let the replacement
//     encoding/json and fmt functions see embedded and unexported fields;
//     generic function signatures reordered for yaegi's type inference.
//   - infer.go (first, before the facts are noted): a chunk using a
//     generic function of the notebook (or printing %T) is type-checked
//     with go/types against the notebook declarations it reaches and the
//     host packages (package pkgtypes); generic calls get explicit type
//     arguments, generic function values become function literals, and
//     cell-level variables from generic calls get their types.
//     typesensitive.go refuses calls yaegi would answer wrongly;
//     nested.go aliases instantiations yaegi cannot compile in place.
//   - nilassign.go: a, b = nil, nil runs as a sequence.
//   - asserts.go: type assertions and type switches to error,
//     fmt.Stringer, notebook interfaces, and to notebook types from an
//     error; the GocellSelf method of notebook errors with a value
//     receiver; composite literals assigned to interfaces; == on
//     notebook interface values.
//   - bounds.go: index and slice bounds checked, with Go's runtime error,
//     in code that recovers.
//   - nilerr.go: a nil pointer converted to error is not a nil error;
//     panics with notebook values keep their type; error fields.
//   - goroutines.go: go statements run under a recover that hands a
//     panic to the session (a goroutine panic ends yaegi's process).
//   - cached.go: a //%cache_data or //%cache_resource function becomes its
//     implementation plus a wrapper that asks the cache.
//   - value.go: func main renamed, the trailing value captured.
//
// All of them edit the text through one engine (engine.go), which refuses
// overlapping edits. A chunk is parsed once (chunkfile.go): every step makes
// its edits against that one syntax tree, a step wrapping text another one
// edits (a go statement, a cached function) as a composite built from the
// rewritten text, and the edits are applied in one pass. A chunk in which
// no rewrite can apply is not parsed at all.
//
// Rewritten code calls the interpreted package FixPkg and the fixed slices,
// maps, errors and iter packages that package stdfix compiles into the
// interpreter, and the runtime package cell.RuntimeName: an interpreter
// running rewritten code must have them.
package rewrite

import (
	"strings"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// Decls is a declarations chunk ready to compile.
type Decls struct {
	Text string // the rewritten chunk
	// Main is the name a declared func main was renamed to, which the cell
	// calls once, or "".
	Main   string
	Decls  []*names.Decl // what the chunk declares, Source rewritten
	Cached []*Cached     // the cached functions among them
}

// DirectiveError is a cache directive that cannot apply (on a type, with an
// unknown validate function, a resource without a result).
type DirectiveError struct{ Err error }

func (e *DirectiveError) Error() string { return e.Err.Error() }
func (e *DirectiveError) Unwrap() error { return e.Err }

// Declarations rewrites a declarations chunk of a cell compiled under file,
// and parses what it declares. reg holds the notebook's declarations so
// far; the facts it learns go into reg. Its errors are an *Error, a
// *DirectiveError, or the parser's (a syntax error of the cell).
//
// The chunk is parsed once: every rewrite, the go statements and the cached
// functions make edits against that one syntax tree, applied in one pass,
// and the declarations are read from it too.
func Declarations(reg *names.Registry, file string, c cell.Chunk) (*Decls, error) {
	text, mainCall := renameMain(c.Text, file)
	facts := reg.Facts()
	r, err := newChunkRewriter(facts, cell.Decls, text, file)
	if err != nil {
		return nil, err
	}
	r.reg = reg
	if strings.Contains(text, "func") {
		if r.missingReturns(); r.err != nil {
			return nil, r.err
		}
	}
	// What the user wrote, before any rewrite: canonical sources and hashes
	// come from it.
	decls := names.FileDecls(r.tfile, r.file, text, r.base, file, c.Line, c.Col)
	if mayNeedRewrite(facts, text) {
		r.rewrite()
		if r.err != nil {
			return nil, r.err
		}
	}
	if mayHaveGenericMethods(text) {
		if r.genericMethodOrder(); r.err != nil {
			return nil, r.err
		}
	}
	if mayHaveTypeParams(text) {
		r.genericBodies()
	}
	if hasGoStmt(text) {
		r.goStmts()
	}
	if hasLoopLiteral(text) {
		r.loopLiterals()
	}
	lookup := func(name string) *names.Decl {
		for _, d := range decls {
			if d.Name == name {
				return d
			}
		}
		return reg.Lookup(name)
	}
	known := func(name string) bool { return lookup(name) != nil }
	cached, err := r.cachedFuncs(decls, known, lookup)
	if err != nil {
		return nil, &DirectiveError{err}
	}
	out, ok := r.apply()
	if !ok {
		// A bug of a rewrite: compile the chunk with the go statements and
		// cached functions rewritten only.
		r.edits, r.composites = nil, nil
		r.goStmts()
		if cached, err = r.cachedFuncs(decls, known, lookup); err != nil {
			return nil, &DirectiveError{err}
		}
		if out, ok = r.apply(); !ok {
			return nil, &DirectiveError{errOverlap}
		}
	}
	if r.err != nil {
		return nil, &DirectiveError{r.err} // a cached function's wrapper
	}
	r.rewrittenDecls(decls, out, c.Line, c.Col)
	return &Decls{Text: out, Main: mainCall, Decls: decls, Cached: cached}, nil
}

// Statements rewrites a statements chunk; the facts it learns of the
// variables it declares go into reg. Its error is an *Error; one with
// Split set asks the caller to run the chunk as two parts.
//
// The chunk is parsed once, unless a variable hiding a notebook name must
// be renamed first (shadow.go): the other rewrites then read the chunk
// with the new names, parsed again.
func Statements(reg *names.Registry, text string) (string, error) {
	facts := reg.Facts()
	rewrites, goes, lits := mayNeedRewrite(facts, text), hasGoStmt(text), hasLoopLiteral(text)
	if !rewrites && !goes && !lits {
		return text, nil
	}
	r, err := newChunkRewriter(facts, cell.Stmts, text, "")
	if err != nil {
		return text, nil // a syntax error: yaegi reports it with its position
	}
	r.reg = reg
	if strings.Contains(text, "func") {
		if r.missingReturns(); r.err != nil {
			return "", r.err
		}
	}
	if rewrites {
		if at := r.redeclareSplit(); at > 0 {
			line, col := cell.Position(text, at)
			return "", &Error{Line: line, Col: col, Split: at,
				Msg: "a notebook variable declared again after the cell used it: run the declaration in a cell of its own"}
		}
		if hasScopes(text) {
			if edits := shadowEdits(facts, r.file, r.tfile); len(edits) > 0 {
				if renamed, ok := applySrcEdits(text, edits, 0); ok {
					text = renamed
					if r, err = newChunkRewriter(facts, cell.Stmts, text, ""); err != nil {
						return text, nil
					}
					r.reg = reg
				}
			}
		}
		r.rewrite()
		if r.err != nil {
			return "", r.err
		}
	}
	if goes {
		r.goStmts()
	}
	if lits {
		r.loopLiterals()
	}
	out, ok := r.apply()
	if !ok {
		// A bug of a rewrite: rewrite the go statements only.
		r.edits, r.composites = nil, nil
		r.goStmts()
		if out, ok = r.apply(); !ok {
			return text, nil
		}
	}
	return out, nil
}

// CaptureLast wraps a trailing expression statement of a statements chunk
// (as Statements returned it) in a call that hands its value to the
// session, so it becomes the cell's result. It reports false when the
// chunk does not end in an expression whose value anyone wants.
func CaptureLast(text string) (string, bool) { return captureLast(text) }
