package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
	"unicode"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// rewriteTriggers are substrings without which no rewrite applies. A chunk
// containing none of them is returned without being parsed. Declarations
// ("func", ":=", "var", "const", "type") are parsed to record the notebook's
// names (see nameTable).
var rewriteTriggers = []string{
	"for", "if ", "switch", "defer", "min(", "max(", "clear(", "%T", "struct", "func", ":=", "var",
	"const", "type", "slices.Concat", ".(",
}

// mayNeedRewrite is a quick test that most chunks needing no rewrite fail.
func mayNeedRewrite(facts *names.Facts, text string) bool {
	for _, t := range rewriteTriggers {
		if strings.Contains(text, t) {
			return true
		}
	}
	if mayHaveMultiValue(text) || usesGenericFunc(facts, text) || mayAssignNil(text) {
		return true
	}
	// fmt.Println(f()): a call as argument of a printing call, on its line.
	for _, pkg := range []string{"fmt.", "log."} {
		for rest := text; ; {
			i := strings.Index(rest, pkg)
			if i < 0 {
				break
			}
			rest = rest[i+len(pkg):]
			line := rest
			if j := strings.IndexByte(line, '\n'); j >= 0 {
				line = line[:j]
			}
			if strings.Count(line, "(") > 1 {
				return true
			}
			// fmt.Println(x) of a variable whose type is known: it may
			// need showing with its methods (printargs.go).
			for _, w := range strings.FieldsFunc(line, notIdentRune) {
				if facts.VarTypeText(w) != "" {
					return true
				}
			}
			// fmt.Println(T{...}) of a notebook type: its fields may have
			// methods (printargs.go).
			if strings.IndexByte(line, '{') >= 0 && printsNotebookLiteral(facts, line) {
				return true
			}
		}
	}
	return false
}

func notIdentRune(c rune) bool {
	return !(c == '_' || unicode.IsLetter(c) || unicode.IsDigit(c))
}

// Error is a construct the interpreter cannot run, with its position
// in the chunk's text (1-based line and byte column).
type Error struct {
	Line, Col int
	Msg       string
	// Define is set when the construct is a cell-level declaration of
	// notebook variables from a generic call (x := f(...)), which a session
	// could run in two steps: evaluate Expr in a block, then declare the
	// variables with the type it learned and set them.
	Define *GenericDefine
	// Split, when above 0, is the offset in the chunk's text of a
	// top-level statement declaring anew a notebook variable the chunk
	// used before it (redeclare.go): the chunk must run as two, split
	// there. Msg then says why, for a caller that cannot split.
	Split int
}

// GenericDefine is a cell-level x := f(...) of a generic f.
type GenericDefine struct {
	Names []string // the variables declared
	Expr  string   // the right-hand side
	// Text is the chunk as the rewrite read it, and Text[Start:End] the
	// declaring statement.
	Text       string
	Start, End int
	// Type is the variable's type when the rewrite knows it, or "".
	Type string
}

func (e *Error) Error() string { return e.Msg }

// CellPosition returns the error's position in the cell, given the cell
// position of the chunk's first byte.
func (e *Error) CellPosition(chunkLine, chunkCol int) (line, col int) {
	if e.Line <= 1 {
		return chunkLine, chunkCol + e.Col - 1
	}
	return chunkLine + e.Line - 1, e.Col
}

// srcEdit replaces text[start:end] by text.
type srcEdit struct {
	start, end int
	text       string
}

// composite is an edit computed after the simple ones, from the rewritten
// text of the ranges it covers (render); composites nest, and the inner
// one is built first.
type composite struct {
	start, end int
	prio       int // among equal ranges, lower runs first (is inner)
	build      func() []srcEdit
}

type rewriter struct {
	facts *names.Facts // what earlier chunks declared; this chunk adds to it
	kind  cell.Kind
	text  string
	fset  *token.FileSet
	file  *ast.File
	tfile *token.File
	base  int // offset of text in the parsed source
	body  []ast.Stmt
	decls []ast.Decl

	edits      []srcEdit
	cellDefers map[*ast.DeferStmt]bool // top-level defers (toplevel.go)
	composites []composite
	seq        int // numbers generated names
	err        error

	reg      *names.Registry     // the notebook's declarations, when the caller has them
	gen      *genericInfo        // the chunk's inferred generic calls (infer.go)
	sigOrder map[string][]string // generic signatures reordered (decls.go), by function
	aliases  map[ast.Node]string // type aliases to declare before top-level nodes (nested.go)

	cached     map[*names.Decl]*cachedFunc // the cached functions (chunkfile.go)
	cacheEdits map[srcEdit]int             // their edits, and their lengthening before the wrappers
}

// FixPkg is the interpreted package of helpers rewritten code calls, and
// TagKey, TagEmbedded, TagUnexported the struct tag it marks fields with:
// package stdfix provides both, under the names it exports.
const (
	FixPkg        = "__gocellfix"
	TagKey        = "gocell"
	TagEmbedded   = "embedded"
	TagUnexported = "unexported"
)

// stmtPrefix is what a statements chunk is parsed in: the body of a function.
const stmtPrefix = "package p\nfunc _() {\n"

// parseHook, when set (by tests), is called on every parse of a chunk's
// source or a part of it, so that tests can count them.
var parseHook func()

// parseSource is parser.ParseFile of a chunk's source or of a part of it:
// every such parse goes through it (type texts of facts, a few words, are
// parsed as expressions directly).
func parseSource(fset *token.FileSet, file, src string, mode parser.Mode) (*ast.File, error) {
	if parseHook != nil {
		parseHook()
	}
	return parser.ParseFile(fset, file, src, mode)
}

