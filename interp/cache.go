package interp

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"sort"
	"strings"

	"github.com/cespare/xxhash/v2"

	"github.com/gocell/gocell/cachecells"
)

// Function caching: a function under //%cache_data or //%cache_resource is
// compiled as its implementation, renamed F__gocell_impl, plus a wrapper F
// that asks the host cache (cachecells) for the result. The wrapper and its
// helpers are appended to the function's last line, so that every line of
// the function keeps its cell line number.

// cacheDir is where persist=disk entries live: GOCELL_CACHE_DIR, or a
// .gocell-cache folder in the working directory (the notebook's folder when
// Jupyter starts the kernel).
func cacheDir() string {
	if dir := os.Getenv("GOCELL_CACHE_DIR"); dir != "" {
		return dir
	}
	wd, err := os.Getwd()
	if err != nil {
		return ""
	}
	return filepath.Join(wd, ".gocell-cache")
}

// lookupIn returns a lookup of declarations by name: decls (a cell being
// compiled) first, then the registry.
func (s *Session) lookupIn(decls []*Decl) func(name string) *Decl {
	return func(name string) *Decl {
		for _, d := range decls {
			if d.Name == name {
				return d
			}
		}
		return s.reg.Lookup(name)
	}
}

// cachedFunc is what the rewrite learned about one cached function.
type cachedFunc struct {
	key     string // "F" or "T.M"
	options cachecells.Options
	params  []cachecells.Param
	results []string // result types as written
	lastErr bool
	helper  string // prefix of the generated helpers
	// implName is the implementation the host calls on a miss, for plain
	// functions: the wrapper then passes no closure, which yaegi would have
	// to wrap anew on every call. Methods and generic functions pass one.
	implName string
	impl     reflect.Value
	closer   bool // a _close helper releases the resource
}

// rewriteCached rewrites every cached function among decls in text (the
// chunk the decls were parsed from). It returns the new text and, for each
// rewritten decl, its new Source, with errors naming the directive's line.
func rewriteCached(text string, decls []*Decl, known func(name string) bool, lookup func(name string) *Decl) (string, []*cachedFunc, error) {
	var edits []edit
	var funcs []*cachedFunc
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
		cf, eds, src, err := rewriteOne(text[d.start:d.end], d, opts, lookup)
		if err != nil {
			return "", nil, fmt.Errorf("line %d: %v", d.Line, err)
		}
		for _, e := range eds {
			e.start += d.start
			e.end += d.start
			edits = append(edits, e)
		}
		// The rewritten source starts at func, below the doc comment.
		d.Line += strings.Count(d.Source[:len(d.Source)-(d.end-d.start)], "\n")
		d.Col = 1
		d.Source = src
		funcs = append(funcs, cf)
	}
	return applyEdits(text, edits), funcs, nil
}

type edit struct {
	start, end int
	text       string
}

// applyEdits applies non-overlapping edits, given in any order.
func applyEdits(text string, edits []edit) string {
	sort.Slice(edits, func(i, j int) bool { return edits[i].start > edits[j].start })
	for _, e := range edits {
		text = text[:e.start] + e.text + text[e.end:]
	}
	return text
}

