package display

import (
	"cmp"
	"fmt"
	"reflect"
	"slices"
	"strings"
)

// formatValue is fmt's %v with a long collection cut after Limit.ListItems
// elements. The cut applies to the value itself and, when it was cut, to the
// elements it shows; a short collection prints through fmt in full.
func formatValue(v any) string {
	rv := reflect.ValueOf(v)
	prefix := ""
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		// fmt prints a pointer to a collection as &[...] or &map[...].
		switch rv.Elem().Kind() {
		case reflect.Slice, reflect.Array, reflect.Map:
			prefix, rv = "&", rv.Elem()
		}
	}
	limit := max(Limit.ListItems, 0)
	switch rv.Kind() {
	case reflect.Slice, reflect.Array:
		if n := rv.Len(); n > limit {
			var b strings.Builder
			b.WriteString(prefix + "[")
			for i := range limit {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(sprintValue(rv.Index(i)))
			}
			fmt.Fprintf(&b, " … %d more]", n-limit)
			return b.String()
		}
	case reflect.Map:
		if n := rv.Len(); n > limit {
			keys := rv.MapKeys()
			sortKeys(keys)
			var b strings.Builder
			b.WriteString(prefix + "map[")
			for i, k := range keys[:limit] {
				if i > 0 {
					b.WriteByte(' ')
				}
				b.WriteString(sprintValue(k) + ":" + sprintValue(rv.MapIndex(k)))
			}
			fmt.Fprintf(&b, " … %d more]", n-limit)
			return b.String()
		}
	}
	return fmt.Sprint(v)
}

// sprintValue formats a value reached by reflection. Values read from
// unexported struct fields can't be turned back into interfaces; fmt still
// prints them from the reflect.Value, only without calling their methods.
func sprintValue(v reflect.Value) string {
	if !v.IsValid() {
		return "<nil>"
	}
	if v.CanInterface() {
		return formatValue(v.Interface())
	}
	return fmt.Sprint(v)
}

// sortKeys puts map keys in a stable, readable order: numbers by value,
// strings and bools naturally, anything else by its text. Nil interface keys
// come first.
func sortKeys(keys []reflect.Value) {
	slices.SortStableFunc(keys, compareKeys)
}

func compareKeys(a, b reflect.Value) int {
	for a.Kind() == reflect.Interface && !a.IsNil() {
		a = a.Elem()
	}
	for b.Kind() == reflect.Interface && !b.IsNil() {
		b = b.Elem()
	}
	if a.Kind() != b.Kind() {
		return cmp.Compare(a.Kind(), b.Kind())
	}
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	case reflect.Bool:
		return cmp.Compare(boolRank(a.Bool()), boolRank(b.Bool()))
	case reflect.Interface:
		return 0 // both nil
	}
	return strings.Compare(sprintValue(a), sprintValue(b))
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}
