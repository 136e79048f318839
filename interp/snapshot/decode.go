package snapshot

import (
	"encoding"
	"encoding/binary"
	"encoding/gob"
	"errors"
	"fmt"
	"math"
	"reflect"
	"strings"
	"unsafe"
)

var errShort = errors.New("snapshot data is cut short")

// decoder reads one variable into a variable of the new interpreter. The
// value is read by the descriptor it was written with and converted to
// the target type: struct fields are matched by name, numbers converted
// where no information is lost. An invalid target means "read and drop".
type decoder struct {
	data    []byte
	off     int
	types   []*tdesc
	local   []reflect.Value
	shared  map[objKey]reflect.Value // old address + new type, across variables
	globals map[string]reflect.Value
	ts      *Types
	eval    func(src string) error
	name    string
	top     bool
}

func (d *decoder) fail() { panic(errShort) }

func (d *decoder) byte1() byte {
	if d.off >= len(d.data) {
		d.fail()
	}
	b := d.data[d.off]
	d.off++
	return b
}

func (d *decoder) uvarint() uint64 {
	x, n := binary.Uvarint(d.data[d.off:])
	if n <= 0 {
		d.fail()
	}
	d.off += n
	return x
}

func (d *decoder) varint() int64 {
	x, n := binary.Varint(d.data[d.off:])
	if n <= 0 {
		d.fail()
	}
	d.off += n
	return x
}

func (d *decoder) raw(n uint64) []byte {
	if n > uint64(len(d.data)-d.off) {
		d.fail()
	}
	b := d.data[d.off : d.off+int(n)]
	d.off += int(n)
	return b
}

func (d *decoder) str() string { return string(d.raw(d.uvarint())) }

func (d *decoder) f64() float64 { return math.Float64frombits(binary.LittleEndian.Uint64(d.raw(8))) }

func (d *decoder) typeRef() *tdesc {
	id := int(d.uvarint())
	if id < len(d.types) {
		return d.types[id]
	}
	if id != len(d.types) {
		panic(fmt.Errorf("snapshot data refers to an unknown type %d", id))
	}
	t := &tdesc{}
	d.types = append(d.types, t)
	t.kind = reflect.Kind(d.byte1())
	t.mode = d.byte1()
	t.name = d.str()
	t.size = uintptr(d.uvarint())
	if t.mode != modePlain {
		return t
	}
	switch t.kind {
	case reflect.Ptr, reflect.Slice:
		t.elem = d.typeRef()
	case reflect.Array:
		t.length = int(d.uvarint())
		t.elem = d.typeRef()
	case reflect.Map:
		t.key = d.typeRef()
		t.elem = d.typeRef()
	case reflect.Struct:
		n := int(d.uvarint())
		for i := 0; i < n; i++ {
			f := fdesc{name: d.str(), embedded: d.byte1() == 1}
			f.typ = d.typeRef()
			t.fields = append(t.fields, f)
		}
	}
	return t
}

func mismatch(src *tdesc, dst reflect.Type) error {
	name := src.name
	if name == "" {
		name = src.kind.String()
	}
	return &pathError{typ: dst, reason: fmt.Sprintf("it was saved as %s and cannot be converted to %s", name, dst)}
}

