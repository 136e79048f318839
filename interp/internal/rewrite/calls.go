package rewrite

import (
	"go/ast"
	"go/constant"
	"go/token"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Call rewrites.
//
// min and max (missing in yaegi v0.16.1) call generic functions of
// __gocellfix. yaegi infers their type from the first argument, and takes an
// untyped float constant there for an int, so a non-constant argument is
// moved first (operands have no side effects to reorder: constants only);
// calls of constants alone are folded into the constant. clear calls a
// host function.
//
// fmt and log printing calls: yaegi drops the methods (String, Error,
// Format) of a notebook value that comes straight from a call of a notebook
// function, fmt.Println(mk()); in parentheses, fmt.Println((mk())), it keeps
// them. A call is parenthesized when it is one of several arguments, or
// the only one and known to have one result (parentheses would drop the
// other results). An argument printed with %T is passed through
// __gocellfix.TypeOf, which names notebook types, and the verb becomes %s.
//
// slices.Concat(s) gets a second, empty argument: yaegi cannot instantiate
// a variadic generic function called without variadic arguments.
func (r *rewriter) rewriteCalls(root ast.Node) {
	called := map[ast.Expr]bool{} // selectors that are called, not values
	ast.Inspect(root, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok {
			if !r.methodExpr(sel) && !called[sel] {
				r.methodValue(sel)
			}
			return true
		}
		if c, ok := n.(*ast.CallExpr); ok {
			called[ast.Unparen(c.Fun)] = true
		}
		if b, ok := n.(*ast.BinaryExpr); ok {
			r.errorCompare(b)
			return true
		}
		call, ok := n.(*ast.CallExpr)
		if !ok {
			return true
		}
		switch f := call.Fun.(type) {
		case *ast.Ident:
			if r.isUniverse(f) {
				switch f.Name {
				case "min", "max":
					r.minMax(call, f.Name)
				case "clear":
					r.replace(f, FixPkg+".Clear")
				case "recover":
					// yaegi's recover returns the panic value wrapped in a
					// reflect.Value when it was an interface (panic(err)):
					// r.(error) then fails.
					if len(call.Args) == 0 {
						r.insert(call.Pos(), FixPkg+".Recovered(")
						r.insert(call.End(), ")")
					}
				}
			}
		case *ast.SelectorExpr:
			if pkg, ok := f.X.(*ast.Ident); ok && pkg.Obj == nil && !r.facts.HasVar(pkg.Name) {
				switch pkg.Name {
				case "fmt", "log":
					r.printCall(call, pkg.Name+"."+f.Sel.Name)
				case "json":
					r.jsonCall(call, f.Sel.Name)
				case "slices":
					if f.Sel.Name == "Concat" && len(call.Args) == 1 && !call.Ellipsis.IsValid() {
						r.insert(call.Args[0].End(), ", nil")
					}
				}
			} else if f.Sel.Name == "Execute" || f.Sel.Name == "ExecuteTemplate" {
				r.templateCall(call, f.Sel.Name)
			}
		}
		return true
	})
}

// ---- method expressions ----

// methodExpr writes a method expression T.M or (*T).M of a notebook type as
// a function literal, which yaegi calls right (it calls a method
// expression with one argument too many):
//
//	Greeter.Greet  becomes  func(__r Greeter, __a1 string) string { return __r.Greet(__a1) }
func (r *rewriter) methodExpr(sel *ast.SelectorExpr) bool {
	x := ast.Unparen(sel.X)
	ptr := false
	if st, ok := x.(*ast.StarExpr); ok {
		ptr, x = true, st.X
	}
	id, ok := x.(*ast.Ident)
	if !ok {
		return false
	}
	if id.Obj != nil {
		if id.Obj.Kind != ast.Typ {
			return false
		}
	} else if r.facts.TypeKind(id.Name) == names.KindUnknown {
		return false
	}
	m, ok := r.facts.MethodOf(id.Name, sel.Sel.Name)
	if !ok || m.PtrRecv && !ptr {
		return false
	}
	recv := id.Name
	if ptr {
		recv = "*" + recv
	}
	params := []string{"__r " + recv}
	var args []string
	for i, p := range m.Params {
		a := "__a" + strconv.Itoa(i+1)
		if m.Variadic && i == len(m.Params)-1 {
			params = append(params, a+" ..."+p)
			a += "..."
		} else {
			params = append(params, a+" "+p)
		}
		args = append(args, a)
	}
	body := "__r." + sel.Sel.Name + "(" + strings.Join(args, ", ") + ")"
	if m.ResultText != "" {
		body = "return " + body
	}
	r.replace(sel, "func("+strings.Join(params, ", ")+") "+m.ResultText+" { "+body+" }")
	return true
}

