package rewrite

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"sort"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// Type arguments of generic calls, inferred with go/types.
//
// yaegi v0.16.1 infers the type arguments of a generic call only in simple
// cases: not through function-typed arguments (Map(xs, func(p P) string
// {...})), not for a variadic parameter (Largest(3, 7, 1)), and its result
// then carries the underlying type (%T of Sum(scores) prints int for a
// []Score). An explicitly instantiated call, Map[P, string](xs, f), works.
// So a chunk that calls a generic function of the notebook is type-checked
// with go/types, together with the notebook declarations it reaches, and
// every call whose type arguments are inferred is made explicit. The types
// learned also name the result of such a call: a cell-level x := f(...)
// becomes var x T; x = f[...](...), which yaegi runs (calls.go), and %T of
// a result of a notebook type prints its name.
//
// Only chunks that call a notebook generic function pay for the check;
// package symbols are not imported (an argument whose type comes from a
// package leaves its call to yaegi's own inference), and a call inside a
// generic function whose type arguments are its type parameters is left
// as written (yaegi instantiates f[T] inside a generic body wrongly).

// genericInfo is what the check learned of a chunk's generic calls.
type genericInfo struct {
	// calls are the instantiated calls, by their callee identifier: the
	// type arguments as Go source, by type parameter name.
	calls map[*ast.Ident]map[string]string
	// results are the result types of instantiated calls, as Go source.
	results map[*ast.CallExpr][]string
	info    *types.Info    // what the check learned of the chunk
	pkg     *types.Package // the notebook, as the check saw it
	// values are the function values among the instantiations (not
	// called): a function literal, with %s where the instance goes.
	values map[*ast.Ident]string
	// named is how %T prints each result of a call whose type is a
	// notebook type (main.Score), or "".
	named map[*ast.CallExpr][]string
	// visible are the host packages the chunk names, by path.
	visible map[string]bool
	// registered are the method registrations of generic instances the
	// chunk writes, by where and what (genericprint.go).
	registered map[string]bool
}

// genericCallees returns the identifiers of the chunk that name a generic
// function of the notebook (declared in the chunk or before it).
func (r *rewriter) genericCallees() []*ast.Ident {
	var out []*ast.Ident
	ast.Inspect(r.file, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok {
			return true
		}
		if id.Obj != nil {
			if fd, ok := id.Obj.Decl.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Type.TypeParams != nil && fd.Name != id {
				out = append(out, id)
			}
			return true
		}
		if fi, ok := r.facts.Func(id.Name); ok && fi.TypeParams > 0 {
			out = append(out, id)
		}
		return true
	})
	return out
}

