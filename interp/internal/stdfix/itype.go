package stdfix

import (
	"fmt"
	"reflect"
	"strings"
	"sync"
	"unsafe"
)

// Notebook types as the interpreter knows them, read from host code.
//
// yaegi's reflect types of notebook types are their underlying types
// (type Status int is an int, a struct type is an anonymous
// reflect.StructOf type), with no methods. But a value the interpreter
// holds in an interface variable is a valueInterface{node, value} whose
// node's type (an *itype) is the value's declared type: its name, its
// fields, elements and keys, each again an *itype. The host helpers walk a
// value together with that type, so they know the notebook type of every
// part of it, and call the methods the declarations registered
// (fixRegisterMethod) where fmt, encoding/json and text/template would
// call them.

// itypeOf is a yaegi *itype seen through reflect (the struct itself), or
// the zero itypeOf for an unknown type.
type itypeOf struct{ v reflect.Value }

const (
	tcatFunc      = 16
	tcatInterface = 18
	tcatLinked    = 24
	tcatStruct    = 30
)

func (t itypeOf) ok() bool { return t.v.IsValid() }

func (t itypeOf) cat() uint64 {
	if !t.ok() {
		return 0
	}
	return t.v.FieldByName("cat").Uint()
}

func (t itypeOf) ptrField(name string) itypeOf {
	if !t.ok() {
		return itypeOf{}
	}
	f := t.v.FieldByName(name)
	if !f.IsValid() || f.Kind() != reflect.Pointer || f.IsNil() {
		return itypeOf{}
	}
	return itypeOf{f.Elem()}
}

// elem is the element type of a pointer, slice, array, map or chan type.
func (t itypeOf) elem() itypeOf { return t.ptrField("val") }

func (t itypeOf) key() itypeOf { return t.ptrField("key") }

// underlying follows a defined type to the type it was defined from, as
// far as yaegi links them (type Hex Color).
func (t itypeOf) underlying() itypeOf {
	for i := 0; i < 10 && t.cat() == tcatLinked; i++ {
		t = t.elem()
	}
	return t
}

// name is the qualified name of a defined notebook type ("main.Point"),
// or "" for an unnamed or predeclared one.
func (t itypeOf) name() string {
	if !t.ok() || t.v.FieldByName("untyped").Bool() {
		return ""
	}
	name, path := t.v.FieldByName("name").String(), t.v.FieldByName("path").String()
	if name == "" || path == "" {
		return ""
	}
	return path[strings.LastIndexByte(path, '/')+1:] + "." + name
}

// typeString prints the type as Go does; rt is its reflect type, used for
// the parts that are not notebook types.
func (t itypeOf) typeString(rt reflect.Type) string {
	if !t.ok() {
		if rt == nil {
			return "<nil>"
		}
		return namedTypeString(rt, 0)
	}
	if n := t.name(); n != "" {
		return n
	}
	if s := itypeString(t.v, 0); s != "" && !strings.Contains(s, "struct") && !strings.Contains(s, "interface") && !strings.Contains(s, "func") {
		return s
	}
	if rt != nil {
		if rt.Kind() == reflect.Interface && rt.NumMethod() == 0 {
			return "interface {}"
		}
		return namedTypeString(rt, 0)
	}
	return itypeString(t.v, 0)
}

// field is a struct field of an itype.
type itypeField struct {
	name  string
	embed bool
	typ   itypeOf
}

func (t itypeOf) fields() []itypeField {
	u := t.underlying()
	if u.cat() != tcatStruct {
		return nil
	}
	fs := u.v.FieldByName("field")
	out := make([]itypeField, fs.Len())
	for i := range out {
		f := fs.Index(i)
		out[i] = itypeField{name: f.FieldByName("name").String(), embed: f.FieldByName("embed").Bool(), typ: itypeOf{}}
		if p := f.FieldByName("typ"); !p.IsNil() {
			out[i].typ = itypeOf{p.Elem()}
		}
	}
	return out
}

// numMethods is the number of methods the interpreter declared on the type
// (on T and on *T).
func (t itypeOf) numMethods() int {
	if !t.ok() {
		return 0
	}
	return t.v.FieldByName("method").Len()
}