// methodValue binds a method value x.M of a value-receiver method to a
// copy of x, as Go does (yaegi binds it to x itself, so later changes of x
// show through), when x is known to be of a notebook type T:
//
//	f := hello.Greet  becomes  f := func() func(string) string { __r := hello; return __r.Greet }()
func (r *rewriter) methodValue(sel *ast.SelectorExpr) {
	if r.bindMethodValue(sel) {
		return
	}
	t := r.staticTypeOf(sel.X, 0)
	var m names.FuncInfo
	var ok bool
	deref := ""
	if t == "" {
		// The receiver's type is unknown (a range variable): a method of
		// that name whose signature all notebook types agree on.
		id, isID := sel.X.(*ast.Ident)
		if !isID || id.Obj == nil && !r.facts.HasVar(id.Name) {
			return
		}
		m, ok = r.facts.Method(sel.Sel.Name)
		for _, o := range r.facts.MethodsNamed(sel.Sel.Name) {
			if o.PtrRecv || o.ResultText != m.ResultText || o.Variadic != m.Variadic || strings.Join(o.Params, ",") != strings.Join(m.Params, ",") {
				ok = false
			}
		}
	} else {
		if strings.HasPrefix(t, "*") {
			// p.M of a value-receiver method through a pointer binds a
			// copy of *p, made now.
			deref = "*"
			t = t[1:]
		}
		m, ok = r.facts.MethodOf(strings.TrimPrefix(t, "main."), sel.Sel.Name)
	}
	if !ok || m.PtrRecv {
		return
	}
	params := append([]string{}, m.Params...)
	if m.Variadic && len(params) > 0 {
		params[len(params)-1] = "..." + params[len(params)-1]
	}
	sig := "func(" + strings.Join(params, ", ") + ") " + m.ResultText
	start, end := r.off(sel.Pos()), r.off(sel.End())
	xs, xe := r.off(sel.X.Pos()), r.off(sel.X.End())
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		return []srcEdit{{start, end, "func() " + sig + " { __r := " + deref + "(" + r.render(xs, xe) + "); return __r." + sel.Sel.Name + " }()"}}
	}})
}

// ---- comparing errors ----

// errorCompare rewrites err == target (and !=) when an operand is known to
// be an error: yaegi holds a notebook error in an error variable in a
// wrapper, so == compares the wrapper (false, or a panic for wrappers
// holding funcs). __gocellfix.Same compares the values they hold.
func (r *rewriter) errorCompare(b *ast.BinaryExpr) {
	if b.Op != token.EQL && b.Op != token.NEQ || isIdentNamed(b.X, "nil") || isIdentNamed(b.Y, "nil") {
		return
	}
	if !r.isErrorExpr(b.X, 0) && !r.isErrorExpr(b.Y, 0) && !r.isIfaceVar(b.X) && !r.isIfaceVar(b.Y) {
		return
	}
	start, end := r.off(b.Pos()), r.off(b.End())
	xs, xe, ys, ye := r.off(b.X.Pos()), r.off(b.X.End()), r.off(b.Y.Pos()), r.off(b.Y.End())
	neg := b.Op == token.NEQ
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		text := FixPkg + ".Same(" + r.render(xs, xe) + ", " + r.render(ys, ye) + ")"
		if neg {
			text = "!" + text
		}
		return []srcEdit{{start, end, text}}
	}})
}

// ---- min and max ----

