package stdfix

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
)

// %T of notebook values: yaegi prints its anonymous reflect types.

// fixTypeName returns the Go type of vals[0] as %T prints it. yaegi keeps
// the notebook type of a value that has methods in its internal interface
// value (valueInterface{node, value}); its type (itype) names the type as
// the program declared it ("main.Celsius"). Values of other types have
// only their runtime type, printed as fmt does.
func fixTypeName(vals []any) string {
	if len(vals) == 0 || vals[0] == nil {
		return "<nil>"
	}
	v := reflect.ValueOf(vals[0])
	if name, ok := interpTypeName(v); ok {
		return name
	}
	return runtimeTypeName(v)
}

// runtimeTypeName prints a value's runtime type, seeing through yaegi's
// interface wrappers (stdlib._fmt_Stringer holds the value in IValue) and
// naming the notebook's struct types.
func runtimeTypeName(v reflect.Value) string {
	if _, name, ok := selfValue(v); ok {
		return name
	}
	t := v.Type()
	if t.Kind() == reflect.Struct && t.PkgPath() != "" && (strings.HasPrefix(t.Name(), "_") || isOwnWrapper(t)) {
		if f := v.FieldByName("IValue"); f.IsValid() && !f.IsNil() {
			inner := f.Elem()
			if name, ok := interpTypeName(inner); ok {
				return name
			}
			return runtimeTypeName(inner)
		}
	}
	return namedTypeString(t, 0)
}

// structNames maps the reflect types of the notebook's struct types
// (yaegi's unnamed reflect.StructOf types) to their names, as declarations
// register them; a type registered under two names is ambiguous ("").
var structNames sync.Map // reflect.Type -> string

// fixRegisterType records the name of a notebook struct type; p is a nil
// pointer to it. It returns nil, the value of the var _ it initializes.
func fixRegisterType(name string, p any) any {
	registerItype(name, p)
	v, _ := typedValue(p)
	if !v.IsValid() {
		return nil
	}
	t := v.Type()
	if t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || t.Elem().Name() != "" {
		return nil
	}
	if old, loaded := structNames.LoadOrStore(t.Elem(), name); loaded && old != name {
		structNames.Store(t.Elem(), "")
	}
	return nil
}

// namedTypeString prints t as reflect does, with the notebook's struct
// types named.
func namedTypeString(t reflect.Type, depth int) string {
	if depth > 10 {
		return t.String()
	}
	switch t.Kind() {
	case reflect.Struct:
		if t.Name() == "" {
			if n, ok := structNames.Load(t); ok && n.(string) != "" {
				return n.(string)
			}
		}
	case reflect.Pointer:
		return "*" + namedTypeString(t.Elem(), depth+1)
	case reflect.Slice:
		return "[]" + namedTypeString(t.Elem(), depth+1)
	case reflect.Array:
		return fmt.Sprintf("[%d]%s", t.Len(), namedTypeString(t.Elem(), depth+1))
	case reflect.Map:
		return "map[" + namedTypeString(t.Key(), depth+1) + "]" + namedTypeString(t.Elem(), depth+1)
	}
	return t.String()
}

// interpTypeName reads the declared type of a yaegi valueInterface.
func interpTypeName(v reflect.Value) (name string, ok bool) {
	defer func() {
		if recover() != nil {
			name, ok = "", false
		}
	}()
	t := v.Type()
	if t.Name() != "valueInterface" || !strings.HasSuffix(t.PkgPath(), "yaegi/interp") {
		return "", false
	}
	n := v.FieldByName("node")
	if n.IsNil() {
		return "<nil>", true
	}
	typ := n.Elem().FieldByName("typ")
	if typ.IsNil() {
		return "", false
	}
	s := itypeString(typ.Elem(), 0)
	return s, s != ""
}

// itype categories of yaegi v0.16.1 (the tcat constants of interp/type.go)
// needed to print composite types.
const (
	tcatArray = 1
	tcatChan  = 6
	tcatMap   = 25
	tcatPtr   = 26
	tcatSlice = 27
	tcatValue = 37
)

// itypeString prints an itype (a reflect.Value of yaegi's itype struct) as
// Go prints types: "main.P", "*main.P", "[]main.P", "map[string]main.P".
func itypeString(t reflect.Value, depth int) string {
	if depth > 20 {
		return ""
	}
	name, path := t.FieldByName("name").String(), t.FieldByName("path").String()
	if name != "" && !t.FieldByName("untyped").Bool() {
		if path == "" {
			return name
		}
		return path[strings.LastIndexByte(path, '/')+1:] + "." + name
	}
	elem := func(field string) string {
		e := t.FieldByName(field)
		if e.IsNil() {
			return ""
		}
		return itypeString(e.Elem(), depth+1)
	}
	var s string
	switch t.FieldByName("cat").Uint() {
	case tcatPtr:
		if s = elem("val"); s != "" {
			s = "*" + s
		}
	case tcatSlice:
		if s = elem("val"); s != "" {
			s = "[]" + s
		}
	case tcatArray:
		if s = elem("val"); s != "" {
			s = fmt.Sprintf("[%d]%s", t.FieldByName("length").Int(), s)
		}
	case tcatMap:
		k, v := elem("key"), elem("val")
		if k != "" && v != "" {
			s = "map[" + k + "]" + v
		}
	case tcatChan:
		if s = elem("val"); s != "" {
			s = "chan " + s
		}
	case tcatValue:
		if rt, ok := t.FieldByName("rtype").Interface().(reflect.Type); ok && rt != nil {
			s = rt.String()
		}
	}
	if s == "" {
		s = t.FieldByName("str").String()
		if strings.HasPrefix(s, "untyped ") {
			s = strings.TrimPrefix(s, "untyped ")
			switch s {
			case "rune":
				s = "int32"
			case "float":
				s = "float64"
			case "complex":
				s = "complex128"
			}
		}
	}
	return s
}
