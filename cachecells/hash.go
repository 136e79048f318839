package cachecells

import (
	"encoding/binary"
	"fmt"
	"math"
	"math/big"
	"reflect"
	"strconv"
	"sync"
	"time"
	"unsafe"

	"github.com/cespare/xxhash/v2"
)

// FuncNamer identifies a func value that is a named notebook function, so a
// func argument can be part of a key. It returns a string that changes when
// the function's code changes (its name plus its code hash, say) and false
// for anonymous closures, which stay unhashable.
type FuncNamer func(fn reflect.Value) (id string, ok bool)

// Tags written before values so that nil, empty and back-references cannot be
// confused with contents.
const (
	tagNil     = 0
	tagValue   = 1
	tagBackRef = 2
)

// maxCustomDepth bounds CacheKey/RegisterHasher results that keep producing
// values with their own CacheKey.
const maxCustomDepth = 32

// ptrMark is a pointer (or map) on the path from the root to the value being
// hashed. Only the path is remembered, not every pointer seen, so a value's
// hash does not depend on the order in which a map's entries are visited.
type ptrMark struct {
	p uintptr
	t reflect.Type
}

type hasher struct {
	d      xxhash.Digest
	buf    [8]byte
	stack  *[]ptrMark
	own    []ptrMark
	namer  FuncNamer
	custom int // depth of nested custom hashers
}

var hasherPool = sync.Pool{New: func() any { return new(hasher) }}

func getHasher(namer FuncNamer, stack *[]ptrMark) *hasher {
	h := hasherPool.Get().(*hasher)
	h.d.Reset()
	h.namer = namer
	h.custom = 0
	if stack == nil {
		h.own = h.own[:0]
		stack = &h.own
	}
	h.stack = stack
	return h
}

func putHasher(h *hasher) {
	h.namer, h.stack = nil, nil
	hasherPool.Put(h)
}

// hashError says where inside a value hashing stopped. The path is collected
// innermost first while the error travels back up, so the walk pays nothing
// for paths when it succeeds.
type hashError struct {
	rev []string // path segments, innermost first
	typ reflect.Type
	why string
}

func (e *hashError) Error() string {
	return fmt.Sprintf("%s has type %s, which cannot be hashed: %s", e.path("value"), typeName(e.typ), e.why)
}

func (e *hashError) at(seg string) *hashError {
	e.rev = append(e.rev, seg)
	return e
}

func (e *hashError) path(root string) string {
	s := root
	for i := len(e.rev) - 1; i >= 0; i-- {
		s += e.rev[i]
	}
	return s
}

// Precomputed type hashes for the fast path; they equal typeInfo.hash, so the
// fast path and the reflect walk agree.
var (
	hInt     = xxhash.Sum64String("int")
	hInt64   = xxhash.Sum64String("int64")
	hInt32   = xxhash.Sum64String("int32")
	hUint    = xxhash.Sum64String("uint")
	hUint64  = xxhash.Sum64String("uint64")
	hFloat64 = xxhash.Sum64String("float64")
	hBool    = xxhash.Sum64String("bool")
	hString  = xxhash.Sum64String("string")
)

// hash2 is the digest of two little-endian words, the same bytes the walk
// writes for a scalar (type hash, then value).
func hash2(a, b uint64) uint64 {
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], a)
	binary.LittleEndian.PutUint64(buf[8:], b)
	return xxhash.Sum64(buf[:])
}

func hashString(s string) uint64 {
	var d xxhash.Digest
	d.Reset()
	var buf [16]byte
	binary.LittleEndian.PutUint64(buf[:8], hString)
	binary.LittleEndian.PutUint64(buf[8:], uint64(len(s)))
	d.Write(buf[:])
	d.WriteString(s)
	return d.Sum64()
}

// hashAny hashes one argument or global: its dynamic type and its whole value.
// Common scalar types skip reflection entirely (rule 14).
func hashAny(x any, namer FuncNamer) (uint64, error) {
	if !basicHasher.Load() {
		switch x := x.(type) {
		case int:
			return hash2(hInt, uint64(x)), nil
		case int64:
			return hash2(hInt64, uint64(x)), nil
		case int32:
			return hash2(hInt32, uint64(int64(x))), nil
		case uint:
			return hash2(hUint, uint64(x)), nil
		case uint64:
			return hash2(hUint64, x), nil
		case float64:
			return hash2(hFloat64, math.Float64bits(x)), nil
		case bool:
			if x {
				return hash2(hBool, 1), nil
			}
			return hash2(hBool, 0), nil
		case string:
			return hashString(x), nil
		}
	}
	return hashValue(reflect.ValueOf(x), namer)
}

// hashValue hashes v's type and contents.
func hashValue(v reflect.Value, namer FuncNamer) (uint64, error) {
	h := getHasher(namer, nil)
	defer putHasher(h)
	if err := h.value(v); err != nil {
		return 0, err
	}
	return h.d.Sum64(), nil
}

