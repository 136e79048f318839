package rewrite

// The pipeline as it was before the one-parse engine: a chain of steps each
// parsing the text the previous one produced. It is kept here, in tests
// only, as the reference the one-parse engine must agree with.

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"strings"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

var _ = cachecells.Data

func oldDeclarations(reg *names.Registry, file string, c cell.Chunk) (*Decls, error) {
	text, mainCall := renameMain(c.Text, file)
	written := text
	text, err := chunkIn(reg, cell.Decls, text)
	if err != nil {
		return nil, err
	}
	if mayHaveGenericMethods(written) {
		if r, ok := newRewriter(reg.Facts(), cell.Decls, written); ok {
			if r.genericMethodOrder(); r.err != nil {
				return nil, r.err
			}
		}
	}
	text = oldRewriteLoopLiterals(cell.Decls, oldRewriteGoStmts(cell.Decls, oldGenericBodies(reg, written, text)))
	decls, err := countedParseDecls(text, file, c.Line, c.Col)
	if err != nil {
		return nil, err
	}
	// The registrations of types and methods (var _ = __gocellfix.Register...)
	// written before a declaration belong to its source.
	for _, d := range decls {
		ls := strings.LastIndexByte(text[:d.Start], '\n') + 1
		for ls < d.Start && (text[ls] == ' ' || text[ls] == '\t') {
			ls++
		}
		if pre := text[ls:d.Start]; strings.HasPrefix(pre, "var _ = "+FixPkg+".Register") || strings.HasPrefix(pre, "var _ = func() any { var __b "+FixPkg+".Box[") {
			d.Source = pre + d.Source
			d.Start -= len(pre)
			d.Col -= len(pre)
			d.Uses = names.MergeNames(d.Uses, scanIdents(pre))
			// A doc comment above now precedes the registration.
			for at := ls; at > 0; {
				ps := strings.LastIndexByte(text[:at-1], '\n') + 1
				if !strings.HasPrefix(strings.TrimSpace(text[ps:at-1]), "//") {
					break
				}
				d.Source = text[ps:at] + d.Source
				at = ps
				d.Line--
			}
		}
	}
	decls = foldSelfMethods(decls, text)
	if text != written {
		// Hash what the user wrote, not what the rewrite made of it.
		if w, err := countedParseDecls(written, file, c.Line, c.Col); err == nil {
			names.KeepWritten(decls, w)
			constsWritten(decls, w)
		}
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
	text, cached, err := oldRewriteCached(text, decls, known, lookup)
	if err != nil {
		return nil, &DirectiveError{err}
	}
	return &Decls{Text: text, Main: mainCall, Decls: decls, Cached: cached}, nil
}

func oldStatements(reg *names.Registry, text string) (string, error) {
	text, err := chunkIn(reg, cell.Stmts, text)
	if err != nil {
		return "", err
	}
	return oldRewriteLoopLiterals(cell.Stmts, oldRewriteGoStmts(cell.Stmts, text)), nil
}

// oldRewriteLoopLiterals is looplits.go as a step of the chain, on the text
// the earlier steps made.
// oldGenericBodies is the conversions to type parameters step
// (genericbodies.go), on its own parse.
func oldGenericBodies(reg *names.Registry, written, text string) string {
	if !mayHaveTypeParams(written) {
		return text
	}
	r, ok := newRewriter(reg.Facts(), cell.Decls, text)
	if !ok {
		return text
	}
	r.genericBodies()
	out, ok := r.apply()
	if !ok {
		return text
	}
	return out
}

func oldRewriteLoopLiterals(kind cell.Kind, text string) string {
	if !hasLoopLiteral(text) {
		return text
	}
	head := "package main\n"
	if kind == cell.Stmts {
		head = "package main\nfunc _() {\n"
	}
	src := head + text
	if kind == cell.Stmts {
		src += "\n}\n"
	}
	fset := token.NewFileSet()
	// Not counted: the former chain had no such step.
	f, err := parser.ParseFile(fset, "", src, 0)
	if err != nil {
		return text
	}
	off := func(p token.Pos) int { return fset.Position(p).Offset - len(head) }
	var edits []srcEdit
	forLoopLiterals(f, func(st ast.Stmt, lits []*ast.FuncLit) {
		var makers []string
		var b strings.Builder
		pos := off(st.Pos())
		for i, lit := range lits {
			b.WriteString(text[pos:off(lit.Pos())])
			makers = append(makers, makerText(i, text[off(lit.Type.Pos()):off(lit.Type.End())], text[off(lit.Pos()):off(lit.End())]))
			b.WriteString(makerName(i) + "()")
			pos = off(lit.End())
		}
		b.WriteString(text[pos:off(st.End())])
		edits = append(edits, srcEdit{start: off(st.Pos()), end: off(st.End()), text: "{ " + strings.Join(makers, "; ") + "; " + b.String() + " }"})
	})
	if len(edits) == 0 {
		return text
	}
	if out, ok := applySrcEdits(text, edits, 0); ok {
		return out
	}
	return text
}

func oldRewriteGoStmts(kind cell.Kind, text string) string {
	if !strings.Contains(text, "go ") && !strings.Contains(text, "go\t") {
		return text
	}
	head := "package main\n"
	if kind == cell.Stmts {
		head = "package main\nfunc _() {\n"
	}
	src := head + text
	if kind == cell.Stmts {
		src += "\n}\n"
	}
	fset := token.NewFileSet()
	f, err := parseSource(fset, "", src, 0)
	if err != nil {
		return text // the compiler will report it
	}
	var edits []srcEdit
	ast.Inspect(f, func(node ast.Node) bool {
		gs, ok := node.(*ast.GoStmt)
		if !ok {
			return true
		}
		off := func(p token.Pos) int { return fset.Position(p).Offset - len(head) }
		call := gs.Call
		if id, ok := call.Fun.(*ast.Ident); ok && isBuiltin(id.Name) {
			return true // a builtin cannot be held in a variable; it does not panic in practice
		}
		var args []string
		for _, a := range call.Args {
			args = append(args, text[off(a.Pos()):off(a.End())])
		}
		stmt := goStmtText(call, text[off(call.Fun.Pos()):off(call.Fun.End())], args, call.Ellipsis.IsValid())
		edits = append(edits, srcEdit{start: off(gs.Pos()), end: off(gs.End()), text: stmt})
		return false // nested go statements inside the literal are rare; leave them
	})
	if len(edits) == 0 {
		return text
	}
	if out, ok := applySrcEdits(text, edits, 0); ok {
		return out
	}
	return text
}

func oldRewriteCached(text string, decls []*names.Decl, known func(name string) bool, lookup func(name string) *names.Decl) (string, []*Cached, error) {
	var edits []srcEdit
	var funcs []*Cached
	for _, d := range decls {
		if d.Directive == "" {
			continue
		}
		if d.Kind != "func" && d.Kind != "method" {
			return "", nil, fmt.Errorf("line %d: %s must be directly above a func declaration", d.Line, strings.Fields(d.Directive)[0])
		}
		opts, err := cachecells.ParseDirective(d.Directive)
		if err != nil {
			return "", nil, fmt.Errorf("line %d: %v", d.Line, err)
		}
		if opts.Validate != "" && !known(opts.Validate) {
			return "", nil, fmt.Errorf("line %d: validate=%s names no function or method of the notebook; declare it (func %s(r T) bool, or a method T.M() bool) before this cell", d.Line, opts.Validate, opts.Validate)
		}
		cf, eds, src, err := rewriteOne(text[d.Start:d.End], d, opts, lookup)
		if err != nil {
			return "", nil, fmt.Errorf("line %d: %v", d.Line, err)
		}
		for _, e := range eds {
			e.start += d.Start
			e.end += d.Start
			edits = append(edits, e)
		}
		// The rewritten source starts at func, below the doc comment.
		d.Line += strings.Count(d.Source[:len(d.Source)-(d.End-d.Start)], "\n")
		d.Col = 1
		d.Source = src
		funcs = append(funcs, cf)
	}
	out, ok := applySrcEdits(text, edits, 0)
	if !ok {
		return "", nil, errOverlap
	}
	return out, funcs, nil
}

// declPrefix is what the chain parsed a declarations chunk under.
const declPrefix = "package p\n"

// countedParseDecls is names.ParseDecls, counted as a parse.
func countedParseDecls(text, file string, line, col int) ([]*names.Decl, error) {
	if parseHook != nil {
		parseHook()
	}
	return names.ParseDecls(text, file, line, col)
}

// chunk applies the rewrites of this package's files to one chunk of a
// cell; kind tells whether text is declarations or statements.
func chunk(facts *names.Facts, kind cell.Kind, text string) (string, error) {
	return chunkWith(facts, nil, kind, text)
}

// chunkIn is chunk with the notebook's declarations at hand, which the type
// check of generic calls (infer.go) reads.
func chunkIn(reg *names.Registry, kind cell.Kind, text string) (string, error) {
	return chunkWith(reg.Facts(), reg, kind, text)
}

func chunkWith(facts *names.Facts, reg *names.Registry, kind cell.Kind, text string) (string, error) {
	if kind != cell.Decls && kind != cell.Stmts || !mayNeedRewrite(facts, text) {
		return text, nil
	}
	if kind == cell.Stmts {
		text = renameShadows(facts, text)
	}
	r, ok := newRewriter(facts, kind, text)
	if !ok {
		return text, nil // a syntax error: yaegi reports it with its position
	}
	r.reg = reg
	r.rewrite()
	if r.err != nil {
		return "", r.err
	}
	out, ok := r.apply()
	if !ok {
		return text, nil
	}
	return out, nil
}

func newRewriter(facts *names.Facts, kind cell.Kind, text string) (*rewriter, bool) {
	r := &rewriter{facts: facts, kind: kind, text: text, fset: token.NewFileSet()}
	src := declPrefix + text + "\n"
	r.base = len(declPrefix)
	if kind == cell.Stmts {
		src = stmtPrefix + text + "\n}\n"
		r.base = len(stmtPrefix)
	}
	f, err := parseSource(r.fset, "", src, 0)
	if err != nil {
		return nil, false
	}
	r.file = f
	r.tfile = r.fset.File(f.Pos())
	if kind == cell.Stmts {
		r.body = f.Decls[0].(*ast.FuncDecl).Body.List
	} else {
		r.decls = f.Decls
	}
	return r, true
}

// renameShadows returns text with the nested-scope variables that hide a
// notebook name renamed, or text itself when there are none.
func renameShadows(facts *names.Facts, text string) string {
	if !hasScopes(text) {
		return text // no nested scope without a block or an init statement
	}
	fset := token.NewFileSet()
	f, err := parseSource(fset, "", stmtPrefix+text+"\n}\n", 0)
	if err != nil {
		return text
	}
	out, ok := applySrcEdits(text, shadowEdits(facts, f, fset.File(f.Pos())), 0)
	if !ok {
		return text
	}
	return out
}

// foldSelfMethods makes the GocellSelf method the rewrite adds after an
// Error method part of that method's declaration, as the one-parse engine
// records it.
func foldSelfMethods(decls []*names.Decl, text string) []*names.Decl {
	var out []*names.Decl
	for _, d := range decls {
		if n := len(out); n > 0 && d.Kind == "method" && strings.HasSuffix(d.Name, "."+selfMethod) {
			prev := out[n-1]
			prev.Source = prev.Source + text[prev.End:d.End]
			prev.End = d.End
			prev.Uses = names.MergeNames(prev.Uses, scanIdents(prev.Source))
			continue
		}
		out = append(out, d)
	}
	return out
}

// constsWritten: a constant the rewrite declares as a variable
// (boolconsts.go) keeps what the user wrote, as the one-parse engine
// reads it from the chunk as written.
func constsWritten(decls, written []*names.Decl) {
	for _, d := range decls {
		for _, w := range written {
			if w.Name == d.Name && w.Kind == "const" && d.Kind == "var" {
				d.Kind, d.Written, d.Canonical, d.Hash, d.Writes = w.Kind, w.Written, w.Canonical, w.Hash, w.Writes
				d.Uses = w.Uses
			}
		}
	}
}
