package interp

import (
	"cmp"
	"encoding"
	"encoding/json"
	"fmt"
	"go/parser"
	"io"
	"iter"
	"math"
	"reflect"
	"slices"
	"sort"
	"strings"
	"sync"

	yaegi "github.com/traefik/yaegi/interp"
)

// Replacement standard-library behaviour for yaegi v0.16.1.
//
// Three layers, installed by installFixes:
//
//   - fixedSymbols: host functions. "gocell/fix" holds helpers that the
//     interpreted packages below call (sorting, min/max over a slice,
//     clear, iterator pulls, type names); "encoding/json" replaces
//     Marshal, MarshalIndent and Unmarshal with versions that honour
//     embedded structs and unexported fields of notebook types.
//   - wrapped fmt printers: fmt.Print*, Sprint*, Fprint* and Errorf print the
//     unexported fields of notebook structs under their own names, not
//     yaegi's exported "X" aliases.
//   - interpreted packages (fixSources): the generic functions of slices,
//     maps and iter that yaegi lacks or cannot instantiate ("undefined type
//     for E": it cannot infer E from S ~[]E), and the package __gocellfix
//     that rewritten cells call for min, max, clear, %T and range over
//     functions. Source packages are visible in every file without an import.

// fixPath is the import path of the host helpers.
const fixPath = "gocell/fix"

// fixPkg is the interpreted package rewritten cells call.
const fixPkg = "__gocellfix"

// fixedSymbols returns the host symbols, in yaegi's Exports format.
func fixedSymbols() map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{
		fixPath + "/fix": {
			"Clear":          reflect.ValueOf(fixClear),
			"NegZero":        reflect.ValueOf(fixNegZero),
			"Sort":           reflect.ValueOf(fixSort),
			"SortFunc":       reflect.ValueOf(fixSortFunc),
			"SortStableFunc": reflect.ValueOf(fixSortStableFunc),
			"Extreme":        reflect.ValueOf(fixExtreme),
			"BinarySearch":   reflect.ValueOf(fixBinarySearch),
			"Pull":           reflect.ValueOf(fixPull),
			"Pull2":          reflect.ValueOf(fixPull2),
			"TypeName":       reflect.ValueOf(fixTypeName),
		},
		"encoding/json/json": {
			"Marshal":       reflect.ValueOf(fixJSONMarshal),
			"MarshalIndent": reflect.ValueOf(fixJSONMarshalIndent),
			"Unmarshal":     reflect.ValueOf(fixJSONUnmarshal),
		},
		// yaegi hands notebook values to these functions wrapped in the
		// interfaces they implement (json.Marshaler, ...), as it does for
		// the originals.
		".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
			reflect.ValueOf(fixJSONMarshal):       jsonMarshalTypes,
			reflect.ValueOf(fixJSONMarshalIndent): jsonMarshalTypes,
			reflect.ValueOf(fixJSONUnmarshal):     jsonUnmarshalTypes,
		})},
	}
}

