package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// ---- what the notebook declared ----

// noteDecls records the names a declarations chunk declares.
func (r *rewriter) noteDecls(decls []ast.Decl) {
	for _, d := range decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			info := names.FuncInfo{Self: seqKindOfFunc(d.Type), Generic: funcGenericResult(d.Type), Recovers: callsRecover(d.Body)}
			if d.Type.TypeParams != nil {
				info.TypeParams = d.Type.TypeParams.NumFields()
			}
			if d.Recv != nil && len(d.Recv.List) == 1 {
				noteSignature(&info, d)
			} else if d.Type.Results != nil && len(d.Type.Results.List) == 1 && len(d.Type.Results.List[0].Names) <= 1 {
				info.ResultText = names.ExprString(d.Type.Results.List[0].Type)
			}
			if d.Type.Results != nil {
				info.Results = d.Type.Results.NumFields()
				if info.Results == 1 {
					info.Result = r.typeKind(d.Type.Results.List[0].Type)
				}
			}
			if d.Recv == nil {
				r.facts.SetFunc(d.Name.Name, info)
			} else {
				r.facts.AddMethod(d.Name.Name, info)
			}
		case *ast.GenDecl:
			r.noteGenDecl(d)
		}
	}
}

// noteSignature records a method's receiver and signature.
func noteSignature(info *names.FuncInfo, d *ast.FuncDecl) {
	t := d.Recv.List[0].Type
	if st, ok := t.(*ast.StarExpr); ok {
		info.PtrRecv, t = true, st.X
	}
	switch g := t.(type) {
	case *ast.IndexExpr: // a generic receiver: its methods print its values
		t = g.X
	case *ast.IndexListExpr:
		t = g.X
	}
	id, ok := t.(*ast.Ident)
	if !ok {
		return
	}
	info.Recv = id.Name
	for _, f := range d.Type.Params.List {
		typ := f.Type
		if e, ok := typ.(*ast.Ellipsis); ok {
			info.Variadic, typ = true, e.Elt
		}
		for range max(1, len(f.Names)) {
			info.Params = append(info.Params, names.ExprString(typ))
		}
	}
	if d.Type.Results != nil {
		info.ResultText = names.ExprString(d.Type.Results)
		if len(d.Type.Results.List) == 1 && len(d.Type.Results.List[0].Names) == 0 {
			info.ResultText = names.ExprString(d.Type.Results.List[0].Type)
		}
	}
}

func (r *rewriter) noteGenDecl(d *ast.GenDecl) {
	var last names.ExprKind // a constant without values repeats the previous spec
	for _, s := range d.Specs {
		switch s := s.(type) {
		case *ast.TypeSpec:
			k := names.KindOther
			if s.TypeParams == nil {
				if k = r.typeKind(s.Type); k == names.KindUnknown {
					k = names.KindOther
				}
			}
			if s.Name.Name != "_" {
				r.facts.SetType(s.Name.Name, k)
			}
			it, iface := s.Type.(*ast.InterfaceType)
			r.facts.SetConcrete(s.Name.Name, !iface && s.TypeParams == nil && !s.Assign.IsValid())
			r.noteInterface(s.Name.Name, it, s.TypeParams == nil)
			r.noteStructFields(s)
		case *ast.ValueSpec:
			for i, n := range s.Names {
				k := names.KindUnknown
				switch {
				case s.Type != nil:
					k = r.typeKind(s.Type)
				case i < len(s.Values) && len(s.Values) == len(s.Names):
					k = r.kindAt(s.Values[i], 0)
				case len(s.Values) == 0 && d.Tok == token.CONST:
					k = last
				}
				if i == 0 {
					last = k
				}
				if n.Name != "_" {
					r.facts.SetVar(n.Name, k)
				}
				r.facts.SetErrVar(n.Name, s.Type != nil && isIdentNamed(s.Type, "error") ||
					s.Type == nil && i < len(s.Values) && len(s.Values) == len(s.Names) && r.isErrorExpr(s.Values[i], 0))
				if s.Type != nil {
					r.facts.SetVarType(n.Name, r.staticTypeName(s.Type, true))
				} else if i < len(s.Values) && len(s.Values) == len(s.Names) {
					r.facts.SetVarType(n.Name, r.staticTypeOf(s.Values[i], 0))
				} else if len(s.Values) == 0 && d.Tok == token.CONST {
					r.facts.SetVarType(n.Name, r.repeatedConstType(s))
				}
				if s.Type != nil {
					r.noteTypeText(n.Name, s.Type, nil)
				} else if i < len(s.Values) && len(s.Values) == len(s.Names) {
					r.noteTypeText(n.Name, nil, s.Values[i])
				}
				if s.Type != nil {
					r.facts.NoteElem(n.Name, s.Type)
				} else if i < len(s.Values) && len(s.Values) == len(s.Names) {
					r.facts.NoteElem(n.Name, typeOfValue(s.Values[i]))
				}
			}
		}
	}
}

