package stdfix

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strconv"
	"strings"
)

// encoding/json with the methods of notebook types.
//
// The rewrite passes the value of json.Marshal and the pointer of
// json.Unmarshal through __gocellfix.JSONT, which hands the host a
// typedArg: the value with its notebook type. Marshal then encodes a view
// of the value in which every part whose type has MarshalJSON or
// MarshalText (in its method set) is a json.Marshaler or
// encoding.TextMarshaler calling the notebook method; Unmarshal decodes
// the parts whose types have UnmarshalJSON or UnmarshalText as raw JSON
// first and hands it to the notebook method. An error naming a notebook
// struct field names its type, as Go does (User.id, not .id).

// typedArg is a value with its notebook type.
type typedArg struct {
	v reflect.Value
	t itypeOf
}

// fixTypedArg returns the typedArg of a Box[T] (see JSONT).
func fixTypedArg(b any) (any, bool) {
	v, t := typedValue(b)
	if !v.IsValid() || !t.ok() {
		return nil, false
	}
	return typedArg{v, t}, true
}

// jsonArg returns what to encode for v: the view of a typedArg.
func jsonArg(v any) any {
	ta, ok := v.(typedArg)
	if !ok {
		return jsonView(v)
	}
	out, changed := jsonPart(ta.v, ta.t, 0)
	if !changed {
		return jsonView(valueOrNil(ta.v))
	}
	return out
}

// jsonPart returns the view of v (of type t) for encoding/json.
func jsonPart(v reflect.Value, t itypeOf, depth int) (any, bool) {
	if !v.IsValid() || depth > 64 {
		return valueOrNil(v), false
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil, false
		}
		e, dt := dynamicValue(v)
		out, changed := jsonPart(e, dt, depth+1)
		if !changed && e.IsValid() && e.Type() == v.Elem().Type() {
			return valueOrNil(v), false
		}
		return out, true // the interpreter's interface value is unwrapped
	}
	if in, dt, ok := interpValue(v); ok {
		out, _ := jsonPart(in, dt, depth+1)
		return out, true
	}
	if v.Kind() == reflect.Pointer && v.IsNil() {
		return valueOrNil(v), false
	}
	for _, name := range []string{"MarshalJSON", "MarshalText"} {
		if !t.ok() {
			break
		}
		if fn, path, ptr, ok := methodOf(t, name); ok && fn.Type().NumIn() == 1 && fn.Type().NumOut() == 2 {
			m := jsonMethod{v: v, typ: t.typeString(v.Type()), m: boundMethod{fn, path, ptr}}
			if name == "MarshalText" {
				return textMarshalerNode{m}, true
			}
			return jsonMarshalerNode{m}, true
		}
	}
	u := t.underlying()
	switch v.Kind() {
	case reflect.Pointer:
		e, changed := jsonPart(v.Elem(), u.elem(), depth+1)
		if !changed {
			return valueOrNil(v), false
		}
		return e, true
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && (v.IsNil() || v.Type().Elem().Kind() == reflect.Uint8) {
			return valueOrNil(v), false
		}
		return elemViews(v, func(e reflect.Value) (any, bool) { return jsonPart(e, u.elem(), depth+1) })
	case reflect.Map:
		if v.IsNil() {
			return valueOrNil(v), false
		}
		kt := u.key()
		_, _, _, textKey := methodOf(kt, "MarshalText")
		textKey = textKey && v.Type().Key().Kind() != reflect.String
		keyType := v.Type().Key()
		if textKey {
			keyType = reflect.TypeOf("")
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(keyType, anyType), v.Len())
		changed := textKey
		it := v.MapRange()
		for it.Next() {
			k := it.Key()
			if textKey {
				b, err := textMarshalerNode{jsonMethod{v: k, typ: kt.typeString(k.Type())}}.callKey(kt)
				if err != nil {
					return valueOrNil(v), false
				}
				k = reflect.ValueOf(string(b))
			}
			e, c := jsonPart(it.Value(), u.elem(), depth+1)
			changed = changed || c
			out.SetMapIndex(k, asAny(reflect.ValueOf(e)))
		}
		if !changed {
			return valueOrNil(v), false
		}
		return out.Interface(), true
	case reflect.Struct:
		return jsonStruct(v, u, depth)
	}
	return valueOrNil(v), false
}

