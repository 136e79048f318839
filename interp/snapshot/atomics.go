package snapshot

import (
	"fmt"
	"reflect"
	"strconv"
)

// Host types whose whole state is one number read by Load and written by
// Store: atomic.Int64, atomic.Uint32, atomic.Bool and their like. Their
// fields are unexported (so structurally they would be "internal state"),
// but a counter a notebook keeps in one is as much a value as an int.

// loadStore reports whether *t has Load() N and Store(N) for a plain
// number or bool N.
func loadStore(t reflect.Type) bool {
	p := reflect.PointerTo(t)
	load, ok := p.MethodByName("Load")
	if !ok || load.Type.NumIn() != 1 || load.Type.NumOut() != 1 {
		return false
	}
	n := load.Type.Out(0)
	if !plainNumber(n.Kind()) || n.Kind() == reflect.Complex64 || n.Kind() == reflect.Complex128 {
		return false
	}
	store, ok := p.MethodByName("Store")
	return ok && store.Type.NumIn() == 2 && store.Type.In(1) == n && store.Type.NumOut() == 0
}

// loadText is the value of v (addressable, of a loadStore type) as text.
func loadText(v reflect.Value) []byte {
	n := v.Addr().MethodByName("Load").Call(nil)[0]
	switch k := n.Kind(); {
	case k == reflect.Bool:
		return strconv.AppendBool(nil, n.Bool())
	case k >= reflect.Int && k <= reflect.Int64:
		return strconv.AppendInt(nil, n.Int(), 10)
	case k >= reflect.Uint && k <= reflect.Uintptr:
		return strconv.AppendUint(nil, n.Uint(), 10)
	default:
		return strconv.AppendFloat(nil, n.Float(), 'g', -1, 64)
	}
}

// storeText stores text, as loadText wrote it, in target (addressable, of
// a loadStore type).
func storeText(target reflect.Value, text []byte) error {
	store := target.Addr().MethodByName("Store")
	n := reflect.New(store.Type().In(0)).Elem()
	s := string(text)
	var err error
	switch k := n.Kind(); {
	case k == reflect.Bool:
		var b bool
		b, err = strconv.ParseBool(s)
		n.SetBool(b)
	case k >= reflect.Int && k <= reflect.Int64:
		var i int64
		i, err = strconv.ParseInt(s, 10, n.Type().Bits())
		n.SetInt(i)
	case k >= reflect.Uint && k <= reflect.Uintptr:
		var u uint64
		u, err = strconv.ParseUint(s, 10, n.Type().Bits())
		n.SetUint(u)
	default:
		var f float64
		f, err = strconv.ParseFloat(s, n.Type().Bits())
		n.SetFloat(f)
	}
	if err != nil {
		return fmt.Errorf("reading the saved value %q: %w", s, err)
	}
	store.Call([]reflect.Value{n})
	return nil
}