// noteStmts records the variables a statements chunk declares at its top
// level (they are notebook globals).
func (r *rewriter) noteStmts(body []ast.Stmt) {
	for _, s := range body {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok == token.DEFINE && len(s.Lhs) > 1 && len(s.Rhs) == 1 {
				if id, ok := s.Lhs[len(s.Lhs)-1].(*ast.Ident); ok {
					r.facts.SetErrVar(id.Name, strings.HasPrefix(id.Name, "err"))
				}
			}
			if s.Tok == token.DEFINE && len(s.Lhs) == len(s.Rhs) {
				for i, l := range s.Lhs {
					if id, ok := l.(*ast.Ident); ok {
						r.facts.SetErrVar(id.Name, r.isErrorExpr(s.Rhs[i], 0))
					}
					if id, ok := l.(*ast.Ident); ok {
						if id.Name != "_" {
							r.facts.SetVar(id.Name, r.kindAt(s.Rhs[i], 0))
						}
						r.facts.NoteElem(id.Name, typeOfValue(s.Rhs[i]))
						r.facts.SetVarType(id.Name, r.staticTypeOf(s.Rhs[i], 0))
						r.noteTypeText(id.Name, nil, s.Rhs[i])
					}
				}
			}
		case *ast.DeclStmt:
			if g, ok := s.Decl.(*ast.GenDecl); ok {
				r.noteGenDecl(g)
			}
		}
	}
}

var intTypes = map[string]bool{
	"int": true, "int8": true, "int16": true, "int32": true, "int64": true,
	"uint": true, "uint8": true, "uint16": true, "uint32": true, "uint64": true,
	"uintptr": true, "byte": true, "rune": true,
}

// typeKind classifies a type expression.
func (r *rewriter) typeKind(e ast.Expr) names.ExprKind {
	switch x := e.(type) {
	case *ast.Ident:
		if intTypes[x.Name] {
			if x.Obj == nil {
				return names.KindInt
			}
			return names.KindUnknown
		}
		if x.Obj != nil {
			if ts, ok := x.Obj.Decl.(*ast.TypeSpec); ok && ts.TypeParams == nil {
				return r.typeKind(ts.Type)
			}
			return names.KindUnknown
		}
		return r.facts.TypeKind(x.Name)
	case *ast.ParenExpr:
		return r.typeKind(x.X)
	case *ast.FuncType:
		if k := seqKindOfType(x); k != names.KindUnknown {
			return k
		}
		return names.KindOther
	case *ast.IndexExpr:
		if isSel(x.X, "iter", "Seq") {
			return names.KindSeq1
		}
	case *ast.IndexListExpr:
		if isSel(x.X, "iter", "Seq2") {
			return names.KindSeq2
		}
	case *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.StructType, *ast.StarExpr, *ast.InterfaceType:
		return names.KindOther
	}
	return names.KindUnknown
}

// seqKindOfType tells whether a func type is an iterator:
// func(yield func(V) bool) or func(yield func(K, V) bool).
func seqKindOfType(ft *ast.FuncType) names.ExprKind {
	if ft.Results != nil && len(ft.Results.List) > 0 || ft.Params == nil || ft.Params.NumFields() != 1 {
		return names.KindUnknown
	}
	y, ok := ft.Params.List[0].Type.(*ast.FuncType)
	if !ok || y.Results == nil || y.Results.NumFields() != 1 {
		return names.KindUnknown
	}
	if b, ok := y.Results.List[0].Type.(*ast.Ident); !ok || b.Name != "bool" {
		return names.KindUnknown
	}
	switch y.Params.NumFields() {
	case 1:
		return names.KindSeq1
	case 2:
		return names.KindSeq2
	}
	return names.KindUnknown
}