// jsonStruct is the view of a notebook struct whose fields need views:
// a struct of the same fields and tags, those fields of type any.
func jsonStruct(v reflect.Value, u itypeOf, depth int) (any, bool) {
	fields := u.fields()
	if len(fields) != v.NumField() {
		return valueOrNil(v), false
	}
	views := make([]any, len(fields))
	changedAt := make([]bool, len(fields))
	changed := false
	for i, f := range fields {
		if !isExportedName(f.name) && !f.embed {
			continue // encoding/json skips it
		}
		views[i], changedAt[i] = jsonPart(v.Field(i), f.typ, depth+1)
		changed = changed || changedAt[i]
	}
	if !changed {
		return valueOrNil(v), false
	}
	base := mirrorType(v.Type(), mirrorJSON)
	sf := make([]reflect.StructField, base.NumField())
	for i := range sf {
		sf[i] = base.Field(i)
		sf[i].Index, sf[i].Offset = nil, 0
		if changedAt[i] {
			sf[i].Type = anyType
			sf[i].Anonymous = false
		}
	}
	var st reflect.Type
	func() {
		defer func() {
			if recover() != nil {
				st = nil
			}
		}()
		st = reflect.StructOf(sf)
	}()
	if st == nil {
		return valueOrNil(v), false
	}
	out := reflect.New(st).Elem()
	for i := range sf {
		f := v.Field(i)
		if !changedAt[i] {
			if out.Field(i).CanSet() && f.CanInterface() {
				out.Field(i).Set(f)
			}
			continue
		}
		if strings.Contains(sf[i].Tag.Get("json"), ",omitempty") && isEmptyJSON(f) {
			continue
		}
		out.Field(i).Set(asAny(reflect.ValueOf(views[i])))
	}
	return out.Interface(), true
}

// isEmptyJSON is encoding/json's omitempty test.
func isEmptyJSON(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.Array, reflect.Map, reflect.Slice, reflect.String:
		return v.Len() == 0
	case reflect.Bool, reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr,
		reflect.Float32, reflect.Float64, reflect.Interface, reflect.Pointer:
		return v.IsZero()
	}
	return false
}

// jsonMethod is a notebook value with a marshaling method.
type jsonMethod struct {
	v   reflect.Value
	typ string
	m   boundMethod
}

func (j jsonMethod) call() (b []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("%v", p)
		}
	}()
	out, err := callMethod(j.m.fn, j.v, j.m.path, j.m.ptr)
	if err != nil {
		return nil, err
	}
	if e, _ := out[1].Interface().(error); e != nil {
		return nil, e
	}
	b, _ = out[0].Interface().([]byte)
	return b, nil
}

type jsonMarshalerNode struct{ jsonMethod }

func (n jsonMarshalerNode) MarshalJSON() ([]byte, error) {
	b, err := n.call()
	if err != nil {
		return nil, fmt.Errorf("json: error calling MarshalJSON for type %s: %w", n.typ, err)
	}
	return b, nil
}

type textMarshalerNode struct{ jsonMethod }

func (n textMarshalerNode) MarshalText() ([]byte, error) { return n.call() }

// callKey calls MarshalText of a map key of type kt.
func (n textMarshalerNode) callKey(kt itypeOf) ([]byte, error) {
	fn, path, ptr, ok := methodOf(kt, "MarshalText")
	if !ok {
		return nil, errors.New("no MarshalText")
	}
	n.m = boundMethod{fn, path, ptr}
	return n.call()
}

// ---- Unmarshal ----

// jsonUnmarshalTyped decodes data into the pointer of a typedArg.
func jsonUnmarshalTyped(data []byte, ta typedArg) error {
	p, t := ta.v, ta.t
	if p.Kind() != reflect.Pointer || p.IsNil() || t.cat() != tcatPtr {
		return json.Unmarshal(data, valueOrNil(p))
	}
	et := t.elem()
	pt, needs := proxyType(p.Type().Elem(), et, 0)
	if !needs {
		err := fixJSONUnmarshal(data, valueOrNil(p))
		return nameJSONError(err, p.Type().Elem(), et)
	}
	proxy := reflect.New(pt)
	seedProxy(proxy.Elem(), p.Elem())
	if err := json.Unmarshal(data, proxy.Interface()); err != nil {
		return nameJSONError(err, p.Type().Elem(), et)
	}
	return fillFromProxy(p.Elem(), et, proxy.Elem())
}