func (r *rewriter) minMax(call *ast.CallExpr, name string) {
	if call.Ellipsis.IsValid() || len(call.Args) == 0 {
		return
	}
	multiline := strings.Contains(r.src(call), "\n")
	first := -1
	for i, a := range call.Args {
		if !isConstExpr(a) {
			first = i
			break
		}
	}
	if first < 0 {
		if text, ok := r.foldMinMax(call.Args, name == "max"); ok && !multiline {
			r.replace(call, text)
			return
		}
		first = 0
	}
	start, end := r.off(call.Pos()), r.off(call.End())
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		args := make([]string, len(call.Args))
		for i, a := range call.Args {
			args[i] = r.renderNode(a)
		}
		ordered := append([]string{args[first]}, append(append([]string{}, args[:first]...), args[first+1:]...)...)
		fn := FixPkg + "." + strings.ToUpper(name[:1]) + name[1:]
		var text string
		switch len(ordered) {
		case 1:
			text = "(" + ordered[0] + ")"
		case 2:
			text = fn + "(" + strings.Join(ordered, ", ") + ")"
		default:
			text = fn + "N(" + strings.Join(ordered, ", ") + ")"
		}
		// Newlines the call had go after the opening parenthesis.
		if pad := strings.Count(r.text[start:end], "\n") - strings.Count(text, "\n"); pad > 0 {
			i := strings.IndexByte(text, '(') + 1
			text = text[:i] + strings.Repeat("\n", pad) + text[i:]
		}
		return []srcEdit{{start, end, text}}
	}})
}

// isConstExpr reports whether e is a constant made of literals only.
func isConstExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return x.Kind != token.IMAG
	case *ast.ParenExpr:
		return isConstExpr(x.X)
	case *ast.UnaryExpr:
		return (x.Op == token.SUB || x.Op == token.ADD) && isConstExpr(x.X)
	case *ast.BinaryExpr:
		switch x.Op {
		case token.ADD, token.SUB, token.MUL, token.QUO, token.REM:
			return isConstExpr(x.X) && isConstExpr(x.Y)
		}
	}
	return false
}

// constValue evaluates a constant expression; rank orders the kinds of
// untyped constants: integer, rune, float, string (strings don't mix).
func constValue(e ast.Expr) (v constant.Value, rank int, ok bool) {
	switch x := e.(type) {
	case *ast.BasicLit:
		v = constant.MakeFromLiteral(x.Value, x.Kind, 0)
		rank = map[token.Token]int{token.INT: 0, token.CHAR: 1, token.FLOAT: 2, token.STRING: 3}[x.Kind]
		return v, rank, v.Kind() != constant.Unknown
	case *ast.ParenExpr:
		return constValue(x.X)
	case *ast.UnaryExpr:
		v, rank, ok = constValue(x.X)
		if !ok || rank == 3 {
			return nil, 0, false
		}
		return constant.UnaryOp(x.Op, v, 0), rank, true
	case *ast.BinaryExpr:
		a, ra, ok1 := constValue(x.X)
		b, rb, ok2 := constValue(x.Y)
		if !ok1 || !ok2 || (ra == 3) != (rb == 3) || ra == 3 && x.Op != token.ADD {
			return nil, 0, false
		}
		rank = max(ra, rb)
		op := x.Op
		if op == token.QUO && rank < 2 {
			if constant.Sign(b) == 0 {
				return nil, 0, false
			}
			op = token.QUO_ASSIGN // integer division
		} else if op == token.QUO && constant.Sign(b) == 0 {
			return nil, 0, false
		}
		if op == token.REM && (rank >= 2 || constant.Sign(b) == 0) {
			return nil, 0, false
		}
		v = constant.BinaryOp(a, op, b)
		return v, rank, v.Kind() != constant.Unknown
	}
	return nil, 0, false
}

// foldMinMax computes min or max of constants, as an untyped constant
// expression of the right kind.
func (r *rewriter) foldMinMax(args []ast.Expr, isMax bool) (string, bool) {
	best, bestRank, ok := constValue(args[0])
	if !ok {
		return "", false
	}
	win, rank := 0, bestRank
	for i, a := range args[1:] {
		v, vr, ok := constValue(a)
		if !ok || (vr == 3) != (rank == 3) {
			return "", false
		}
		rank = max(rank, vr)
		op := token.LSS
		if isMax {
			op = token.GTR
		}
		if constant.Compare(v, op, best) {
			best, bestRank, win = v, vr, i+1
		}
	}
	text := "(" + r.src(args[win]) + ")"
	switch {
	case rank == 2 && bestRank < 2:
		text = "(" + r.src(args[win]) + " + 0.0)"
	case rank == 1 && bestRank < 1:
		text = "('\\x00' + " + r.src(args[win]) + ")"
	}
	return text, true
}

