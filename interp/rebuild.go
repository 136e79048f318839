package interp

import (
	"context"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"

	yaegi "github.com/traefik/yaegi/interp"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// rebuildResult says what a rebuild could not carry over.
type rebuildResult struct {
	lost   []string // variables whose values could not be moved
	broken []string // declarations that no longer compile
}

// rebuild replaces the interpreter with a fresh one in which reg's current
// declarations are compiled, then moves the values of the notebook's
// variables across. It is how a redefinition reaches every caller (yaegi
// keeps callers on the old function and ignores redefined methods and
// types) and how a failed compile is undone. If the unit named mustCompile
// (a registry unit id, or 0) does not compile, the session is left as it
// was and that error is returned.
func (s *Session) rebuild(ctx context.Context, reg *names.Registry, mustCompile int) (rebuildResult, error) {
	var res rebuildResult
	oldYi, oldImports := s.yi, s.fileImports
	oldGlobals := globals(oldYi)
	yi, err := s.newInterpreter()
	if err != nil {
		return res, err
	}
	s.yi, s.fileImports = yi, map[string]map[string]bool{}
	undo := func() { s.yi, s.fileImports = oldYi, oldImports }

	// Declarations and variables can need each other (a function reading a
	// variable, a variable of a notebook type), so both are declared in
	// passes until a pass makes no progress. A failed compile can leave
	// half-defined symbols that later units bind to, so when any pass had a
	// failure, the interpreter is built once more in the order that worked.
	vars := append(s.varsToMove(oldYi, oldGlobals, reg), s.restoreVars...)
	if s.replayByKind(ctx, reg, vars) {
		return s.finishRebuild(ctx, reg, oldGlobals, res)
	}
	// Something does not compile: replay cell by cell, to find out what,
	// and keep everything else.
	if yi, err = s.newInterpreter(); err != nil {
		undo()
		return res, err
	}
	s.yi, s.fileImports = yi, map[string]map[string]bool{}
	units := reg.ReplayUnits()
	order, pending, waiting, failed := s.replay(ctx, reg, units, vars)
	if len(failed) > 0 || len(pending) > 0 {
		if yi, err = s.newInterpreter(); err != nil {
			undo()
			return res, err
		}
		s.yi, s.fileImports = yi, map[string]map[string]bool{}
		for _, step := range order {
			step()
		}
	}
	vars = waiting
	if err := failed[mustCompile]; mustCompile != 0 && err != nil {
		undo()
		return res, err
	}
	for _, u := range pending {
		res.broken = append(res.broken, reg.UnitNames(u.ID)...)
	}
	for _, v := range vars {
		res.lost = append(res.lost, v.name)
	}
	return s.finishRebuild(ctx, reg, oldGlobals, res)
}

// finishRebuild moves the values of variables, once everything is declared,
// and registers the cached functions with the new interpreter.
func (s *Session) finishRebuild(ctx context.Context, reg *names.Registry, oldGlobals map[string]reflect.Value, res rebuildResult) (rebuildResult, error) {
	g := globals(s.yi)
	for _, name := range sortedKeys(oldGlobals) {
		src, dst := oldGlobals[name], g[name]
		if !dst.IsValid() || !src.IsValid() || !s.movable(name, reg) {
			continue
		}
		if !assign(dst, src) {
			res.lost = append(res.lost, name)
		}
	}
	relink(oldGlobals, g)
	sort.Strings(res.lost)
	s.globalsCache = nil
	if s.state != nil {
		s.state.saveAll = true // new addresses, maybe new layouts
	}
	// The cache's handles on result allocators and validators belong to the
	// old interpreter.
	saved := s.reg
	s.reg = reg
	_ = s.registerCached()
	s.reg = saved
	return res, nil
}

// replayByKind declares the notebook the way a Go package is compiled:
// every type and constant in one unit, then the variables, then every
// function and method in one unit, so that declarations refer to each other
// in any order and across cells. It reports false if any step fails.
func (s *Session) replayByKind(ctx context.Context, reg *names.Registry, vars []varToMove) bool {
	var typesConsts, declVars, funcs strings.Builder
	files := map[string]bool{}
	for _, d := range reg.Sources() {
		files[d.File] = true
		text := cell.LineDirective(d.File, d.Line, d.Col) + d.Source + "\n"
		switch d.Kind {
		case "type", "const":
			typesConsts.WriteString(text)
		case "var":
			declVars.WriteString(text)
		default:
			funcs.WriteString(text)
		}
	}
	all := typesConsts.String() + declVars.String() + funcs.String()
	// Package names inside a declaration resolve by the file its line
	// directive names: give each of those files the imports.
	for f := range files {
		if s.ensureImports(ctx, f, all) != nil {
			return false
		}
	}
	compile := func(text string) bool {
		return text == "" || s.compileUnit(ctx, "replay.go", "package main\n"+text) == nil
	}
	if !compile(typesConsts.String()) || !compile(declVars.String()) {
		return false
	}
	for _, v := range vars {
		if _, ok := s.declareVar(ctx, v); !ok {
			return false
		}
	}
	return compile(funcs.String())
}

// replay compiles units and declares vars, each only once every notebook
// name it uses is defined: yaegi accepts a function that calls a function
// not declared yet, and the result stays broken after the callee arrives.
// What never becomes ready (it uses something lost) is tried last, in
// declaration order. It returns the steps that succeeded, in order (to
// repeat them in a clean interpreter), what never compiled, and the units
// that failed at least once (by unit id; a nil error if they compiled later).
func (s *Session) replay(ctx context.Context, reg *names.Registry, units []names.ReplayUnit, vars []varToMove) (order []func(), pending []names.ReplayUnit, waiting []varToMove, failed map[int]error) {
	notebook := map[string]bool{} // names the replay declares
	for _, n := range reg.Names() {
		if !strings.Contains(n, ".") {
			notebook[n] = true
		}
	}
	for _, v := range vars {
		notebook[v.name] = true
	}
	// A selector x.M may call a method M of a notebook type: a unit using M
	// waits for every method of that name.
	methodKeys := map[string][]string{} // "M" -> ["T.M", ...]
	for _, n := range reg.Names() {
		if i := strings.IndexByte(n, '.'); i >= 0 {
			methodKeys[n[i+1:]] = append(methodKeys[n[i+1:]], n)
		}
	}
	defined := map[string]bool{}
	ready := func(uses []string, own map[string]bool) bool {
		for _, u := range uses {
			if notebook[u] && !defined[u] && !own[u] {
				return false
			}
			for _, key := range methodKeys[u] {
				if !defined[key] && !own[key] {
					return false
				}
			}
		}
		return true
	}
	failed = map[int]error{}
	pending, waiting = units, vars
	tryUnit := func(u names.ReplayUnit) bool {
		src := "package main\n" + u.Text
		if err := s.compileUnit(ctx, u.File, src); err != nil {
			failed[u.ID] = err
			return false
		}
		if _, ok := failed[u.ID]; ok {
			failed[u.ID] = nil
		}
		for _, n := range reg.UnitNames(u.ID) {
			defined[n] = true
		}
		order = append(order, func() { _ = s.compileUnit(ctx, u.File, src) })
		return true
	}
	tryVar := func(v varToMove) bool {
		t, ok := s.declareVar(ctx, v)
		if !ok {
			return false
		}
		defined[v.name] = true
		name := v.name
		order = append(order, func() { _ = s.compileUnit(ctx, "vars.go", "package main\nvar "+name+" "+t+"\n") })
		return true
	}
	for _, force := range []bool{false, true} {
		for progress := true; progress && (len(pending) > 0 || len(waiting) > 0); {
			progress = false
			var next []names.ReplayUnit
			for _, u := range pending {
				own := map[string]bool{}
				for _, n := range reg.UnitNames(u.ID) {
					own[n] = true
				}
				if (force || ready(reg.UnitUses(u.ID), own)) && tryUnit(u) {
					progress = true
					continue
				}
				next = append(next, u)
			}
			pending = next
			var still []varToMove
			for _, v := range waiting {
				if (force || ready(identsIn(v.types), nil)) && tryVar(v) {
					progress = true
					continue
				}
				still = append(still, v)
			}
			waiting = still
		}
	}
	return order, pending, waiting, failed
}

// identsIn returns the identifiers in type expressions.
func identsIn(exprs []string) []string {
	var out []string
	for _, e := range exprs {
		out = append(out, strings.FieldsFunc(e, func(r rune) bool {
			return !(r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9')
		})...)
	}
	return out
}

// varToMove is a notebook variable to declare in a new interpreter, with
// the type expressions to try, best first.
type varToMove struct {
	name  string
	types []string
}

// movable reports whether name is a notebook variable whose value moves.
func (s *Session) movable(name string, reg *names.Registry) bool {
	if strings.HasPrefix(name, "__gocell") || name == "_" {
		return false
	}
	d := reg.Lookup(name)
	return d == nil || d.Kind == "var"
}

// varsToMove lists the variables statements declared, which the replayed
// declarations do not declare again.
func (s *Session) varsToMove(oldYi *yaegi.Interpreter, old map[string]reflect.Value, reg *names.Registry) []varToMove {
	var out []varToMove
	var typeNames map[reflect.Type]string // notebook struct types, built when needed
	for _, name := range sortedKeys(old) {
		if !s.movable(name, reg) || reg.Lookup(name) != nil || !old[name].IsValid() {
			continue
		}
		v := varToMove{name: name}
		if hint := s.varHint(name); hint != "" {
			v.types = append(v.types, hint)
		}
		if typeNames == nil {
			typeNames = s.notebookTypes(oldYi, reg)
		}
		if t := typeExpr(old[name].Type(), typeNames); t != "" {
			v.types = append(v.types, t)
		}
		out = append(out, v)
	}
	return out
}

// declareVar declares v with the first of its types that compiles, and
// returns that type. Each declaration gets a file of its own, which imports
// the library packages its type names (a variable can hold a *bufio.Reader
// without the notebook importing bufio).
func (s *Session) declareVar(ctx context.Context, v varToMove) (string, bool) {
	for _, t := range v.types {
		s.compileSeq++
		file := fmt.Sprintf("var~%d.go", s.compileSeq)
		if s.compileUnit(ctx, file, "package main\n"+s.importsFor(t)+"var "+v.name+" "+t+"\n") == nil {
			return t, true
		}
	}
	return "", false
}

// importsFor returns import declarations for the packages a type
// expression names that the notebook does not import.
func (s *Session) importsFor(typ string) string {
	var b strings.Builder
	for _, q := range hostTypeNames() {
		pkg := q.name[:strings.IndexByte(q.name, '.')]
		if q.path == dispPkg || q.path == cachePkg {
			continue // imported automatically when named
		}
		if !strings.Contains(typ, pkg+".") || s.importsName(pkg) || strings.Contains(b.String(), `"`+q.path+`"`) {
			continue
		}
		if strings.Contains(typ, q.name) {
			fmt.Fprintf(&b, "import %s %q\n", pkg, q.path)
		}
	}
	return b.String()
}

// qualifiedType is a library type as notebook source writes it.
type qualifiedType struct {
	name string // "bufio.Reader"
	path string // "bufio"
}

var (
	hostTypesOnce sync.Once
	hostTypes     map[reflect.Type]qualifiedType
)

// hostTypeNames maps the library types cells can name (the standard
// library, display and cache) to their qualified names.
func hostTypeNames() map[reflect.Type]qualifiedType {
	hostTypesOnce.Do(func() {
		hostTypes = map[reflect.Type]qualifiedType{}
		add := func(exports map[string]map[string]reflect.Value) {
			for key, syms := range exports {
				i := strings.LastIndexByte(key, '/')
				if i < 0 || key[:i] == "" {
					continue
				}
				path, pkg := key[:i], key[i+1:]
				for name, v := range syms {
					if v.Kind() == reflect.Ptr && v.IsNil() && v.Type().Elem().Name() != "" {
						if _, dup := hostTypes[v.Type().Elem()]; !dup {
							hostTypes[v.Type().Elem()] = qualifiedType{name: pkg + "." + name, path: path}
						}
					}
				}
			}
		}
		add(librarySymbols())
		add(display.Symbols)
		add((&Session{}).cacheSymbols())
	})
	return hostTypes
}

func sortedKeys(m map[string]reflect.Value) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// notebookTypes maps the reflect types of the notebook's struct types in an
// interpreter to their names, to write the type of a variable whose value
// is of one of them.
func (s *Session) notebookTypes(yi *yaegi.Interpreter, reg *names.Registry) map[reflect.Type]string {
	out := map[reflect.Type]string{}
	// A file name of its own: s.fileImports may belong to another
	// interpreter than yi (a rebuild probes the old one), and a name whose
	// imports yi compiled already would be compiled again and fail.
	s.compileSeq++
	file := fmt.Sprintf("types~%d.go", s.compileSeq)
	for _, name := range reg.Names() {
		if d := reg.Lookup(name); d.Kind != "type" || isGenericType(d.Canonical, name) {
			continue // (*Stack)(nil) of a generic type panics the interpreter
		}
		s.probeType = nil
		cur := s.yi
		s.yi = yi
		_ = s.runBlock(context.Background(), file, rtName+".TypeOf((*"+name+")(nil))")
		s.yi = cur
		if s.probeType != nil && s.probeType.Kind() == reflect.Ptr {
			if t := s.probeType.Elem(); t.Kind() == reflect.Struct {
				if _, dup := out[t]; !dup {
					out[t] = name
				}
			}
		}
	}
	return out
}

// typeExpr writes a reflect type as Go source, naming notebook struct types
// by their declared names; "" when it cannot.
func typeExpr(t reflect.Type, names map[reflect.Type]string) string {
	if n, ok := names[t]; ok {
		return n
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			return t.Name() // int, string, error, ...
		}
		if q, ok := hostTypeNames()[t]; ok {
			return q.name // time.Duration, cache.Table: the package is imported with the declaration
		}
		return ""
	}
	elem := func(e reflect.Type) string { return typeExpr(e, names) }
	switch t.Kind() {
	case reflect.Slice:
		if e := elem(t.Elem()); e != "" {
			return "[]" + e
		}
	case reflect.Array:
		if e := elem(t.Elem()); e != "" {
			return fmt.Sprintf("[%d]%s", t.Len(), e)
		}
	case reflect.Ptr:
		if e := elem(t.Elem()); e != "" {
			return "*" + e
		}
	case reflect.Map:
		if k, v := elem(t.Key()), elem(t.Elem()); k != "" && v != "" {
			return "map[" + k + "]" + v
		}
	case reflect.Chan:
		if e := elem(t.Elem()); e != "" {
			return map[reflect.ChanDir]string{reflect.BothDir: "chan ", reflect.RecvDir: "<-chan ", reflect.SendDir: "chan<- "}[t.ChanDir()] + e
		}
	case reflect.Interface:
		if t.NumMethod() == 0 {
			return "any"
		}
	case reflect.Func:
		var in, out []string
		for i := 0; i < t.NumIn(); i++ {
			p := elem(t.In(i))
			if i == t.NumIn()-1 && t.IsVariadic() {
				p = "..." + elem(t.In(i).Elem())
			}
			if p == "" || p == "..." {
				return ""
			}
			in = append(in, p)
		}
		for i := 0; i < t.NumOut(); i++ {
			p := elem(t.Out(i))
			if p == "" {
				return ""
			}
			out = append(out, p)
		}
		sig := "func(" + strings.Join(in, ", ") + ")"
		switch len(out) {
		case 0:
		case 1:
			sig += " " + out[0]
		default:
			sig += " (" + strings.Join(out, ", ") + ")"
		}
		return sig
	}
	return ""
}

// assign sets dst to src's value, converting field by field (by name) when a
// type's layout changed; it reports whether it could.
func assign(dst, src reflect.Value) bool {
	return assignSeen(dst, src, map[uintptr]reflect.Value{})
}

// assignSeen is assign that converts each pointer once, so that cyclic
// values (a list whose last node points to the first) end.
func assignSeen(dst, src reflect.Value, seen map[uintptr]reflect.Value) bool {
	assign := func(d, s reflect.Value) bool { return assignSeen(d, s, seen) }
	if !dst.CanSet() {
		return false
	}
	ok := true
	func() {
		defer func() {
			if recover() != nil {
				ok = false
			}
		}()
		switch {
		case src.Type() == dst.Type() || src.Type().AssignableTo(dst.Type()):
			dst.Set(src)
		case src.Kind() == reflect.Struct && dst.Kind() == reflect.Struct:
			for i := 0; i < dst.NumField(); i++ {
				if f := src.FieldByName(dst.Type().Field(i).Name); f.IsValid() {
					assign(dst.Field(i), f)
				}
			}
		case src.Kind() == reflect.Slice && dst.Kind() == reflect.Slice:
			if src.IsNil() {
				return
			}
			out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
			for i := 0; i < src.Len(); i++ {
				if !assign(out.Index(i), src.Index(i)) {
					ok = false
				}
			}
			dst.Set(out)
		case src.Kind() == reflect.Ptr && dst.Kind() == reflect.Ptr:
			if src.IsNil() {
				return
			}
			if p, done := seen[src.Pointer()]; done && p.Type() == dst.Type() {
				dst.Set(p)
				return
			}
			p := reflect.New(dst.Type().Elem())
			seen[src.Pointer()] = p
			ok = assign(p.Elem(), src.Elem())
			dst.Set(p)
		case src.Kind() == reflect.Map && dst.Kind() == reflect.Map:
			if src.IsNil() {
				return
			}
			out := reflect.MakeMapWithSize(dst.Type(), src.Len())
			it := src.MapRange()
			for it.Next() {
				k, v := reflect.New(dst.Type().Key()).Elem(), reflect.New(dst.Type().Elem()).Elem()
				if !assign(k, it.Key()) || !assign(v, it.Value()) {
					ok = false
					continue
				}
				out.SetMapIndex(k, v)
			}
			dst.Set(out)
		case src.Type().ConvertibleTo(dst.Type()):
			dst.Set(src.Convert(dst.Type()))
		default:
			ok = false
		}
	}()
	return ok
}

// globals returns yi's package-level variables and constants. After a
// failed compile yaegi can hold symbols its frame was never resized for,
// and Globals panics; running a no-op resizes the frame.
func globals(yi *yaegi.Interpreter) (g map[string]reflect.Value) {
	for attempt := 0; attempt < 2; attempt++ {
		ok := func() (ok bool) {
			defer func() {
				if recover() != nil {
					ok = false
				}
			}()
			g = yi.Globals()
			return true
		}()
		if ok {
			return g
		}
		func() {
			defer func() { _ = recover() }()
			_, _ = yi.Eval("_ = 0")
		}()
	}
	return map[string]reflect.Value{}
}

// isGenericType reports whether a type declaration has type parameters.
func isGenericType(canonical, name string) bool {
	return strings.Contains(canonical, "type "+name+"[") || strings.Contains(canonical, "\t"+name+"[")
}
