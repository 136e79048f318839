package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/scanner"
	"go/token"
	"sort"
	"strings"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// newChunkRewriter parses a chunk, the one parse Declarations and
// Statements make of it. A declarations chunk is parsed with its comments
// (doc comments carry the cache directives) and under the package clause
// names.ParseDecls uses, so that a syntax error names the positions it
// always did.
func newChunkRewriter(facts *names.Facts, kind cell.Kind, text, file string) (*rewriter, error) {
	r := &rewriter{facts: facts, kind: kind, text: text, fset: token.NewFileSet()}
	src, mode := stmtPrefix+text+"\n}\n", parser.Mode(0)
	r.base = len(stmtPrefix)
	if kind == cell.Decls {
		src, mode = names.ParseHead+text, parser.ParseComments
		r.base = len(names.ParseHead)
	}
	f, err := parseSource(r.fset, file, src, mode)
	if err != nil {
		return nil, err
	}
	r.file = f
	r.tfile = r.fset.File(f.Pos())
	if kind == cell.Stmts {
		r.body = f.Decls[0].(*ast.FuncDecl).Body.List
	} else {
		r.decls = f.Decls
	}
	return r, nil
}

// cachedFunc is how one cached function was rewritten.
type cachedFunc struct {
	impl string // the implementation's name
	// wrapper is the length of the text inserted after the function, or -1
	// when the function was replaced as a whole (a composite).
	wrapper int
	// Set by the composite: the names the rewritten function uses, and
	// its length before the wrapper was added.
	uses   []string
	length int
}

// cachedFuncs makes the edits that turn every cached function among decls
// (read from the chunk as written) into its implementation and a wrapper
// asking the cache, and returns them. The wrapper's signature is the
// function's: when no rewrite touched the signature, it is read from the
// chunk's syntax tree; otherwise the function as rewritten is parsed (a
// composite), which takes a parse of its own.
func (r *rewriter) cachedFuncs(decls []*names.Decl, known func(name string) bool, lookup func(name string) *names.Decl) ([]*Cached, error) {
	r.cached = map[*names.Decl]*cachedFunc{}
	r.cacheEdits = map[srcEdit]int{}
	var funcs []*Cached
	for _, d := range decls {
		if d.Directive == "" {
			continue
		}
		if d.Kind != "func" && d.Kind != "method" {
			return nil, fmt.Errorf("line %d: %s must be directly above a func declaration", d.Line, strings.Fields(d.Directive)[0])
		}
		opts, err := cachecells.ParseDirective(d.Directive)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", d.Line, err)
		}
		if opts.Validate != "" && !known(opts.Validate) {
			return nil, fmt.Errorf("line %d: validate=%s names no function or method of the notebook; declare it (func %s(r T) bool, or a method T.M() bool) before this cell", d.Line, opts.Validate, opts.Validate)
		}
		fd := r.funcDeclAt(d.Start)
		if fd == nil {
			return nil, fmt.Errorf("line %d: cannot find the cached function", d.Line)
		}
		cf, impl, wrapper, err := cachedWrapper(fd, d, opts, lookup)
		if err != nil {
			return nil, fmt.Errorf("line %d: %v", d.Line, err)
		}
		start, end := r.off(fd.Pos()), r.off(fd.End())
		sigEnd := end
		if fd.Body != nil {
			sigEnd = r.off(fd.Body.Lbrace)
		}
		if !r.editedIn(start, sigEnd) {
			rename, wrap := srcEdit{r.off(fd.Name.Pos()), r.off(fd.Name.End()), impl}, srcEdit{end, end, wrapper}
			r.edits = append(r.edits, rename, wrap)
			r.cacheEdits[rename], r.cacheEdits[wrap] = 0, 0
			r.cached[d] = &cachedFunc{impl: impl, wrapper: len(wrapper)}
			funcs = append(funcs, cf)
			continue
		}
		// A rewrite changed the signature: wrap the function as rewritten.
		info := &cachedFunc{impl: impl, wrapper: -1}
		r.cached[d] = info
		d, opts := d, opts
		r.composites = append(r.composites, composite{start: start, end: end, prio: 10, build: func() []srcEdit {
			fn := r.render(start, end)
			info.uses, info.length = scanIdents(fn), len(fn)
			got, eds, _, err := rewriteOne(fn, d, opts, lookup)
			if err != nil {
				if r.err == nil {
					r.err = fmt.Errorf("line %d: %v", d.Line, err)
				}
				return nil
			}
			*cf = *got
			src, _ := applySrcEdits(fn, eds, 0)
			e := srcEdit{start, end, src}
			r.cacheEdits[e] = len(fn) - (end - start)
			return []srcEdit{e}
		}})
		funcs = append(funcs, cf)
	}
	return funcs, nil
}