func (h *hasher) u64(x uint64) {
	binary.LittleEndian.PutUint64(h.buf[:], x)
	h.d.Write(h.buf[:])
}

func (h *hasher) span(p unsafe.Pointer, n uintptr) {
	if n > 0 {
		h.d.Write(unsafe.Slice((*byte)(p), n))
	}
}

func (h *hasher) str(s string) {
	h.u64(uint64(len(s)))
	h.d.WriteString(s)
}

// value hashes a value whose static type may differ between calls: the
// dynamic type goes into the hash first.
func (h *hasher) value(v reflect.Value) *hashError {
	if !v.IsValid() {
		h.u64(tagNil)
		return nil
	}
	ti := infoOf(v.Type())
	h.u64(ti.hash)
	return h.body(v, ti)
}

// body hashes v, whose type ti is already fixed by the context.
func (h *hasher) body(v reflect.Value, ti *typeInfo) *hashError {
	if ti.hasher != nil || ti.cacheKey || ti.cacheKeyP {
		return h.customHash(v, ti)
	}
	return h.contents(v, ti)
}

func (h *hasher) customHash(v reflect.Value, ti *typeInfo) (err *hashError) {
	if h.custom >= maxCustomDepth {
		return &hashError{typ: ti.t, why: "its CacheKey method or registered hasher keeps returning values with their own CacheKey"}
	}
	var x any
	var ok bool
	if ti.cacheKeyP {
		v = addressable(v)
		x, ok = ifaceOf(v.Addr())
	} else {
		x, ok = ifaceOf(v)
	}
	if !ok {
		return h.contents(v, ti)
	}
	var key any
	func() {
		defer func() {
			if r := recover(); r != nil {
				err = &hashError{typ: ti.t, why: fmt.Sprintf("its CacheKey method or registered hasher panicked: %v", r)}
			}
		}()
		if ti.hasher != nil {
			key = ti.hasher(x)
		} else {
			key = x.(CacheKeyer).CacheKey()
		}
	}()
	if err != nil {
		return err
	}
	switch k := key.(type) {
	case []byte:
		h.u64(1)
		h.u64(uint64(len(k)))
		h.d.Write(k)
	case string:
		h.u64(2)
		h.str(k)
	case uint64:
		h.u64(3)
		h.u64(k)
	default:
		h.u64(4)
		kv := reflect.ValueOf(key)
		if kv.IsValid() && kv.Type() == ti.t {
			// CacheKey returning its receiver means "hash me as I am".
			return h.contents(kv, ti)
		}
		h.custom++
		err = h.value(kv)
		h.custom--
	}
	return err
}

