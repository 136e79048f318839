package cachecells

import (
	"fmt"
	"reflect"

	"github.com/gocell/gocell/display"
)

// approxSize estimates the memory a stored result holds, for Stats. Spans of
// flat elements count len×size without visiting them; shared things (files,
// funcs) count as a pointer; each object is counted once.
func approxSize(xs []any) int64 {
	s := sizer{seen: map[memoKey]bool{}}
	var n int64
	for _, x := range xs {
		if x == nil {
			continue
		}
		v := reflect.ValueOf(x)
		n += int64(v.Type().Size()) + s.inner(v, infoOf(v.Type()))
	}
	return n
}

type sizer struct {
	seen map[memoKey]bool
}

// inner counts the memory v points to, beyond its own Size.
func (s *sizer) inner(v reflect.Value, ti *typeInfo) int64 {
	if ti.share {
		return 0
	}
	switch ti.kind {
	case reflect.String:
		return int64(v.Len())
	case reflect.Pointer:
		if v.IsNil() || s.once(memoKey{p: v.Pointer(), typ: ti.t}) {
			return 0
		}
		e := infoOf(ti.t.Elem())
		return int64(e.size) + s.inner(v.Elem(), e)
	case reflect.Slice:
		if v.IsNil() || s.once(memoKey{p: v.Pointer(), n: v.Len(), typ: ti.t}) {
			return 0
		}
		e := infoOf(ti.t.Elem())
		n := int64(v.Cap()) * int64(e.size)
		if !e.flat || e.kind == reflect.String {
			for i := 0; i < v.Len(); i++ {
				n += s.inner(v.Index(i), e)
			}
		}
		return n
	case reflect.Array:
		if ti.flat && ti.t.Elem().Kind() != reflect.String {
			return 0
		}
		e := infoOf(ti.t.Elem())
		var n int64
		for i := 0; i < v.Len(); i++ {
			n += s.inner(v.Index(i), e)
		}
		return n
	case reflect.Struct:
		if ti.plain {
			return 0
		}
		v = addressable(v)
		var n int64
		for i := 0; i < v.NumField(); i++ {
			f := field(v, i)
			n += s.inner(f, infoOf(f.Type()))
		}
		return n
	case reflect.Interface:
		if v.IsNil() {
			return 0
		}
		e := v.Elem()
		ei := infoOf(e.Type())
		return int64(ei.size) + s.inner(e, ei)
	case reflect.Map:
		if v.IsNil() || s.once(memoKey{p: v.Pointer(), typ: ti.t}) {
			return 0
		}
		ki, ei := infoOf(ti.t.Key()), infoOf(ti.t.Elem())
		// Buckets cost roughly a key, a value and a few bytes of overhead.
		n := int64(v.Len()) * int64(ki.size+ei.size+8)
		if !(ki.flat && ki.kind != reflect.String) || !(ei.flat && ei.kind != reflect.String) {
			it := v.MapRange()
			for it.Next() {
				n += s.inner(it.Key(), ki) + s.inner(it.Value(), ei)
			}
		}
		return n
	}
	return 0
}

func (s *sizer) once(k memoKey) bool {
	if s.seen[k] {
		return true
	}
	s.seen[k] = true
	return false
}

// outputsSize estimates the memory of recorded outputs.
func outputsSize(outs []display.Output) int64 {
	var n int64
	for _, o := range outs {
		n += int64(len(o.Text)+len(o.Name)+len(o.DisplayID)) + 64
		for k, v := range o.Data {
			n += int64(len(k))
			if s, ok := v.(string); ok {
				n += int64(len(s))
			} else {
				n += int64(len(fmt.Sprint(v)))
			}
		}
	}
	return n
}
