package rewrite

import (
	"fmt"
	"go/ast"
	"go/token"
	"strings"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// Function caching: a function under //%cache_data or //%cache_resource is
// compiled as its implementation, renamed F__gocell_impl, plus a wrapper F
// that asks the host cache (cachecells) for the result. The wrapper and its
// helpers are appended to the function's last line, so that every line of
// the function keeps its cell line number.

// neverNil reports whether values of the type written typ are never a nil
// interface once stored in an any: predeclared non-reference types and
// notebook struct types.
func neverNil(typ string, lookup func(name string) *names.Decl) bool {
	switch typ {
	case "bool", "string", "int", "int8", "int16", "int32", "int64", "uint", "uint8", "uint16", "uint32",
		"uint64", "uintptr", "float32", "float64", "complex64", "complex128", "byte", "rune":
		return true
	}
	if lookup == nil {
		return false
	}
	d := lookup(typ)
	return d != nil && d.Kind == "type" && strings.HasPrefix(d.Canonical, "type "+typ+" struct")
}

// MaxFastArgs is the most arguments a plain cached function (not a method,
// not generic) with at most one result may have for its wrapper to call the
// arity-specific host entries Cache0 ... Cache4 of the runtime package.
const MaxFastArgs = 4

// Cached is what the rewrite learned about one cached function.
type Cached struct {
	Key     string // "F" or "T.M"
	Options cachecells.Options
	Params  []cachecells.Param
	Results []string // result types as written
	LastErr bool
	Helper  string // prefix of the generated helpers: Helper+"_new", "_validate", "_close"
	// ImplName is the implementation the host calls on a miss, for plain
	// functions: the wrapper then passes no closure, which yaegi would have
	// to wrap anew on every call. Methods and generic functions pass one.
	ImplName string
	Closer   bool // a _close helper releases the resource
}

// rewriteOne renames one cached function to its implementation and appends
// the wrapper. fn is the function's source (no doc comment).
func rewriteOne(fn string, d *names.Decl, opts cachecells.Options, lookup func(name string) *names.Decl) (*Cached, []srcEdit, string, error) {
	const head = "package main\n"
	fset := token.NewFileSet()
	f, err := parseSource(fset, "", head+fn, 0)
	if err != nil || len(f.Decls) != 1 {
		return nil, nil, "", fmt.Errorf("cannot parse the cached function: %v", err)
	}
	fd := f.Decls[0].(*ast.FuncDecl)
	off := func(p token.Pos) int { return fset.Position(p).Offset - len(head) }
	cf, impl, wrapper, err := cachedWrapper(fd, d, opts, lookup)
	if err != nil {
		return nil, nil, "", err
	}
	edits := []srcEdit{
		{start: off(fd.Name.Pos()), end: off(fd.Name.End()), text: impl},
		{start: len(fn), end: len(fn), text: wrapper},
	}
	src, ok := applySrcEdits(fn, append([]srcEdit(nil), edits...), 0)
	if !ok {
		return nil, nil, "", errOverlap
	}
	return cf, edits, src, nil
}

// cachedWrapper returns what the cached function fd becomes: its Cached,
// the name its implementation is renamed to, and the wrapper and helpers
// appended after it (starting with "; ").
func cachedWrapper(fd *ast.FuncDecl, d *names.Decl, opts cachecells.Options, lookup func(name string) *names.Decl) (*Cached, string, string, error) {
	// method returns the declaration of method m of the notebook type a
	// type expression names (T or *T), or nil.
	method := func(typ, m string) *names.Decl {
		if lookup == nil {
			return nil
		}
		return lookup(strings.TrimPrefix(typ, "*") + "." + m)
	}
	name := fd.Name.Name
	impl := name + "__gocell_impl"
	helper := "__gocell_" + strings.ReplaceAll(d.Name, ".", "_")
	cf := &Cached{Key: d.Name, Options: opts, Helper: helper}

	var recv, recvType string
	var args, callArgs, params []string
	keyed := false // an argument is hashed through its CacheKey method
	keyOf := func(name, typ string) string {
		if method(typ, "CacheKey") != nil {
			keyed = true
			return name + ".CacheKey()"
		}
		return name
	}
	if fd.Recv != nil && len(fd.Recv.List) == 1 {
		r := fd.Recv.List[0]
		recv = "__gocell_recv"
		if len(r.Names) == 1 && r.Names[0].Name != "_" {
			recv = r.Names[0].Name
		}
		recvType = names.ExprString(r.Type)
		args = append(args, keyOf(recv, recvType))
		cf.Params = append(cf.Params, cachecells.Param{Name: recv})
	}
	n := 0
	for _, field := range fd.Type.Params.List {
		typ := names.ExprString(field.Type)
		isCtx := typ == "context.Context"
		names := field.Names
		if len(names) == 0 {
			names = []*ast.Ident{nil}
		}
		for _, id := range names {
			pname := fmt.Sprintf("__gocell_p%d", n)
			if id != nil && id.Name != "_" {
				pname = id.Name
			}
			keyName := pname
			if id == nil || id.Name == "_" {
				keyName = "_" // unnamed: never part of the key
			}
			n++
			params = append(params, pname+" "+typ)
			args = append(args, keyOf(pname, typ))
			if _, variadic := field.Type.(*ast.Ellipsis); variadic {
				callArgs = append(callArgs, pname+"...")
			} else {
				callArgs = append(callArgs, pname)
			}
			cf.Params = append(cf.Params, cachecells.Param{Name: keyName, Context: isCtx})
		}
	}
	if fd.Type.Results != nil {
		for _, field := range fd.Type.Results.List {
			k := len(field.Names)
			if k == 0 {
				k = 1
			}
			for i := 0; i < k; i++ {
				cf.Results = append(cf.Results, names.ExprString(field.Type))
			}
		}
	}
	cf.LastErr = len(cf.Results) > 0 && cf.Results[len(cf.Results)-1] == "error"
	if opts.Kind == cachecells.Resource && len(cf.Results) == 0 {
		return nil, "", "", fmt.Errorf("a //%%cache_resource function must return the resource")
	}

	// The wrapper of a generic function has the same type parameters; the
	// call of the implementation leaves its type arguments to inference,
	// because yaegi fails on explicit instantiation (impl[T](x)) there.
	typeParams := ""
	if fd.Type.TypeParams != nil && len(fd.Type.TypeParams.List) > 0 {
		var tps []string
		for _, field := range fd.Type.TypeParams.List {
			var ns []string
			for _, id := range field.Names {
				ns = append(ns, id.Name)
			}
			tps = append(tps, strings.Join(ns, ", ")+" "+names.ExprString(field.Type))
		}
		typeParams = "[" + strings.Join(tps, ", ") + "]"
	}
	callee := impl
	sig := "func "
	if recv != "" {
		sig += "(" + recv + " " + recvType + ") "
		callee = recv + "." + impl
	}
	sig += name + typeParams + "(" + strings.Join(params, ", ") + ")"
	var results []string
	for i := range cf.Results {
		results = append(results, fmt.Sprintf("__gocell_r%d", i))
	}
	if len(cf.Results) == 1 {
		sig += " " + cf.Results[0]
	} else if len(cf.Results) > 1 {
		sig += " (" + strings.Join(cf.Results, ", ") + ")"
	}

	var body []string
	compute := "func() []any { " + callee + "(" + strings.Join(callArgs, ", ") + "); return nil }"
	if len(results) > 0 {
		compute = "func() []any { " + strings.Join(results, ", ") + " := " + callee + "(" + strings.Join(callArgs, ", ") + "); return []any{" + strings.Join(results, ", ") + "} }"
	}
	if recv == "" && typeParams == "" && !keyed {
		cf.ImplName = impl
		compute = "nil"
	}
	// A key that cannot be made (rule 7) comes back as an error, panicked
	// here in interpreted code: a cell error, recovered like any panic in
	// a goroutine the cell started.
	const fail = "if __gocell_err != nil { panic(__gocell_err) }"
	if cf.ImplName != "" && len(args) <= MaxFastArgs && len(results) <= 1 {
		// The fast path: one host entry per arity, one value back, and as
		// few locals as possible: each local of an interpreted function
		// is an allocation on every call, which is most of a small hit.
		// A key error is panicked by the entry itself, which unwinds as a
		// panic here would.
		call := fmt.Sprintf("%s.Cache%d(%q", cell.RuntimeName, len(args), d.Name)
		for _, a := range args {
			call += ", " + a
		}
		call += ")"
		switch {
		case len(results) == 0:
			body = append(body, call)
		case neverNil(cf.Results[0], lookup):
			body = append(body, "return "+call+".("+cf.Results[0]+")")
		default:
			body = append(body, "if __gocell_v := "+call+"; __gocell_v != nil { return __gocell_v.("+cf.Results[0]+") }",
				"var __gocell_zero "+cf.Results[0], "return __gocell_zero")
		}
	} else {
		body = append(body, "__gocell_out, __gocell_err := "+cell.RuntimeName+".CacheCall(\""+d.Name+"\", []any{"+strings.Join(args, ", ")+"}, "+compute+")", fail)
		if len(results) == 0 {
			body = append(body, "_ = __gocell_out")
		}
		for i, t := range cf.Results {
			body = append(body, fmt.Sprintf("var %s %s", results[i], t),
				fmt.Sprintf("if __gocell_out[%d] != nil { %s = __gocell_out[%d].(%s) }", i, results[i], i, t))
		}
		if len(results) > 0 {
			body = append(body, "return "+strings.Join(results, ", "))
		}
	}
	wrapper := sig + " { " + strings.Join(body, "; ") + " }"

	// A helper that allocates zero results, for decoding disk entries into
	// the right types; and one that validates a resource.
	var news []string
	for _, t := range cf.Results {
		news = append(news, "new("+t+")")
	}
	helpers := "; func " + helper + "_new() []any { return []any{" + strings.Join(news, ", ") + "} }"
	if opts.Validate != "" {
		check := opts.Validate + "(__gocell_v.(" + cf.Results[0] + "))"
		if i := strings.IndexByte(opts.Validate, '.'); i >= 0 {
			check = "__gocell_v.(" + cf.Results[0] + ")." + opts.Validate[i+1:] + "()"
		}
		helpers += "; func " + helper + "_validate(__gocell_v any) bool { return " + check + " }"
	}
	if len(cf.Results) > 0 {
		if m := method(cf.Results[0], "Close"); m != nil {
			// Release the resource through its notebook Close method.
			call := "__gocell_v.(" + cf.Results[0] + ").Close()"
			if strings.Contains(m.Canonical, ") error") {
				helpers += "; func " + helper + "_close(__gocell_v any) error { return " + call + " }"
			} else {
				helpers += "; func " + helper + "_close(__gocell_v any) error { " + call + "; return nil }"
			}
			cf.Closer = true
		}
	}
	if typeParams != "" {
		helpers = "" // a generic function has no single result type to allocate
		cf.Closer = false
	}

	return cf, impl, "; " + wrapper + helpers, nil
}
