package snapshot

import (
	"encoding"
	"encoding/gob"
	"fmt"
	"reflect"
	"strings"
)

// How a type's values are written. Most types are written structurally;
// host types with hidden state either carry their own encoding or, when
// their memory is all zero (an unlocked sync.Mutex), are written as zero.
const (
	modePlain  byte = iota
	modeBinary      // encoding.BinaryMarshaler on the pointer type
	modeGob         // gob.GobEncoder
	modeText        // encoding.TextMarshaler
	modeZero        // host struct with unexported fields: only its zero value can be saved
	modeIface       // yaegi's wrapper for values of interpreted interface types
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

// Types finds host types by their "pkgpath.Name" to re-create values held
// in interfaces. Build one with TypesFrom.
type Types map[string]reflect.Type

// TypesFrom collects the types exported by yaegi symbol tables (the
// map[string]map[string]reflect.Value shape of stdlib.Symbols).
func TypesFrom(tables ...map[string]map[string]reflect.Value) Types {
	ts := Types{}
	for _, tab := range tables {
		for _, syms := range tab {
			for _, v := range syms {
				if v.Kind() == reflect.Ptr && v.IsNil() {
					t := v.Type().Elem()
					if n := typeName(t); n != "" {
						ts[n] = t
					}
				}
			}
		}
	}
	for _, v := range []any{false, 0, int8(0), int16(0), int32(0), int64(0), uint(0), uint8(0), uint16(0),
		uint32(0), uint64(0), uintptr(0), float32(0), float64(0), complex64(0), complex128(0), ""} {
		t := reflect.TypeOf(v)
		ts[t.Name()] = t
	}
	ts["error"] = reflect.TypeOf((*error)(nil)).Elem()
	return ts
}

// build re-creates the reflect type a descriptor describes.
func (ts Types) build(d *tdesc, seen map[*tdesc]bool) (reflect.Type, error) {
	if d.name != "" {
		if t, ok := ts[d.name]; ok {
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
// types by package name (their import paths are returned), unnamed
// composites structurally. Interpreted struct types have no name in
// reflect, so for them the caller's hint is needed; ok is false then.
func TypeExpr(t reflect.Type) (expr string, imports []string, ok bool) {
	var b strings.Builder
	imp := map[string]bool{}
	ok = typeExpr(&b, t, imp, 0)
	for p := range imp {
		imports = append(imports, p)
	}
	return b.String(), imports, ok
}

func typeExpr(b *strings.Builder, t reflect.Type, imp map[string]bool, depth int) bool {
	if depth > 50 {
		return false
	}
	if t.Name() != "" {
		if t.PkgPath() == "" {
			b.WriteString(t.Name())
			return true
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
		return typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Slice:
		b.WriteString("[]")
		return typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Array:
		fmt.Fprintf(b, "[%d]", t.Len())
		return typeExpr(b, t.Elem(), imp, depth+1)
	case reflect.Map:
		b.WriteString("map[")
		if !typeExpr(b, t.Key(), imp, depth+1) {
			return false
		}
		b.WriteString("]")
		return typeExpr(b, t.Elem(), imp, depth+1)
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