// value reads one value written with descriptor s into target.
func (d *decoder) value(s *tdesc, target reflect.Value) error {
	top := d.top
	d.top = false
	ok := target.IsValid()
	if ok && target.Kind() == reflect.Interface && s.kind != reflect.Interface {
		// The variable became an interface: re-create the saved type.
		return d.intoInterface(s, target)
	}
	switch s.kind {
	case reflect.Bool:
		b := d.byte1() == 1
		if ok {
			if target.Kind() != reflect.Bool {
				return mismatch(s, target.Type())
			}
			target.SetBool(b)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		return setInt(s, target, d.varint())
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		return setUint(s, target, d.uvarint())
	case reflect.Float32, reflect.Float64:
		return setFloat(s, target, d.f64())
	case reflect.Complex64, reflect.Complex128:
		c := complex(d.f64(), d.f64())
		if ok {
			if k := target.Kind(); k != reflect.Complex64 && k != reflect.Complex128 {
				return mismatch(s, target.Type())
			}
			target.SetComplex(c)
		}
	case reflect.String:
		str := d.str()
		if ok {
			if target.Kind() != reflect.String {
				return mismatch(s, target.Type())
			}
			target.SetString(str)
		}
	case reflect.Slice, reflect.Array:
		return d.sequence(s, target)
	case reflect.Map:
		return d.mapValue(s, target)
	case reflect.Ptr:
		return d.pointer(s, target)
	case reflect.Interface:
		if d.byte1() == tagNil {
			if ok {
				target.SetZero()
			}
			return nil
		}
		return d.intoInterface(d.typeRef(), target)
	case reflect.Struct:
		return d.structValue(s, target, top)
	case reflect.Chan, reflect.Func, reflect.UnsafePointer:
		// Only nil values were saved; nothing was written.
	default:
		return mismatch(s, target.Type())
	}
	return nil
}

// intoInterface reads a value of the saved concrete type s and stores it
// in the interface target.
func (d *decoder) intoInterface(s *tdesc, target reflect.Value) error {
	if !target.IsValid() {
		return d.value(s, reflect.Value{})
	}
	t, err := d.ts.build(s, map[*tdesc]bool{})
	if err != nil {
		_ = d.value(s, reflect.Value{})
		return &pathError{typ: target.Type(), reason: err.Error()}
	}
	c := reflect.New(t).Elem()
	if err := d.value(s, c); err != nil {
		return err
	}
	if !t.AssignableTo(target.Type()) {
		return mismatch(s, target.Type())
	}
	target.Set(c)
	return nil
}

func setInt(s *tdesc, t reflect.Value, x int64) error {
	if !t.IsValid() {
		return nil
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if !t.OverflowInt(x) {
			t.SetInt(x)
			return nil
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if x >= 0 && !t.OverflowUint(uint64(x)) {
			t.SetUint(uint64(x))
			return nil
		}
	case reflect.Float32, reflect.Float64:
		t.SetFloat(float64(x))
		return nil
	}
	return mismatch(s, t.Type())
}

func setUint(s *tdesc, t reflect.Value, x uint64) error {
	if !t.IsValid() {
		return nil
	}
	switch t.Kind() {
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		if !t.OverflowUint(x) {
			t.SetUint(x)
			return nil
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		if x <= math.MaxInt64 && !t.OverflowInt(int64(x)) {
			t.SetInt(int64(x))
			return nil
		}
	case reflect.Float32, reflect.Float64:
		t.SetFloat(float64(x))
		return nil
	}
	return mismatch(s, t.Type())
}

func setFloat(s *tdesc, t reflect.Value, x float64) error {
	if !t.IsValid() {
		return nil
	}
	if k := t.Kind(); k != reflect.Float32 && k != reflect.Float64 {
		return mismatch(s, t.Type())
	}
	t.SetFloat(x)
	return nil
}

// sequence reads a slice or an array. Number spans are copied as memory
// when the element types agree, and converted one by one otherwise.
func (d *decoder) sequence(s *tdesc, target reflect.Value) error {
	ok := target.IsValid()
	if ok && target.Kind() != reflect.Slice && target.Kind() != reflect.Array {
		return mismatch(s, target.Type())
	}
	n := s.length
	if s.kind == reflect.Slice {
		if d.byte1() == tagNil {
			if ok {
				target.SetZero()
			}
			return nil
		}
		n = int(d.uvarint())
	}
	if ok && target.Kind() == reflect.Slice {
		target.Set(reflect.MakeSlice(target.Type(), n, n))
	}
	m := n // elements that fit the target
	if ok && target.Kind() == reflect.Array && target.Len() < n {
		m = target.Len()
	}
	if plainNumber(s.elem.kind) {
		b := d.raw(d.uvarint())
		if !ok || m == 0 {
			return nil
		}
		et := target.Type().Elem()
		if et.Kind() == s.elem.kind && et.Size() == s.elem.size {
			dst := unsafe.Slice((*byte)(target.Index(0).Addr().UnsafePointer()), uintptr(m)*et.Size())
			copy(dst, b)
			return nil
		}
		for i := 0; i < m; i++ {
			if err := setRaw(s.elem, target.Index(i), b[uintptr(i)*s.elem.size:]); err != nil {
				return at(err, fmt.Sprintf("[%d]", i))
			}
		}
		return nil
	}
	for i := 0; i < n; i++ {
		var t reflect.Value
		if ok && i < m {
			t = target.Index(i)
		}
		if err := d.value(s.elem, t); err != nil {
			return at(err, fmt.Sprintf("[%d]", i))
		}
	}
	return nil
}

// setRaw converts one number read from raw memory into t.
func setRaw(s *tdesc, t reflect.Value, b []byte) error {
	p := unsafe.Pointer(&b[0])
	switch s.kind {
	case reflect.Bool:
		if t.Kind() != reflect.Bool {
			return mismatch(s, t.Type())
		}
		t.SetBool(b[0] != 0)
		return nil
	case reflect.Float32:
		return setFloat(s, t, float64(*(*float32)(p)))
	case reflect.Float64:
		return setFloat(s, t, *(*float64)(p))
	case reflect.Complex64, reflect.Complex128:
		return mismatch(s, t.Type())
	}
	v := reflect.NewAt(basicTypes[s.kind], p).Elem()
	if v.CanInt() {
		return setInt(s, t, v.Int())
	}
	return setUint(s, t, v.Uint())
}

var basicTypes = map[reflect.Kind]reflect.Type{}

func init() {
	for _, v := range []any{0, int8(0), int16(0), int32(0), int64(0), uint(0), uint8(0), uint16(0),
		uint32(0), uint64(0), uintptr(0)} {
		basicTypes[reflect.TypeOf(v).Kind()] = reflect.TypeOf(v)
	}
}

func (d *decoder) mapValue(s *tdesc, target reflect.Value) error {
	ok := target.IsValid()
	if ok && target.Kind() != reflect.Map {
		return mismatch(s, target.Type())
	}
	switch d.byte1() {
	case tagNil:
		if ok {
			target.SetZero()
		}
		return nil
	case tagRef:
		return d.setRef(s, target, int(d.uvarint()))
	}
	id, old := int(d.uvarint()), uintptr(d.uvarint())
	var m reflect.Value
	if ok {
		key := objKey{old, target.Type()}
		if prev, seen := d.shared[key]; seen {
			d.setLocal(id, prev)
			target.Set(prev)
			ok = false // read the repeated contents and drop them
		} else {
			m = reflect.MakeMap(target.Type())
			d.shared[key] = m
			d.setLocal(id, m)
			target.Set(m)
		}
	} else {
		d.setLocal(id, reflect.Value{})
	}
	n := int(d.uvarint())
	var firstErr error
	for i := 0; i < n; i++ {
		var k, v reflect.Value
		if ok {
			k = reflect.New(target.Type().Key()).Elem()
			v = reflect.New(target.Type().Elem()).Elem()
		}
		errK := d.value(s.key, k)
		errV := d.value(s.elem, v)
		if err := errors.Join(errK, errV); err != nil {
			if firstErr == nil {
				firstErr = at(unwrapJoin(err), fmt.Sprintf("[%v]", k))
			}
			continue
		}
		if ok {
			m.SetMapIndex(k, v)
		}
	}
	return firstErr
}

func unwrapJoin(err error) error {
	if j, ok := err.(interface{ Unwrap() []error }); ok {
		return j.Unwrap()[0]
	}
	return err
}

func (d *decoder) setLocal(id int, v reflect.Value) {
	for len(d.local) <= id {
		d.local = append(d.local, reflect.Value{})
	}
	d.local[id] = v
}

func (d *decoder) setRef(s *tdesc, target reflect.Value, id int) error {
	if id >= len(d.local) {
		panic(fmt.Errorf("snapshot data refers to an unknown object %d", id))
	}
	v := d.local[id]
	if !target.IsValid() || !v.IsValid() {
		return nil
	}
	if !v.Type().AssignableTo(target.Type()) {
		return mismatch(s, target.Type())
	}
	target.Set(v)
	return nil
}

func (d *decoder) pointer(s *tdesc, target reflect.Value) error {
	ok := target.IsValid()
	if ok && target.Kind() != reflect.Ptr {
		return mismatch(s, target.Type())
	}
	switch d.byte1() {
	case tagNil:
		if ok {
			target.SetZero()
		}
		return nil
	case tagRef:
		return d.setRef(s, target, int(d.uvarint()))
	case tagGlobal:
		name := d.str()
		path := make([]int, d.uvarint())
		for i := range path {
			path[i] = int(d.uvarint())
		}
		if !ok {
			return nil
		}
		g, found := d.globals[name]
		if !found || !g.CanAddr() {
			return &pathError{typ: target.Type(), reason: "it pointed to " + name + ", which is not declared"}
		}
		for _, i := range path {
			switch {
			case g.Kind() == reflect.Struct && i < g.NumField():
				g = g.Field(i)
			case g.Kind() == reflect.Array && i < g.Len():
				g = g.Index(i)
			default:
				return &pathError{typ: target.Type(), reason: "it pointed into " + name + ", whose type changed"}
			}
		}
		p := g.Addr()
		if !p.Type().AssignableTo(target.Type()) {
			return &pathError{typ: target.Type(), reason: "it pointed into " + name + ", whose type changed"}
		}
		target.Set(p)
		return nil
	}
	id, old := int(d.uvarint()), uintptr(d.uvarint())
	if !ok {
		d.setLocal(id, reflect.Value{})
		return d.value(s.elem, reflect.Value{})
	}
	key := objKey{old, target.Type()}
	if prev, seen := d.shared[key]; seen {
		// Another variable brought this object back already: point to it
		// and drop this copy of its contents.
		d.setLocal(id, prev)
		target.Set(prev)
		return d.value(s.elem, reflect.Value{})
	}
	p := reflect.New(target.Type().Elem())
	d.shared[key] = p
	d.setLocal(id, p)
	target.Set(p)
	return d.value(s.elem, p.Elem())
}

func (d *decoder) structValue(s *tdesc, target reflect.Value, top bool) error {
	ok := target.IsValid()
	switch s.mode {
	case modeZero:
		if ok {
			target.SetZero()
		}
		return nil
	case modeIface:
		return d.interpIface(target, top)
	case modeLoadStore:
		b := d.raw(d.uvarint())
		if !ok {
			return nil
		}
		if typeName(target.Type()) != s.name {
			return mismatch(s, target.Type())
		}
		if err := storeText(target, b); err != nil {
			return &pathError{typ: target.Type(), reason: err.Error()}
		}
		return nil
	case modeBinary, modeGob, modeText:
		b := d.raw(d.uvarint())
		if !ok {
			return nil
		}
		if typeName(target.Type()) != s.name {
			return mismatch(s, target.Type())
		}
		var err error
		switch p := target.Addr().Interface(); s.mode {
		case modeBinary:
			err = p.(encoding.BinaryUnmarshaler).UnmarshalBinary(b)
		case modeGob:
			err = p.(gob.GobDecoder).GobDecode(b)
		default:
			err = p.(encoding.TextUnmarshaler).UnmarshalText(b)
		}
		if err != nil {
			return &pathError{typ: target.Type(), reason: err.Error()}
		}
		return nil
	}
	if ok && target.Kind() != reflect.Struct {
		return mismatch(s, target.Type())
	}
	var firstErr error
	for _, f := range s.fields {
		var t reflect.Value
		if ok {
			if sf, found := target.Type().FieldByName(f.name); found && len(sf.Index) == 1 && sf.IsExported() {
				t = target.Field(sf.Index[0])
			}
		}
		if err := d.value(f.typ, t); err != nil && firstErr == nil {
			firstErr = at(err, "."+strings.TrimPrefix(f.name, "X"))
		}
	}
	return firstErr
}

// interpIface re-creates a value of an interpreted interface type. yaegi
// keeps such values with the node of their dynamic type, which only the
// interpreter can supply: the variable is first assigned a zero value of
// that type by evaluating source, then the saved value is put inside.
func (d *decoder) interpIface(target reflect.Value, top bool) error {
	if d.byte1() == tagNil {
		if target.IsValid() {
			target.SetZero()
		}
		return nil
	}
	name := d.str()
	s := d.typeRef()
	if !target.IsValid() {
		return d.value(s, reflect.Value{})
	}
	if !top || d.eval == nil || name == "" {
		_ = d.value(s, reflect.Value{})
		return &pathError{typ: target.Type(), reason: "a value of an interface type declared in the notebook can be restored only as a whole variable"}
	}
	src := fmt.Sprintf("%s = *new(%s)", d.name, name)
	if strings.HasPrefix(name, "*") {
		src = fmt.Sprintf("%s = new(%s)", d.name, name[1:])
	}
	if err := d.eval(src); err != nil {
		_ = d.value(s, reflect.Value{})
		return &pathError{typ: target.Type(), reason: fmt.Sprintf("re-creating its %s value: %v", name, err)}
	}
	vf := target.FieldByName("value")
	slot := (*reflect.Value)(unsafe.Pointer(vf.UnsafeAddr()))
	if !slot.IsValid() {
		return &pathError{typ: target.Type(), reason: "re-creating its " + name + " value failed"}
	}
	fresh := reflect.New(slot.Type()).Elem()
	if err := d.value(s, fresh); err != nil {
		return err
	}
	*slot = fresh
	return nil
}