// ---- fmt and log ----

// printFuncs maps printing functions to the index of their format argument
// (-1: none) and of their first printed value.
var printFuncs = map[string][2]int{
	"fmt.Print": {-1, 0}, "fmt.Println": {-1, 0}, "fmt.Printf": {0, 1},
	"fmt.Sprint": {-1, 0}, "fmt.Sprintln": {-1, 0}, "fmt.Sprintf": {0, 1},
	"fmt.Fprint": {-1, 1}, "fmt.Fprintln": {-1, 1}, "fmt.Fprintf": {1, 2},
	"fmt.Errorf": {0, 1}, "fmt.Append": {-1, 1}, "fmt.Appendln": {-1, 1}, "fmt.Appendf": {1, 2},
	"log.Print": {-1, 0}, "log.Println": {-1, 0}, "log.Printf": {0, 1},
	"log.Fatal": {-1, 0}, "log.Fatalln": {-1, 0}, "log.Fatalf": {0, 1},
	"log.Panic": {-1, 0}, "log.Panicln": {-1, 0}, "log.Panicf": {0, 1},
}

func (r *rewriter) printCall(call *ast.CallExpr, name string) {
	idx, ok := printFuncs[name]
	if ok && call.Ellipsis.IsValid() {
		r.spreadPrintArgs(call)
		return
	}
	if !ok {
		return
	}
	typed := map[int]bool{} // value arguments printed with %T
	var verbs []byte        // the verbs of a literal format
	var sharpV map[int]bool // and with %#v (gosyntax.go)
	if f := idx[0]; f >= 0 && f < len(call.Args) {
		if lit, ok := call.Args[f].(*ast.BasicLit); ok && lit.Kind == token.STRING && strings.Contains(lit.Value, "%") {
			if format, err := strconv.Unquote(lit.Value); err == nil {
				verbs, _ = formatVerbs(format)
			}
			typed = r.typeVerbs(lit)
			if strings.Contains(lit.Value, "#v") {
				if format, err := strconv.Unquote(lit.Value); err == nil {
					sharpV = goSyntaxArgs(format)
				}
			}
		}
	}
	for i := idx[1]; i < len(call.Args); i++ {
		a := call.Args[i]
		if name == "fmt.Errorf" && (verbs == nil || i-idx[1] >= len(verbs) || verbs[i-idx[1]] == 'w') {
			continue // wrapped: the error itself (yaegi keeps its methods)
		}
		start, end := r.off(a.Pos()), r.off(a.End())
		r.registerInstanceMethods(a) // genericprint.go
		if typed[i-idx[1]] {
			// A notebook type known from the syntax is named directly (the
			// value is still evaluated); others are asked of the value.
			fn := FixPkg + ".TypeOf("
			if t := r.staticTypeOf(a, 0); t != "" {
				fn = FixPkg + ".Named(" + strconv.Quote(t) + ", "
			} else if t := r.anonStructLitType(a); t != "" {
				fn = FixPkg + ".Named(" + strconv.Quote(t) + ", "
			}
			r.composites = append(r.composites, composite{start: start, end: end, prio: 2, build: func() []srcEdit {
				return []srcEdit{{start, end, fn + r.render(start, end) + ")"}}
			}})
			continue
		}
		if lit, ok := a.(*ast.BasicLit); ok && lit.Kind != token.IMAG {
			continue // a constant prints as itself
		}
		if id, ok := a.(*ast.Ident); ok && id.Name == "nil" && id.Obj == nil {
			continue
		}
		// ValT carries the static type of the value; in generic code
		// (yaegi instantiates a generic call there wrongly) and in
		// methods (yaegi's compile of a method that instantiates ValT
		// with its own receiver type panics) Val, which knows the type of
		// values whose types have methods.
		val := FixPkg + ".ValT("
		if r.inGeneric(call.Pos()) || r.inMethod(call.Pos()) || r.facts.TypeKind(genericPrinterFact) != names.KindUnknown {
			val = FixPkg + ".Val("
		}
		if !r.valTSafe(a) {
			// yaegi's instantiation of ValT fails to compile for some
			// types (a pointer to a struct whose methods satisfy a
			// notebook interface, a notebook interface): ValT only where
			// the syntax tells a type it instantiates right; Val keeps
			// the type of values whose types have methods.
			val = FixPkg + ".Val("
		}
		pre, suf := val, ")"
		if ell, ok := r.typeExprOf(a, 0).(*ast.Ellipsis); ok {
			// A variadic parameter: yaegi infers ValT's type argument
			// as ...E, which it cannot use; the slice type is given.
			pre, suf = val+"[]"+names.ExprString(ell.Elt)+"(", "))"
		}
		if _, isCall := a.(*ast.CallExpr); !isCall && val == FixPkg+".Val(" {
			if p, s := r.elemsView(a); p != "" {
				pre, suf = p, s
			} else if p, s := r.genericPrintView(a); p != "" {
				pre, suf = p, s
			}
		}
		genericView := false // a call's result of a generic type (genericprint.go)
		if c, ok := a.(*ast.CallExpr); ok && val == FixPkg+".Val(" {
			if p, s := r.genericPrintView(c); p != "" {
				pre, suf, genericView = p, s, true
			}
		}
		if c, ok := a.(*ast.CallExpr); ok && !genericView {
			if c.Ellipsis.IsValid() {
				val = FixPkg + ".Val(" // yaegi instantiates ValT wrongly with f(xs...)
			}
			if id, isID := ast.Unparen(c.Fun).(*ast.Ident); isID && r.isUniverse(id) {
				if id.Name == "recover" || id.Name == "len" || id.Name == "cap" || id.Name == "new" || id.Name == "make" {
					pre, suf = FixPkg+".Val((", "))" // one result, a host value or not a notebook one
					r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
						return []srcEdit{{start, end, pre + r.render(start, end) + suf}}
					}})
					continue
				}
			}
			switch {
			case r.funcValueResult(c, 0) != "":
				// A function value's one result of a notebook type
				// (getters[1]()): ValT knows its type.
				pre, suf = val, ")"
			case len(call.Args) == 1 && !r.notebookCall(c, true):
				// Perhaps several results: each is shown.
				pre, suf = FixPkg+".Vals(", ")..."
				if n := r.resultCount(c); n > 1 {
					var rs, vs []string
					for i := 0; i < n; i++ {
						rs = append(rs, "__r"+strconv.Itoa(i))
						vs = append(vs, val+"__r"+strconv.Itoa(i)+")") // variables: ValT is safe
					}
					pre = "func() []any { " + strings.Join(rs, ", ") + " := "
					suf = "; return []any{" + strings.Join(vs, ", ") + "} }()..."
				}
			case r.isConversion(c):
				pre, suf = val+"(", "))"
			case r.notebookCall(c, false):
				// Val: yaegi instantiates ValT wrongly with the results of
				// variadic functions and of methods called on interfaces.
				pre, suf = FixPkg+".Val((", "))"
			case r.isPkgCall(c, "slices", "maps"):
				// Generic functions, perhaps of notebook types: Val
				// (yaegi cannot instantiate ValT with a package
				// function's result type).
				pre, suf = FixPkg+".Val((", "))"
			default:
				if sharpV[i-idx[1]] {
					r.goSyntaxArg(a, 1)
				}
				continue // a package's function: a host value
			}
		}
		r.composites = append(r.composites, composite{start: start, end: end, prio: 1, build: func() []srcEdit {
			return []srcEdit{{start, end, pre + r.render(start, end) + suf}}
		}})
		if sharpV[i-idx[1]] && !strings.HasSuffix(suf, "...") {
			// Around the view: a value whose parts have no methods
			// comes back as itself, and %#v needs the notebook's names
			// of its types (the view itself passes through).
			r.goSyntaxArg(a, 3)
		}
	}
}