// rewriteOne renames one cached function to its implementation and appends
// the wrapper. fn is the function's source (no doc comment).
func rewriteOne(fn string, d *Decl, opts cachecells.Options, lookup func(name string) *Decl) (*cachedFunc, []edit, string, error) {
	// method returns the declaration of method m of the notebook type a
	// type expression names (T or *T), or nil.
	method := func(typ, m string) *Decl {
		if lookup == nil {
			return nil
		}
		return lookup(strings.TrimPrefix(typ, "*") + "." + m)
	}
	const head = "package main\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", head+fn, 0)
	if err != nil || len(f.Decls) != 1 {
		return nil, nil, "", fmt.Errorf("cannot parse the cached function: %v", err)
	}
	fd := f.Decls[0].(*ast.FuncDecl)
	off := func(p token.Pos) int { return fset.Position(p).Offset - len(head) }
	name := fd.Name.Name
	impl := name + "__gocell_impl"
	helper := "__gocell_" + strings.ReplaceAll(d.Name, ".", "_")
	cf := &cachedFunc{key: d.Name, options: opts, helper: helper}

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
		recvType = exprString(r.Type)
		args = append(args, keyOf(recv, recvType))
		cf.params = append(cf.params, cachecells.Param{Name: recv})
	}
	n := 0
	for _, field := range fd.Type.Params.List {
		typ := exprString(field.Type)
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
			cf.params = append(cf.params, cachecells.Param{Name: keyName, Context: isCtx})
		}
	}
	if fd.Type.Results != nil {
		for _, field := range fd.Type.Results.List {
			k := len(field.Names)
			if k == 0 {
				k = 1
			}
			for i := 0; i < k; i++ {
				cf.results = append(cf.results, exprString(field.Type))
			}
		}
	}
	cf.lastErr = len(cf.results) > 0 && cf.results[len(cf.results)-1] == "error"
	if opts.Kind == cachecells.Resource && len(cf.results) == 0 {
		return nil, nil, "", fmt.Errorf("a //%%cache_resource function must return the resource")
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
			tps = append(tps, strings.Join(ns, ", ")+" "+exprString(field.Type))
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
	for i := range cf.results {
		results = append(results, fmt.Sprintf("__gocell_r%d", i))
	}
	if len(cf.results) == 1 {
		sig += " " + cf.results[0]
	} else if len(cf.results) > 1 {
		sig += " (" + strings.Join(cf.results, ", ") + ")"
	}

	var body []string
	compute := "func() []any { " + callee + "(" + strings.Join(callArgs, ", ") + "); return nil }"
	if len(results) > 0 {
		compute = "func() []any { " + strings.Join(results, ", ") + " := " + callee + "(" + strings.Join(callArgs, ", ") + "); return []any{" + strings.Join(results, ", ") + "} }"
	}
	if recv == "" && typeParams == "" && !keyed {
		cf.implName = impl
		compute = "nil"
	}
	body = append(body, "__gocell_out := "+rtName+".CacheCall(\""+d.Name+"\", []any{"+strings.Join(args, ", ")+"}, "+compute+")")
	if len(results) == 0 {
		body = append(body, "_ = __gocell_out")
	}
	for i, t := range cf.results {
		body = append(body, fmt.Sprintf("var %s %s", results[i], t),
			fmt.Sprintf("if __gocell_out[%d] != nil { %s = __gocell_out[%d].(%s) }", i, results[i], i, t))
	}
	if len(results) > 0 {
		body = append(body, "return "+strings.Join(results, ", "))
	}
	wrapper := sig + " { " + strings.Join(body, "; ") + " }"

	// A helper that allocates zero results, for decoding disk entries into
	// the right types; and one that validates a resource.
	var news []string
	for _, t := range cf.results {
		news = append(news, "new("+t+")")
	}
	helpers := "; func " + helper + "_new() []any { return []any{" + strings.Join(news, ", ") + "} }"
	if opts.Validate != "" {
		check := opts.Validate + "(__gocell_v.(" + cf.results[0] + "))"
		if i := strings.IndexByte(opts.Validate, '.'); i >= 0 {
			check = "__gocell_v.(" + cf.results[0] + ")." + opts.Validate[i+1:] + "()"
		}
		helpers += "; func " + helper + "_validate(__gocell_v any) bool { return " + check + " }"
	}
	if len(cf.results) > 0 {
		if m := method(cf.results[0], "Close"); m != nil {
			// Release the resource through its notebook Close method.
			call := "__gocell_v.(" + cf.results[0] + ").Close()"
			if strings.Contains(m.Canonical, ") error") {
				helpers += "; func " + helper + "_close(__gocell_v any) error { return " + call + " }"
			} else {
				helpers += "; func " + helper + "_close(__gocell_v any) error { " + call + "; return nil }"
			}
			cf.closer = true
		}
	}
	if typeParams != "" {
		helpers = "" // a generic function has no single result type to allocate
		cf.closer = false
	}

	nameStart, nameEnd := off(fd.Name.Pos()), off(fd.Name.End())
	edits := []edit{
		{start: nameStart, end: nameEnd, text: impl},
		{start: len(fn), end: len(fn), text: "; " + wrapper + helpers},
	}
	return cf, edits, applyEdits(fn, append([]edit(nil), edits...)), nil
}

