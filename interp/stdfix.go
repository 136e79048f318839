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
	"unsafe"

	yaegi "github.com/traefik/yaegi/interp"
)

// Replacement standard-library behaviour for yaegi v0.16.1.
//
// Four layers, installed by installFixes right after stdlib.Symbols:
//
//   - fixedSymbols: host functions. "gocell/fix" holds helpers that the
//     interpreted packages below call (sorting, min/max over a slice,
//     clear, iterator coroutines, deferred calls, type names, error
//     comparison); "encoding/json" replaces Marshal, MarshalIndent and
//     Unmarshal with versions that honour embedded structs and unexported
//     fields of notebook types (yaegi's reflect types lose both).
//   - fmt printers wrapped in place: fmt.Print*, Sprint*, Fprint* and Errorf
//     print the unexported fields of notebook structs under their own
//     names, not yaegi's exported "X" aliases, and receive notebook errors
//     as errors (fmt.Println(&MyErr{}) calls Error, %w wraps them).
//   - composed error wrappers: a notebook error handed to host code keeps
//     its Unwrap and Is methods, so errors.Is and errors.Unwrap follow it.
//   - interpreted packages (fixSources): the generic functions of slices
//     and maps that yaegi lacks or cannot instantiate ("undefined type for
//     E": it cannot infer E from S ~[]E), iter.Seq and iter.Seq2, errors
//     (errors.As and errors.Is in the interpreter), and __gocellfix, which
//     rewritten cells call (rewrite.go). Source packages are visible in
//     every file without an import.
//
// yaegi's stdlib.Symbols has empty "slices/slices" and "maps/maps" (every
// function is generic); its own generic sources for them cover Index,
// Contains and a few more, and fail on the rest.

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
			"Iter":           reflect.ValueOf(fixIter),
			"Next":           reflect.ValueOf(fixNext),
			"Next2":          reflect.ValueOf(fixNext2),
			"Stop":           reflect.ValueOf(fixStop),
			"TypeName":       reflect.ValueOf(fixTypeName),
			"RegisterType":   reflect.ValueOf(fixRegisterType),
			"Same":           reflect.ValueOf(fixSame),
			"Push":           reflect.ValueOf(fixPush),
			"PushSlice":      reflect.ValueOf(fixPushSlice),
			"Pop":            reflect.ValueOf(fixPop),
			"Unwrap":         reflect.ValueOf(fixUnwrap),
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
			reflect.ValueOf(fixPush):              printTypes,
			reflect.ValueOf(fixPushSlice):         printTypes,
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
	// The interfaces fmt looks for, in the order it prefers them: yaegi
	// passes a notebook value wrapped in the first one it implements (its
	// own fmt functions omit error: fmt.Println(&MyErr{}) printed the
	// struct, and fmt.Errorf("%w", &MyErr{}) did not wrap).
	printTypes = []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
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
	// The printers replace yaegi's own fmt symbols in place: a Use of
	// "fmt/fmt" would make yaegi compile its generic sources a second time.
	fmtSyms := yi.Symbols("fmt")["fmt"]
	printers, mapTypes := wrapPrinters(fmtSyms)
	for name, f := range printers {
		fmtSyms[name] = f
	}
	if err := yi.Use(yaegi.Exports{".": {"MapTypes": reflect.ValueOf(mapTypes)}}); err != nil {
		return err
	}
	if err := useErrorWrappers(yi); err != nil {
		return err
	}
	for i, src := range fixSources {
		name := fmt.Sprintf("gocell_fix_%d.go", i)
		f, err := parser.ParseFile(yi.FileSet(), name, src, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		prog, err := yi.CompileAST(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := yi.Execute(prog); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}

// ---- notebook errors seen from host code ----

// yaegi hands a notebook error to host code (fmt.Errorf's %w, errors.Is,
// errors.Unwrap) in a wrapper struct whose only method is Error, so host
// code cannot unwrap it. yaegi picks a richer wrapper when one is
// registered for error (mapTypes, keyed by its own wrapper type) and the
// notebook type has all of its methods; these add Unwrap, Is and As. The
// first field holds the value, each other field a method (W + name).

type errorUnwrapIs struct {
	IValue  any
	WError  func() string
	WUnwrap func() error
	WIs     func(error) bool
}

func (w errorUnwrapIs) Error() string     { return w.WError() }
func (w errorUnwrapIs) Unwrap() error     { return w.WUnwrap() }
func (w errorUnwrapIs) Is(err error) bool { return w.WIs(err) }

type errorUnwrapAs struct {
	IValue  any
	WError  func() string
	WUnwrap func() error
	WAs     func(any) bool
}

func (w errorUnwrapAs) Error() string      { return w.WError() }
func (w errorUnwrapAs) Unwrap() error      { return w.WUnwrap() }
func (w errorUnwrapAs) As(target any) bool { return w.WAs(target) }

type errorUnwrap struct {
	IValue  any
	WError  func() string
	WUnwrap func() error
}

func (w errorUnwrap) Error() string { return w.WError() }
func (w errorUnwrap) Unwrap() error { return w.WUnwrap() }

type errorIs struct {
	IValue any
	WError func() string
	WIs    func(error) bool
}

func (w errorIs) Error() string     { return w.WError() }
func (w errorIs) Is(err error) bool { return w.WIs(err) }

// useErrorWrappers registers the wrappers above for the interpreter's
// error wrapper, read from its table of host packages (yaegi v0.16.1 keeps
// it under the empty import path).
func useErrorWrappers(yi *yaegi.Interpreter) error {
	f := reflect.ValueOf(yi).Elem().FieldByName("binPkg")
	if !f.IsValid() || f.Type() != reflect.TypeOf(yaegi.Exports{}) {
		return nil // another yaegi: no composed wrappers
	}
	binPkg := *(*yaegi.Exports)(unsafe.Pointer(f.UnsafeAddr()))
	w, ok := binPkg[""]["_error"]
	if !ok {
		return nil
	}
	return yi.Use(yaegi.Exports{".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
		w: {
			reflect.TypeOf(errorUnwrapIs{}), reflect.TypeOf(errorUnwrapAs{}),
			reflect.TypeOf(errorUnwrap{}), reflect.TypeOf(errorIs{}),
		},
	})}})
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