func (h *hasher) contents(v reflect.Value, ti *typeInfo) *hashError {
	switch ti.spec {
	case specTime:
		var t time.Time
		if v.CanAddr() {
			t = *(*time.Time)(unsafe.Pointer(v.UnsafeAddr()))
		} else {
			x, _ := ifaceOf(v)
			t, _ = x.(time.Time)
		}
		// The instant and the zone name: the wall/monotonic encoding differs
		// between equal times.
		h.u64(uint64(t.Unix()))
		h.u64(uint64(t.Nanosecond()))
		h.str(t.Location().String())
		return nil
	case specBigInt:
		v = addressable(v)
		x := (*big.Int)(unsafe.Pointer(v.UnsafeAddr()))
		h.u64(uint64(int64(x.Sign())))
		words := x.Bits()
		h.u64(uint64(len(words)))
		if len(words) > 0 {
			h.span(unsafe.Pointer(&words[0]), uintptr(len(words))*unsafe.Sizeof(words[0]))
		}
		return nil
	case specBigFloat:
		v = addressable(v)
		h.str((*big.Float)(unsafe.Pointer(v.UnsafeAddr())).Text('p', 0))
		return nil
	case specBigRat:
		v = addressable(v)
		h.str((*big.Rat)(unsafe.Pointer(v.UnsafeAddr())).String())
		return nil
	case specLocation:
		v = addressable(v)
		h.str((*time.Location)(unsafe.Pointer(v.UnsafeAddr())).String())
		return nil
	case specReflectValue:
		v = addressable(v)
		return h.value(*(*reflect.Value)(unsafe.Pointer(v.UnsafeAddr())))
	case specInterp:
		// Only the data the interpreter carries (reflect.Value fields), not
		// its syntax tree.
		v = addressable(v)
		for i := 0; i < v.NumField(); i++ {
			if f := field(v, i); f.Type() == reflectValueType {
				if err := h.body(f, infoOf(reflectValueType)); err != nil {
					return err
				}
			}
		}
		return nil
	}
	if ti.unhashable != "" {
		if (ti.kind == reflect.Chan || ti.kind == reflect.UnsafePointer) && v.IsNil() {
			h.u64(tagNil)
			return nil
		}
		return &hashError{typ: ti.t, why: ti.unhashable}
	}

	switch ti.kind {
	case reflect.Bool:
		if v.Bool() {
			h.u64(1)
		} else {
			h.u64(0)
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		h.u64(uint64(v.Int()))
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		h.u64(v.Uint())
	case reflect.Float32, reflect.Float64:
		h.u64(math.Float64bits(v.Float()))
	case reflect.Complex64, reflect.Complex128:
		c := v.Complex()
		h.u64(math.Float64bits(real(c)))
		h.u64(math.Float64bits(imag(c)))
	case reflect.String:
		h.str(v.String())
	case reflect.Slice:
		if v.IsNil() {
			h.u64(tagNil)
			return nil
		}
		n := v.Len()
		h.u64(tagValue)
		h.u64(uint64(n))
		e := infoOf(ti.t.Elem())
		if e.plain {
			// One pass over the memory: element type and length are
			// already in the hash (rule 6, rule 14).
			h.span(v.UnsafePointer(), uintptr(n)*e.size)
			return nil
		}
		for i := 0; i < n; i++ {
			if err := h.body(v.Index(i), e); err != nil {
				return err.at("[" + strconv.Itoa(i) + "]")
			}
		}
	case reflect.Array:
		v = addressable(v)
		if ti.plain {
			h.span(unsafe.Pointer(v.UnsafeAddr()), ti.size)
			return nil
		}
		e := infoOf(ti.t.Elem())
		for i := 0; i < v.Len(); i++ {
			if err := h.body(v.Index(i), e); err != nil {
				return err.at("[" + strconv.Itoa(i) + "]")
			}
		}
	case reflect.Struct:
		v = addressable(v)
		if ti.plain {
			h.span(unsafe.Pointer(v.UnsafeAddr()), ti.size)
			return nil
		}
		for i := 0; i < v.NumField(); i++ {
			f := field(v, i)
			if err := h.body(f, infoOf(f.Type())); err != nil {
				return err.at("." + fieldName(ti.t, i))
			}
		}
	case reflect.Pointer:
		if v.IsNil() {
			h.u64(tagNil)
			return nil
		}
		if back, ok := h.push(v.Pointer(), ti.t); !ok {
			h.u64(tagBackRef)
			h.u64(uint64(back))
			return nil
		}
		h.u64(tagValue)
		err := h.body(v.Elem(), infoOf(ti.t.Elem()))
		h.pop()
		return err
	case reflect.Interface:
		if v.IsNil() {
			h.u64(tagNil)
			return nil
		}
		return h.value(v.Elem())
	case reflect.Map:
		return h.hashMap(v, ti)
	case reflect.Func:
		if v.IsNil() {
			h.u64(tagNil)
			return nil
		}
		if h.namer != nil {
			if id, ok := h.namer(v); ok {
				h.u64(tagValue)
				h.str(id)
				return nil
			}
		}
		return &hashError{typ: ti.t, why: "a func value has no contents to compare (only named notebook functions can be hashed)"}
	default:
		return &hashError{typ: ti.t, why: "values of kind " + ti.kind.String() + " have no stable contents"}
	}
	return nil
}

// push records a pointer on the current path; if it is already there (a
// cycle) it returns how far up the path it is instead.
func (h *hasher) push(p uintptr, t reflect.Type) (int, bool) {
	s := *h.stack
	for i := len(s) - 1; i >= 0; i-- {
		if s[i].p == p && s[i].t == t {
			return len(s) - i, false
		}
	}
	*h.stack = append(s, ptrMark{p, t})
	return 0, true
}

func (h *hasher) pop() {
	s := *h.stack
	*h.stack = s[:len(s)-1]
}

// hashMap combines per-entry hashes by addition, so the result does not
// depend on iteration order (cheaper than sorting the keys).
func (h *hasher) hashMap(v reflect.Value, ti *typeInfo) *hashError {
	if v.IsNil() {
		h.u64(tagNil)
		return nil
	}
	if back, ok := h.push(v.Pointer(), ti.t); !ok {
		h.u64(tagBackRef)
		h.u64(uint64(back))
		return nil
	}
	defer h.pop()
	h.u64(tagValue)
	h.u64(uint64(v.Len()))
	kt, et := ti.t.Key(), ti.t.Elem()
	ki, ei := infoOf(kt), infoOf(et)
	// Reused addressable holders: no allocation per entry, and addressable
	// values let the walk read unexported fields.
	k := reflect.New(kt).Elem()
	e := reflect.New(et).Elem()
	sub := getHasher(h.namer, h.stack)
	sub.custom = h.custom
	defer putHasher(sub)
	var sum uint64
	it := v.MapRange()
	for it.Next() {
		k.SetIterKey(it)
		e.SetIterValue(it)
		sub.d.Reset()
		if err := sub.body(k, ki); err != nil {
			return err.at("[key " + keyText(k) + "]")
		}
		if err := sub.body(e, ei); err != nil {
			return err.at("[" + keyText(k) + "]")
		}
		sum += sub.d.Sum64()
	}
	h.u64(sum)
	return nil
}