// registerCached registers (again) every cached function of the notebook
// with the cache: its code hash covers everything it reaches now, so it is
// called after every change to the declarations.
func (s *Session) registerCached() error {
	for _, name := range s.reg.Names() {
		d := s.reg.Lookup(name)
		cf := s.cached[name]
		if d.Directive == "" || cf == nil {
			continue
		}
		reach := s.reg.Reach(name)
		hashes := make(map[string]uint64, len(reach))
		h := xxhash.New()
		var used []string
		for _, r := range reach {
			hashes[r.Name] = r.Hash
			fmt.Fprintf(h, "%s\x00%d\x00", r.Name, r.Hash)
			used = append(used, r.Uses...)
		}
		spec := cachecells.Spec{
			Name: name, Options: cf.options, CodeHash: h.Sum64(), Decls: hashes,
			Params: cf.params, NumResults: len(cf.results), LastIsError: cf.lastErr,
			Globals: s.globalsReader(used),
		}
		if v, err := s.yi.Eval(cf.helper + "_new"); err == nil && v.Kind() == reflect.Func {
			if fn, ok := v.Interface().(func() []any); ok {
				spec.NewResults = fn
			}
		}
		cf.impl = reflect.Value{}
		if cf.implName != "" {
			if v, err := s.yi.Eval(cf.implName); err == nil && v.Kind() == reflect.Func {
				cf.impl = v
			}
		}
		if cf.closer {
			if v, err := s.yi.Eval(cf.helper + "_close"); err == nil {
				if fn, ok := v.Interface().(func(any) error); ok {
					spec.Release = fn
				}
			}
		}
		if cf.options.Validate != "" {
			v, err := s.yi.Eval(cf.helper + "_validate")
			if err != nil {
				return fmt.Errorf("validate=%s: %v", cf.options.Validate, err)
			}
			if fn, ok := v.Interface().(func(any) bool); ok {
				spec.Validate = fn
			}
		}
		if _, err := s.cache.Register(spec); err != nil {
			return err
		}
	}
	return nil
}

// globalsReader returns a func giving the current values of the notebook
// variables among names (rule 4: they are part of the key).
func (s *Session) globalsReader(names []string) func() map[string]reflect.Value {
	var vars []string
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			continue
		}
		seen[n] = true
		if d := s.reg.Lookup(n); d != nil && d.Kind != "var" {
			continue
		}
		if _, ok := s.varHints[n]; ok || s.reg.Lookup(n) != nil {
			vars = append(vars, n)
		}
	}
	sort.Strings(vars)
	return func() map[string]reflect.Value {
		g := s.currentGlobals()
		out := make(map[string]reflect.Value, len(vars))
		for _, n := range vars {
			if v, ok := g[n]; ok {
				out[n] = v
			}
		}
		return out
	}
}

// currentGlobals returns the interpreter's globals, read once per cell: the
// values are settable views of the variables, so they stay current until
// the interpreter changes.
func (s *Session) currentGlobals() map[string]reflect.Value {
	if s.globalsCache == nil {
		s.globalsCache = globals(s.yi)
	}
	return s.globalsCache
}

// cacheCall is the host side of every cached function's wrapper.
func (s *Session) cacheCall(name string, args []any, compute func() []any) []any {
	f := s.cache.Func(name)
	if f == nil {
		panic(fmt.Sprintf("cached function %s is not registered; run its cell again", name))
	}
	if compute == nil {
		compute = s.callImpl(name, args)
	}
	// Text printed before the call is published before any replay, and
	// text printed by the computation is published inside the recording.
	s.stdout.flushFast()
	s.stderr.flushFast()
	out, err := f.Call(args, func() []any {
		r := compute()
		s.flushStreams()
		return r
	})
	if err != nil {
		panic(err)
	}
	return out
}

func (s *Session) flushStreams() {
	s.stdout.flush()
	s.stderr.flush()
}

// callImpl returns a compute func that calls the registered implementation
// of a plain cached function with args.
func (s *Session) callImpl(name string, args []any) func() []any {
	cf := s.cached[name]
	if cf == nil || !cf.impl.IsValid() {
		panic(fmt.Sprintf("cached function %s has no implementation registered; run its cell again", name))
	}
	return func() []any {
		t := cf.impl.Type()
		in := make([]reflect.Value, len(args))
		for i, a := range args {
			pt := t.In(i)
			if i == t.NumIn()-1 && t.IsVariadic() {
				pt = t.In(i) // the variadic slice itself; passed with CallSlice
			}
			if a == nil {
				in[i] = reflect.Zero(pt)
			} else {
				in[i] = reflect.ValueOf(a)
			}
		}
		var out []reflect.Value
		if t.IsVariadic() {
			out = cf.impl.CallSlice(in)
		} else {
			out = cf.impl.Call(in)
		}
		res := make([]any, len(out))
		for i, v := range out {
			if v.IsValid() && !(v.Kind() == reflect.Interface && v.IsNil()) {
				res[i] = v.Interface()
			}
		}
		return res
	}
}
