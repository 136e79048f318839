package cachecells

// Helpers for reading values through reflection, shared by hashing, copying
// and messages.

import (
	"fmt"
	"reflect"
	"strconv"
	"unsafe"
)

// typeName prints interpreted (anonymous struct) types readably.
func typeName(t reflect.Type) string {
	if t == nil {
		return "nil"
	}
	s := t.String()
	if len(s) > 120 {
		s = s[:117] + "..."
	}
	return s
}

// fieldName undoes the interpreter's renaming of unexported fields
// (x → Xx) in anonymous struct types, so paths read as the user wrote them.
func fieldName(st reflect.Type, i int) string {
	n := st.Field(i).Name
	if st.Name() == "" && len(n) > 1 && n[0] == 'X' && (n[1] == '_' || n[1] >= 'a' && n[1] <= 'z') {
		return n[1:]
	}
	return n
}

// addressable returns v itself if it has an address, else a copy that has
// one: unexported fields and byte spans are reached through addresses.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// field returns struct field i of the addressable v, readable even when the
// field is unexported, so that hashing and copying see the whole value.
func field(v reflect.Value, i int) reflect.Value {
	f := v.Field(i)
	if !f.CanInterface() {
		f = reflect.NewAt(f.Type(), unsafe.Pointer(f.UnsafeAddr())).Elem()
	}
	return f
}

func ifaceOf(v reflect.Value) (any, bool) {
	if v.CanInterface() {
		return v.Interface(), true
	}
	if v.CanAddr() {
		return reflect.NewAt(v.Type(), unsafe.Pointer(v.UnsafeAddr())).Elem().Interface(), true
	}
	return nil, false
}

func keyText(k reflect.Value) string {
	if s := shortValue(k); s != "" {
		return s
	}
	return "…"
}

// shortValue formats small values for messages (map keys in paths, Why
// reports); it returns "" for values that do not print briefly.
func shortValue(v reflect.Value) string {
	if !v.IsValid() {
		return "nil"
	}
	switch v.Kind() {
	case reflect.String:
		s := v.String()
		if len(s) > 40 {
			s = s[:37] + "..."
		}
		return strconv.Quote(s)
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Complex64, reflect.Complex128:
		if x, ok := ifaceOf(v); ok {
			return fmt.Sprint(x)
		}
	}
	if v.Type() == timeType {
		if x, ok := ifaceOf(v); ok {
			return fmt.Sprint(x)
		}
	}
	return ""
}