// notebookCall reports whether c may call a notebook function or method
// (not a conversion, a builtin or a package's function), and, if sole, is
// known to have a single result.
func (r *rewriter) notebookCall(c *ast.CallExpr, sole bool) bool {
	switch f := c.Fun.(type) {
	case *ast.Ident:
		if f.Obj != nil {
			d, ok := f.Obj.Decl.(*ast.FuncDecl)
			if !ok {
				return !sole && f.Obj.Kind == ast.Var
			}
			return d.Type.Results != nil && d.Type.Results.NumFields() == 1 || !sole
		}
		fi, ok := r.facts.Func(f.Name)
		return ok && (fi.Results == 1 || !sole)
	case *ast.SelectorExpr:
		if x, ok := f.X.(*ast.Ident); ok && x.Obj == nil && !r.facts.HasVar(x.Name) {
			return false // a package's function
		}
		m, ok := r.facts.Method(f.Sel.Name)
		return ok && (m.Results == 1 || !sole)
	case *ast.FuncLit:
		return !sole || f.Type.Results != nil && f.Type.Results.NumFields() == 1
	}
	return false
}

// formatVerbs returns the verb of each value argument of a format literal
// ('v', 'T', 'w', ...) and the offsets of the verbs in the unquoted
// format, or nil if the format uses explicit argument indexes or * widths.
func formatVerbs(format string) (verbs []byte, offsets []int) {
	for i := 0; i < len(format); i++ {
		if format[i] != '%' {
			continue
		}
		i++
		for i < len(format) && strings.IndexByte("+-# 0", format[i]) >= 0 {
			i++
		}
		for i < len(format) && (format[i] >= '0' && format[i] <= '9' || format[i] == '.') {
			i++
		}
		if i >= len(format) {
			break
		}
		switch format[i] {
		case '%':
			continue
		case '[', '*':
			return nil, nil
		}
		verbs = append(verbs, format[i])
		offsets = append(offsets, i)
	}
	return verbs, offsets
}