// fixIterator runs a notebook iterator, func(yield func(V) bool) or
// func(yield func(K, V) bool), as a coroutine (iter.Pull). Range-over-func
// loops are rewritten into calls of fixNext until it reports false, then
// fixStop, which keeps the order of the side effects of the loop body and
// of the iterator as in compiled Go, early exits included.
type fixIterator struct {
	next func() (reflect.Value, reflect.Value, bool)
	stop func()
}

func fixIter(seq any) any {
	fv := reflect.ValueOf(seq)
	if fv.Kind() != reflect.Func || fv.Type().NumIn() != 1 || fv.Type().In(0).Kind() != reflect.Func {
		panic(fmt.Sprintf("cannot range over %v (type %T)", seq, seq))
	}
	yieldType := fv.Type().In(0)
	pairs := yieldType.NumIn() == 2
	next, stop := iter.Pull2(func(yield func(reflect.Value, reflect.Value) bool) {
		fv.Call([]reflect.Value{reflect.MakeFunc(yieldType, func(args []reflect.Value) []reflect.Value {
			var ok bool
			if pairs {
				ok = yield(args[0], args[1])
			} else {
				ok = yield(args[0], reflect.Value{})
			}
			return []reflect.Value{reflect.ValueOf(ok)}
		})})
	})
	return &fixIterator{next: next, stop: stop}
}

// fixNext stores the iterator's next value (the first of a pair) in *out,
// if out is not nil, and reports whether there was one.
func fixNext(it, out any) bool {
	k, _, ok := it.(*fixIterator).next()
	if ok && out != nil {
		setValue(reflect.ValueOf(out).Elem(), k)
	}
	return ok
}

// fixNext2 is fixNext for a pair of values.
func fixNext2(it, k, v any) bool {
	a, b, ok := it.(*fixIterator).next()
	if ok {
		if k != nil {
			setValue(reflect.ValueOf(k).Elem(), a)
		}
		if v != nil {
			setValue(reflect.ValueOf(v).Elem(), b)
		}
	}
	return ok
}

func fixStop(it any) { it.(*fixIterator).stop() }

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

// fixSame reports whether two errors are equal as Go's == on them is:
// yaegi hands notebook errors to host code in wrapper structs holding
// funcs, which == cannot compare, so the values they wrap are compared.
func fixSame(a, b any) bool {
	a, b = unwrapInterp(a), unwrapInterp(b)
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	if !reflect.TypeOf(a).Comparable() || reflect.TypeOf(a) != reflect.TypeOf(b) {
		return false
	}
	return a == b
}

