package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// Package variables initialized in dependency order. A cell's var x = f()
// runs as a statement, in its place (cell.Split), and declarations compile
// in theirs; Go instead initializes package variables in dependency order,
// functions included:
//
//	var (
//		a = c + b // 9
//		b = f()   // 4
//		c = f()   // 5
//		d = 3
//	)
//	func f() int { d++; return d }
//
// read "undefined: f". When a cell's declarations (a run of declaration
// chunks and var x = ... statements, with no other statement between them)
// refer forward to one another, they run in Go's order instead: the
// declarations that need no initialized variable first, then, repeatedly,
// the functions whose variables are all initialized and the earliest
// variable whose dependencies are, then the init functions. Each part is a
// chunk holding the cell's text with everything else blanked out, so lines
// and columns stay the cell's. A cell whose order cannot be worked out
// runs as written.

// initUnit is one declaration of a run: a function, a type, a constant or
// var group, or one initialized variable spec.
type initUnit struct {
	spans    [][2]int // byte ranges of the cell text it keeps
	declares []string
	refs     map[string]bool
	init     bool // an initialized variable
	initFunc bool // func init()
	late     bool // needs initialized variables (a declaration)
	done     bool
	index    int

	recv string // a method's receiver type
}

// orderInits returns the cell's chunks, the runs of declarations that
// refer forward reordered as Go initializes them.
func orderInits(code string, chunks []cell.Chunk) []cell.Chunk {
	// Only a cell with both declarations and var x = ... statements can
	// need it: the usual cell costs no parse here.
	decls, vars := false, false
	for _, c := range chunks {
		decls = decls || c.Kind == cell.Decls
		vars = vars || c.Kind == cell.Stmts && c.Declares && startsWithVar(c.Text)
	}
	if !decls || !vars {
		return chunks
	}
	// A var statement ahead of other statements (the last declaration of
	// a cell followed by its statements) is a chunk of its own here.
	var split []cell.Chunk
	for _, c := range chunks {
		if vars, rest, ok := splitVarPrefix(c); ok {
			split = append(split, vars, rest)
		} else {
			split = append(split, c)
		}
	}
	original := chunks
	chunks = split
	reordered := false
	var out []cell.Chunk
	for i := 0; i < len(chunks); {
		j := i
		for j < len(chunks) && isDeclChunk(chunks[j]) {
			j++
		}
		if j == i {
			out = append(out, chunks[i])
			i++
			continue
		}
		inits := false
		for _, c := range chunks[i:j] {
			inits = inits || c.Kind == cell.Stmts
		}
		if !inits {
			out = append(out, chunks[i:j]...)
			i = j
			continue
		}
		if ordered := orderRun(code, chunks[i:j]); ordered != nil {
			out, reordered = append(out, ordered...), true
		} else {
			out = append(out, chunks[i:j]...)
		}
		i = j
	}
	if !reordered {
		return original
	}
	return out
}

// isDeclChunk reports whether a chunk is declarations, or statements that
// are all var declarations.
func isDeclChunk(c cell.Chunk) bool {
	if c.Kind == cell.Decls {
		return true
	}
	if c.Kind != cell.Stmts || !c.Declares || !startsWithVar(c.Text) {
		return false
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", names.ParseHead+c.Text, parser.SkipObjectResolution)
	if err != nil {
		return false
	}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); !ok || g.Tok != token.VAR {
			return false
		}
	}
	return true
}

// chunkOffset returns the offset in code of a chunk's first byte.
func chunkOffset(code string, c cell.Chunk) int {
	off := 0
	for l := 1; l < c.Line; l++ {
		i := strings.IndexByte(code[off:], '\n')
		if i < 0 {
			return -1
		}
		off += i + 1
	}
	off += c.Col - 1
	if off > len(code) || !strings.HasPrefix(code[off:], c.Text) {
		return -1
	}
	return off
}