// seqKindOfFunc tells whether a function declaration is an iterator itself.
func seqKindOfFunc(ft *ast.FuncType) names.ExprKind {
	return seqKindOfType(ft)
}

func isSel(e ast.Expr, pkg, name string) bool {
	s, ok := e.(*ast.SelectorExpr)
	if !ok || s.Sel.Name != name {
		return false
	}
	x, ok := s.X.(*ast.Ident)
	return ok && x.Name == pkg && x.Obj == nil
}

// Iterator-returning functions of the standard library.
var stdSeqs = map[string]names.ExprKind{
	"maps.Keys": names.KindSeq1, "maps.Values": names.KindSeq1, "maps.All": names.KindSeq2,
	"slices.Values": names.KindSeq1, "slices.All": names.KindSeq2, "slices.Backward": names.KindSeq2, "slices.Chunk": names.KindSeq1,
}

// Integer-returning functions of the standard library a range may use.
var stdInts = map[string]bool{
	"rand.Intn": true, "rand.Int": true, "rand.IntN": true, "strings.Count": true,
	"utf8.RuneCountInString": true, "utf8.RuneCount": true,
}

func (r *rewriter) kindOf(e ast.Expr) names.ExprKind { return r.kindAt(e, 0) }

// kindOf classifies an expression from its syntax and the declarations of
// the names it uses.
func (r *rewriter) kindAt(e ast.Expr, depth int) names.ExprKind {
	if depth > 16 {
		return names.KindUnknown
	}
	switch x := e.(type) {
	case *ast.BasicLit:
		if x.Kind == token.INT || x.Kind == token.CHAR {
			return names.KindInt
		}
		return names.KindOther
	case *ast.ParenExpr:
		return r.kindAt(x.X, depth+1)
	case *ast.UnaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.XOR:
			return r.kindAt(x.X, depth+1)
		}
		return names.KindOther
	case *ast.BinaryExpr:
		switch x.Op {
		case token.SHL, token.SHR:
			return r.kindAt(x.X, depth+1)
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM, token.AND, token.OR, token.XOR, token.AND_NOT:
			a, b := r.kindAt(x.X, depth+1), r.kindAt(x.Y, depth+1)
			if a == names.KindInt && b == names.KindInt {
				return names.KindInt
			}
			if a == names.KindOther || b == names.KindOther {
				return names.KindOther
			}
			return names.KindUnknown
		}
		return names.KindOther // comparisons, && and ||
	case *ast.CompositeLit:
		return names.KindOther
	case *ast.FuncLit:
		if k := seqKindOfType(x.Type); k != names.KindUnknown {
			return k
		}
		return names.KindOther
	case *ast.CallExpr:
		return r.callKind(x, depth)
	case *ast.Ident:
		return r.identKind(x, depth)
	case *ast.SelectorExpr:
		return r.fieldKind(x, depth)
	}
	return names.KindUnknown
}

// fieldKind classifies x.f, a field of a notebook struct whose type the
// syntax tells (m.rows of a receiver m *Matrix).
func (r *rewriter) fieldKind(x *ast.SelectorExpr, depth int) names.ExprKind {
	t := r.staticTypeOf(x.X, depth+1)
	if t == "" {
		return names.KindUnknown
	}
	for _, f := range r.facts.StructFields(strings.TrimPrefix(strings.TrimPrefix(t, "*"), "main.")) {
		if f.Name != x.Sel.Name {
			continue
		}
		if e, err := parser.ParseExpr(f.Type); err == nil {
			return r.typeKind(e)
		}
	}
	return names.KindUnknown
}

