package display

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"
)

// notForCells are exported names deliberately left out of Symbols: the
// publishing plumbing belongs to the executor, and the yaegi tables describe
// themselves.
var notForCells = []string{
	"Output", "Kind", "Publisher", "SetPublisher", "Publish",
	"Stream", "DisplayData", "UpdateDisplayData", "ClearOutput", "ExecuteResult", "Error", "Retract",
	"Symbols", "MapTypes", "RenderInterfaces", "ImportPath",
	"RegisterRenderer", // for packages compiled into the executor
}

func cellSymbols(t *testing.T) map[string]reflect.Value {
	t.Helper()
	syms, ok := Symbols["github.com/gocell/gocell/display/display"]
	if !ok {
		t.Fatalf("Symbols has no entry for the display package; keys: %v", slices.Collect(mapKeys(Symbols)))
	}
	return syms
}

func mapKeys[V any](m map[string]V) func(func(string) bool) {
	return func(yield func(string) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

// TestSymbolsListEveryExportedName keeps the hand-written table in step
// with the package: a new exported name must be added or excluded.
func TestSymbolsListEveryExportedName(t *testing.T) {
	syms := cellSymbols(t)
	fset := token.NewFileSet()
	entries, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	var exported []string
	for _, e := range entries {
		name := e.Name()
		if !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil && d.Name.IsExported() {
					exported = append(exported, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						if s.Name.IsExported() {
							exported = append(exported, s.Name.Name)
						}
					case *ast.ValueSpec:
						for _, n := range s.Names {
							if n.IsExported() {
								exported = append(exported, n.Name)
							}
						}
					}
				}
			}
		}
	}
	for _, name := range exported {
		_, listed := syms[name]
		excluded := slices.Contains(notForCells, name)
		switch {
		case !listed && !excluded:
			t.Errorf("exported %s is neither in Symbols nor in notForCells", name)
		case listed && excluded:
			t.Errorf("%s is in Symbols but listed as not for cells", name)
		}
	}
	for name := range syms {
		if !strings.HasPrefix(name, "_") && !slices.Contains(exported, name) {
			t.Errorf("Symbols lists %s, which the package does not export", name)
		}
	}
}

func TestSymbolsValues(t *testing.T) {
	syms := cellSymbols(t)
	funcs := map[string]any{
		"HTML": HTML, "Markdown": Markdown, "SVG": SVG, "PNG": PNG, "JPEG": JPEG,
		"JSON": JSON, "Latex": Latex, "Image": Image, "Text": Text, "Show": Show,
		"Update": Update, "Clear": Clear, "ClearWait": ClearWait, "Render": Render,
		"RenderValues": RenderValues, "MetadataFor": MetadataFor,
	}
	for name, fn := range funcs {
		v := syms[name]
		if v.Kind() != reflect.Func || v.Pointer() != reflect.ValueOf(fn).Pointer() {
			t.Errorf("Symbols[%s] is not the function %s", name, name)
		}
	}
	types := map[string]reflect.Type{
		"Handle": reflect.TypeFor[Handle](), "MIMEBundle": reflect.TypeFor[MIMEBundle](),
		"Limits": reflect.TypeFor[Limits](), "HTMLer": reflect.TypeFor[HTMLer](),
		"Markdowner": reflect.TypeFor[Markdowner](), "SVGer": reflect.TypeFor[SVGer](),
		"PNGer": reflect.TypeFor[PNGer](), "JPEGer": reflect.TypeFor[JPEGer](),
		"Latexer": reflect.TypeFor[Latexer](), "JSONer": reflect.TypeFor[JSONer](),
		"MIMEBundler": reflect.TypeFor[MIMEBundler](),
	}
	for name, typ := range types {
		// yaegi's convention for a type: a nil pointer to it.
		v := syms[name]
		if v.Kind() != reflect.Pointer || !v.IsNil() || v.Type().Elem() != typ {
			t.Errorf("Symbols[%s] = %v, want (*%s)(nil)", name, v, typ)
		}
	}

	// Variables are exported settable, so that cells can assign them.
	defer func(old Limits) { Limit = old }(Limit)
	syms["Limit"].FieldByName("TableRows").SetInt(7)
	if Limit.TableRows != 7 {
		t.Error("setting Limit through Symbols does not change Limit")
	}

	if mt := Symbols["."]["MapTypes"]; !mt.IsValid() || mt.Pointer() != reflect.ValueOf(MapTypes).Pointer() {
		t.Error(`Symbols["."]["MapTypes"] is not MapTypes`)
	}
}

