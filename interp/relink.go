package interp

import (
	"reflect"
	"sort"
	"unsafe"
)

// relink makes pointers into the old interpreter's variables point into
// the new one's. A rebuild moves values by assignment, so after it p :=
// &x would still point at the old x, and a change through p would not be
// seen in x. Values are walked from every new variable; a pointer whose
// address lies inside an old variable of the same type as the new one is
// moved to the same offset in the new variable.
func relink(old, new map[string]reflect.Value) {
	type span struct {
		from, size uintptr
		to         unsafe.Pointer
	}
	var spans []span
	for name, o := range old {
		n, ok := new[name]
		if !ok || !o.IsValid() || !n.IsValid() || !o.CanAddr() || !n.CanAddr() || o.Type() != n.Type() || o.Type().Size() == 0 {
			continue
		}
		spans = append(spans, span{o.Addr().Pointer(), o.Type().Size(), n.Addr().UnsafePointer()})
	}
	if len(spans) == 0 {
		return
	}
	sort.Slice(spans, func(i, j int) bool { return spans[i].from < spans[j].from })
	moved := func(addr uintptr) (unsafe.Pointer, bool) {
		i := sort.Search(len(spans), func(i int) bool { return spans[i].from > addr }) - 1
		if i < 0 || addr >= spans[i].from+spans[i].size {
			return nil, false
		}
		return unsafe.Add(spans[i].to, addr-spans[i].from), true
	}
	seen := map[uintptr]bool{}
	var walk func(v reflect.Value, depth int)
	walk = func(v reflect.Value, depth int) {
		if depth > 64 || !v.IsValid() {
			return
		}
		switch v.Kind() {
		case reflect.Ptr:
			if v.IsNil() {
				return
			}
			if to, ok := moved(v.Pointer()); ok && v.CanSet() {
				v.Set(reflect.NewAt(v.Type().Elem(), to))
				return
			}
			if seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			walk(v.Elem(), depth+1)
		case reflect.Struct:
			for i := 0; i < v.NumField(); i++ {
				walk(v.Field(i), depth+1)
			}
		case reflect.Slice:
			if v.IsNil() || !mayPoint(v.Type().Elem()) || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), depth+1)
			}
		case reflect.Array:
			if !mayPoint(v.Type().Elem()) {
				return
			}
			for i := 0; i < v.Len(); i++ {
				walk(v.Index(i), depth+1)
			}
		case reflect.Map:
			if v.IsNil() || !mayPoint(v.Type().Elem()) || seen[v.Pointer()] {
				return
			}
			seen[v.Pointer()] = true
			it := v.MapRange()
			for it.Next() {
				e := reflect.New(v.Type().Elem()).Elem()
				e.Set(it.Value())
				walk(e, depth+1)
				v.SetMapIndex(it.Key(), e)
			}
		}
	}
	for _, n := range new {
		if n.IsValid() && mayPoint(n.Type()) {
			walk(n, 0)
		}
	}
}

// mayPoint reports whether values of t can hold a pointer worth relinking.
func mayPoint(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Ptr, reflect.Map:
		return true
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if mayPoint(t.Field(i).Type) {
				return true
			}
		}
	case reflect.Slice, reflect.Array:
		return mayPoint(t.Elem())
	}
	return false
}