func (r *rewriter) callKind(x *ast.CallExpr, depth int) names.ExprKind {
	switch f := x.Fun.(type) {
	case *ast.Ident:
		if f.Obj == nil {
			switch f.Name {
			case "len", "cap", "copy":
				return names.KindInt
			case "make", "new", "append", "string", "float32", "float64", "complex", "real", "imag":
				return names.KindOther
			}
			if intTypes[f.Name] {
				return names.KindInt
			}
			if k := r.facts.TypeKind(f.Name); k != names.KindUnknown {
				return k // a conversion to a notebook type
			}
			if fi, ok := r.facts.Func(f.Name); ok && fi.Results == 1 {
				return fi.Result
			}
			return names.KindUnknown
		}
		switch d := f.Obj.Decl.(type) {
		case *ast.FuncDecl:
			if d.Type.Results != nil && d.Type.Results.NumFields() == 1 {
				return r.typeKind(d.Type.Results.List[0].Type)
			}
		case *ast.TypeSpec:
			if d.TypeParams == nil {
				return r.typeKind(d.Type)
			}
		}
	case *ast.SelectorExpr:
		if pkg, ok := f.X.(*ast.Ident); ok && pkg.Obj == nil {
			key := pkg.Name + "." + f.Sel.Name
			if k, ok := stdSeqs[key]; ok {
				return k
			}
			if stdInts[key] {
				return names.KindInt
			}
		}
		if m, ok := r.facts.Method(f.Sel.Name); ok && m.Results == 1 {
			return m.Result
		}
	case *ast.ParenExpr, *ast.ArrayType, *ast.MapType, *ast.ChanType, *ast.FuncType:
		return r.typeKind(f) // a conversion
	}
	return names.KindUnknown
}

func (r *rewriter) identKind(x *ast.Ident, depth int) names.ExprKind {
	if x.Obj == nil {
		if x.Name == "iota" {
			return names.KindInt
		}
		if k := r.facts.VarKind(x.Name); k != names.KindUnknown {
			return k
		}
		if fi, ok := r.facts.Func(x.Name); ok {
			if fi.Self != names.KindUnknown {
				return fi.Self
			}
			return names.KindOther
		}
		return names.KindUnknown
	}
	switch d := x.Obj.Decl.(type) {
	case *ast.Field:
		return r.typeKind(d.Type)
	case *ast.ValueSpec:
		if d.Type != nil {
			return r.typeKind(d.Type)
		}
		for i, n := range d.Names {
			if n.Obj == x.Obj && i < len(d.Values) && len(d.Values) == len(d.Names) {
				return r.kindAt(d.Values[i], depth+1)
			}
		}
	case *ast.AssignStmt:
		if u, ok := d.Rhs[0].(*ast.UnaryExpr); ok && u.Op == token.RANGE && len(d.Rhs) == 1 {
			// The key of a range over an integer is one (the parser
			// declares range variables with x := range X).
			if id, ok := d.Lhs[0].(*ast.Ident); ok && id.Obj == x.Obj && (r.kindAt(u.X, depth+1) == names.KindInt || indexedByInt(u.X)) {
				return names.KindInt
			}
			return names.KindUnknown
		}
		if len(d.Lhs) == len(d.Rhs) {
			for i, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj {
					if id == x {
						return names.KindUnknown
					}
					return r.kindAt(d.Rhs[i], depth+1)
				}
			}
		}
	case *ast.FuncDecl:
		if k := seqKindOfFunc(d.Type); k != names.KindUnknown {
			return k
		}
		return names.KindOther
	}
	return names.KindUnknown
}

// ---- declarations ----

// rewriteDecls marks struct fields for the replacement encoding/json and
// fmt functions, and reorders the type parameters of generic functions for
// yaegi's type inference.
func (r *rewriter) rewriteDecls(root ast.Node) {
	// Register the names of struct types for %T (see fixRegisterType).
	for _, d := range r.decls {
		g, ok := d.(*ast.GenDecl)
		if !ok || g.Tok != token.TYPE {
			continue
		}
		var regs []string
		for _, sp := range g.Specs {
			ts := sp.(*ast.TypeSpec)
			if _, ok := ts.Type.(*ast.StructType); ok && ts.TypeParams == nil && !ts.Assign.IsValid() && ts.Name.Name != "_" {
				regs = append(regs, "var _ = "+FixPkg+".RegisterType(\"main."+ts.Name.Name+"\", "+FixPkg+".Box[*"+ts.Name.Name+"]{})")
			}
		}
		if len(regs) > 0 {
			// In the declaration's own source (see the methods below).
			r.prefixDecl(g.TokPos, "type", strings.Join(regs, "; "))
		}
	}
	for _, d := range r.decls {
		if f, ok := d.(*ast.FuncDecl); ok {
			if reg := r.methodRegistration(f); reg != "" {
				// Before the method, in its own source (the edit replaces
				// the func keyword: an insertion at a declaration's start
				// stays out of it), so that a rebuilt or restored
				// interpreter compiles it again with the method.
				r.prefixDecl(f.Type.Func, "func", reg)
			}
		}
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.StructType:
			r.markFields(x)
		case *ast.FuncDecl:
			if x.Recv == nil && x.Type.TypeParams != nil && x.Body != nil {
				r.genericSignature(x)
			}
		}
		return true
	})
}