// inferGenerics type-checks the chunk when it uses a generic function of
// the notebook, and records what it learns in r.gen.
func (r *rewriter) inferGenerics() {
	if r.reg == nil {
		return
	}
	defer func() {
		// The check is an aid: should it fail, the chunk goes to the
		// interpreter as written.
		if recover() != nil {
			r.gen = nil
		}
	}()
	callees := r.genericCallees()
	if len(callees) == 0 && !strings.Contains(r.text, "%T") && !r.hasMethodValues() && !r.printsGenericValues() && !r.hasTypeParamLiterals() {
		return
	}
	nb, err := parser.ParseFile(r.fset, "notebook.go", r.notebookSource(), 0)
	if err != nil {
		return
	}
	// Both files import the packages they name, as the notebook does.
	visible := map[string]bool{} // host packages the chunk names, by path
	for _, f := range []*ast.File{nb, r.file} {
		imp := packageImports(f)
		if f == r.file {
			for _, spec := range r.file.Imports {
				if p, err := strconv.Unquote(spec.Path.Value); err == nil && (spec.Name == nil || spec.Name.Name == path.Base(p)) {
					visible[p] = true
				}
			}
			if imp != nil {
				for _, spec := range imp.Specs {
					p, _ := strconv.Unquote(spec.(*ast.ImportSpec).Path.Value)
					visible[p] = path.Base(p) == spec.(*ast.ImportSpec).Name.Name
				}
			}
		}
		if imp != nil {
			orig := f.Decls
			f.Decls = append([]ast.Decl{imp}, orig...)
			defer func() { f.Decls = orig }()
		}
	}
	var unsatisfied []types.Error
	conf := types.Config{
		// A partial check still types most of the chunk; of its errors,
		// only a type argument outside its constraint is the cell's.
		Error: func(err error) {
			if te, ok := err.(types.Error); ok && strings.Contains(te.Msg, "does not satisfy") {
				unsatisfied = append(unsatisfied, te)
			}
		},
		Importer: hostImporter{},
	}
	info := &types.Info{
		Types:     map[ast.Expr]types.TypeAndValue{},
		Instances: map[*ast.Ident]types.Instance{},
		Uses:      map[*ast.Ident]types.Object{},
		Defs:      map[*ast.Ident]types.Object{},
		// Method values (methodbind.go).
		Selections: map[*ast.SelectorExpr]*types.Selection{},
	}
	pkg, _ := conf.Check(r.file.Name.Name, r.fset, []*ast.File{nb, r.file}, info)
	if pkg == nil {
		return
	}
	qual := func(p *types.Package) string {
		if p == pkg {
			return ""
		}
		return p.Name()
	}
	r.gen = &genericInfo{info: info, pkg: pkg, calls: map[*ast.Ident]map[string]string{}, results: map[*ast.CallExpr][]string{}, named: map[*ast.CallExpr][]string{}, values: map[*ast.Ident]string{}, visible: visible}
	r.noteDefinedTypes()
	parents := callParents(r.file)
	r.failUnsatisfied(unsatisfied, callees, parents, info)
	for _, id := range callees {
		inst, ok := info.Instances[id]
		fn, isFunc := info.Uses[id].(*types.Func)
		if !ok || !isFunc || fn.Parent() != pkg.Scope() {
			continue
		}
		sig, ok := fn.Type().(*types.Signature)
		if !ok || sig.TypeParams().Len() != inst.TypeArgs.Len() {
			continue
		}
		call := parents[id]
		if call != nil && !argsTyped(info, call) {
			continue
		}
		targs := map[string]string{}
		for i := 0; i < inst.TypeArgs.Len(); i++ {
			t := inst.TypeArgs.At(i)
			if !nameable(t, pkg, visible) {
				targs = nil
				break
			}
			targs[sig.TypeParams().At(i).Obj().Name()] = types.TypeString(t, qual)
		}
		if targs == nil {
			continue
		}
		isig, ok := inst.Type.(*types.Signature)
		if !ok {
			continue
		}
		if call == nil {
			// A function value: yaegi has no generic ones; a literal
			// calling the instance stands in for it.
			lit, ok := funcLiteral(isig, pkg, visible, func(t string) string { return r.aliasText(id.Pos(), t) })
			if !ok {
				continue
			}
			r.gen.values[id] = lit
		}
		r.gen.calls[id] = targs
		if call != nil {
			r.failTypeSensitive(call, fn, sig, inst.TypeArgs, []*ast.File{nb, r.file}, info)
		}
		if call == nil {
			continue
		}
		var res []string
		for i := 0; i < isig.Results().Len(); i++ {
			t := isig.Results().At(i).Type()
			if !nameable(t, pkg, visible) {
				res = nil
				break
			}
			res = append(res, types.TypeString(t, qual))
		}
		if res != nil {
			r.gen.results[call] = res
		}
		for i := 0; i < isig.Results().Len(); i++ {
			r.gen.named[call] = append(r.gen.named[call], percentT(isig.Results().At(i).Type(), pkg))
		}
	}
}

