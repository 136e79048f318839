package stdfix

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"sync"
)

// Notebook struct types seen from host code: mirror types that restore the
// embedded and unexported fields yaegi's reflect types lose, for JSON and
// fmt.

// The rewrite marks struct fields that yaegi's reflect types cannot
// express: an embedded field (yaegi marks it embedded only when it is the
// struct's only field) and an unexported field (yaegi exports it as
// X<name>). mirrorType rebuilds such a struct type with the field embedded,
// or unexported (printing) or hidden from encoding/json (json). The mirror
// has the same memory layout, so a value is viewed through it in place.
const (
	TagKey        = "gocell"
	TagEmbedded   = "embedded"
	TagUnexported = "unexported"
)

type mirrorMode int

const (
	mirrorJSON mirrorMode = iota
	mirrorPrint
)

type mirrorKey struct {
	t    reflect.Type
	mode mirrorMode
}

var mirrors sync.Map // mirrorKey -> reflect.Type (the type itself when unchanged)

// mirrorType returns the mirror of t, or t when it needs none.
func mirrorType(t reflect.Type, mode mirrorMode) reflect.Type {
	key := mirrorKey{t, mode}
	if m, ok := mirrors.Load(key); ok {
		return m.(reflect.Type)
	}
	// A recursive type refers to itself through a pointer, slice or map:
	// record t as its own mirror while building, so recursion ends.
	mirrors.Store(key, t)
	m := buildMirror(t, mode)
	mirrors.Store(key, m)
	return m
}

func buildMirror(t reflect.Type, mode mirrorMode) (m reflect.Type) {
	defer func() {
		if recover() != nil { // StructOf refused: keep the type
			m = t
		}
	}()
	switch t.Kind() {
	case reflect.Pointer:
		if e := mirrorType(t.Elem(), mode); e != t.Elem() {
			return reflect.PointerTo(e)
		}
	case reflect.Slice:
		if e := mirrorType(t.Elem(), mode); e != t.Elem() {
			return reflect.SliceOf(e)
		}
	case reflect.Array:
		if e := mirrorType(t.Elem(), mode); e != t.Elem() {
			return reflect.ArrayOf(t.Len(), e)
		}
	case reflect.Map:
		k, e := mirrorType(t.Key(), mode), mirrorType(t.Elem(), mode)
		if k != t.Key() || e != t.Elem() {
			return reflect.MapOf(k, e)
		}
	case reflect.Struct:
		if t.Name() != "" {
			return t // a host type: it encodes and prints itself
		}
		return mirrorStruct(t, mode)
	}
	return t
}

func mirrorStruct(t reflect.Type, mode mirrorMode) reflect.Type {
	changed := false
	fields := make([]reflect.StructField, t.NumField())
	for i := range fields {
		f := t.Field(i)
		f.Index, f.Offset = nil, 0
		if ft := mirrorType(f.Type, mode); ft != f.Type {
			f.Type, changed = ft, true
		}
		marks := strings.Split(f.Tag.Get(TagKey), ",")
		switch {
		case slices.Contains(marks, TagEmbedded) && !f.Anonymous && embeddable(f.Type):
			f.Anonymous, changed = true, true
		case slices.Contains(marks, TagUnexported) && strings.HasPrefix(f.Name, "X") && len(f.Name) > 1:
			switch mode {
			case mirrorJSON:
				f.Tag, changed = setTag(f.Tag, "json", "-"), true
			case mirrorPrint:
				if !f.Anonymous {
					f.Name, f.PkgPath, changed = f.Name[1:], "main", true
				}
			}
		}
		fields[i] = f
	}
	if !changed {
		return t
	}
	m := reflect.StructOf(fields)
	if m.Size() != t.Size() {
		return t
	}
	return m
}

// embeddable reports whether reflect.StructOf accepts t as an embedded field
// whose fields encoding/json promotes: a struct or pointer to struct without
// methods.
func embeddable(t reflect.Type) bool {
	if t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	return t.Kind() == reflect.Struct && t.NumMethod() == 0 && reflect.PointerTo(t).NumMethod() == 0
}