// markFields tags embedded struct fields `gocell:"embedded"` (yaegi's
// reflect type says embedded only for a struct's only field) and
// unexported fields `gocell:"unexported"` (yaegi exports them as X<name>).
func (r *rewriter) markFields(st *ast.StructType) {
	for _, f := range st.Fields.List {
		var mark string
		if len(f.Names) == 0 {
			t := f.Type
			if s, ok := t.(*ast.StarExpr); ok {
				t = s.X
			}
			// Notebook types only: a host type keeps its own behaviour.
			if id, ok := t.(*ast.Ident); ok && !intTypes[id.Name] && id.Name != "string" && id.Name != "error" {
				mark = TagEmbedded
			}
		} else {
			mark = TagUnexported
			for _, n := range f.Names {
				if ast.IsExported(n.Name) {
					mark = ""
				}
			}
		}
		if mark == "" {
			continue
		}
		add := TagKey + `:"` + mark + `"`
		if f.Tag == nil {
			r.insert(f.Type.End(), " `"+add+"`")
			continue
		}
		old, err := strconv.Unquote(f.Tag.Value)
		if err != nil || strings.Contains(old, TagKey+":") {
			continue
		}
		tag := strings.TrimSpace(old + " " + add)
		if strings.HasPrefix(f.Tag.Value, "`") && !strings.Contains(tag, "`") {
			r.replace(f.Tag, "`"+tag+"`")
		} else {
			r.replace(f.Tag, strconv.Quote(tag))
		}
	}
}

