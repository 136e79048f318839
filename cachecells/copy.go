package cachecells

import (
	"reflect"
	"unsafe"
)

// deepCopy returns a copy of x that shares no mutable memory with it (rule 8).
// Aliasing inside x is preserved: two pointers to one object, a map reachable
// twice, or two identical slice headers come out as one object, so cycles
// terminate and the copy has the same shape. Values that must not be
// duplicated (channels, funcs, open files, locks' owners, time zones,
// interpreter internals) are shared.
func deepCopy(x any) any {
	if x == nil {
		return nil
	}
	t := reflect.TypeOf(x)
	ti := infoOf(t)
	if ti.flat || ti.share {
		// An interface holding a pointer-free value is already independent:
		// unboxing it copies.
		return x
	}
	var c copier
	return c.copyOf(reflect.ValueOf(x), ti).Interface()
}

// deepCopyAll copies each result; flat results cost nothing.
func deepCopyAll(xs []any) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = deepCopy(x)
	}
	return out
}

type memoKey struct {
	p   uintptr
	n   int // slice length (0 for pointers and maps)
	typ reflect.Type
}

type copier struct {
	memo map[memoKey]reflect.Value
}

func (c *copier) remember(k memoKey, v reflect.Value) {
	if c.memo == nil {
		c.memo = map[memoKey]reflect.Value{}
	}
	c.memo[k] = v
}

// copyOf returns a new value equal to src.
func (c *copier) copyOf(src reflect.Value, ti *typeInfo) reflect.Value {
	if ti.flat || ti.share {
		return src
	}
	dst := reflect.New(ti.t).Elem()
	c.set(dst, src, ti)
	return dst
}

// set stores a deep copy of src into the addressable, zero dst.
func (c *copier) set(dst, src reflect.Value, ti *typeInfo) {
	if ti.flat || ti.share {
		dst.Set(src)
		return
	}
	switch ti.kind {
	case reflect.Pointer:
		if src.IsNil() {
			return
		}
		k := memoKey{p: src.Pointer(), typ: ti.t}
		if done, ok := c.memo[k]; ok {
			dst.Set(done)
			return
		}
		p := reflect.New(ti.t.Elem())
		c.remember(k, p) // before recursing: cycles come back here
		c.set(p.Elem(), src.Elem(), infoOf(ti.t.Elem()))
		dst.Set(p)
	case reflect.Slice:
		if src.IsNil() {
			return
		}
		n := src.Len()
		k := memoKey{p: src.Pointer(), n: n, typ: ti.t}
		if done, ok := c.memo[k]; ok {
			dst.Set(done)
			return
		}
		e := infoOf(ti.t.Elem())
		if e.noptr {
			s := cloneNoPtr(src, ti.t, e.size)
			c.remember(k, s)
			dst.Set(s)
			return
		}
		s := reflect.MakeSlice(ti.t, n, n)
		c.remember(k, s)
		if e.flat || e.share {
			reflect.Copy(s, src) // one memmove
		} else {
			for i := 0; i < n; i++ {
				c.set(s.Index(i), src.Index(i), e)
			}
		}
		dst.Set(s)
	case reflect.Map:
		if src.IsNil() {
			return
		}
		k := memoKey{p: src.Pointer(), typ: ti.t}
		if done, ok := c.memo[k]; ok {
			dst.Set(done)
			return
		}
		m := reflect.MakeMapWithSize(ti.t, src.Len())
		c.remember(k, m)
		kt, et := ti.t.Key(), ti.t.Elem()
		ki, ei := infoOf(kt), infoOf(et)
		key, elem := reflect.New(kt).Elem(), reflect.New(et).Elem()
		it := src.MapRange()
		for it.Next() {
			key.SetIterKey(it)
			elem.SetIterValue(it)
			m.SetMapIndex(c.copyOf(key, ki), c.copyOf(elem, ei))
		}
		dst.Set(m)
	case reflect.Interface:
		if src.IsNil() {
			return
		}
		e := src.Elem()
		dst.Set(c.copyOf(e, infoOf(e.Type())))
	case reflect.Array:
		e := infoOf(ti.t.Elem())
		src = addressable(src)
		for i := 0; i < src.Len(); i++ {
			c.set(dst.Index(i), src.Index(i), e)
		}
	case reflect.Struct:
		src = addressable(src)
		for i := 0; i < src.NumField(); i++ {
			f := field(src, i)
			d := dst.Field(i)
			if !d.CanSet() {
				d = reflect.NewAt(d.Type(), unsafe.Pointer(d.UnsafeAddr())).Elem()
			}
			c.set(d, f, infoOf(f.Type()))
		}
	default:
		dst.Set(src)
	}
}

// cloneNoPtr copies a slice whose elements hold no pointers as one span of
// bytes. make+copy of a []byte is the one allocation Go does not zero first
// (the compiler fuses the pair), which reflect.MakeSlice+reflect.Copy would;
// pointer-free elements may live in such memory, and byte allocations are
// aligned for any element whose size is a multiple of its alignment.
func cloneNoPtr(src reflect.Value, t reflect.Type, esize uintptr) reflect.Value {
	n := src.Len()
	if n == 0 || esize == 0 {
		return reflect.MakeSlice(t, n, n)
	}
	from := unsafe.Slice((*byte)(src.UnsafePointer()), uintptr(n)*esize)
	buf := make([]byte, len(from))
	copy(buf, from)
	s := reflect.SliceAt(t.Elem(), unsafe.Pointer(unsafe.SliceData(buf)), n)
	if s.Type() != t {
		s = s.Convert(t) // named slice types
	}
	return s
}
