package snapshot

import (
	"encoding"
	"encoding/gob"
	"fmt"
	"reflect"
	"sort"
	"strings"
	"sync"
)

// How a type's values are written. Most types are written structurally;
// host types with hidden state either carry their own encoding or, when
// their memory is all zero (an unlocked sync.Mutex), are written as zero.
const (
	modePlain     byte = iota
	modeBinary         // encoding.BinaryMarshaler on the pointer type
	modeGob            // gob.GobEncoder
	modeText           // encoding.TextMarshaler
	modeZero           // host struct with unexported fields: only its zero value can be saved
	modeIface          // yaegi's wrapper for values of interpreted interface types
	modeLoadStore      // one number behind Load and Store (atomics.go)
)

var (
	binaryMarshaler   = reflect.TypeOf((*encoding.BinaryMarshaler)(nil)).Elem()
	binaryUnmarshaler = reflect.TypeOf((*encoding.BinaryUnmarshaler)(nil)).Elem()
	gobEncoder        = reflect.TypeOf((*gob.GobEncoder)(nil)).Elem()
	gobDecoder        = reflect.TypeOf((*gob.GobDecoder)(nil)).Elem()
	textMarshaler     = reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem()
	textUnmarshaler   = reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem()
	reflectValueType  = reflect.TypeOf(reflect.Value{})
)

// modeOf tells how values of t are written.
func modeOf(t reflect.Type) byte {
	if isInterpIface(t) {
		return modeIface
	}
	if t.Kind() != reflect.Struct || t.PkgPath() == "" {
		return modePlain // interpreted structs are unnamed; named host structs below
	}
	p := reflect.PointerTo(t)
	switch {
	case p.Implements(binaryMarshaler) && p.Implements(binaryUnmarshaler):
		return modeBinary
	case p.Implements(gobEncoder) && p.Implements(gobDecoder):
		return modeGob
	case p.Implements(textMarshaler) && p.Implements(textUnmarshaler):
		return modeText
	case loadStore(t):
		return modeLoadStore
	}
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() {
			return modeZero
		}
	}
	return modePlain
}

// isInterpIface reports whether t is the struct yaegi stores values of
// interpreted (non-empty, notebook-declared) interface types in.
func isInterpIface(t reflect.Type) bool {
	return t.Kind() == reflect.Struct && t.Name() == "valueInterface" &&
		t.PkgPath() == "github.com/traefik/yaegi/interp"
}

// plainNumber reports whether values of kind k are fixed-size numbers
// whose memory can be copied as is.
func plainNumber(k reflect.Kind) bool {
	switch k {
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		return true
	}
	return false
}

// tdesc describes, inside a snapshot, the type a value was written with,
// so that it can be read into a variable of a changed type (fields matched
// by name) and so that values held in interfaces can be re-created.
type tdesc struct {
	kind   reflect.Kind
	mode   byte
	name   string // "pkgpath.Name" of a named host type, "" otherwise
	size   uintptr
	length int // arrays
	key    *tdesc
	elem   *tdesc
	fields []fdesc
}

type fdesc struct {
	name     string
	embedded bool
	typ      *tdesc
}

func typeName(t reflect.Type) string {
	if t.Name() == "" {
		return ""
	}
	if t.PkgPath() == "" {
		return t.Name() // predeclared: int, string, error
	}
	return t.PkgPath() + "." + t.Name()
}

// Types knows the host types a notebook can name, from the symbol tables
// the interpreter was given: to re-create values held in interfaces, and
// to write a variable's type the way the notebook writes it (a table may
// export under "sync" a type whose reflect package is another one).
// Build one with TypesFrom; a nil *Types knows the predeclared types and
// writes host types by their reflect names.
type Types struct {
	byPath map[string]reflect.Type // "pkgpath.Name" as reflect spells it
	source map[reflect.Type]sourceName
	exprs  sync.Map // reflect.Type → typeExprResult
}

type sourceName struct{ importPath, expr string }

var predeclared = map[string]reflect.Type{"error": reflect.TypeOf((*error)(nil)).Elem()}

func init() {
	for _, v := range []any{false, 0, int8(0), int16(0), int32(0), int64(0), uint(0), uint8(0), uint16(0),
		uint32(0), uint64(0), uintptr(0), float32(0), float64(0), complex64(0), complex128(0), ""} {
		t := reflect.TypeOf(v)
		predeclared[t.Name()] = t
	}
}

// TypesFrom collects the types exported by yaegi symbol tables (the
// map[string]map[string]reflect.Value shape of stdlib.Symbols, keyed by
// "importpath/pkgname").
func TypesFrom(tables ...map[string]map[string]reflect.Value) *Types {
	ts := &Types{byPath: map[string]reflect.Type{}, source: map[reflect.Type]sourceName{}}
	for _, tab := range tables {
		for key, syms := range tab {
			slash := strings.LastIndexByte(key, '/')
			if slash < 0 {
				continue
			}
			importPath, pkg := key[:slash], key[slash+1:]
			for name, v := range syms {
				if v.Kind() != reflect.Ptr || !v.IsNil() || strings.HasPrefix(name, "_") {
					continue
				}
				t := v.Type().Elem()
				if n := typeName(t); n != "" {
					ts.byPath[n] = t
					ts.source[t] = sourceName{importPath, pkg + "." + name}
				}
			}
		}
	}
	return ts
}

