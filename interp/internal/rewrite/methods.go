package rewrite

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Methods of notebook types that host packages call.
//
// yaegi's reflect types of notebook types have no methods, so fmt,
// encoding/json and text/template cannot find them. After each method
// they look for, the declaration registers a function that calls it,
// which the host helpers call where the package would call the method:
//
//	func (p Point) String() string { ... }
//
// is preceded, in its own source (so that a rebuilt or restored
// interpreter compiles the registration with the method), by
//
//	var _ = func() any { var __b __gocellfix.Box[*Point]; return __gocellfix.RegisterMethod(__b, "String", false, func(__v Point) string { return __v.String() }) }()
//
// (a variable of type Box[*Point], which has a method, reaches the host
// helper with its type).
//
// Methods without parameters whose results are a value, or a value and an
// error, are registered too (as "get:Name"), for text/template.

// genericPrinterFact is recorded (as a type name no program can declare)
// once the notebook gives a generic type a method fmt calls: the
// interpreter keeps such methods only for a value converted to an
// interface outside generic code, so printed values then go through Val,
// not the generic ValT.
const genericPrinterFact = "__gocell generic printer"

// methodRegistration returns the registration of a method declaration, or
// "".
func (r *rewriter) methodRegistration(f *ast.FuncDecl) string {
	if f.Recv == nil || len(f.Recv.List) != 1 || f.Type.TypeParams != nil || f.Name.Name == "_" {
		return ""
	}
	recv := f.Recv.List[0].Type
	ptr := false
	if st, ok := recv.(*ast.StarExpr); ok {
		ptr, recv = true, st.X
	}
	id, ok := ast.Unparen(recv).(*ast.Ident)
	if !ok {
		switch f.Name.Name {
		case "String", "Error", "GoString", "Format":
			if _, generic := ast.Unparen(recv).(*ast.IndexExpr); generic {
				r.facts.SetType(genericPrinterFact, names.KindOther)
			} else if _, generic := ast.Unparen(recv).(*ast.IndexListExpr); generic {
				r.facts.SetType(genericPrinterFact, names.KindOther)
			}
		}
		return ""
	}
	if id.Name == "_" {
		return ""
	}
	recvText := id.Name
	if ptr {
		recvText = "*" + recvText
	}
	var params, results []string
	for _, p := range f.Type.Params.List {
		if _, ok := p.Type.(*ast.Ellipsis); ok {
			return ""
		}
		n := max(1, len(p.Names))
		for i := 0; i < n; i++ {
			params = append(params, names.ExprString(p.Type))
		}
	}
	if f.Type.Results != nil {
		for _, p := range f.Type.Results.List {
			n := max(1, len(p.Names))
			for i := 0; i < n; i++ {
				results = append(results, names.ExprString(p.Type))
			}
		}
	}
	sig := strings.Join(params, ",") + "->" + strings.Join(results, ",")
	name := f.Name.Name
	var fn string
	switch {
	case (name == "String" || name == "Error" || name == "GoString") && sig == "->string":
		fn = "func(__v " + recvText + ") string { return __v." + name + "() }"
	case name == "Format" && len(params) == 2 && len(results) == 0:
		fn = "func(__v " + recvText + ", __f " + params[0] + ", __c " + params[1] + ") { __v.Format(__f, __c) }"
	case (name == "MarshalJSON" || name == "MarshalText") && sig == "->[]byte,error":
		fn = "func(__v " + recvText + ") ([]byte, error) { return __v." + name + "() }"
	case (name == "UnmarshalJSON" || name == "UnmarshalText") && sig == "[]byte->error":
		fn = "func(__v " + recvText + ", __b []byte) error { return __v." + name + "(__b) }"
	case ast.IsExported(name) && len(params) == 0 && len(results) == 1:
		name = "get:" + name
		fn = "func(__v " + recvText + ") (any, error) { return __v." + f.Name.Name + "(), nil }"
	case ast.IsExported(name) && len(params) == 0 && len(results) == 2 && results[1] == "error":
		name = "get:" + name
		fn = "func(__v " + recvText + ") (any, error) { __r, __err := __v." + f.Name.Name + "(); return __r, __err }"
	default:
		return ""
	}
	return "var _ = func() any { var __b " + FixPkg + ".Box[*" + id.Name + "]; return " + FixPkg + ".RegisterMethod(__b, " + strconv.Quote(name) + ", " +
		strconv.FormatBool(ptr) + ", " + fn + ") }()"
}

