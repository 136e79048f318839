package snapshot

import (
	"encoding"
	"encoding/binary"
	"encoding/gob"
	"fmt"
	"math"
	"reflect"
	"sort"
	"strings"
	"sync"
	"unsafe"
)

// Tags written before values that may be absent or shared.
const (
	tagNil     byte = 0
	tagNew     byte = 1 // a new object follows: id, old address, body
	tagRef     byte = 2 // an object written earlier in this encoding: id
	tagGlobal  byte = 3 // a pointer to (a part of) a notebook variable: name, path
	bigSpanMin      = 64 << 10
)

// encoder writes one variable. Small items go to buf; number spans of
// bigSpanMin bytes or more are kept as segments that alias the variable's
// memory, so that a large []float64 is copied once, when it is written out.
type encoder struct {
	segs    [][]byte
	buf     []byte
	size    int64
	limit   int64
	types   map[reflect.Type]int
	typeIDs int // ids given before types was filled (a cached root descriptor)
	objs    map[objKey]int
	globals *globalIndex
	refs    []string // notebook variables it points into
}

type objKey struct {
	addr uintptr
	typ  reflect.Type
}

// errTooBig stops an encoding past the size bound.
type errTooBig struct{ size int64 }

func (e errTooBig) Error() string { return fmt.Sprintf("larger than %d bytes", e.size) }

func (e *encoder) bytes(p []byte) {
	e.buf = append(e.buf, p...)
	e.size += int64(len(p))
	e.check()
}

func (e *encoder) check() {
	if e.limit > 0 && e.size > e.limit {
		panic(errTooBig{e.limit})
	}
}

func (e *encoder) byte1(b byte) { e.buf = append(e.buf, b); e.size++ }

func (e *encoder) uvarint(x uint64) {
	n := len(e.buf)
	e.buf = binary.AppendUvarint(e.buf, x)
	e.size += int64(len(e.buf) - n)
}

func (e *encoder) varint(x int64) {
	n := len(e.buf)
	e.buf = binary.AppendVarint(e.buf, x)
	e.size += int64(len(e.buf) - n)
}

func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.buf = append(e.buf, s...)
	e.size += int64(len(s))
	e.check()
}

// span writes raw memory: copied when small, aliased when large.
func (e *encoder) span(p []byte) {
	e.uvarint(uint64(len(p)))
	if len(p) < bigSpanMin {
		e.bytes(p)
		return
	}
	e.size += int64(len(p))
	e.check()
	e.segs = append(e.segs, e.buf, p)
	e.buf = nil
}

func (e *encoder) finish() [][]byte {
	if len(e.buf) > 0 {
		e.segs = append(e.segs, e.buf)
		e.buf = nil
	}
	return e.segs
}

// typeRef writes a reference to t's descriptor, and the descriptor itself
// the first time t appears in this encoding.
func (e *encoder) typeRef(t reflect.Type) {
	if id, ok := e.types[t]; ok {
		e.uvarint(uint64(id))
		return
	}
	id := e.typeIDs + len(e.types)
	e.types[t] = id
	e.uvarint(uint64(id))
	mode := modeOf(t)
	e.byte1(byte(t.Kind()))
	e.byte1(mode)
	e.str(typeName(t))
	e.uvarint(uint64(t.Size()))
	if mode != modePlain {
		return
	}
	switch t.Kind() {
	case reflect.Ptr, reflect.Slice:
		e.typeRef(t.Elem())
	case reflect.Array:
		e.uvarint(uint64(t.Len()))
		e.typeRef(t.Elem())
	case reflect.Map:
		e.typeRef(t.Key())
		e.typeRef(t.Elem())
	case reflect.Struct:
		e.uvarint(uint64(t.NumField()))
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			e.str(f.Name)
			if f.Anonymous {
				e.byte1(1)
			} else {
				e.byte1(0)
			}
			e.typeRef(f.Type)
		}
	}
}

// rootDescriptor is the encoding of a variable's type tree, the same each
// time the variable is saved; it is cached by type, with the number of
// ids it defines. Types in it that appear again (in an interface) are
// simply described again under a new id.
type rootDescriptor struct {
	bytes []byte
	ids   int
}

var rootDescriptors sync.Map // reflect.Type → rootDescriptor

func (e *encoder) rootType(t reflect.Type) {
	if r, ok := rootDescriptors.Load(t); ok {
		rd := r.(rootDescriptor)
		e.bytes(rd.bytes)
		e.typeIDs = rd.ids
		return
	}
	sub := &encoder{types: map[reflect.Type]int{}}
	sub.typeRef(t)
	rootDescriptors.Store(t, rootDescriptor{sub.buf, len(sub.types)})
	e.bytes(sub.buf)
	e.typeIDs = len(sub.types)
}

// pathError is an unsupported value found at a path inside a variable.
type pathError struct {
	path   []string // innermost last, built while returning
	typ    reflect.Type
	reason string
}

func (p *pathError) Error() string { return p.reason }

func unsupported(t reflect.Type, format string, args ...any) error {
	return &pathError{typ: t, reason: fmt.Sprintf(format, args...)}
}