// instantiate makes the inferred calls explicit: Map(xs, f) becomes
// Map[P, string](xs, f), in the order of the type parameters as the
// function was compiled (genericSignature may have reordered them, which
// explicit instantiations written by the user must follow too).
func (r *rewriter) instantiate() {
	if r.gen == nil {
		return
	}
	r.wrapTupleVars()
	explicit := r.explicitArgs()
	receivers := map[*ast.CallExpr]bool{} // calls whose result is selected: f(x).M
	if r.kind == cell.Stmts {
		ast.Inspect(r.file, func(n ast.Node) bool {
			if sel, ok := n.(*ast.SelectorExpr); ok {
				if c, ok := ast.Unparen(sel.X).(*ast.CallExpr); ok {
					receivers[c] = true
				}
			}
			return true
		})
	}
	for c := range literalElementCalls(r.file) { // genericlits.go
		receivers[c] = true
	}
	parents := callParents(r.file)
	for id, targs := range r.gen.calls {
		order := r.typeParamOrder(id)
		if order == nil {
			continue
		}
		var list []string
		for _, p := range order {
			t, ok := targs[p]
			if !ok {
				list = nil
				break
			}
			list = append(list, r.aliasTypeArg(id.Pos(), t))
		}
		if list == nil {
			continue
		}
		// Given type arguments are completed (Convert[float64](ints)) and
		// follow a reordered signature.
		inst := "[" + strings.Join(list, ", ") + "]"
		start, end := r.off(id.Pos()), r.off(id.End())
		asWritten := false // in the compiled order already
		if span, ok := explicit[id]; ok {
			_, value := r.gen.values[id]
			asWritten = !value && r.complete(id, order)
			end = span[1]
		}
		switch lit, ok := r.gen.values[id]; {
		case ok:
			r.edits = append(r.edits, srcEdit{start, end, fmt.Sprintf(lit, id.Name+inst)})
		case !asWritten:
			r.edits = append(r.edits, srcEdit{r.off(id.End()), end, inst})
		}
		// In a cell's statements, yaegi fails to compile a method call
		// or field of a generic call's result, Some("x").OrElse(y); the
		// call in a function literal works.
		if call := parents[id]; call != nil && receivers[call] && len(r.gen.results[call]) == 1 {
			cs, ce := r.off(call.Pos()), r.off(call.End())
			typ := r.aliasText(call.Pos(), r.gen.results[call][0])
			r.composites = append(r.composites, composite{start: cs, end: ce, prio: 0, build: func() []srcEdit {
				return []srcEdit{{cs, ce, "(func() " + typ + " { return " + r.render(cs, ce) + " }())"}}
			}})
		}
	}
}

// typeParamOrder returns, for each type parameter of the generic function
// id names as it is compiled, the name of the type parameter it stands
// for as written (T for T__2), or nil.
func (r *rewriter) typeParamOrder(id *ast.Ident) []string {
	if order, ok := r.sigOrder[id.Name]; ok && id.Obj != nil {
		return order
	}
	var fd *ast.FuncDecl
	if id.Obj != nil {
		fd, _ = id.Obj.Decl.(*ast.FuncDecl)
	} else if d := r.reg.Lookup(id.Name); d != nil {
		f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+d.Source, 0)
		if err != nil {
			return nil
		}
		for _, dd := range f.Decls {
			if x, ok := dd.(*ast.FuncDecl); ok && x.Recv == nil && x.Name.Name == id.Name {
				fd = x
			}
		}
	}
	if fd == nil || fd.Type.TypeParams == nil {
		return nil
	}
	var order []string
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			order = append(order, baseTypeParam(n.Name))
		}
	}
	return order
}

// baseTypeParam returns T for a type parameter genericSignature named T__2.
func baseTypeParam(name string) string {
	if i := strings.LastIndex(name, "__"); i > 0 {
		digits := name[i+2:]
		if digits != "" && strings.Trim(digits, "0123456789") == "" {
			return name[:i]
		}
	}
	return name
}

// notebookSource is a Go file of the notebook declarations the chunk
// reaches, and of the variables it uses whose types are known.
func (r *rewriter) notebookSource() string {
	declared := map[string]bool{} // names the chunk declares itself
	for _, d := range r.decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv != nil && len(d.Recv.List) == 1 {
				declared[names.ReceiverType(d.Recv.List[0].Type)+"."+d.Name.Name] = true
			} else {
				declared[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, s := range d.Specs {
				switch s := s.(type) {
				case *ast.TypeSpec:
					declared[s.Name.Name] = true
				case *ast.ValueSpec:
					for _, n := range s.Names {
						declared[n.Name] = true
					}
				}
			}
		}
	}
	var b strings.Builder
	b.WriteString("package " + r.file.Name.Name + "\n")
	seen := map[string]bool{}
	var vars []string
	declSeen := map[string]bool{}
	var reach func(name string)
	reach = func(name string) {
		if seen[name] {
			return
		}
		seen[name] = true
		if r.reg.Lookup(name) == nil && !declared[name] {
			typ := r.facts.VarTypeText(name)
			if typ == "" {
				typ, _ = r.reg.VarHint(name)
			}
			decl := ""
			switch {
			case typ != "":
				decl = "var " + name + " " + typ
			default:
				// The type from the declaration (var x = f(y)): the
				// check infers it.
				decl = r.facts.VarDecl(name)
			}
			if decl != "" && !declSeen[decl] {
				declSeen[decl] = true
				vars = append(vars, decl+"\n")
				for _, u := range scanIdents(decl) {
					reach(u)
				}
			}
		}
	}
	for _, id := range r.file.Unresolved {
		reach(id.Name)
	}
	// Names of the chunk's own declarations reach notebook names too.
	for _, u := range scanIdents(r.text) {
		reach(u)
	}
	canon := map[string]bool{}
	var decls []*names.Decl
	for name := range seen {
		for _, d := range r.reg.Reach(name) {
			if declared[d.Name] || canon[d.Canonical] {
				continue
			}
			canon[d.Canonical] = true
			decls = append(decls, d)
		}
	}
	sort.Slice(decls, func(i, j int) bool { return decls[i].Name < decls[j].Name })
	for _, d := range decls {
		b.WriteString(d.Canonical + "\n")
	}
	for _, v := range vars {
		b.WriteString(v)
	}
	return b.String()
}