// TestWrappersFollowYaegiLayout checks what yaegi relies on when it fills a
// wrapper: the wrapped value first, then one func field per method, named
// "W" + the method, that the wrapper's method calls.
func TestWrappersFollowYaegiLayout(t *testing.T) {
	syms := cellSymbols(t)
	stringer := reflect.TypeFor[fmt.Stringer]()
	checkWrapper := func(wt reflect.Type, ifaces ...reflect.Type) {
		t.Helper()
		if wt.Kind() != reflect.Struct || wt.Field(0).Name != "IValue" {
			t.Errorf("%s: first field must be IValue", wt)
			return
		}
		var methods []string
		for _, it := range ifaces {
			if !wt.Implements(it) {
				t.Errorf("%s does not implement %s", wt, it)
			}
			for i := range it.NumMethod() {
				methods = append(methods, it.Method(i).Name)
			}
		}
		if wt.NumField()-1 != len(methods) {
			t.Errorf("%s has %d method fields, want %d", wt, wt.NumField()-1, len(methods))
		}
		for i, m := range methods {
			f := wt.Field(i + 1)
			if f.Name != "W"+m || f.Type.Kind() != reflect.Func {
				t.Errorf("%s field %d is %s, want func field W%s", wt, i+1, f.Name, m)
			}
		}
		// Every field must be settable by reflection from another package.
		for i := range wt.NumField() {
			if !wt.Field(i).IsExported() {
				t.Errorf("%s field %s is unexported", wt, wt.Field(i).Name)
			}
		}
	}

	for name, v := range syms {
		if !strings.HasPrefix(name, "_") {
			continue
		}
		iface := syms[strings.TrimPrefix(name, "_")]
		if !iface.IsValid() {
			t.Errorf("wrapper %s has no interface %s in Symbols", name, strings.TrimPrefix(name, "_"))
			continue
		}
		it, wt := iface.Type().Elem(), v.Type().Elem()
		checkWrapper(wt, it)
		composed, ok := MapTypes[v]
		if !ok || len(composed) != 1 {
			t.Errorf("MapTypes has no composed wrapper for %s", name)
			continue
		}
		checkWrapper(composed[0], it, stringer)
	}

	for _, fn := range []any{Show, Update, Render, RenderValues} {
		if !slices.Equal(MapTypes[reflect.ValueOf(fn)], RenderInterfaces) {
			t.Errorf("MapTypes does not map %T to RenderInterfaces", fn)
		}
	}
}

// TestWrapperMethodsCallFields runs a wrapper the way yaegi builds one:
// setting its fields by reflection.
func TestWrapperMethodsCallFields(t *testing.T) {
	w := reflect.New(reflect.TypeFor[wrapHTMLerStringer]()).Elem()
	w.Field(0).Set(reflect.ValueOf("inner"))
	w.Field(1).Set(reflect.ValueOf(func() string { return "<b>h</b>" }))
	w.Field(2).Set(reflect.ValueOf(func() string { return "s" }))
	b := Render(w.Interface())
	if b["text/html"] != "<b>h</b>" || b["text/plain"] != "s" {
		t.Errorf("Render(wrapper) = %v", b)
	}
}

// TestEveryWrapperRenders fills each wrapper as yaegi would, with functions
// returning canned values, and renders it.
func TestEveryWrapperRenders(t *testing.T) {
	canned := map[reflect.Type]any{
		reflect.TypeFor[func() string]():         "<b>text</b>",
		reflect.TypeFor[func() []byte]():         pngBytes(t, 2, 2),
		reflect.TypeFor[func() any]():            map[string]any{"k": 1},
		reflect.TypeFor[func() map[string]any](): map[string]any{"text/markdown": "md"},
	}
	var wrappers []reflect.Type
	for name, v := range cellSymbols(t) {
		if strings.HasPrefix(name, "_") {
			wrappers = append(wrappers, v.Type().Elem())
			wrappers = append(wrappers, MapTypes[v]...)
		}
	}
	for _, wt := range wrappers {
		t.Run(wt.Name(), func(t *testing.T) {
			w := reflect.New(wt).Elem()
			w.Field(0).Set(reflect.ValueOf(point{1, 2}))
			for i := 1; i < wt.NumField(); i++ {
				ft := wt.Field(i).Type
				out := reflect.ValueOf(canned[ft])
				if wt.Field(i).Name == "WString" {
					out = reflect.ValueOf("from String")
				}
				w.Field(i).Set(reflect.MakeFunc(ft, func([]reflect.Value) []reflect.Value { return []reflect.Value{out} }))
			}
			b := Render(w.Interface())
			if len(b) < 2 {
				t.Errorf("Render = %v, want a rich type and text/plain", b)
			}
			text, _ := b["text/plain"].(string)
			_, hasString := wt.FieldByName("WString")
			switch {
			case hasString && text != "from String":
				t.Errorf("text/plain = %q, want the String method's", text)
			case !hasString && (text == "" || strings.Contains(text, "IValue")):
				t.Errorf("text/plain = %q, want a summary or the wrapped value", text)
			}
			if w, ok := w.Interface().(wrapper); !ok || w.wrapped() != (point{1, 2}) {
				t.Error("wrapper does not unwrap to its value")
			}
		})
	}
}