// orderRun reorders a run of declaration chunks, or returns nil when it
// refers to nothing ahead of it or its order cannot be worked out.
func orderRun(code string, run []cell.Chunk) []cell.Chunk {
	var units []*initUnit
	for _, c := range run {
		base := chunkOffset(code, c)
		if base < 0 {
			return nil
		}
		us, ok := parseUnits(c.Text, base)
		if !ok {
			return nil
		}
		units = append(units, us...)
	}
	for i, u := range units {
		u.index = i
	}
	declaredAt := map[string]int{}
	for i, u := range units {
		for _, n := range u.declares {
			declaredAt[n] = i
		}
	}
	forward := false
	for i, u := range units {
		for r := range u.refs {
			if at, ok := declaredAt[r]; ok && at > i {
				forward = true
			}
		}
	}
	if !forward {
		return nil
	}
	byName := map[string]*initUnit{}
	for _, u := range units {
		for _, n := range u.declares {
			byName[n] = u
		}
	}
	// A late method of T changes T's method set: yaegi picks the wrapper
	// that shows a notebook value to host code (an error with an Is
	// method) when it compiles the conversion, so whatever names T waits
	// for T's late methods.
	methodsOf := map[string][]*initUnit{}
	for _, u := range units {
		if u.recv != "" {
			methodsOf[u.recv] = append(methodsOf[u.recv], u)
		}
	}
	lateMethods := func(u *initUnit, t string) bool {
		for _, m := range methodsOf[t] {
			if m != u && u.recv != t && m.late && !m.done {
				return true
			}
		}
		return false
	}
	// Declarations needing an initialized variable, directly or through
	// other declarations, are late.
	for changed := true; changed; {
		changed = false
		for _, u := range units {
			if u.init || u.late {
				continue
			}
			for r := range u.refs {
				if d := byName[r]; d != nil && d != u && (d.init || d.late) || lateMethods(u, r) {
					u.late, changed = true, true
					break
				}
			}
		}
	}
	varsReady := func(u *initUnit) bool {
		for r := range u.refs {
			if d := byName[r]; d != nil && d != u && !d.done && (d.init || d.late) {
				if !u.init && d.late {
					continue // late declarations compile together
				}
				return false
			}
		}
		return true
	}
	// A unit naming T compiles with T's late methods or after them.
	ready := func(u *initUnit) bool {
		if !varsReady(u) {
			return false
		}
		for r := range u.refs {
			if !lateMethods(u, r) {
				continue
			}
			for _, m := range methodsOf[r] {
				if m.late && !m.done && (u.init || !varsReady(m)) {
					return false
				}
			}
		}
		return true
	}
	start := chunkOffset(code, run[0])
	last := run[len(run)-1]
	end := chunkOffset(code, last) + len(last.Text)
	emit := func(kind cell.Kind, us []*initUnit) cell.Chunk {
		b := []byte(code[start:end])
		keep := make([]bool, len(b))
		for _, u := range us {
			u.done = true
			for _, s := range u.spans {
				for k := s[0]; k < s[1]; k++ {
					keep[k-start] = true
				}
			}
		}
		for k := range b {
			if !keep[k] && b[k] != '\n' {
				b[k] = ' '
			}
		}
		return cell.Chunk{Kind: kind, Text: string(b), Line: run[0].Line, Col: run[0].Col, Declares: kind == cell.Stmts}
	}
	var out []cell.Chunk
	var early, inits []*initUnit
	for _, u := range units {
		switch {
		case u.initFunc:
			inits = append(inits, u)
		case !u.init && !u.late:
			early = append(early, u)
		}
	}
	if len(early) > 0 {
		out = append(out, emit(cell.Decls, early))
	}
	for {
		var lateReady []*initUnit
		for _, u := range units {
			if u.late && !u.done && !u.initFunc && ready(u) {
				lateReady = append(lateReady, u)
			}
		}
		if len(lateReady) > 0 {
			out = append(out, emit(cell.Decls, lateReady))
			continue
		}
		var next *initUnit
		left := false
		for _, u := range units {
			if u.init && !u.done {
				left = true
				if ready(u) {
					next = u
					break
				}
			}
		}
		if next == nil {
			if left {
				return nil // a cycle, or beyond this: run as written
			}
			break
		}
		out = append(out, emit(cell.Stmts, []*initUnit{next}))
	}
	for _, u := range units {
		if u.late && !u.done && !u.initFunc {
			return nil
		}
	}
	if len(inits) > 0 {
		out = append(out, emit(cell.Decls, inits))
	}
	return out
}

