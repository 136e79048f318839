package cachecells

import (
	"reflect"
	"unsafe"
)

// Identity keys (rule 4): a global the function reads but whose value cannot
// be hashed by content (it holds a lock, a channel, a func, a file, a
// connection, such as a *DB a cache_resource returned) is keyed by what it
// is, not by what it holds. The walk is shallow: numbers and strings count
// by content, everything reached through a reference (pointer, map, slice,
// channel, func) by the reference's address, so the same object hits and a
// replaced object misses, while a connection's internal state changing under
// it does not. Values of sync types held directly count by their address.
//
// An address means nothing in another process, so entries keyed this way
// are never persisted; and the entry pins the objects it was keyed by, so
// their addresses cannot be reused by new objects while the entry lives.

func hashIdentity(v reflect.Value) uint64 {
	h := getHasher(nil, nil)
	defer putHasher(h)
	h.ident(v)
	return h.d.Sum64()
}

func (h *hasher) ident(v reflect.Value) {
	if !v.IsValid() {
		h.u64(tagNil)
		return
	}
	ti := infoOf(v.Type())
	h.u64(ti.hash)
	switch ti.kind {
	case reflect.Pointer, reflect.Map, reflect.Chan, reflect.UnsafePointer:
		h.u64(uint64(v.Pointer()))
	case reflect.Slice:
		h.u64(uint64(v.Pointer()))
		h.u64(uint64(v.Len()))
	case reflect.Func:
		// The closure's own address: Pointer gives the code, shared by
		// every closure of one literal.
		a := addressable(v)
		h.u64(uint64(*(*uintptr)(unsafe.Pointer(a.UnsafeAddr()))))
	case reflect.Interface:
		if v.IsNil() {
			h.u64(tagNil)
			return
		}
		h.ident(v.Elem())
	case reflect.Struct:
		if ti.unhashable != "" {
			if v.CanAddr() {
				h.u64(uint64(v.UnsafeAddr()))
			}
			return
		}
		if ti.plain {
			h.contents(v, ti)
			return
		}
		a := addressable(v)
		for i := 0; i < a.NumField(); i++ {
			h.ident(field(a, i))
		}
	case reflect.Array:
		if ti.plain {
			h.contents(v, ti)
			return
		}
		a := addressable(v)
		for i := 0; i < a.Len(); i++ {
			h.ident(a.Index(i))
		}
	default:
		if err := h.contents(v, ti); err != nil {
			h.u64(tagNil)
		}
	}
}

// pinOf returns a value that keeps what v refers to alive.
func pinOf(v reflect.Value) any {
	if !v.IsValid() {
		return nil
	}
	if x, ok := ifaceOf(v); ok {
		return x
	}
	return nil
}
