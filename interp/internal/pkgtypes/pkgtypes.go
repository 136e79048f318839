// Package pkgtypes describes the host packages a notebook can import as
// go/types packages, built from the interpreter's symbol tables (the
// reflect values of each package's functions, variables, constants and
// types), so that cells can be type-checked without the Go toolchain or
// the standard library's source at hand.
//
// A package is built on first use and kept; what reflection cannot show
// (generic functions, constants' exact types, unexported names) is absent,
// and a check meets it as an undefined name.
package pkgtypes

import (
	"go/ast"
	"go/constant"
	"go/parser"
	"go/token"
	"go/types"
	"path"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// Universe is a set of host packages. It is safe for concurrent use.
type Universe struct {
	mu     sync.Mutex
	syms   map[string]map[string]reflect.Value // import path -> symbols
	names  map[string]string                   // package name -> import path
	pkgs   map[string]*types.Package           // import path -> package
	filled map[string]bool                     // packages whose scope holds their symbols
	named  map[reflect.Type]*types.Named
}

// preferred settles which package a name means when several share it.
var preferred = map[string]string{"rand": "math/rand", "template": "text/template", "scanner": "text/scanner"}

// New returns the packages of symbol tables keyed like yaegi's
// ("path/name"); an earlier table wins over a later one.
func New(tables ...map[string]map[string]reflect.Value) *Universe {
	u := &Universe{syms: map[string]map[string]reflect.Value{}, names: map[string]string{},
		pkgs: map[string]*types.Package{}, filled: map[string]bool{}, named: map[reflect.Type]*types.Named{}}
	var keys []string
	for _, t := range tables {
		keys = keys[:0]
		for k := range t {
			keys = append(keys, k)
		}
		sort.Strings(keys) // a stable choice among packages of one name
		for _, k := range keys {
			p, name := path.Dir(k), path.Base(k)
			if _, ok := u.syms[p]; ok {
				continue
			}
			u.syms[p] = t[k]
			if old, ok := u.names[name]; !ok || preferred[name] == p && old != p {
				u.names[name] = p
			}
		}
	}
	return u
}

// Path returns the import path of the package a cell means by name, or "".
func (u *Universe) Path(name string) string {
	u.mu.Lock()
	defer u.mu.Unlock()
	return u.names[name]
}

// Import returns the package of an import path, or nil if there is none.
func (u *Universe) Import(importPath string) *types.Package {
	u.mu.Lock()
	defer u.mu.Unlock()
	syms, ok := u.syms[importPath]
	if !ok {
		return nil
	}
	p := u.pkg(importPath)
	if u.filled[importPath] {
		return p
	}
	u.filled[importPath] = true
	scope := p.Scope()
	for name, v := range syms {
		if strings.HasPrefix(name, "_") || !v.IsValid() || scope.Lookup(name) != nil {
			continue
		}
		if obj := u.object(p, name, v); obj != nil {
			scope.Insert(obj)
		}
	}
	addConstraints(p)
	p.MarkComplete()
	return p
}

// constraints are the constraint interfaces of packages, which symbol
// tables cannot hold (they are no types of values).
var constraints = map[string]map[string]string{
	"cmp": {"Ordered": "interface{ ~int | ~int8 | ~int16 | ~int32 | ~int64 | ~uint | ~uint8 | ~uint16 | ~uint32 | ~uint64 | ~uintptr | ~float32 | ~float64 | ~string }"},
}

// addConstraints declares the constraint interfaces of package p.
func addConstraints(p *types.Package) {
	for name, src := range constraints[p.Path()] {
		if p.Scope().Lookup(name) != nil {
			continue
		}
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", "package c\ntype T "+src, 0)
		if err != nil {
			continue
		}
		tp, err := (&types.Config{}).Check("c", fset, []*ast.File{f}, nil)
		if err != nil {
			continue
		}
		obj := types.NewTypeName(token.NoPos, p, name, nil)
		types.NewNamed(obj, tp.Scope().Lookup("T").Type().Underlying(), nil)
		p.Scope().Insert(obj)
	}
}

// pkg returns the package object of a path, made empty on first use.
func (u *Universe) pkg(importPath string) *types.Package {
	if p, ok := u.pkgs[importPath]; ok {
		return p
	}
	p := types.NewPackage(importPath, path.Base(importPath))
	u.pkgs[importPath] = p
	return p
}

// object describes one symbol of a package.
func (u *Universe) object(p *types.Package, name string, v reflect.Value) types.Object {
	if c, ok := v.Interface().(constant.Value); ok && v.Kind() != reflect.Pointer {
		var t types.Type
		switch c.Kind() {
		case constant.Bool:
			t = types.Typ[types.UntypedBool]
		case constant.String:
			t = types.Typ[types.UntypedString]
		case constant.Int:
			t = types.Typ[types.UntypedInt]
		case constant.Float:
			t = types.Typ[types.UntypedFloat]
		case constant.Complex:
			t = types.Typ[types.UntypedComplex]
		default:
			return nil
		}
		return types.NewConst(token.NoPos, p, name, t, c)
	}
	switch {
	case v.Kind() == reflect.Pointer && v.IsNil() && !v.CanAddr():
		// A type: yaegi lists (*T)(nil).
		t := v.Type().Elem()
		typ := u.typ(t)
		if n, ok := typ.(*types.Named); ok && n.Obj().Name() == name {
			return n.Obj()
		}
		return types.NewTypeName(token.NoPos, p, name, typ)
	case v.Kind() == reflect.Func && !v.CanAddr():
		return types.NewFunc(token.NoPos, p, name, u.signature(v.Type(), nil, false))
	default:
		// A variable, or a typed constant (time.Second) seen as one.
		return types.NewVar(token.NoPos, p, name, u.typ(v.Type()))
	}
}

var basics = map[reflect.Kind]types.BasicKind{
	reflect.Bool: types.Bool, reflect.Int: types.Int, reflect.Int8: types.Int8, reflect.Int16: types.Int16,
	reflect.Int32: types.Int32, reflect.Int64: types.Int64, reflect.Uint: types.Uint, reflect.Uint8: types.Uint8,
	reflect.Uint16: types.Uint16, reflect.Uint32: types.Uint32, reflect.Uint64: types.Uint64,
	reflect.Uintptr: types.Uintptr, reflect.Float32: types.Float32, reflect.Float64: types.Float64,
	reflect.Complex64: types.Complex64, reflect.Complex128: types.Complex128, reflect.String: types.String,
	reflect.UnsafePointer: types.UnsafePointer,
}

var errorType = reflect.TypeOf((*error)(nil)).Elem()

// typ converts a reflect type.
func (u *Universe) typ(t reflect.Type) types.Type {
	if t == errorType {
		return types.Universe.Lookup("error").Type()
	}
	if t.Name() != "" && t.PkgPath() != "" {
		return u.namedType(t)
	}
	if t.Name() != "" {
		if b, ok := basics[t.Kind()]; ok {
			return types.Typ[b] // byte and rune are uint8 and int32
		}
	}
	return u.structure(t)
}

// structure converts the type literal of t, ignoring its name.
func (u *Universe) structure(t reflect.Type) types.Type {
	if b, ok := basics[t.Kind()]; ok {
		return types.Typ[b]
	}
	switch t.Kind() {
	case reflect.Pointer:
		return types.NewPointer(u.typ(t.Elem()))
	case reflect.Slice:
		return types.NewSlice(u.typ(t.Elem()))
	case reflect.Array:
		return types.NewArray(u.typ(t.Elem()), int64(t.Len()))
	case reflect.Map:
		return types.NewMap(u.typ(t.Key()), u.typ(t.Elem()))
	case reflect.Chan:
		dir := types.SendRecv
		switch t.ChanDir() {
		case reflect.SendDir:
			dir = types.SendOnly
		case reflect.RecvDir:
			dir = types.RecvOnly
		}
		return types.NewChan(dir, u.typ(t.Elem()))
	case reflect.Func:
		return u.signature(t, nil, false)
	case reflect.Struct:
		var fields []*types.Var
		var tags []string
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			fp := u.pkg(t.PkgPath())
			if f.PkgPath != "" {
				fp = u.pkg(f.PkgPath)
			}
			fields = append(fields, types.NewField(token.NoPos, fp, f.Name, u.typ(f.Type), f.Anonymous))
			tags = append(tags, string(f.Tag))
		}
		return types.NewStruct(fields, tags)
	case reflect.Interface:
		var methods []*types.Func
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			var mp *types.Package
			if m.PkgPath != "" {
				mp = u.pkg(m.PkgPath)
			}
			methods = append(methods, types.NewFunc(token.NoPos, mp, m.Name, u.signature(m.Type, nil, false)))
		}
		return types.NewInterfaceType(methods, nil).Complete()
	}
	return types.Typ[types.Invalid]
}