// setTag returns tag with key set to value.
func setTag(tag reflect.StructTag, key, value string) reflect.StructTag {
	var b strings.Builder
	fmt.Fprintf(&b, "%s:%q", key, value)
	rest := string(tag)
	for rest != "" {
		rest = strings.TrimLeft(rest, " ")
		i := strings.IndexByte(rest, ':')
		if i <= 0 || i+1 >= len(rest) || rest[i+1] != '"' {
			break
		}
		name := rest[:i]
		j := i + 2
		for j < len(rest) && rest[j] != '"' {
			if rest[j] == '\\' {
				j++
			}
			j++
		}
		if j >= len(rest) {
			break
		}
		if name != key {
			b.WriteString(" " + rest[:j+1])
		}
		rest = rest[j+1:]
	}
	return reflect.StructTag(b.String())
}

// mirrorValue returns v seen through its mirror type, converting values
// held in interfaces too, or v itself when nothing needs a mirror.
func mirrorValue(v reflect.Value, mode mirrorMode, depth int) reflect.Value {
	if !v.IsValid() || depth > 64 {
		return v
	}
	t := v.Type()
	if t.Kind() == reflect.Interface {
		if v.IsNil() {
			return v
		}
		e := v.Elem()
		if m := mirrorValue(e, mode, depth+1); m != e {
			return m
		}
		return v
	}
	if !hasInterfaces(t) {
		m := mirrorType(t, mode)
		if m == t {
			return v
		}
		p := reflect.New(t)
		p.Elem().Set(v)
		return reflect.NewAt(m, p.UnsafePointer()).Elem()
	}
	// The static type holds interfaces: copy, converting what they hold.
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		if t.Kind() == reflect.Slice && v.IsNil() {
			return v
		}
		var out reflect.Value
		if t.Kind() == reflect.Slice {
			out = reflect.MakeSlice(reflect.SliceOf(anyType), v.Len(), v.Len())
		} else {
			out = reflect.New(reflect.ArrayOf(v.Len(), anyType)).Elem()
		}
		for i := 0; i < v.Len(); i++ {
			out.Index(i).Set(asAny(mirrorValue(v.Index(i), mode, depth+1)))
		}
		return out
	case reflect.Map:
		if v.IsNil() {
			return v
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(t.Key(), anyType), v.Len())
		it := v.MapRange()
		for it.Next() {
			out.SetMapIndex(it.Key(), asAny(mirrorValue(it.Value(), mode, depth+1)))
		}
		return out
	case reflect.Pointer:
		if v.IsNil() {
			return v
		}
		e := mirrorValue(v.Elem(), mode, depth+1)
		p := reflect.New(e.Type())
		p.Elem().Set(e)
		return p
	case reflect.Struct:
		if t.Name() != "" {
			return v
		}
		// Rebuild the struct with interface-typed fields holding mirrors.
		fields := make([]reflect.StructField, t.NumField())
		vals := make([]reflect.Value, t.NumField())
		for i := range fields {
			f := t.Field(i)
			f.Index, f.Offset = nil, 0
			fv := v.Field(i)
			if !f.IsExported() {
				return v
			}
			mv := mirrorValue(fv, mode, depth+1)
			if mv.Type() != f.Type {
				f.Type = mv.Type()
				if f.Type.Kind() != reflect.Interface && fv.Kind() == reflect.Interface {
					f.Type = anyType
				}
			}
			vals[i] = mv
			fields[i] = f
		}
		shape := mirrorStruct(reflect.StructOf(fields), mode)
		out := reflect.New(shape).Elem()
		for i, mv := range vals {
			out.Field(i).Set(mv)
		}
		return out
	}
	return v
}

var anyType = reflect.TypeOf((*any)(nil)).Elem()

func asAny(v reflect.Value) reflect.Value {
	if !v.IsValid() {
		return reflect.Zero(anyType)
	}
	a := reflect.New(anyType).Elem()
	a.Set(v)
	return a
}

var interfaceful sync.Map // reflect.Type -> bool

// hasInterfaces reports whether values of t can hold interfaces.
func hasInterfaces(t reflect.Type) bool {
	if r, ok := interfaceful.Load(t); ok {
		return r.(bool)
	}
	interfaceful.Store(t, false) // recursion ends here
	r := false
	switch t.Kind() {
	case reflect.Interface:
		r = true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		r = hasInterfaces(t.Elem())
	case reflect.Map:
		r = hasInterfaces(t.Key()) || hasInterfaces(t.Elem())
	case reflect.Struct:
		if t.Name() == "" {
			for i := 0; i < t.NumField(); i++ {
				if hasInterfaces(t.Field(i).Type) {
					r = true
					break
				}
			}
		}
	}
	interfaceful.Store(t, r)
	return r
}