// genericSignature rewrites a generic function's signature so that yaegi
// infers its type arguments. yaegi v0.16.1 collects the types of the
// arguments at each occurrence of a type parameter in the parameter list,
// in order, and assigns them to the type parameters by position: for
// Map[T, U any](xs []T, f func(T) U) it binds T and U to the types at the
// first two occurrences, T and T. It also cannot see through S ~[]E. So:
//
//   - a type parameter constrained by exactly ~[]E or ~map[K]V, and not
//     the type of a result, is replaced by that type;
//   - each further occurrence of a type parameter gets a type parameter of
//     its own, with the same constraint, listed in occurrence order:
//     Map[T any, T__2 any, U any](xs []T, f func(T__2) U).
//
// Instantiated with the inferred types, the body type-checks as before.
// Explicit instantiations (Map[int, string](...)) of a rewritten function
// no longer match; Go needs them only when inference cannot work.
func (r *rewriter) genericSignature(fd *ast.FuncDecl) {
	tp := fd.Type.TypeParams
	if strings.Contains(r.src(tp), "\n") {
		return
	}
	type param struct {
		name       string
		constraint string
		core       []*ast.Ident // E of ~[]E, or K and V of ~map[K]V
		coreText   string       // "[]E" or "map[K]V"
	}
	var params []*param
	//lint:ignore SA1019 the rewrites resolve identifiers from syntax alone, by design: cells are rewritten before any type checking
	byObj := map[*ast.Object]*param{}
	for _, f := range tp.List {
		c := r.constraintSource(f.Type) // unions flattened (genericunions.go)
		var core []*ast.Ident
		if u, ok := f.Type.(*ast.UnaryExpr); ok && u.Op == token.TILDE {
			switch t := u.X.(type) {
			case *ast.ArrayType:
				if e, ok := t.Elt.(*ast.Ident); ok && t.Len == nil {
					core = []*ast.Ident{e}
				}
			case *ast.MapType:
				k, ok1 := t.Key.(*ast.Ident)
				v, ok2 := t.Value.(*ast.Ident)
				if ok1 && ok2 {
					core = []*ast.Ident{k, v}
				}
			}
		}
		for _, n := range f.Names {
			if n.Obj == nil {
				return
			}
			p := &param{name: n.Name, constraint: c}
			if core != nil {
				p.core, p.coreText = core, r.src(f.Type.(*ast.UnaryExpr).X)
			}
			params = append(params, p)
			byObj[n.Obj] = p
		}
	}
	// A core-typed parameter is replaced only if its elements are type
	// parameters and no other constraint mentions it.
	for _, p := range params {
		for _, e := range p.core {
			if e.Obj == nil || byObj[e.Obj] == nil || byObj[e.Obj].core != nil {
				p.core = nil
			}
		}
		for _, q := range params {
			if q != p && containsIdent(q.constraint, p.name) {
				p.core = nil
			}
		}
		// Nor if a result has its type: Scale(p Point, 2) must return a
		// Point, with its methods, not a []int32. Such a function is
		// called with explicit type arguments (infer.go).
		if fd.Type.Results != nil && containsIdent(r.src(fd.Type.Results), p.name) {
			p.core = nil
		}
	}
	// The occurrences yaegi's inference visits, in its order. occur returns
	// the name to write for one occurrence of p.
	seen := map[*param]int{}
	var order []string // the new type parameter list
	changed := false
	occur := func(p *param) string {
		seen[p]++
		if seen[p] == 1 {
			order = append(order, p.name+" "+p.constraint)
			return p.name
		}
		changed = true
		fresh := p.name + "__" + strconv.Itoa(seen[p])
		order = append(order, fresh+" "+p.constraint)
		return fresh
	}
	done := map[*ast.Ident]bool{}
	var visit func(e ast.Expr)
	visit = func(e ast.Expr) {
		switch t := e.(type) {
		case *ast.Ident:
			p := byObj[t.Obj]
			if t.Obj == nil || p == nil {
				return
			}
			done[t] = true
			if p.core == nil {
				if name := occur(p); name != p.name {
					r.replace(t, name)
				}
				return
			}
			changed = true
			var ns []string
			for _, c := range p.core {
				ns = append(ns, occur(byObj[c.Obj]))
			}
			if len(ns) == 1 {
				r.replace(t, "[]"+ns[0])
			} else {
				r.replace(t, "map["+ns[0]+"]"+ns[1])
			}
		case *ast.ParenExpr:
			visit(t.X)
		case *ast.StarExpr:
			visit(t.X)
		case *ast.ArrayType:
			if t.Len == nil {
				visit(t.Elt)
			}
		case *ast.ChanType:
			visit(t.Value)
		case *ast.MapType:
			visit(t.Key)
			visit(t.Value)
		case *ast.StructType:
			for _, f := range t.Fields.List {
				for range max(1, len(f.Names)) {
					visit(f.Type)
				}
			}
		case *ast.FuncType:
			for _, fl := range []*ast.FieldList{t.Params, t.Results} {
				if fl == nil {
					continue
				}
				for _, f := range fl.List {
					for range max(1, len(f.Names)) {
						visit(f.Type)
					}
				}
			}
		}
	}
	for _, f := range fd.Type.Params.List {
		visit(f.Type)
	}
	for _, p := range params {
		if p.core == nil && seen[p] == 0 {
			return // cannot be inferred: instantiated explicitly, leave it
		}
	}
	if !changed {
		// Unchanged if the first occurrences come in declaration order.
		i := 0
		for _, p := range params {
			if i >= len(order) || !strings.HasPrefix(order[i], p.name+" ") {
				changed = true
				break
			}
			i++
		}
	}
	if !changed {
		return
	}
	// Every other mention of a core-typed parameter becomes its type.
	for _, part := range []ast.Node{fd.Type.Params, fd.Type.Results, fd.Body} {
		if fl, ok := part.(*ast.FieldList); ok && fl == nil {
			continue
		}
		ast.Inspect(part, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && !done[id] && id.Obj != nil {
				if p := byObj[id.Obj]; p != nil && p.core != nil {
					r.replace(id, p.coreText)
				}
			}
			return true
		})
	}
	r.replace(tp, "["+strings.Join(order, ", ")+"]")
	if r.sigOrder == nil {
		r.sigOrder = map[string][]string{}
	}
	for _, o := range order {
		name, _, _ := strings.Cut(o, " ")
		r.sigOrder[fd.Name.Name] = append(r.sigOrder[fd.Name.Name], baseTypeParam(name))
	}
}