// typeVerbs rewrites the %T verbs of a format literal to %s and returns the
// indexes of the values they print.
func (r *rewriter) typeVerbs(lit *ast.BasicLit) map[int]bool {
	format, err := strconv.Unquote(lit.Value)
	if err != nil {
		return nil
	}
	verbs, offsets := formatVerbs(format)
	typed := map[int]bool{}
	b := []byte(format)
	var positions []int
	for i, v := range verbs {
		if v == 'T' {
			typed[i] = true
			b[offsets[i]] = 's'
			positions = append(positions, offsets[i])
		}
	}
	if len(positions) == 0 {
		return nil
	}
	if strings.HasPrefix(lit.Value, "`") {
		for _, p := range positions {
			o := r.off(lit.Pos()) + 1 + p
			r.edits = append(r.edits, srcEdit{o, o + 1, "s"})
		}
	} else {
		r.replace(lit, strconv.Quote(string(b)))
	}
	return typed
}

// ---- notebook variables from generic calls ----

// stdGenerics classifies the generic functions of slices and maps (the
// others have concrete results).
var stdGenerics = map[string]names.GenericResult{
	"slices.Clone": names.ResultArg0, "slices.Compact": names.ResultArg0, "slices.CompactFunc": names.ResultArg0,
	"slices.Insert": names.ResultArg0, "slices.Delete": names.ResultArg0, "slices.DeleteFunc": names.ResultArg0,
	"slices.Replace": names.ResultArg0, "slices.Grow": names.ResultArg0, "slices.Clip": names.ResultArg0,
	"slices.Concat": names.ResultArg0, "slices.Repeat": names.ResultArg0, "maps.Clone": names.ResultArg0,
	"slices.Max": names.ResultElem0, "slices.Min": names.ResultElem0, "slices.MaxFunc": names.ResultElem0, "slices.MinFunc": names.ResultElem0,
	"slices.Collect": names.ResultOpaque, "slices.Sorted": names.ResultOpaque, "slices.SortedFunc": names.ResultOpaque,
	"slices.SortedStableFunc": names.ResultOpaque, "slices.AppendSeq": names.ResultArg0, "slices.All": names.ResultOpaque,
	"slices.Values": names.ResultOpaque, "slices.Backward": names.ResultOpaque, "slices.Chunk": names.ResultOpaque,
	"maps.Keys": names.ResultOpaque, "maps.Values": names.ResultOpaque, "maps.All": names.ResultOpaque, "maps.Collect": names.ResultOpaque,
}