var rawType = reflect.TypeOf(json.RawMessage(nil))

// unmarshalMethod returns the notebook method that decodes values of type
// t (in the method set of *t); text: it is UnmarshalText.
func unmarshalMethod(t itypeOf) (m boundMethod, text bool, ok bool) {
	if t.cat() == tcatPtr {
		return boundMethod{}, false, false // the element decides
	}
	for _, name := range []string{"UnmarshalJSON", "UnmarshalText"} {
		if fn, path, ptr, ok := methodIn(t, name, true, 0); ok && fn.Type().NumIn() == 2 {
			return boundMethod{fn, path, ptr}, name == "UnmarshalText", true
		}
	}
	return boundMethod{}, false, false
}

// proxyType returns the type to decode a value of type rt (notebook type
// t) into: json.RawMessage where a notebook method decodes.
func proxyType(rt reflect.Type, t itypeOf, depth int) (reflect.Type, bool) {
	if depth > 16 || !t.ok() {
		return rt, false
	}
	if _, _, ok := unmarshalMethod(t); ok {
		return rawType, true
	}
	u := t.underlying()
	switch rt.Kind() {
	case reflect.Pointer:
		if e, ok := proxyType(rt.Elem(), u.elem(), depth+1); ok {
			return reflect.PointerTo(e), true
		}
	case reflect.Slice:
		if e, ok := proxyType(rt.Elem(), u.elem(), depth+1); ok {
			return reflect.SliceOf(e), true
		}
	case reflect.Array:
		if e, ok := proxyType(rt.Elem(), u.elem(), depth+1); ok {
			return reflect.ArrayOf(rt.Len(), e), true
		}
	case reflect.Map:
		e, ok := proxyType(rt.Elem(), u.elem(), depth+1)
		k := rt.Key()
		if _, text, kok := unmarshalMethod(u.key()); kok && text {
			k, ok = reflect.TypeOf(""), true // the key's UnmarshalText decodes it
		}
		if ok {
			return reflect.MapOf(k, e), true
		}
	case reflect.Struct:
		fields := u.fields()
		if len(fields) != rt.NumField() {
			return rt, false
		}
		base := mirrorType(rt, mirrorJSON)
		sf := make([]reflect.StructField, base.NumField())
		needs := false
		for i := range sf {
			sf[i] = base.Field(i)
			sf[i].Index, sf[i].Offset = nil, 0
			if p, ok := proxyType(sf[i].Type, fields[i].typ, depth+1); ok {
				sf[i].Type, sf[i].Anonymous, needs = p, false, true
			}
		}
		if needs {
			var st reflect.Type
			func() {
				defer func() { recover() }()
				st = reflect.StructOf(sf)
			}()
			if st != nil {
				return st, true
			}
		}
	}
	return rt, false
}

// seedProxy copies the current value into the proxy where their types
// agree, so fields absent from the JSON keep their values.
func seedProxy(proxy, v reflect.Value) {
	if proxy.Kind() != reflect.Struct || v.Kind() != reflect.Struct || proxy.NumField() != v.NumField() {
		return
	}
	for i := 0; i < v.NumField(); i++ {
		pf, f := proxy.Field(i), v.Field(i)
		if pf.Type() == f.Type() && pf.CanSet() {
			pf.Set(f)
		}
	}
}