// interpValue splits a yaegi valueInterface into the value it holds and
// that value's type; ok is false when v is not one.
func interpValue(v reflect.Value) (inner reflect.Value, t itypeOf, ok bool) {
	if !v.IsValid() || v.Kind() != reflect.Struct {
		return v, itypeOf{}, false
	}
	vt := v.Type()
	if vt.Name() != "valueInterface" || !strings.HasSuffix(vt.PkgPath(), "yaegi/interp") {
		return v, itypeOf{}, false
	}
	c := reflect.New(vt).Elem()
	c.Set(v)
	f := c.FieldByName("value")
	if !f.IsValid() || f.Type() != reflect.TypeOf(reflect.Value{}) {
		return v, itypeOf{}, false
	}
	inner = *(*reflect.Value)(unsafe.Pointer(f.UnsafeAddr()))
	if n := c.FieldByName("node"); !n.IsNil() {
		if typ := n.Elem().FieldByName("typ"); typ.IsValid() && !typ.IsNil() {
			t = itypeOf{typ.Elem()}
		}
	}
	// An interface held in an interface: the inner one names the type.
	for i := 0; i < 4 && inner.IsValid() && inner.Kind() == reflect.Interface; i++ {
		if inner.IsNil() {
			return reflect.Value{}, itypeOf{}, true
		}
		inner = inner.Elem()
	}
	if in2, t2, ok2 := interpValue(inner); ok2 {
		return in2, t2, true
	}
	if t.cat() == tcatInterface {
		t = itypeOf{} // the dynamic type is unknown
	}
	return inner, t, true
}

// A notebook type's methods that host packages call, registered by the
// declarations (the rewrite adds the registration after each method):
// each is an interpreted function taking the receiver first. Types are
// known by interpreter and name: a process may run several interpreters,
// each with its own main.Point.
type typeMethods struct {
	value map[string]reflect.Value // methods of T
	ptr   map[string]reflect.Value // methods of *T only
}

type typeKey struct {
	interp uintptr // the yaegi *Interpreter
	name   string  // "main.Point"
}

type layoutKey struct {
	interp uintptr
	rt     reflect.Type
}

var (
	methodsMu sync.RWMutex
	methodReg = map[typeKey]*typeMethods{}
	// typesByLayout are the itypes of notebook struct types whose reflect
	// layout only one type has (0: ambiguous).
	typesByLayout = map[layoutKey]itypeOf{}
	// layoutInterps is the interpreter that last registered a layout, for
	// values whose interpreter is unknown.
	layoutInterps = map[reflect.Type]uintptr{}
)

// interp is the interpreter that declared the type, or 0.
func (t itypeOf) interp() uintptr {
	if !t.ok() {
		return 0
	}
	n := t.v.FieldByName("node")
	if !n.IsValid() || n.IsNil() {
		return 0
	}
	i := n.Elem().FieldByName("interp")
	if !i.IsValid() || i.IsNil() {
		return 0
	}
	return i.Pointer()
}

// declares reports whether the interpreter declared method name on the
// type (on T or *T): a registration outlives a redeclared type.
func (t itypeOf) declares(name string) bool {
	ms := t.v.FieldByName("method")
	for i := 0; i < ms.Len(); i++ {
		m := ms.Index(i)
		if !m.IsNil() && m.Elem().FieldByName("ident").String() == name {
			return true
		}
	}
	return false
}

// fixRegisterMethod records the function that calls method name of a
// notebook type on a receiver of type T, or *T when ptr; p is a new(T),
// which the interpreter passes with its type (*T has methods). It returns
// nil, the value of the var _ it initializes.
func fixRegisterMethod(p any, name string, ptr bool, fn any) any {
	fv := reflect.ValueOf(fn)
	_, t := typedValue(p)
	if fv.Kind() != reflect.Func || t.cat() != tcatPtr || t.elem().name() == "" {
		return nil
	}
	t = t.elem()
	key := typeKey{t.interp(), t.name()}
	methodsMu.Lock()
	defer methodsMu.Unlock()
	m := methodReg[key]
	if m == nil {
		m = &typeMethods{value: map[string]reflect.Value{}, ptr: map[string]reflect.Value{}}
		methodReg[key] = m
	}
	if ptr {
		m.ptr[name] = fv
		delete(m.value, name)
	} else {
		m.value[name] = fv
		delete(m.ptr, name)
	}
	return nil
}