// genericCall classifies the result of a call expression.
func (r *rewriter) genericCall(e ast.Expr) (names.GenericResult, *ast.CallExpr) {
	for {
		p, ok := e.(*ast.ParenExpr)
		if !ok {
			break
		}
		e = p.X
	}
	call, ok := e.(*ast.CallExpr)
	if !ok || call.Ellipsis.IsValid() {
		return names.ResultConcrete, nil
	}
	switch f := call.Fun.(type) {
	case *ast.SelectorExpr:
		if pkg, ok := f.X.(*ast.Ident); ok && pkg.Obj == nil && !r.facts.HasVar(pkg.Name) {
			return stdGenerics[pkg.Name+"."+f.Sel.Name], call
		}
	case *ast.Ident:
		if f.Obj != nil {
			if d, ok := f.Obj.Decl.(*ast.FuncDecl); ok {
				return funcGenericResult(d.Type), call
			}
			return names.ResultConcrete, nil
		}
		if fi, ok := r.facts.Func(f.Name); ok {
			return fi.Generic, call
		}
	case *ast.IndexExpr, *ast.IndexListExpr:
		return names.ResultOpaque, call // explicitly instantiated
	}
	return names.ResultConcrete, nil
}

// funcGenericResult classifies the result of a generic function declaration.
func funcGenericResult(ft *ast.FuncType) names.GenericResult {
	if ft.TypeParams == nil || ft.Results == nil {
		return names.ResultConcrete
	}
	tparams := map[string]bool{}
	for _, f := range ft.TypeParams.List {
		for _, n := range f.Names {
			tparams[n.Name] = true
		}
	}
	mentions := func(e ast.Expr) bool {
		found := false
		ast.Inspect(e, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && tparams[id.Name] {
				found = true
			}
			return !found
		})
		return found
	}
	generic := false
	for _, f := range ft.Results.List {
		generic = generic || mentions(f.Type)
	}
	if !generic {
		return names.ResultConcrete
	}
	if ft.Results.NumFields() != 1 || ft.Params == nil || len(ft.Params.List) == 0 {
		return names.ResultOpaque
	}
	res, first := ft.Results.List[0].Type, ft.Params.List[0].Type
	if types := names.ExprString(res); types == names.ExprString(first) {
		return names.ResultArg0
	}
	if a, ok := first.(*ast.ArrayType); ok && a.Len == nil && names.ExprString(a.Elt) == names.ExprString(res) {
		return names.ResultElem0
	}
	return names.ResultOpaque
}

// topLevelGenerics rewrites the cell-level declarations of notebook
// variables from generic calls. yaegi types a cell's top-level x := f(...)
// before it instantiates a generic f, and fails (the interpreter panics);
// var x T = f(...) leaves x zero. So:
//
//	x := slices.Clone(s)  becomes  x := s; x = slices.Clone(x)
//	m := slices.Max(s)    becomes  __t := s; m := __t[0]; m = slices.Max(__t)
//	var x T = f(...)      becomes  var x T; x = f(...)
//
// and a call whose result type cannot be named from its arguments
// (slices.Sorted(...), a notebook generic function) is an error with the
// workaround: declare the variable with its type, then assign it.
func (r *rewriter) topLevelGenerics() {
	for _, s := range r.body {
		switch s := s.(type) {
		case *ast.AssignStmt:
			if s.Tok != token.DEFINE {
				continue
			}
			if len(s.Rhs) == 1 && len(s.Lhs) > 1 {
				if r.typedDefine(s, s.Lhs, s.Rhs[0]) {
					continue
				}
				if g, _ := r.genericCall(s.Rhs[0]); g != names.ResultConcrete {
					r.failGeneric(s, s.Rhs[0], r.src(s.Lhs[0]))
				}
				continue
			}
			for i, rhs := range s.Rhs {
				if i < len(s.Lhs) {
					r.genericDefine(s, s.Lhs[i], rhs, len(s.Rhs) == 1)
				}
			}
		case *ast.DeclStmt:
			g, ok := s.Decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR || g.Lparen.IsValid() || len(g.Specs) != 1 {
				continue
			}
			vs := g.Specs[0].(*ast.ValueSpec)
			if vs.Type == nil && len(vs.Names) > 1 && len(vs.Values) == 1 {
				lhs := make([]ast.Expr, len(vs.Names))
				for i, n := range vs.Names {
					lhs[i] = n
				}
				if r.typedDefine(s, lhs, vs.Values[0]) {
					continue
				}
			}
			generic := false
			for _, v := range vs.Values {
				if k, _ := r.genericCall(v); k != names.ResultConcrete {
					generic = true
				}
			}
			if !generic || len(vs.Values) != len(vs.Names) {
				continue
			}
			if vs.Type != nil {
				// var x T = f(...): declare, then assign.
				var lhs []string
				for _, n := range vs.Names {
					lhs = append(lhs, n.Name)
				}
				eq := r.off(vs.Type.End())
				valStart := r.off(vs.Values[0].Pos())
				r.edits = append(r.edits, srcEdit{eq, valStart, "; " + strings.Join(lhs, ", ") + " = "})
				continue
			}
			if len(vs.Names) == 1 {
				r.genericDefine(s, vs.Names[0], vs.Values[0], true)
			}
		}
	}
}