// callParents maps the callee identifier of every call, f(...) or
// f[T](...), to the call.
func callParents(f *ast.File) map[*ast.Ident]*ast.CallExpr {
	out := map[*ast.Ident]*ast.CallExpr{}
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok {
			fun := ast.Unparen(c.Fun)
			switch x := fun.(type) {
			case *ast.IndexExpr:
				fun = x.X
			case *ast.IndexListExpr:
				fun = x.X
			}
			if id, ok := fun.(*ast.Ident); ok {
				out[id] = c
			}
		}
		return true
	})
	return out
}

// explicitArgs maps the generic function of every instantiation f[A, B]
// to the instantiation's brackets, [start, end) in the chunk.
func (r *rewriter) explicitArgs() map[*ast.Ident][2]int {
	out := map[*ast.Ident][2]int{}
	ast.Inspect(r.file, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.IndexExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				out[id] = [2]int{r.off(x.Lbrack), r.off(x.Rbrack) + 1}
			}
		case *ast.IndexListExpr:
			if id, ok := x.X.(*ast.Ident); ok {
				out[id] = [2]int{r.off(x.Lbrack), r.off(x.Rbrack) + 1}
			}
		}
		return true
	})
	return out
}

// usesGenericFunc reports whether text mentions a generic function of the
// notebook: its calls may need their type arguments written out.
func usesGenericFunc(facts *names.Facts, text string) bool {
	for _, w := range strings.FieldsFunc(text, notIdentRune) {
		if fi, ok := facts.Func(w); ok && fi.TypeParams > 0 {
			return true
		}
	}
	return false
}

// complete reports whether the instantiation of generic function id
// written in the chunk gives every type argument, in the order of order
// (the compiled type parameters): it then needs no rewrite.
func (r *rewriter) complete(id *ast.Ident, order []string) bool {
	var fd *ast.FuncDecl
	if id.Obj != nil {
		fd, _ = id.Obj.Decl.(*ast.FuncDecl)
	} else if d := r.reg.Lookup(id.Name); d != nil {
		if f, err := parser.ParseFile(token.NewFileSet(), "", "package p\n"+d.Canonical, 0); err == nil && len(f.Decls) > 0 {
			fd, _ = f.Decls[0].(*ast.FuncDecl)
		}
	}
	if fd == nil || fd.Type.TypeParams == nil {
		return false
	}
	var written []string
	for _, f := range fd.Type.TypeParams.List {
		for _, n := range f.Names {
			written = append(written, n.Name)
		}
	}
	if len(written) != len(order) {
		return false
	}
	for i := range written {
		if written[i] != order[i] {
			return false
		}
	}
	// Every argument given: the instantiation's own count.
	n := 0
	ast.Inspect(r.file, func(x ast.Node) bool {
		switch x := x.(type) {
		case *ast.IndexExpr:
			if x.X == id {
				n = 1
			}
		case *ast.IndexListExpr:
			if x.X == id {
				n = len(x.Indices)
			}
		}
		return n == 0
	})
	return n == len(order)
}

// failUnsatisfied makes the first type argument outside its constraint,
// in a call of a generic function of the notebook whose arguments are all
// known, the chunk's error, as Go reports it (yaegi fails to compile the
// call with a panic that says nothing of the cause).
func (r *rewriter) failUnsatisfied(errs []types.Error, callees []*ast.Ident, parents map[*ast.Ident]*ast.CallExpr, info *types.Info) {
	for _, e := range errs {
		if e.Fset != r.fset || r.fset.File(e.Pos) != r.tfile {
			continue
		}
		for _, id := range callees {
			call := parents[id]
			if call == nil || e.Pos < call.Pos() || e.Pos >= call.End() || !argsTyped(info, call) {
				continue
			}
			r.fail(call, "%s: %s", names.ExprString(call.Fun)+"(...)", e.Msg)
			return
		}
	}
}