// inGeneric reports whether p lies in a generic function or a method of a
// generic type.
func (r *rewriter) inGeneric(p token.Pos) bool {
	for _, d := range r.decls {
		f, ok := d.(*ast.FuncDecl)
		if !ok || p < f.Pos() || p >= f.End() {
			continue
		}
		if f.Type.TypeParams != nil {
			return true
		}
		if f.Recv != nil && len(f.Recv.List) == 1 {
			t := f.Recv.List[0].Type
			if st, ok := t.(*ast.StarExpr); ok {
				t = st.X
			}
			switch t.(type) {
			case *ast.IndexExpr, *ast.IndexListExpr:
				return true
			}
		}
	}
	return false
}

// resultCount returns the number of results of a call of a notebook
// function, or 0 when unknown.
func (r *rewriter) resultCount(c *ast.CallExpr) int {
	f, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok {
		return 0
	}
	if f.Obj != nil {
		if d, ok := f.Obj.Decl.(*ast.FuncDecl); ok && d.Type.Results != nil && d.Type.TypeParams == nil {
			return d.Type.Results.NumFields()
		}
		return 0
	}
	if fi, ok := r.facts.Func(f.Name); ok {
		return fi.Results
	}
	return 0
}

// isConversion reports whether c converts to a notebook type, T(x).
func (r *rewriter) isConversion(c *ast.CallExpr) bool {
	id, ok := ast.Unparen(c.Fun).(*ast.Ident)
	if !ok || len(c.Args) != 1 {
		return false
	}
	if id.Obj != nil {
		return id.Obj.Kind == ast.Typ
	}
	return r.facts.TypeKind(id.Name) != names.KindUnknown
}

// isPkgCall reports whether c calls a function of one of the packages.
func (r *rewriter) isPkgCall(c *ast.CallExpr, pkgs ...string) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok || x.Obj != nil || r.facts.HasVar(x.Name) {
		return false
	}
	for _, p := range pkgs {
		if x.Name == p {
			return true
		}
	}
	return false
}

// jsonCall passes the value of json.Marshal and MarshalIndent and the
// pointer of json.Unmarshal through __gocellfix.JSONT, which gives the
// host the notebook types of its parts (their MarshalJSON, UnmarshalJSON,
// MarshalText and UnmarshalText methods):
//
//	json.Marshal(a)  becomes  json.Marshal(__gocellfix.JSONT(a))
func (r *rewriter) jsonCall(call *ast.CallExpr, name string) {
	i := -1
	switch name {
	case "Marshal", "MarshalIndent":
		i = 0
	case "Unmarshal":
		i = 1
	}
	if i < 0 || i >= len(call.Args) || call.Ellipsis.IsValid() || r.inGeneric(call.Pos()) {
		return
	}
	a := call.Args[i]
	if id, ok := a.(*ast.Ident); ok && id.Name == "nil" {
		return
	}
	if c, ok := a.(*ast.CallExpr); ok && !r.notebookCall(c, false) && !r.isConversion(c) {
		return // a package's function: a host value
	}
	start, end := r.off(a.Pos()), r.off(a.End())
	r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
		return []srcEdit{{start, end, FixPkg + ".JSONT(" + r.render(start, end) + ")"}}
	}})
}