// registerItype records a notebook struct type's layout, from a Box[*T].
func registerItype(name string, p any) {
	v, t := typedValue(p)
	if !t.ok() || t.cat() != tcatPtr || !v.IsValid() {
		return
	}
	t = t.elem()
	rt := v.Type()
	if rt.Kind() != reflect.Pointer || rt.Elem().Kind() != reflect.Struct {
		return
	}
	key := layoutKey{t.interp(), rt.Elem()}
	methodsMu.Lock()
	defer methodsMu.Unlock()
	layoutInterps[rt.Elem()] = key.interp
	if old, ok := typesByLayout[key]; ok && old.name() != name {
		typesByLayout[key] = itypeOf{} // two types share the layout
		return
	}
	typesByLayout[key] = t
}

// layoutType returns the notebook struct type of a value that lost its
// type (held in an interface the interpreter did not wrap), when only one
// notebook type of the interpreter (0: the latest to declare one) has its
// reflect layout.
func layoutType(interp uintptr, rt reflect.Type) itypeOf {
	if rt == nil || rt.Kind() != reflect.Struct || rt.Name() != "" {
		return itypeOf{}
	}
	methodsMu.RLock()
	defer methodsMu.RUnlock()
	if interp == 0 {
		interp = layoutInterps[rt]
	}
	return typesByLayout[layoutKey{interp, rt}]
}

// methodOf returns the registered method name of a value of type t (a
// pointer type when isPtr), following Go's method sets: *T has the
// methods of T and *T, T only those of T. Promoted methods of embedded
// fields are found too; path is the field indexes that lead to the
// receiver.
func methodOf(t itypeOf, name string) (fn reflect.Value, path []int, ptrRecv bool, ok bool) {
	isPtr := false
	if t.cat() == tcatPtr {
		isPtr, t = true, t.elem()
	}
	return methodIn(t, name, isPtr, 0)
}

func methodIn(t itypeOf, name string, isPtr bool, depth int) (reflect.Value, []int, bool, bool) {
	if depth > 4 || !t.ok() {
		return reflect.Value{}, nil, false, false
	}
	if n := t.name(); n != "" && t.declares(name) {
		methodsMu.RLock()
		m := methodReg[typeKey{t.interp(), n}]
		methodsMu.RUnlock()
		if m != nil {
			if f, ok := m.value[name]; ok {
				return f, nil, false, true
			}
			if f, ok := m.ptr[name]; ok {
				return f, nil, true, isPtr
			}
		}
	}
	// Promoted through embedded fields (the shallowest wins).
	for i, f := range t.fields() {
		if !f.embed {
			continue
		}
		ft, fptr := f.typ, isPtr
		if ft.cat() == tcatPtr {
			ft, fptr = ft.elem(), true
		}
		if fn, path, pr, ok := methodIn(ft, name, fptr, depth+1); ok {
			return fn, append([]int{i}, path...), pr, true
		}
	}
	return reflect.Value{}, nil, false, false
}

// callMethod calls a registered method on v (of the type methodOf was
// asked about), following path to the receiver. A nil pointer on the way
// is reported as nilRecv.
func callMethod(fn reflect.Value, v reflect.Value, path []int, ptrRecv bool, args ...reflect.Value) (out []reflect.Value, err error) {
	for _, i := range path {
		if v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return nil, errNilRecv
			}
			v = v.Elem()
		}
		v = v.Field(i)
	}
	in := fn.Type().In(0)
	if ptrRecv && v.Kind() != reflect.Pointer {
		if !v.CanAddr() {
			return nil, errNilRecv
		}
		v = v.Addr()
	}
	if !ptrRecv && v.Kind() == reflect.Pointer && in.Kind() != reflect.Pointer {
		if v.IsNil() {
			return nil, errNilRecv
		}
		v = v.Elem()
	}
	if v.Type() != in {
		if !v.Type().ConvertibleTo(in) {
			return nil, fmt.Errorf("receiver of type %s", v.Type())
		}
		v = v.Convert(in)
	}
	return fn.Call(append([]reflect.Value{v}, args...)), nil
}

var errNilRecv = fmt.Errorf("nil receiver")

// HasRegisteredMethods reports whether any notebook method is registered
// for fmt, encoding/json and text/template: after an interrupt, the
// functions registered then no longer work (see Session.afterInterrupt).
func HasRegisteredMethods() bool {
	methodsMu.Lock()
	defer methodsMu.Unlock()
	return len(methodReg) > 0
}