func at(err error, step string) error {
	if pe, ok := err.(*pathError); ok {
		pe.path = append(pe.path, step)
	}
	return err
}

// value writes v, whose type the reader knows from the enclosing descriptor.
func (e *encoder) value(v reflect.Value) error {
	t := v.Type()
	k := t.Kind()
	switch k {
	case reflect.Bool:
		if v.Bool() {
			e.byte1(1)
		} else {
			e.byte1(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		e.varint(v.Int())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		e.uvarint(v.Uint())
	case reflect.Float32, reflect.Float64:
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(v.Float()))
		e.size += 8
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(real(c)))
		e.buf = binary.LittleEndian.AppendUint64(e.buf, math.Float64bits(imag(c)))
		e.size += 16
	case reflect.String:
		e.str(v.String())
	case reflect.Slice:
		if v.IsNil() {
			e.byte1(tagNil)
			return nil
		}
		e.byte1(tagNew)
		n := v.Len()
		e.uvarint(uint64(n))
		if plainNumber(t.Elem().Kind()) {
			e.span(unsafe.Slice((*byte)(v.UnsafePointer()), uintptr(n)*t.Elem().Size()))
			return nil
		}
		for i := 0; i < n; i++ {
			if err := e.value(v.Index(i)); err != nil {
				return at(err, fmt.Sprintf("[%d]", i))
			}
		}
	case reflect.Array:
		if plainNumber(t.Elem().Kind()) {
			v = addressable(v)
			e.span(unsafe.Slice((*byte)(v.Addr().UnsafePointer()), t.Size()))
			return nil
		}
		for i := 0; i < v.Len(); i++ {
			if err := e.value(v.Index(i)); err != nil {
				return at(err, fmt.Sprintf("[%d]", i))
			}
		}
	case reflect.Map:
		return e.mapValue(v)
	case reflect.Ptr:
		return e.pointer(v)
	case reflect.Interface:
		if v.IsNil() {
			e.byte1(tagNil)
			return nil
		}
		e.byte1(tagNew)
		c := v.Elem()
		e.typeRef(c.Type())
		if err := e.value(c); err != nil {
			return at(err, "("+c.Type().String()+")")
		}
	case reflect.Struct:
		return e.structValue(v)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		if v.IsNil() {
			return nil // the reader sets nothing: the zero value is nil
		}
		return unsupported(t, "a %s cannot be saved", kindWord(k))
	default:
		return unsupported(t, "values of kind %s cannot be saved", k)
	}
	return nil
}

func kindWord(k reflect.Kind) string {
	switch k {
	case reflect.Chan:
		return "channel"
	case reflect.Func:
		return "func value"
	}
	return "unsafe.Pointer"
}

func (e *encoder) structValue(v reflect.Value) error {
	t := v.Type()
	switch modeOf(t) {
	case modeZero:
		if !v.IsZero() {
			return unsupported(t, "it holds internal state (a held lock, an open file, a connection) that cannot be saved")
		}
		return nil
	case modeIface:
		return e.interpIface(v)
	case modeLoadStore:
		b := loadText(addressable(v))
		e.uvarint(uint64(len(b)))
		e.bytes(b)
		return nil
	case modeBinary, modeGob, modeText:
		p := addressable(v).Addr().Interface()
		var b []byte
		var err error
		switch m := p.(type) {
		case encoding.BinaryMarshaler:
			b, err = m.MarshalBinary()
		case gob.GobEncoder:
			b, err = m.GobEncode()
		case encoding.TextMarshaler:
			b, err = m.MarshalText()
		}
		if err != nil {
			return unsupported(t, "%s: %v", t, err)
		}
		e.uvarint(uint64(len(b)))
		e.bytes(b)
		return nil
	}
	for i := 0; i < t.NumField(); i++ {
		if err := e.value(v.Field(i)); err != nil {
			return at(err, "."+strings.TrimPrefix(t.Field(i).Name, "X"))
		}
	}
	return nil
}

// interpIface writes a value of an interpreted interface type: the name of
// its dynamic type (to re-create yaegi's wrapper) and the value.
func (e *encoder) interpIface(v reflect.Value) error {
	node := v.FieldByName("node")
	if node.IsNil() {
		e.byte1(tagNil)
		return nil
	}
	v = addressable(v)
	vf := v.FieldByName("value")
	inner := reflect.NewAt(reflectValueType, unsafe.Pointer(vf.UnsafeAddr())).Elem().Interface().(reflect.Value)
	if !inner.IsValid() {
		e.byte1(tagNil)
		return nil
	}
	e.byte1(tagNew)
	e.str(interpTypeName(node))
	e.typeRef(inner.Type())
	return e.value(inner)
}

// interpTypeName reads the source name of the dynamic type yaegi recorded
// in a valueInterface's node ("*main.Sq" is written "*Sq").
func interpTypeName(node reflect.Value) string {
	typ := node.Elem().FieldByName("typ")
	if !typ.IsValid() || typ.IsNil() {
		return ""
	}
	s := typ.Elem().FieldByName("str")
	if !s.IsValid() || s.Kind() != reflect.String {
		return ""
	}
	return strings.ReplaceAll(s.String(), "main.", "")
}