var (
	jsonMarshalTypes = []reflect.Type{
		reflect.TypeOf((*json.Marshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem(),
	}
	jsonUnmarshalTypes = []reflect.Type{
		reflect.TypeOf((*json.Unmarshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem(),
	}
	printTypes = []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
)

// installFixes loads the replacements into an interpreter that already uses
// the standard library (stdlib.Symbols). It is idempotent.
func installFixes(yi *yaegi.Interpreter) error {
	if len(yi.Symbols(fixPath)[fixPath]) > 0 {
		return nil
	}
	if err := yi.Use(fixedSymbols()); err != nil {
		return err
	}
	if err := yi.Use(wrapPrinters(yi.Symbols("fmt")["fmt"])); err != nil {
		return err
	}
	for i, src := range fixSources {
		name := fmt.Sprintf("gocell_fix_%d.go", i)
		f, err := parser.ParseFile(yi.FileSet(), name, src, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := yi.CompileAST(f); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// ---- clear, min, max ----

// fixClear implements the clear builtin on a map or a slice.
func fixClear(x any) {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Map, reflect.Slice:
		v.Clear()
	case reflect.Invalid:
	default:
		panic(fmt.Sprintf("invalid argument: clear(%s): argument must be a map or a slice", v.Type()))
	}
}

// fixNegZero reports whether x is a floating-point negative zero; min and
// max prefer it over a positive zero.
func fixNegZero(x any) bool {
	v := reflect.ValueOf(x)
	switch v.Kind() {
	case reflect.Float32, reflect.Float64:
		return v.Float() == 0 && math.Signbit(v.Float())
	}
	return false
}

// ---- sorting and searching ----

// compareOrdered compares two values of one cmp.Ordered kind like cmp.Compare.
func compareOrdered(a, b reflect.Value) int {
	switch a.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return cmp.Compare(a.Int(), b.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return cmp.Compare(a.Uint(), b.Uint())
	case reflect.Float32, reflect.Float64:
		return cmp.Compare(a.Float(), b.Float())
	case reflect.String:
		return strings.Compare(a.String(), b.String())
	}
	panic(fmt.Sprintf("%s does not satisfy cmp.Ordered", a.Type()))
}

// permute reorders the slice s so that s[i] becomes old s[perm[i]].
func permute(s reflect.Value, perm []int) {
	old := reflect.MakeSlice(s.Type(), s.Len(), s.Len())
	reflect.Copy(old, s)
	for i, p := range perm {
		s.Index(i).Set(old.Index(p))
	}
}

// sortBy sorts s with the given sorting function of package slices, applied
// to a permutation: the comparisons and their order are those of sorting s
// itself, so the result (order of equal elements included) is what compiled
// Go gives.
func sortBy(s reflect.Value, sorter func([]int, func(i, j int) int), compare func(a, b reflect.Value) int) {
	n := s.Len()
	if n < 2 {
		return
	}
	perm := make([]int, n)
	for i := range perm {
		perm[i] = i
	}
	sorter(perm, func(i, j int) int { return compare(s.Index(i), s.Index(j)) })
	permute(s, perm)
}

// fixSort implements slices.Sort.
func fixSort(x any) {
	switch s := x.(type) {
	case []int:
		slices.Sort(s)
	case []string:
		slices.Sort(s)
	case []float64:
		slices.Sort(s)
	default:
		sortBy(reflect.ValueOf(x), slices.SortFunc[[]int], compareOrdered)
	}
}

// callCmp wraps a notebook comparison function func(a, b E) int.
func callCmp(f any) func(a, b reflect.Value) int {
	fv := reflect.ValueOf(f)
	return func(a, b reflect.Value) int {
		return int(fv.Call([]reflect.Value{a, b})[0].Int())
	}
}

// fixSortFunc implements slices.SortFunc.
func fixSortFunc(x, f any) {
	sortBy(reflect.ValueOf(x), slices.SortFunc[[]int], callCmp(f))
}

// fixSortStableFunc implements slices.SortStableFunc.
func fixSortStableFunc(x, f any) {
	sortBy(reflect.ValueOf(x), slices.SortStableFunc[[]int], callCmp(f))
}

// fixExtreme stores the minimum (or maximum) of a non-empty slice of an
// ordered type in *out, propagating NaNs as slices.Min and slices.Max do.
func fixExtreme(x, out any, max bool) {
	s := reflect.ValueOf(x)
	m := s.Index(0)
	for i := 1; i < s.Len(); i++ {
		e := s.Index(i)
		if isNaN(m) {
			break
		}
		if isNaN(e) {
			m = e
			break
		}
		if c := compareOrdered(e, m); max && c > 0 || !max && c < 0 {
			m = e
		}
	}
	reflect.ValueOf(out).Elem().Set(m)
}

func isNaN(v reflect.Value) bool {
	k := v.Kind()
	return (k == reflect.Float32 || k == reflect.Float64) && math.IsNaN(v.Float())
}

// fixBinarySearch implements slices.BinarySearch.
func fixBinarySearch(x, target any) (int, bool) {
	s, t := reflect.ValueOf(x), reflect.ValueOf(target)
	n := s.Len()
	if n > 0 && t.Type() != s.Type().Elem() && t.CanConvert(s.Type().Elem()) {
		t = t.Convert(s.Type().Elem())
	}
	i := sort.Search(n, func(i int) bool { return compareOrdered(s.Index(i), t) >= 0 })
	return i, i < n && compareOrdered(s.Index(i), t) == 0
}

// ---- iterators ----

// fixPull runs a notebook iterator func(yield func(E) bool) as a coroutine
// (iter.Pull): next stores the next value in *out and reports whether there
// was one, stop ends the iteration early. Range-over-func loops are
// rewritten into next/stop calls, which keeps the order of side effects of
// the loop body and the iterator exactly as in compiled Go.
func fixPull(seq any) (next func(out any) bool, stop func()) {
	fv := reflect.ValueOf(seq)
	yieldType := fv.Type().In(0)
	pnext, pstop := iter.Pull(func(yield func(reflect.Value) bool) {
		fv.Call([]reflect.Value{reflect.MakeFunc(yieldType, func(args []reflect.Value) []reflect.Value {
			return []reflect.Value{reflect.ValueOf(yield(args[0]))}
		})})
	})
	return func(out any) bool {
		v, ok := pnext()
		if ok {
			setValue(reflect.ValueOf(out).Elem(), v)
		}
		return ok
	}, pstop
}

// fixPull2 is fixPull for func(yield func(K, V) bool).
func fixPull2(seq any) (next func(k, v any) bool, stop func()) {
	fv := reflect.ValueOf(seq)
	yieldType := fv.Type().In(0)
	pnext, pstop := iter.Pull2(func(yield func(reflect.Value, reflect.Value) bool) {
		fv.Call([]reflect.Value{reflect.MakeFunc(yieldType, func(args []reflect.Value) []reflect.Value {
			return []reflect.Value{reflect.ValueOf(yield(args[0], args[1]))}
		})})
	})
	return func(k, v any) bool {
		a, b, ok := pnext()
		if ok {
			setValue(reflect.ValueOf(k).Elem(), a)
			setValue(reflect.ValueOf(v).Elem(), b)
		}
		return ok
	}, pstop
}

func setValue(dst, v reflect.Value) {
	if !v.IsValid() {
		dst.SetZero()
		return
	}
	if v.Type() != dst.Type() && v.CanConvert(dst.Type()) {
		v = v.Convert(dst.Type())
	}
	dst.Set(v)
}

// ---- %T ----

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
// interface wrappers (stdlib._fmt_Stringer holds the value in IValue).
func runtimeTypeName(v reflect.Value) string {
	t := v.Type()
	if t.Kind() == reflect.Struct && t.PkgPath() != "" && strings.HasPrefix(t.Name(), "_") {
		if f := v.FieldByName("IValue"); f.IsValid() && !f.IsNil() {
			inner := f.Elem()
			if name, ok := interpTypeName(inner); ok {
				return name
			}
			return runtimeTypeName(inner)
		}
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

// itype categories of yaegi v0.16.1 (interp/type.go, tcat), used to print
// composite types.
const (
	tcatArray     = 2
	tcatChan      = 6
	tcatChanSend  = 7
	tcatChanRecv  = 8
	tcatFunc      = 13
	tcatInterface = 21
	tcatMap       = 22
	tcatPtr       = 23
	tcatSlice     = 24
	tcatStruct    = 26
	tcatValue     = 29
	tcatLinked    = 30
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

// ---- notebook struct types seen from host code ----

// The rewrite marks struct fields that yaegi's reflect types cannot
// express: an embedded field (yaegi marks it embedded only when it is the
// struct's only field) and an unexported field (yaegi exports it as
// X<name>). mirrorType rebuilds such a struct type with the field embedded,
// or unexported (printing) or hidden from encoding/json (json). The mirror
// has the same memory layout, so a value is viewed through it in place.
const (
	tagKey        = "gocell"
	tagEmbedded   = "embedded"
	tagUnexported = "unexported"
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
		marks := strings.Split(f.Tag.Get(tagKey), ",")
		switch {
		case slices.Contains(marks, tagEmbedded) && !f.Anonymous && embeddable(f.Type):
			f.Anonymous, changed = true, true
		case slices.Contains(marks, tagUnexported) && strings.HasPrefix(f.Name, "X") && len(f.Name) > 1:
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

// ---- encoding/json ----

func fixJSONMarshal(v any) ([]byte, error) {
	return json.Marshal(jsonView(v))
}

func fixJSONMarshalIndent(v any, prefix, indent string) ([]byte, error) {
	return json.MarshalIndent(jsonView(v), prefix, indent)
}

func jsonView(v any) any {
	rv := reflect.ValueOf(v)
	m := mirrorValue(rv, mirrorJSON, 0)
	if m == rv {
		return v
	}
	return m.Interface()
}

func fixJSONUnmarshal(data []byte, v any) error {
	rv := reflect.ValueOf(v)
	if rv.Kind() == reflect.Pointer && !rv.IsNil() {
		if m := mirrorType(rv.Type().Elem(), mirrorJSON); m != rv.Type().Elem() {
			v = reflect.NewAt(m, rv.UnsafePointer()).Interface()
		}
	}
	return json.Unmarshal(data, v)
}

// ---- fmt ----

// wrapPrinters wraps the interpreter's fmt printers (already redirected to
// the interpreter's output by yaegi) so that notebook structs print their
// unexported fields under their own names.
func wrapPrinters(fmtSyms map[string]reflect.Value) map[string]map[string]reflect.Value {
	out := map[string]reflect.Value{}
	mapTypes := map[reflect.Value][]reflect.Type{}
	add := func(name string, f reflect.Value) {
		out[name] = f
		mapTypes[f] = printTypes
	}
	if f, ok := fmtSyms["Print"].Interface().(func(...any) (int, error)); ok {
		add("Print", reflect.ValueOf(func(a ...any) (int, error) { return f(printView(a)...) }))
	}
	if f, ok := fmtSyms["Println"].Interface().(func(...any) (int, error)); ok {
		add("Println", reflect.ValueOf(func(a ...any) (int, error) { return f(printView(a)...) }))
	}
	if f, ok := fmtSyms["Printf"].Interface().(func(string, ...any) (int, error)); ok {
		add("Printf", reflect.ValueOf(func(format string, a ...any) (int, error) { return f(format, printView(a)...) }))
	}
	add("Sprint", reflect.ValueOf(func(a ...any) string { return fmt.Sprint(printView(a)...) }))
	add("Sprintln", reflect.ValueOf(func(a ...any) string { return fmt.Sprintln(printView(a)...) }))
	add("Sprintf", reflect.ValueOf(func(format string, a ...any) string { return fmt.Sprintf(format, printView(a)...) }))
	add("Fprint", reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprint(w, printView(a)...) }))
	add("Fprintln", reflect.ValueOf(func(w io.Writer, a ...any) (int, error) { return fmt.Fprintln(w, printView(a)...) }))
	add("Fprintf", reflect.ValueOf(func(w io.Writer, format string, a ...any) (int, error) {
		return fmt.Fprintf(w, format, printView(a)...)
	}))
	add("Errorf", reflect.ValueOf(func(format string, a ...any) error { return fmt.Errorf(format, printView(a)...) }))
	return map[string]map[string]reflect.Value{
		"fmt/fmt": out,
		".":       {"MapTypes": reflect.ValueOf(mapTypes)},
	}
}

// printView replaces arguments whose notebook struct types have unexported
// fields by their printing mirrors. Other arguments are passed unchanged
// (errors must stay errors for %w).
func printView(a []any) []any {
	var out []any
	for i, x := range a {
		if x == nil {
			continue
		}
		v := reflect.ValueOf(x)
		m := mirrorValue(v, mirrorPrint, 0)
		if m == v {
			continue
		}
		if out == nil {
			out = slices.Clone(a)
		}
		out[i] = m.Interface()
	}
	if out == nil {
		return a
	}
	return out
}