// genericDefine rewrites one x := f(...) (or var x = f(...)) of a generic f.
func (r *rewriter) genericDefine(stmt ast.Stmt, lhs, rhs ast.Expr, sole bool) {
	if sole && r.typedDefine(stmt, []ast.Expr{lhs}, rhs) {
		return
	}
	kind, call := r.genericCall(rhs)
	if kind == names.ResultConcrete {
		return
	}
	name := r.src(lhs)
	if kind == names.ResultOpaque || !sole || len(call.Args) == 0 {
		r.failGeneric(stmt, rhs, name)
		return
	}
	// Declared from the first argument, then assigned the call's result.
	stmtStart, stmtEnd := r.off(stmt.Pos()), r.off(stmt.End())
	a0Start, a0End := r.off(call.Args[0].Pos()), r.off(call.Args[0].End())
	callStart, restStart := r.off(call.Pos()), a0End
	decl := name + " := "
	if d, ok := stmt.(*ast.DeclStmt); ok {
		decl = r.text[stmtStart:r.off(d.Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Values[0].Pos())]
	}
	r.composites = append(r.composites, composite{start: stmtStart, end: stmtEnd, prio: 3, build: func() []srcEdit {
		a0 := r.render(a0Start, a0End)
		head := r.render(callStart, a0Start) // "slices.Clone("
		rest := r.render(restStart, stmtEnd) // ", more)" and anything after
		var text string
		if kind == names.ResultArg0 {
			text = decl + a0 + "; " + name + " = " + head + name + rest
		} else {
			t := r.name("t")
			text = t + " := " + a0 + "; " + decl + t + "[0]; " + name + " = " + head + t + rest
		}
		return []srcEdit{{stmtStart, stmtEnd, text}}
	}})
}

func (r *rewriter) failGeneric(stmt ast.Stmt, rhs ast.Expr, name string) {
	if r.err != nil {
		return
	}
	callee := names.ExprString(rhs)
	if c, ok := ast.Unparen(rhs).(*ast.CallExpr); ok {
		callee = names.ExprString(c.Fun) + "(...)"
	}
	r.fail(stmt, "declaring the notebook variable %s from a call of the generic function %s at the top level of a cell is not supported by the interpreter: declare it with its type first, then assign it (var %s T; %s = ...), or compute it inside a function",
		name, callee, name, name)
	var names []string
	switch s := stmt.(type) {
	case *ast.AssignStmt:
		for _, l := range s.Lhs {
			names = append(names, r.src(l))
		}
	case *ast.DeclStmt:
		for _, n := range s.Decl.(*ast.GenDecl).Specs[0].(*ast.ValueSpec).Names {
			names = append(names, n.Name)
		}
	}
	r.err.(*Error).Define = &GenericDefine{Names: names, Expr: r.src(rhs),
		Text: r.text, Start: r.off(stmt.Pos()), End: r.off(stmt.End())}
}