func (e *encoder) pointer(v reflect.Value) error {
	if v.IsNil() {
		e.byte1(tagNil)
		return nil
	}
	t := v.Type()
	addr := v.Pointer()
	if name, path, ok := e.globals.find(addr, t.Elem()); ok {
		e.byte1(tagGlobal)
		e.str(name)
		e.refs = append(e.refs, name)
		e.uvarint(uint64(len(path)))
		for _, i := range path {
			e.uvarint(uint64(i))
		}
		return nil
	}
	key := objKey{addr, t}
	if id, ok := e.objs[key]; ok {
		e.byte1(tagRef)
		e.uvarint(uint64(id))
		return nil
	}
	id := len(e.objs)
	e.objs[key] = id
	e.byte1(tagNew)
	e.uvarint(uint64(id))
	e.uvarint(uint64(addr))
	return e.value(v.Elem()) // paths read like Go: p.Field, not (*p).Field
}

func (e *encoder) mapValue(v reflect.Value) error {
	if v.IsNil() {
		e.byte1(tagNil)
		return nil
	}
	key := objKey{v.Pointer(), v.Type()}
	if id, ok := e.objs[key]; ok {
		e.byte1(tagRef)
		e.uvarint(uint64(id))
		return nil
	}
	id := len(e.objs)
	e.objs[key] = id
	e.byte1(tagNew)
	e.uvarint(uint64(id))
	e.uvarint(uint64(v.Pointer()))
	keys := v.MapKeys()
	sortKeys(keys) // the same contents always encode to the same bytes
	e.uvarint(uint64(len(keys)))
	for _, k := range keys {
		if err := e.value(k); err != nil {
			return at(err, fmt.Sprintf("[key %v]", k))
		}
		if err := e.value(v.MapIndex(k)); err != nil {
			return at(err, fmt.Sprintf("[%#v]", k))
		}
	}
	return nil
}

// sortKeys orders map keys of basic kinds; other keys keep iteration
// order (their encoding then differs run to run and is saved each time).
func sortKeys(keys []reflect.Value) {
	if len(keys) < 2 {
		return
	}
	var less func(a, b reflect.Value) bool
	switch keys[0].Kind() {
	case reflect.String:
		less = func(a, b reflect.Value) bool { return a.String() < b.String() }
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		less = func(a, b reflect.Value) bool { return a.Int() < b.Int() }
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		less = func(a, b reflect.Value) bool { return a.Uint() < b.Uint() }
	case reflect.Float32, reflect.Float64:
		less = func(a, b reflect.Value) bool { return a.Float() < b.Float() }
	case reflect.Bool:
		less = func(a, b reflect.Value) bool { return !a.Bool() && b.Bool() }
	default:
		return
	}
	sort.Slice(keys, func(i, j int) bool { return less(keys[i], keys[j]) })
}

// addressable returns v itself when it can be addressed, or a copy that can.
func addressable(v reflect.Value) reflect.Value {
	if v.CanAddr() {
		return v
	}
	c := reflect.New(v.Type()).Elem()
	c.Set(v)
	return c
}

// globalIndex finds which notebook variable, if any, an address lies in.
type globalIndex struct {
	globals map[string]reflect.Value
	spans   []globalSpan // sorted by addr, built on first use
	built   bool
}

type globalSpan struct {
	name string
	addr uintptr
	typ  reflect.Type
}

func (gi *globalIndex) build() {
	gi.built = true
	for name, v := range gi.globals {
		if !v.IsValid() || !v.CanAddr() || v.Type().Size() == 0 {
			continue
		}
		gi.spans = append(gi.spans, globalSpan{name, v.Addr().Pointer(), v.Type()})
	}
	sort.Slice(gi.spans, func(i, j int) bool { return gi.spans[i].addr < gi.spans[j].addr })
}

// find reports the variable and the field/element path at which a value of
// type want lives at addr.
func (gi *globalIndex) find(addr uintptr, want reflect.Type) (string, []int, bool) {
	if !gi.built {
		gi.build()
	}
	i := sort.Search(len(gi.spans), func(i int) bool { return gi.spans[i].addr > addr }) - 1
	if i < 0 {
		return "", nil, false
	}
	s := gi.spans[i]
	if addr >= s.addr+s.typ.Size() {
		return "", nil, false
	}
	path, ok := pathTo(s.typ, addr-s.addr, want, nil)
	return s.name, path, ok
}

func pathTo(t reflect.Type, off uintptr, want reflect.Type, path []int) ([]int, bool) {
	if off == 0 && t == want {
		return path, true
	}
	switch t.Kind() {
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if off >= f.Offset && off < f.Offset+f.Type.Size() {
				return pathTo(f.Type, off-f.Offset, want, append(path, i))
			}
		}
	case reflect.Array:
		if es := t.Elem().Size(); es > 0 {
			return pathTo(t.Elem(), off%es, want, append(path, int(off/es)))
		}
	}
	return nil, false
}