// namedType converts a defined type of a package, with its methods.
func (u *Universe) namedType(t reflect.Type) types.Type {
	if n, ok := u.named[t]; ok {
		return n
	}
	p := u.pkg(t.PkgPath())
	obj := types.NewTypeName(token.NoPos, p, t.Name(), nil)
	n := types.NewNamed(obj, nil, nil)
	u.named[t] = n
	n.SetUnderlying(u.structure(t).Underlying())
	if t.Kind() == reflect.Interface {
		return n
	}
	seen := map[string]bool{}
	add := func(rt reflect.Type, ptr bool) {
		for i := 0; i < rt.NumMethod(); i++ {
			m := rt.Method(i)
			if seen[m.Name] {
				continue
			}
			seen[m.Name] = true
			var recvT types.Type = n
			if ptr {
				recvT = types.NewPointer(n)
			}
			recv := types.NewVar(token.NoPos, p, "", recvT)
			n.AddMethod(types.NewFunc(token.NoPos, p, m.Name, u.signature(m.Type, recv, true)))
		}
	}
	add(t, false)
	add(reflect.PointerTo(t), true)
	return n
}

// signature converts a func type; a method's type (from Type.Method) has
// its receiver first, which dropRecv removes.
func (u *Universe) signature(t reflect.Type, recv *types.Var, dropRecv bool) *types.Signature {
	var params, results []*types.Var
	for i := 0; i < t.NumIn(); i++ {
		if i == 0 && dropRecv {
			continue
		}
		params = append(params, types.NewParam(token.NoPos, nil, "", u.typ(t.In(i))))
	}
	for i := 0; i < t.NumOut(); i++ {
		results = append(results, types.NewParam(token.NoPos, nil, "", u.typ(t.Out(i))))
	}
	return types.NewSignatureType(recv, nil, nil, types.NewTuple(params...), types.NewTuple(results...), t.IsVariadic())
}