// funcDeclAt returns the function declared at offset start of the chunk.
func (r *rewriter) funcDeclAt(start int) *ast.FuncDecl {
	for _, d := range r.decls {
		if fd, ok := d.(*ast.FuncDecl); ok && r.off(fd.Pos()) == start {
			return fd
		}
	}
	return nil
}

// editedIn reports whether an edit or composite touches text[start:end].
func (r *rewriter) editedIn(start, end int) bool {
	for _, e := range r.edits {
		if e.start <= end && e.end >= start {
			return true
		}
	}
	for _, c := range r.composites {
		if c.start <= end && c.end >= start {
			return true
		}
	}
	return false
}

// rewrittenDecls updates decls, read from the chunk as written, for out,
// the chunk rewritten by r's edits (apply has run): what is compiled, its
// position, and the names it uses, as if decls had been read from out; the
// canonical source, its hash and the writes stay those of what the user
// wrote (names.KeepWritten).
func (r *rewriter) rewrittenDecls(decls []*names.Decl, out string, line, col int) {
	if len(r.edits) == 0 {
		return
	}
	// The offset in out of offset o of the text: edits ending at o come
	// before it, insertions at o too unless o ends a range (after).
	shift := func(o int, after bool) int {
		n := o
		for _, e := range r.edits {
			if e.end < o || e.end == o && (e.start < o || !after) {
				n += len(e.text) - (e.end - e.start)
			}
		}
		return n
	}
	// The same in the chunk before the cached functions were wrapped, the
	// text Start and End refer to.
	shiftPre := func(o int, after bool) int {
		n := o
		for _, e := range r.edits {
			if e.end < o || e.end == o && (e.start < o || !after) {
				if d, ok := r.cacheEdits[e]; ok {
					n += d
				} else {
					n += len(e.text) - (e.end - e.start)
				}
			}
		}
		return n
	}
	for _, d := range decls {
		doc := d.Start - (len(d.Written) - (d.End - d.Start))
		start, end := shift(d.Start, false), shift(d.End, true)
		uses := scanIdents(out[start:end])
		cf := r.cached[d]
		pre := [2]int{shiftPre(d.Start, false), shiftPre(d.End, true)}
		if cf != nil {
			// The source compiled is the function and its wrapper.
			source := out[start:end]
			if cf.wrapper >= 0 {
				// The implementation's new name is not a use.
				for i, u := range uses {
					if u == cf.impl {
						uses = append(uses[:i], uses[i+1:]...)
						break
					}
				}
				source = out[start : end+cf.wrapper]
			} else {
				uses = cf.uses
				pre[1] = pre[0] + cf.length
			}
			d.Uses = names.MergeNames(d.Uses, uses)
			d.Start, d.End = pre[0], pre[1]
			// It starts at func, below the doc comment.
			l, _ := cell.Position(out, start)
			d.Line, d.Col = line+l-1, 1
			d.Source = source
			continue
		}
		d.Uses = names.MergeNames(d.Uses, uses)
		d.Start, d.End = pre[0], pre[1]
		from := shift(doc, false)
		l, c := cell.Position(out, from)
		if l == 1 {
			c += col - 1
		}
		d.Line, d.Col = line+l-1, c
		d.Source = out[from:end]
	}
	names.DedupeSources(decls)
}

// scanIdents returns the identifiers of Go source src, sorted, without
// duplicates and without _: the names a declaration uses, as
// names.ParseDecls finds them in its syntax tree, found by the scanner
// alone.
func scanIdents(src string) []string {
	fset := token.NewFileSet()
	var s scanner.Scanner
	s.Init(fset.AddFile("", -1, len(src)), []byte(src), nil, 0)
	set := map[string]bool{}
	for {
		_, tok, lit := s.Scan()
		if tok == token.EOF {
			break
		}
		if tok == token.IDENT && lit != "_" {
			set[lit] = true
		}
	}
	out := make([]string, 0, len(set))
	for n := range set {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
