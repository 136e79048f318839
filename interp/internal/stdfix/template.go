package stdfix

import (
	"reflect"
	"sort"
	"strings"

	yaegi "github.com/traefik/yaegi/interp"
)

// text/template and html/template data with the methods of notebook types.
//
// A template calls a method of its data by name through reflect, and
// yaegi's reflect types have none. The rewrite passes the data of
// Execute and ExecuteTemplate through __gocellfix.TemplateT; the host
// replaces each notebook struct in it by a struct of the same exported
// fields plus one field per method without parameters (registered as
// "get:Name"), holding the method's result, so {{.Total}} finds it. A
// part whose type has a String or Error method prints through it. A
// method with parameters is not available: the template stops with its
// "can't evaluate field" error.

// fixTemplateData returns the template view of a Box[T] (see TemplateT).
func fixTemplateData(b any) (any, bool) {
	v, t := typedValue(b)
	if !v.IsValid() {
		return nil, false
	}
	out, changed := templatePart(v, t, 0)
	if !changed {
		return nil, false
	}
	return out, true
}

func templatePart(v reflect.Value, t itypeOf, depth int) (any, bool) {
	if !v.IsValid() || depth > 32 {
		return valueOrNil(v), false
	}
	if v.Kind() == reflect.Interface {
		if v.IsNil() {
			return nil, false
		}
		e, dt := dynamicValue(v)
		out, changed := templatePart(e, dt, depth+1)
		if !changed && e.IsValid() && e.Type() == v.Elem().Type() {
			return valueOrNil(v), false
		}
		return out, true
	}
	if !t.ok() && v.Kind() == reflect.Struct {
		t = layoutType(0, v.Type())
	}
	u := t.underlying()
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() || v.Elem().Kind() != reflect.Struct {
			return valueOrNil(v), false
		}
		return templateStruct(v.Elem(), t.elem(), true, depth)
	case reflect.Struct:
		return templateStruct(v, t, false, depth)
	case reflect.Slice, reflect.Array:
		if v.Kind() == reflect.Slice && v.IsNil() {
			return valueOrNil(v), false
		}
		return elemViews(v, func(e reflect.Value) (any, bool) { return templatePart(e, u.elem(), depth+1) })
	case reflect.Map:
		if v.IsNil() {
			return valueOrNil(v), false
		}
		out := reflect.MakeMapWithSize(reflect.MapOf(v.Type().Key(), anyType), v.Len())
		changed := false
		it := v.MapRange()
		for it.Next() {
			e, c := templatePart(it.Value(), u.elem(), depth+1)
			changed = changed || c
			out.SetMapIndex(it.Key(), asAny(reflect.ValueOf(e)))
		}
		if !changed {
			return valueOrNil(v), false
		}
		return out.Interface(), true
	}
	if t.ok() {
		// A value with String or Error prints through it.
		var vw viewer
		if n, ok := vw.methodsNode(v, t, 0); ok {
			return n, true
		}
	}
	return valueOrNil(v), false
}

// templateStruct is the view of a notebook struct: its exported fields
// and the results of its methods without parameters.
func templateStruct(v reflect.Value, t itypeOf, addressable bool, depth int) (any, bool) {
	fields := t.underlying().fields()
	if !t.ok() || len(fields) != v.NumField() {
		return valueOrNil(v), false
	}
	var sf []reflect.StructField
	var vals []reflect.Value
	changed := false
	for i, f := range fields {
		if !isExportedName(f.name) {
			continue
		}
		val, c := templatePart(v.Field(i), f.typ, depth+1)
		changed = changed || c
		fv := reflect.ValueOf(val)
		ft := v.Type().Field(i).Type
		if c || !fv.IsValid() {
			ft = anyType
		}
		sf = append(sf, reflect.StructField{Name: f.name, Type: ft})
		vals = append(vals, fv)
	}
	for _, g := range getters(t, addressable) {
		res, ok := g.call(v, addressable)
		if !ok {
			continue
		}
		val, _ := templatePart(res, itypeOf{}, depth+1)
		sf = append(sf, reflect.StructField{Name: g.name, Type: anyType})
		vals = append(vals, reflect.ValueOf(val))
		changed = true
	}
	if !changed {
		return valueOrNil(v), false
	}
	var st reflect.Type
	func() {
		defer func() { recover() }()
		st = reflect.StructOf(sf)
	}()
	if st == nil {
		return valueOrNil(v), false
	}
	out := reflect.New(st)
	for i, val := range vals {
		if !val.IsValid() {
			continue
		}
		f := out.Elem().Field(i)
		if f.Type() == anyType {
			f.Set(asAny(val))
		} else if val.Type().AssignableTo(f.Type()) {
			f.Set(val)
		}
	}
	return out.Interface(), true
}

type getter struct {
	name string
	m    boundMethod
}

// getters lists the registered methods without parameters of type t
// (those of *t too when the value is addressable), in name order.
func getters(t itypeOf, addressable bool) []getter {
	n := t.name()
	if n == "" {
		return nil
	}
	methodsMu.RLock()
	m := methodReg[typeKey{t.interp(), n}]
	methodsMu.RUnlock()
	if m == nil {
		return nil
	}
	var out []getter
	add := func(fns map[string]reflect.Value, ptr bool) {
		for k, fn := range fns {
			if name, ok := strings.CutPrefix(k, "get:"); ok && t.declares(name) {
				out = append(out, getter{name, boundMethod{fn: fn, ptr: ptr}})
			}
		}
	}
	methodsMu.RLock()
	add(m.value, false)
	if addressable {
		add(m.ptr, true)
	}
	methodsMu.RUnlock()
	sort.Slice(out, func(i, j int) bool { return out[i].name < out[j].name })
	return out
}

// call returns the method's result; false when it failed (an error or a
// panic): the template then reports the field as missing.
func (g getter) call(v reflect.Value, addressable bool) (res reflect.Value, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	recv := v
	if g.m.ptr {
		if !v.CanAddr() {
			return reflect.Value{}, false
		}
		recv = v.Addr()
	}
	out, err := callMethod(g.m.fn, recv, nil, g.m.ptr)
	if err != nil || len(out) != 2 {
		return reflect.Value{}, false
	}
	if e, _ := out[1].Interface().(error); e != nil {
		return reflect.Value{}, false
	}
	return out[0], true
}

// useStdout adds Stdout to the host helpers: a writer into the cell's
// output in order with fmt's printing. A template executed into os.Stdout
// writes through it (the rewrite replaces the argument): os.Stdout itself
// is a pipe, read a moment later, so a template's text could appear after
// what the cell printed next.
func useStdout(yi *yaegi.Interpreter, fmtSyms map[string]reflect.Value) error {
	print, ok := fmtSyms["Print"].Interface().(func(...any) (int, error))
	if !ok {
		return nil
	}
	w := printWriter{print}
	return yi.Use(yaegi.Exports{Path + "/fix": {"Stdout": reflect.ValueOf(func() any { return &w })}})
}

// printWriter writes through the interpreter's fmt.Print.
type printWriter struct{ print func(...any) (int, error) }

func (w *printWriter) Write(p []byte) (int, error) {
	if _, err := w.print(string(p)); err != nil {
		return 0, err
	}
	return len(p), nil
}