// containsIdent reports whether the Go text s mentions the identifier name.
func containsIdent(s, name string) bool {
	for i := strings.Index(s, name); i >= 0; {
		before := i == 0 || !isIdentByte(s[i-1])
		after := i+len(name) >= len(s) || !isIdentByte(s[i+len(name)])
		if before && after {
			return true
		}
		j := strings.Index(s[i+1:], name)
		if j < 0 {
			break
		}
		i += 1 + j
	}
	return false
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= 0x80
}

// staticTypeName returns how %T prints a notebook type named by a type
// expression (T or *T of a concrete notebook type), or "".
func (r *rewriter) staticTypeName(e ast.Expr, ptrOK bool) string {
	prefix := ""
	if st, ok := e.(*ast.StarExpr); ok && ptrOK {
		prefix, e = "*", st.X
	}
	id, ok := e.(*ast.Ident)
	if !ok {
		return ""
	}
	if id.Obj != nil {
		ts, ok := id.Obj.Decl.(*ast.TypeSpec)
		if !ok || ts.TypeParams != nil || ts.Assign.IsValid() {
			return ""
		}
		if _, iface := ts.Type.(*ast.InterfaceType); iface {
			return ""
		}
	} else if !r.facts.IsConcrete(id.Name) {
		return ""
	}
	return prefix + "main." + id.Name
}

// staticTypeOf returns how %T prints the value of an expression whose type
// is a concrete notebook type, from its syntax: T{...}, &T{...}, T(x), or a
// variable declared with one; or "".
func (r *rewriter) staticTypeOf(e ast.Expr, depth int) string {
	if depth > 8 {
		return ""
	}
	if t := r.gen.percent(ast.Unparen(e)); t != "" {
		return t // typed by the check of infer.go
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		if st, ok := x.Type.(*ast.StructType); ok {
			return r.structLitType(st)
		}
		if x.Type != nil {
			return r.staticTypeName(x.Type, false)
		}
	case *ast.SelectorExpr:
		return r.methodExprType(x)
	case *ast.UnaryExpr:
		if c, ok := x.X.(*ast.CompositeLit); ok && x.Op == token.AND && c.Type != nil {
			if t := r.staticTypeName(c.Type, false); t != "" {
				return "*" + t
			}
		}
		if x.Op == token.AND {
			if t := r.staticTypeOf(x.X, depth+1); t != "" && !strings.HasPrefix(t, "*") {
				return "*" + t // &v
			}
		}
	case *ast.CallExpr:
		if r.gen != nil && len(r.gen.named[x]) == 1 && r.gen.named[x][0] != "" {
			return r.gen.named[x][0] // a generic call, typed by infer.go
		}
		if len(x.Args) == 1 && !x.Ellipsis.IsValid() {
			if t := r.staticTypeName(ast.Unparen(x.Fun), true); t != "" {
				return t
			}
		}
		// A call of a notebook function or method with one result of a
		// notebook type.
		var fi names.FuncInfo
		var ok bool
		switch f := ast.Unparen(x.Fun).(type) {
		case *ast.Ident:
			if f.Obj == nil {
				fi, ok = r.facts.Func(f.Name)
			}
		case *ast.SelectorExpr:
			if recv := r.staticTypeOf(f.X, depth+1); recv != "" {
				fi, ok = r.facts.MethodOf(strings.TrimPrefix(strings.TrimPrefix(recv, "*"), "main."), f.Sel.Name)
			}
		}
		if ok && fi.Results == 1 && fi.ResultText != "" {
			if e, err := parser.ParseExpr(fi.ResultText); err == nil {
				return r.staticTypeName(e, true)
			}
		}
		if t := r.funcValueResult(x, depth); t != "" {
			return t
		}
	case *ast.BinaryExpr:
		return r.binaryTypeOf(x, depth)
	case *ast.Ident:
		if x.Obj == nil {
			return r.facts.VarType(x.Name)
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.ValueSpec:
			if d.Type != nil {
				return r.staticTypeName(d.Type, true)
			}
			if len(d.Values) == 0 {
				return r.repeatedConstType(d)
			}
			for i, n := range d.Names {
				if n.Obj == x.Obj && i < len(d.Values) && len(d.Values) == len(d.Names) {
					return r.staticTypeOf(d.Values[i], depth+1)
				}
			}
		case *ast.AssignStmt:
			if d.Tok == token.DEFINE && len(d.Rhs) == 1 && len(d.Lhs) > 1 {
				return r.genericResultName(d.Lhs, d.Rhs[0], x)
			}
			if d.Tok != token.DEFINE || len(d.Lhs) != len(d.Rhs) {
				return ""
			}
			for i, l := range d.Lhs {
				if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj && id != x {
					return r.staticTypeOf(d.Rhs[i], depth+1)
				}
			}
		case *ast.Field:
			return r.staticTypeName(d.Type, true)
		}
	}
	return ""
}