func (ts *Types) lookup(name string) (reflect.Type, bool) {
	if t, ok := predeclared[name]; ok {
		return t, true
	}
	if ts == nil {
		return nil, false
	}
	t, ok := ts.byPath[name]
	return t, ok
}

// build re-creates the reflect type a descriptor describes.
func (ts *Types) build(d *tdesc, seen map[*tdesc]bool) (reflect.Type, error) {
	if d.name != "" {
		if t, ok := ts.lookup(d.name); ok {
			return t, nil
		}
		return nil, fmt.Errorf("type %s is not known to this executor", d.name)
	}
	if seen[d] {
		return nil, fmt.Errorf("recursive unnamed type")
	}
	seen[d] = true
	defer delete(seen, d)
	switch {
	case plainNumber(d.kind) || d.kind == reflect.String:
		return ts.build(&tdesc{name: d.kind.String()}, seen)
	}
	switch d.kind {
	case reflect.Interface:
		return reflect.TypeOf((*any)(nil)).Elem(), nil
	case reflect.Ptr, reflect.Slice, reflect.Array:
		e, err := ts.build(d.elem, seen)
		if err != nil {
			return nil, err
		}
		switch d.kind {
		case reflect.Ptr:
			return reflect.PointerTo(e), nil
		case reflect.Slice:
			return reflect.SliceOf(e), nil
		}
		return reflect.ArrayOf(d.length, e), nil
	case reflect.Map:
		k, err := ts.build(d.key, seen)
		if err != nil {
			return nil, err
		}
		e, err := ts.build(d.elem, seen)
		if err != nil {
			return nil, err
		}
		return reflect.MapOf(k, e), nil
	case reflect.Struct:
		fs := make([]reflect.StructField, len(d.fields))
		for i, f := range d.fields {
			ft, err := ts.build(f.typ, seen)
			if err != nil {
				return nil, err
			}
			fs[i] = reflect.StructField{Name: f.name, Type: ft, Anonymous: f.embedded}
		}
		return reflect.StructOf(fs), nil
	}
	return nil, fmt.Errorf("values of kind %s cannot be re-created", d.kind)
}

// TypeExpr writes t as Go source, as far as reflect can tell: host named
// types as the symbol tables name them (their import paths are returned),
// unnamed composites structurally. Interpreted struct types have no name
// in reflect, so for them the caller's hint is needed; ok is false then.
func (ts *Types) TypeExpr(t reflect.Type) (expr string, imports []string, ok bool) {
	var b strings.Builder
	imp := map[string]bool{}
	ok = ts.typeExpr(&b, t, imp, 0)
	for p := range imp {
		imports = append(imports, p)
	}
	sort.Strings(imports)
	return b.String(), imports, ok
}

type typeExprResult struct {
	expr    string
	imports []string
}

var noTypes Types // the cache of a nil *Types

// typeExprOf is TypeExpr, cached: a snapshot asks for the same types
// each cell.
func (ts *Types) typeExprOf(t reflect.Type) typeExprResult {
	cache := &noTypes.exprs
	if ts != nil {
		cache = &ts.exprs
	}
	if r, ok := cache.Load(t); ok {
		return r.(typeExprResult)
	}
	var r typeExprResult
	if expr, imports, ok := ts.TypeExpr(t); ok {
		r = typeExprResult{expr, imports}
	}
	cache.Store(t, r)
	return r
}

func (ts *Types) typeExpr(b *strings.Builder, t reflect.Type, imp map[string]bool, depth int) bool {
	if depth > 50 {
		return false
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			b.WriteString(t.Name())
			return true
		}
		if ts != nil {
			if sn, ok := ts.source[t]; ok {
				imp[sn.importPath] = true
				b.WriteString(sn.expr)
				return true
			}
		}
		if t.PkgPath() == "main" || strings.Contains(t.PkgPath(), "yaegi") {
			return false
		}
		imp[t.PkgPath()] = true
		b.WriteString(t.String()) // "pkg.Name" with the package name
		return true
	}
	switch t.Kind() {
	case reflect.Ptr:
		b.WriteString("*")
		return ts.typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Slice:
		b.WriteString("[]")
		return ts.typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		return ts.typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Map:
		b.WriteString("map[")
		if !ts.typeExpr(b, t.Key(), imp, depth+1) {
			return false
		}
		b.WriteString("]")
		return ts.typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Interface:
		if t.NumMethod() == 0 {
			b.WriteString("any")
			return true
		}
	case reflect.Chan, reflect.Func:
		b.WriteString(t.String())
		return !strings.Contains(t.String(), "struct")
	}
	return false // interpreted structs: only the declaration knows the name
}