// fillFromProxy stores the decoded proxy into dst, calling the notebook
// methods on the raw parts.
func fillFromProxy(dst reflect.Value, t itypeOf, src reflect.Value) error {
	if src.Type() == dst.Type() {
		dst.Set(src)
		return nil
	}
	if src.Type() == rawType {
		raw := src.Bytes()
		if len(raw) == 0 {
			return nil // absent
		}
		m, text, _ := unmarshalMethod(t)
		arg := raw
		if text {
			if string(raw) == "null" {
				return nil
			}
			s, err := strconv.Unquote(string(raw))
			if err != nil {
				return &json.UnmarshalTypeError{Value: "non-string", Type: dst.Type()}
			}
			arg = []byte(s)
		}
		out, err := callMethod(m.fn, dst.Addr(), m.path, m.ptr, reflect.ValueOf(arg))
		if err != nil {
			return err
		}
		if e, _ := out[0].Interface().(error); e != nil {
			return e
		}
		return nil
	}
	u := t.underlying()
	switch src.Kind() {
	case reflect.Pointer:
		if src.IsNil() {
			dst.Set(reflect.Zero(dst.Type()))
			return nil
		}
		if dst.IsNil() {
			dst.Set(reflect.New(dst.Type().Elem()))
		}
		return fillFromProxy(dst.Elem(), u.elem(), src.Elem())
	case reflect.Slice:
		if src.IsNil() {
			dst.Set(reflect.Zero(dst.Type()))
			return nil
		}
		out := reflect.MakeSlice(dst.Type(), src.Len(), src.Len())
		for i := 0; i < src.Len(); i++ {
			if err := fillFromProxy(out.Index(i), u.elem(), src.Index(i)); err != nil {
				return err
			}
		}
		dst.Set(out)
	case reflect.Array:
		for i := 0; i < src.Len(); i++ {
			if err := fillFromProxy(dst.Index(i), u.elem(), src.Index(i)); err != nil {
				return err
			}
		}
	case reflect.Map:
		if src.IsNil() {
			return nil
		}
		if dst.IsNil() {
			dst.Set(reflect.MakeMap(dst.Type()))
		}
		it := src.MapRange()
		for it.Next() {
			e := reflect.New(dst.Type().Elem()).Elem()
			if err := fillFromProxy(e, u.elem(), it.Value()); err != nil {
				return err
			}
			k := it.Key()
			if k.Type() != dst.Type().Key() {
				nk := reflect.New(dst.Type().Key())
				m, _, _ := unmarshalMethod(u.key())
				out, err := callMethod(m.fn, nk, m.path, m.ptr, reflect.ValueOf([]byte(k.String())))
				if err != nil {
					return err
				}
				if e, _ := out[0].Interface().(error); e != nil {
					return e
				}
				k = nk.Elem()
			}
			dst.SetMapIndex(k, e)
		}
	case reflect.Struct:
		fields := u.fields()
		for i := 0; i < src.NumField() && i < dst.NumField() && i < len(fields); i++ {
			if err := fillFromProxy(dst.Field(i), fields[i].typ, src.Field(i)); err != nil {
				return err
			}
		}
	}
	return nil
}

// nameJSONError names the notebook struct type in an UnmarshalTypeError
// (yaegi's struct types are anonymous: Go struct field .id).
func nameJSONError(err error, rt reflect.Type, t itypeOf) error {
	var te *json.UnmarshalTypeError
	if !errors.As(err, &te) || te.Struct != "" || te.Field == "" {
		return err
	}
	path := strings.Split(te.Field, ".")
	name := ""
	for i, key := range path {
		for rt.Kind() == reflect.Pointer || rt.Kind() == reflect.Slice || rt.Kind() == reflect.Array || rt.Kind() == reflect.Map {
			rt, t = rt.Elem(), t.underlying().elem()
		}
		if rt.Kind() != reflect.Struct {
			return err
		}
		if n := t.name(); n != "" {
			name = n[strings.IndexByte(n, '.')+1:]
		} else {
			name = ""
		}
		if i == len(path)-1 {
			break
		}
		fields := t.underlying().fields()
		found := false
		for j := 0; j < rt.NumField() && j < len(fields); j++ {
			f := rt.Field(j)
			jn := strings.Split(f.Tag.Get("json"), ",")[0]
			if jn == "" {
				jn = fields[j].name
			}
			if strings.EqualFold(jn, key) {
				rt, t, found = f.Type, fields[j].typ, true
				break
			}
		}
		if !found {
			return err
		}
	}
	if name == "" {
		return err
	}
	te.Struct = name
	return err
}

// elemViews is a slice or array as a []any of its elements' views, made by
// part, if any element's view differs from the element; otherwise the
// value itself and false.
func elemViews(v reflect.Value, part func(reflect.Value) (any, bool)) (any, bool) {
	out := make([]any, v.Len())
	changed := false
	for i := range out {
		var c bool
		out[i], c = part(v.Index(i))
		changed = changed || c
	}
	if !changed {
		return valueOrNil(v), false
	}
	return out, true
}