// off returns the offset in text of a position.
func (r *rewriter) off(p token.Pos) int { return r.tfile.Offset(p) - r.base }

// src returns the text of a node.
func (r *rewriter) src(n ast.Node) string { return r.text[r.off(n.Pos()):r.off(n.End())] }

func (r *rewriter) replace(n ast.Node, text string) {
	r.edits = append(r.edits, srcEdit{r.off(n.Pos()), r.off(n.End()), text})
}

func (r *rewriter) insert(p token.Pos, text string) {
	o := r.off(p)
	r.edits = append(r.edits, srcEdit{o, o, text})
}

// fail records an error at a node; the first one wins.
func (r *rewriter) fail(n ast.Node, format string, args ...any) {
	if r.err != nil {
		return
	}
	line, col := cell.Position(r.text, r.off(n.Pos()))
	r.err = &Error{Line: line, Col: col, Msg: unshadow(fmt.Sprintf(format, args...))}
}

// name returns a fresh identifier.
func (r *rewriter) name(base string) string {
	r.seq++
	return fmt.Sprintf("__gocell_%s%d", base, r.seq)
}

func (r *rewriter) rewrite() {
	r.inferGenerics()
	if r.kind == cell.Decls {
		r.noteDecls(r.decls)
	} else {
		r.noteStmts(r.body)
		r.noteVarDecls()
	}
	var root ast.Node = r.file
	if r.kind == cell.Stmts {
		r.findCellDefers()
	}
	r.rewriteDecls(root)
	r.instantiate()
	r.multiAssignLiterals(root)
	if r.kind == cell.Decls {
		r.selfMethods()
		r.stringerSelfMethods()
	}
	r.constRepetitions(root)
	r.boolConsts(root)
	r.constShifts(root)
	r.untypedShifts(root)
	r.typedVarDivisions(root)
	r.complexConstParts(root)
	r.selectAssigns(root)
	if strings.Contains(r.text, "type ") {
		r.localTypeShadows()
	}
	r.rewriteLoops(root)
	r.switchTags(root)
	r.loopDefines()
	r.rewriteCalls(root)
	r.embeddedInterfaceCalls(root)
	r.rewriteStmts(root)
	r.rewriteAsserts(root)
	r.anonIfaceAsserts(root)
	r.ifaceCopies(root)
	r.elidedPointerElems(root)
	r.parenLiterals(root)
	r.rewriteBounds(root)
	r.rewriteNilErrors(root)
	r.rewritePanics(root)
	if r.kind == cell.Stmts {
		r.topLevelStmts()
		r.interfaceLiterals()
	}
	r.aliasNested()
	r.insertAliases()
	r.sequenceNilAssigns(root)
}

// render returns text[start:end] with the edits inside it applied, and
// removes those edits.
func (r *rewriter) render(start, end int) string {
	var inside, rest []srcEdit
	for _, e := range r.edits {
		// An insertion at the end of a non-empty range belongs to what
		// follows it.
		if e.start >= start && e.end <= end && !(e.start == end && e.end == end && start < end) {
			inside = append(inside, e)
		} else {
			rest = append(rest, e)
		}
	}
	r.edits = rest
	s, _ := applySrcEdits(r.text[start:end], inside, start)
	return s
}

// renderNode is render over a node's extent.
func (r *rewriter) renderNode(n ast.Node) string { return r.render(r.off(n.Pos()), r.off(n.End())) }

// apply runs the composites, innermost first, and applies every edit. It
// reports false if edits overlap (a bug: the chunk is then left as is).
func (r *rewriter) apply() (string, bool) {
	sort.SliceStable(r.composites, func(i, j int) bool {
		a, b := r.composites[i], r.composites[j]
		if a.start != b.start {
			return a.start > b.start
		}
		if a.end != b.end {
			return a.end < b.end
		}
		return a.prio < b.prio
	})
	for _, c := range r.composites {
		r.edits = append(r.edits, c.build()...)
	}
	return applySrcEdits(r.text, r.edits, 0)
}

// errOverlap reports two edits of one range: a bug of a rewrite.
var errOverlap = errors.New("gocell's rewrite of this cell made overlapping edits; please report the cell")

// applySrcEdits is the one edit engine: it applies edits, given in any
// order, whose offsets are relative to base. It reports false if two edits
// overlap (a bug: the caller then leaves the text as is or fails).
func applySrcEdits(text string, edits []srcEdit, base int) (string, bool) {
	sort.SliceStable(edits, func(i, j int) bool {
		if edits[i].start != edits[j].start {
			return edits[i].start < edits[j].start
		}
		// An insertion goes before a replacement starting at the same place.
		return edits[i].end-edits[i].start < edits[j].end-edits[j].start
	})
	var b strings.Builder
	pos := base
	for _, e := range edits {
		if e.start < pos {
			return text, false
		}
		b.WriteString(text[pos-base : e.start-base])
		b.WriteString(e.text)
		pos = e.end
	}
	b.WriteString(text[pos-base:])
	return b.String(), true
}

// isUniverse reports whether an identifier refers to a predeclared name:
// not declared in the chunk, nor as a notebook function by earlier cells.
func (r *rewriter) isUniverse(id *ast.Ident) bool {
	return id.Obj == nil && !r.facts.IsFunc(id.Name)
}

// rootIdent returns the variable an lvalue-ish expression is part of:
// v in v, v.f, v[i], (v).
func rootIdent(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}