// parseUnits cuts a declarations chunk, at offset base of the cell, into
// units.
func parseUnits(text string, base int) ([]*initUnit, bool) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", names.ParseHead+text, parser.ParseComments)
	if err != nil {
		return nil, false
	}
	tf := fset.File(f.Pos())
	off := func(p token.Pos) int { return tf.Offset(p) - len(names.ParseHead) + base }
	var units []*initUnit
	add := func(u *initUnit, n ast.Node) {
		u.refs = map[string]bool{}
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.SelectorExpr:
				ast.Inspect(x.X, func(n ast.Node) bool {
					if id, ok := n.(*ast.Ident); ok && (id.Obj == nil || f.Scope.Lookup(id.Name) == id.Obj) {
						u.refs[id.Name] = true
					}
					return true
				})
				return false
			case *ast.Ident:
				if x.Obj == nil || f.Scope.Lookup(x.Name) == x.Obj {
					u.refs[x.Name] = true
				}
			}
			return true
		})
		for _, d := range u.declares {
			delete(u.refs, d)
		}
		units = append(units, u)
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			start := d.Pos()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			u := &initUnit{spans: [][2]int{{off(start), off(d.End())}}}
			if d.Recv == nil {
				if d.Name.Name == "init" {
					u.initFunc = true
				} else {
					u.declares = []string{d.Name.Name}
				}
			} else if len(d.Recv.List) == 1 {
				u.recv = names.ReceiverType(d.Recv.List[0].Type)
			}
			add(u, d)
		case *ast.GenDecl:
			start := d.Pos()
			if d.Doc != nil {
				start = d.Doc.Pos()
			}
			if d.Tok != token.VAR {
				u := &initUnit{spans: [][2]int{{off(start), off(d.End())}}}
				for _, sp := range d.Specs {
					switch sp := sp.(type) {
					case *ast.TypeSpec:
						u.declares = append(u.declares, sp.Name.Name)
					case *ast.ValueSpec:
						for _, n := range sp.Names {
							u.declares = append(u.declares, n.Name)
						}
					}
				}
				add(u, d)
				continue
			}
			for _, sp := range d.Specs {
				vs := sp.(*ast.ValueSpec)
				u := &initUnit{init: len(vs.Values) > 0}
				if d.Lparen.IsValid() {
					u.spans = [][2]int{{off(start), off(d.Lparen) + 1}, {off(vs.Pos()), off(vs.End())}, {off(d.Rparen), off(d.Rparen) + 1}}
				} else {
					u.spans = [][2]int{{off(start), off(d.End())}}
				}
				for _, n := range vs.Names {
					u.declares = append(u.declares, n.Name)
				}
				add(u, vs)
			}
		}
	}
	sort.SliceStable(units, func(i, j int) bool { return units[i].spans[0][0] < units[j].spans[0][0] })
	return units, true
}

// splitVarPrefix cuts a statements chunk that starts with var declarations
// and goes on with other statements in two.
func splitVarPrefix(c cell.Chunk) (vars, rest cell.Chunk, ok bool) {
	if c.Kind != cell.Stmts || !c.Declares || !startsWithVar(c.Text) {
		return c, c, false
	}
	const head = "package p\nfunc _() {\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", head+c.Text+"\n}\n", parser.SkipObjectResolution)
	if err != nil {
		return c, c, false
	}
	body := f.Decls[0].(*ast.FuncDecl).Body.List
	n := 0
	for ; n < len(body); n++ {
		d, isDecl := body[n].(*ast.DeclStmt)
		if !isDecl {
			break
		}
		if g, isGen := d.Decl.(*ast.GenDecl); !isGen || g.Tok != token.VAR {
			break
		}
	}
	if n == 0 || n == len(body) {
		return c, c, false
	}
	tf := fset.File(f.Pos())
	at := tf.Offset(body[n-1].End()) - len(head)
	vars = cell.Chunk{Kind: cell.Stmts, Text: c.Text[:at], Line: c.Line, Col: c.Col, Declares: true}
	rest = subChunk(c, at, len(c.Text))
	return vars, rest, true
}

// startsWithVar reports whether text starts with the keyword var, after
// blanks and comments.
func startsWithVar(text string) bool {
	for {
		text = strings.TrimSpace(text)
		switch {
		case strings.HasPrefix(text, "//"):
			i := strings.IndexByte(text, '\n')
			if i < 0 {
				return false
			}
			text = text[i+1:]
		case strings.HasPrefix(text, "/*"):
			i := strings.Index(text, "*/")
			if i < 0 {
				return false
			}
			text = text[i+2:]
		default:
			return strings.HasPrefix(text, "var") && len(text) > 3 && (text[3] == ' ' || text[3] == '\t' || text[3] == '(')
		}
	}
}