// unwrapInterp returns the value inside one of yaegi's interface wrappers
// (a struct whose first field IValue holds it) or internal interface values
// (valueInterface{node, value}).
func unwrapInterp(x any) any {
	for i := 0; i < 4; i++ {
		v := reflect.ValueOf(x)
		if !v.IsValid() || v.Kind() != reflect.Struct || v.NumField() == 0 {
			return x
		}
		t := v.Type()
		switch {
		case t.Field(0).Name == "IValue" && v.Field(0).CanInterface():
			x = v.Field(0).Interface()
		case t.Name() == "valueInterface" && strings.HasSuffix(t.PkgPath(), "yaegi/interp"):
			c := reflect.New(t).Elem()
			c.Set(v)
			f := c.FieldByName("value")
			if !f.IsValid() || f.Type() != reflect.TypeOf(reflect.Value{}) {
				return x
			}
			inner := *(*reflect.Value)(unsafe.Pointer(f.UnsafeAddr()))
			if !inner.IsValid() || !inner.CanInterface() {
				return nil
			}
			x = inner.Interface()
		default:
			return x
		}
	}
	return x
}

// fixUnwrap returns the errors a host error wraps.
func fixUnwrap(err any) []error {
	switch u := err.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// ---- deferred calls ----

// deferred holds, per goroutine, the calls that rewritten defer statements
// pushed with their arguments: the matching deferred fixPop runs the
// latest, as defers run last in, first out.
var deferred sync.Map // goroutine id -> *[]func()

// fixPush records a call of f with args, evaluated now.
func fixPush(f any, args ...any) {
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		var t reflect.Type
		if ft.IsVariadic() && i >= ft.NumIn()-1 {
			t = ft.In(ft.NumIn() - 1).Elem()
		} else if i < ft.NumIn() {
			t = ft.In(i)
		}
		in[i] = argValue(a, t)
	}
	pushCall(func() { fv.Call(in) })
}

// fixPushSlice records a call f(args...) of a variadic f.
func fixPushSlice(f any, args ...any) {
	fv := reflect.ValueOf(f)
	ft := fv.Type()
	in := make([]reflect.Value, len(args))
	for i, a := range args {
		t := ft.In(min(i, ft.NumIn()-1))
		in[i] = argValue(a, t)
	}
	pushCall(func() { fv.CallSlice(in) })
}

// argValue converts an argument to a parameter's type as Go would convert
// a constant (10 for a time.Duration).
func argValue(a any, t reflect.Type) reflect.Value {
	if t == nil {
		return reflect.ValueOf(a)
	}
	v := reflect.ValueOf(a)
	if !v.IsValid() {
		return reflect.Zero(t)
	}
	if !v.Type().AssignableTo(t) && v.CanConvert(t) {
		v = v.Convert(t)
	}
	return v
}

func pushCall(call func()) {
	id := currentGoroutine()
	v, _ := deferred.LoadOrStore(id, new([]func()))
	s := v.(*[]func())
	*s = append(*s, call)
}

func fixPop() {
	id := currentGoroutine()
	v, ok := deferred.Load(id)
	if !ok {
		return
	}
	s := v.(*[]func())
	if len(*s) == 0 {
		return
	}
	call := (*s)[len(*s)-1]
	*s = (*s)[:len(*s)-1]
	if len(*s) == 0 {
		deferred.Delete(id)
	}
	call()
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
// interface wrappers (stdlib._fmt_Stringer holds the value in IValue) and
// naming the notebook's struct types.
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
	return namedTypeString(t, 0)
}

// structNames maps the reflect types of the notebook's struct types
// (yaegi's unnamed reflect.StructOf types) to their names, as declarations
// register them; a type registered under two names is ambiguous ("").
var structNames sync.Map // reflect.Type -> string

// fixRegisterType records the name of a notebook struct type; p is a nil
// pointer to it. It returns nil, the value of the var _ it initializes.
func fixRegisterType(name string, p any) any {
	t := reflect.TypeOf(unwrapInterp(p))
	if t == nil || t.Kind() != reflect.Pointer || t.Elem().Kind() != reflect.Struct || t.Elem().Name() != "" {
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
// the interpreter's output by yaegi), and the interfaces yaegi must wrap
// their arguments in, so that notebook structs print their
// unexported fields under their own names.
func wrapPrinters(fmtSyms map[string]reflect.Value) (map[string]reflect.Value, map[reflect.Value][]reflect.Type) {
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
	return out, mapTypes
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