// isErrorExpr reports whether an expression is known to be of type error.
func (r *rewriter) isErrorExpr(e ast.Expr, depth int) bool {
	if depth > 8 {
		return false
	}
	switch x := ast.Unparen(e).(type) {
	case *ast.CallExpr:
		switch f := x.Fun.(type) {
		case *ast.SelectorExpr:
			if isSel(f, "errors", f.Sel.Name) {
				return f.Sel.Name == "New" || f.Sel.Name == "Unwrap" || f.Sel.Name == "Join"
			}
			if isSel(f, "fmt", "Errorf") {
				return true
			}
			// A notebook method whose only result is an error.
			if m, ok := r.facts.Method(f.Sel.Name); ok && m.Results == 1 && m.ResultText == "error" {
				return true
			}
		case *ast.Ident:
			if f.Obj != nil {
				if d, ok := f.Obj.Decl.(*ast.FuncDecl); ok && d.Type.Results != nil && len(d.Type.Results.List) == 1 {
					return isIdentNamed(d.Type.Results.List[0].Type, "error")
				}
				return false
			}
			if fi, ok := r.facts.Func(f.Name); ok && fi.Results == 1 {
				return fi.ResultText == "error"
			}
		}
	case *ast.SelectorExpr:
		return r.isErrorField(x)
	case *ast.Ident:
		if x.Obj == nil {
			return r.facts.IsErrVar(x.Name)
		}
		switch d := x.Obj.Decl.(type) {
		case *ast.ValueSpec:
			if d.Type != nil {
				return isIdentNamed(d.Type, "error")
			}
			for i, n := range d.Names {
				if n.Obj == x.Obj && i < len(d.Values) && len(d.Values) == len(d.Names) {
					return r.isErrorExpr(d.Values[i], depth+1)
				}
			}
		case *ast.Field:
			return isIdentNamed(d.Type, "error")
		case *ast.AssignStmt:
			if len(d.Lhs) == len(d.Rhs) {
				for i, l := range d.Lhs {
					if id, ok := l.(*ast.Ident); ok && id.Obj == x.Obj && id != x {
						if _, call := d.Rhs[i].(*ast.CallExpr); call && isErrName(id.Name) {
							return true // err := f(): by convention an error
						}
						return r.isErrorExpr(d.Rhs[i], depth+1)
					}
				}
			} else if len(d.Rhs) == 1 {
				// v, err := f(): by convention the last result is the error.
				if id, ok := d.Lhs[len(d.Lhs)-1].(*ast.Ident); ok && id.Obj == x.Obj {
					return strings.HasPrefix(id.Name, "err")
				}
			}
		}
	}
	return false
}

// isErrName reports whether a variable's name says it holds an error by
// Go's convention: err, err2.
func isErrName(name string) bool {
	return strings.HasPrefix(name, "err") && strings.Trim(name[3:], "0123456789") == ""
}

// indexedByInt reports whether a range over e has integer keys, as its
// syntax tells: a slice or array literal, or a string literal.
func indexedByInt(e ast.Expr) bool {
	switch x := ast.Unparen(e).(type) {
	case *ast.CompositeLit:
		_, ok := x.Type.(*ast.ArrayType)
		return ok
	case *ast.BasicLit:
		return x.Kind == token.STRING
	}
	return false
}