// templateCall passes the data of a template's Execute(w, data) or
// ExecuteTemplate(w, name, data) through __gocellfix.TemplateT, which
// gives the template the methods of notebook structs (as fields holding
// their results). A notebook method named Execute keeps its calls as they
// are.
func (r *rewriter) templateCall(call *ast.CallExpr, name string) {
	i := 1
	if name == "ExecuteTemplate" {
		i = 2
	}
	if len(call.Args) != i+1 || call.Ellipsis.IsValid() || r.inGeneric(call.Pos()) {
		return
	}
	if _, ok := r.facts.Method(name); ok {
		return
	}
	if w, ok := call.Args[0].(*ast.SelectorExpr); ok && names.ExprString(w) == "os.Stdout" && !r.facts.HasVar("os") {
		// In order with the cell's printing (see stdfix.useStdout).
		r.replace(w, FixPkg+".Stdout()")
	}
	a := call.Args[i]
	if id, ok := a.(*ast.Ident); ok && id.Name == "nil" {
		return
	}
	if _, ok := a.(*ast.BasicLit); ok {
		return
	}
	if c, ok := a.(*ast.CallExpr); ok && !r.notebookCall(c, false) && !r.isConversion(c) {
		return
	}
	start, end := r.off(a.Pos()), r.off(a.End())
	r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
		return []srcEdit{{start, end, FixPkg + ".TemplateT(" + r.render(start, end) + ")"}}
	}})
}

// methodExprType returns how %T prints a method expression T.M or
// (*T).M of a notebook type, func(main.T, ...) R, or "".
func (r *rewriter) methodExprType(sel *ast.SelectorExpr) string {
	x := ast.Unparen(sel.X)
	ptr := false
	if st, ok := x.(*ast.StarExpr); ok {
		ptr, x = true, st.X
	}
	id, ok := x.(*ast.Ident)
	if !ok || id.Obj != nil && id.Obj.Kind != ast.Typ || id.Obj == nil && r.facts.TypeKind(id.Name) == names.KindUnknown {
		return ""
	}
	m, ok := r.facts.MethodOf(id.Name, sel.Sel.Name)
	if !ok || m.PtrRecv && !ptr {
		return ""
	}
	typeText := func(t string) string {
		e, err := parser.ParseExpr(t)
		if err != nil {
			return t
		}
		if n := r.staticTypeName(e, true); n != "" {
			return n
		}
		return t
	}
	recv := "main." + id.Name
	if ptr {
		recv = "*" + recv
	}
	params := []string{recv}
	for i, p := range m.Params {
		t := typeText(p)
		if m.Variadic && i == len(m.Params)-1 {
			t = "..." + t
		}
		params = append(params, t)
	}
	res := m.ResultText
	if strings.HasPrefix(res, "(") {
		parts := strings.Split(strings.Trim(res, "()"), ",")
		for i, p := range parts {
			parts[i] = typeText(strings.TrimSpace(p))
		}
		res = "(" + strings.Join(parts, ", ") + ")"
	} else if res != "" {
		res = typeText(res)
	}
	out := "func(" + strings.Join(params, ", ") + ")"
	if res != "" {
		out += " " + res
	}
	return out
}

// prefixDecl writes text (declarations of _) before a declaration's
// keyword, within its source: the edit replaces the keyword (an insertion
// at a declaration's start stays out of the declaration's source).
func (r *rewriter) prefixDecl(kwPos token.Pos, kw, text string) {
	p := r.off(kwPos)
	r.edits = append(r.edits, srcEdit{p, p + len(kw), text + "; " + kw})
}

// valTSafe reports whether ValT may be instantiated with e's type: not
// where the syntax tells a pointer (&x, a variable of type *T) or a
// notebook interface type, for which yaegi's instantiation fails to
// compile.
func (r *rewriter) valTSafe(e ast.Expr) bool {
	if u, ok := ast.Unparen(e).(*ast.UnaryExpr); ok && u.Op == token.AND {
		return false
	}
	switch t := r.typeExprOf(e, 0).(type) {
	case *ast.StarExpr:
		return false
	case *ast.Ident:
		return !r.isInterfaceType(t.Name)
	}
	return true
}

// inMethod reports whether p lies in a method declaration.
func (r *rewriter) inMethod(p token.Pos) bool {
	for _, d := range r.decls {
		if f, ok := d.(*ast.FuncDecl); ok && f.Recv != nil && p >= f.Pos() && p < f.End() {
			return true
		}
	}
	return false
}
