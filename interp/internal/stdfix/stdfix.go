// Package stdfix installs what yaegi v0.16.1's standard library gets wrong
// or lacks into an interpreter, one topic per file.
//
// Four layers, installed by Install right after stdlib.Symbols:
//
//   - fixedSymbols: host functions. "gocell/fix" holds helpers that the
//     interpreted packages below call (sorting, min/max over a slice,
//     clear, iterator coroutines, deferred calls, type names, error
//     comparison); "encoding/json" replaces Marshal, MarshalIndent and
//     Unmarshal with versions that honour embedded structs and unexported
//     fields of notebook types (yaegi's reflect types lose both).
//   - fmt printers wrapped in place: fmt.Print*, Sprint*, Fprint* and Errorf
//     print the unexported fields of notebook structs under their own
//     names, not yaegi's exported "X" aliases, and receive notebook errors
//     as errors (fmt.Println(&MyErr{}) calls Error, %w wraps them).
//   - composed error wrappers: a notebook error handed to host code keeps
//     its Unwrap and Is methods, so errors.Is and errors.Unwrap follow it,
//     and its whole value (errself.go: yaegi kept only a struct's last
//     field); type assertions to interfaces yaegi gets wrong (assert.go);
//     runtime panics in Go's words (runtimeerr.go).
//   - interpreted packages (the Go files in src/, embedded): the generic
//     functions of slices and maps that yaegi lacks or cannot instantiate ("undefined type for
//     E": it cannot infer E from S ~[]E), iter.Seq and iter.Seq2, errors
//     (errors.As and errors.Is in the interpreter), and __gocellfix, which
//     rewritten cells call (package rewrite): its assertions to error and
//     fmt.Stringer (src/assert.go) and bounds checks (src/bounds.go). Source packages are visible in
//     every file without an import.
//
// yaegi's stdlib.Symbols has empty "slices/slices" and "maps/maps" (every
// function is generic); its own generic sources for them cover Index,
// Contains and a few more, and fail on the rest.
package stdfix

import (
	"embed"
	"encoding"
	"encoding/json"
	"fmt"
	"go/parser"
	"reflect"

	yaegi "github.com/traefik/yaegi/interp"
)

// Path is the import path of the host helpers.
const Path = "gocell/fix"

// Name is the interpreted package rewritten cells call. The rewrites write
// it by name; it is visible in every file without an import.
const Name = "__gocellfix"

// sources are the interpreted packages, compiled into every interpreter in
// this order. yaegi already compiles its own generic slices, maps and cmp
// sources; a second file of a package adds to it and replaces functions of
// the same name.
//
// yaegi v0.16.1 infers type arguments only positionally, from the order in
// which type parameters occur in the parameter list, and not at all through
// a constraint such as S ~[]E. The signatures in src/ therefore take []E and
// map[K]V instead of S and M (a named slice type passed in is accepted; the
// result has the unnamed type) and list type parameters in the order they
// occur. Work that would be slow interpreted (sorting) runs in the host
// helpers of package gocell/fix. The files carry a "go:build ignore" line:
// they are Go for the interpreter, not part of this package.
var sources = []string{"src/iter.go", "src/slices.go", "src/maps.go", "src/errors.go", "src/runtime.go", "src/assert.go", "src/bounds.go", "src/generics.go"}

//go:embed src/*.go
var srcFS embed.FS

// fixedSymbols returns the host symbols, in yaegi's Exports format.
func fixedSymbols() map[string]map[string]reflect.Value {
	return map[string]map[string]reflect.Value{
		Path + "/fix": {
			"Clear":             reflect.ValueOf(fixClear),
			"NegZero":           reflect.ValueOf(fixNegZero),
			"Sort":              reflect.ValueOf(fixSort),
			"SortFunc":          reflect.ValueOf(fixSortFunc),
			"SortStableFunc":    reflect.ValueOf(fixSortStableFunc),
			"Extreme":           reflect.ValueOf(fixExtreme),
			"BinarySearch":      reflect.ValueOf(fixBinarySearch),
			"Iter":              reflect.ValueOf(fixIter),
			"Next":              reflect.ValueOf(fixNext),
			"Next2":             reflect.ValueOf(fixNext2),
			"Stop":              reflect.ValueOf(fixStop),
			"TypeName":          reflect.ValueOf(fixTypeName),
			"RegisterType":      reflect.ValueOf(fixRegisterType),
			"Same":              reflect.ValueOf(fixSame),
			"Push":              reflect.ValueOf(fixPush),
			"PushSlice":         reflect.ValueOf(fixPushSlice),
			"Pop":               reflect.ValueOf(fixPop),
			"Unwrap":            reflect.ValueOf(fixUnwrap),
			"Show":              reflect.ValueOf(fixShow),
			"Elems":             reflect.ValueOf(fixElems),
			"One":               reflect.ValueOf(fixOne),
			"Recovered":         reflect.ValueOf(fixRecovered),
			"HostError":         reflect.ValueOf(fixHostError),
			"HostStringer":      reflect.ValueOf(fixHostStringer),
			"AssertFailed":      reflect.ValueOf(fixAssertFailed),
			"Inner":             reflect.ValueOf(fixInner),
			"HostIs":            reflect.ValueOf(fixHostIs),
			"HostAs":            reflect.ValueOf(fixHostAs),
			"NotebookInterface": reflect.ValueOf(fixNotebookInterface),
			"AsUnsupported":     reflect.ValueOf(fixAsUnsupported),
			"LostStruct":        reflect.ValueOf(fixLostStruct),
			"Unwrapped":         reflect.ValueOf(fixUnwrapped),
			"Wrapped":           reflect.ValueOf(fixWrapped),
			"SelfKnown":         reflect.ValueOf(fixSelfKnown),
			"SetIface":          reflect.ValueOf(fixSetIface),
			"IndexError":        reflect.ValueOf(fixIndexError),
			"NilError":          reflect.ValueOf(fixNilError),
			"SliceHighError":    reflect.ValueOf(fixSliceHighError),
			"SliceError":        reflect.ValueOf(fixSliceError),
			"AsLostStruct":      reflect.ValueOf(fixAsLostStruct),
			"GoSyntax":          reflect.ValueOf(fixGoSyntax),
			"View":              reflect.ValueOf(fixView),
			"ViewBox":           reflect.ValueOf(fixViewBox),
			"TypedArg":          reflect.ValueOf(fixTypedArg),
			"TemplateData":      reflect.ValueOf(fixTemplateData),
			"IsError":           reflect.ValueOf(fixIsError),
			"RegisterMethod":    reflect.ValueOf(fixRegisterMethod),
			"ConvertTo":         reflect.ValueOf(fixConvertTo),
		},
		"encoding/json/json": {
			"Marshal":       reflect.ValueOf(fixJSONMarshal),
			"MarshalIndent": reflect.ValueOf(fixJSONMarshalIndent),
			"Unmarshal":     reflect.ValueOf(fixJSONUnmarshal),
		},
		// yaegi hands notebook values to these functions wrapped in the
		// interfaces they implement (json.Marshaler, ...), as it does for
		// the originals.
		".": {"MapTypes": reflect.ValueOf(map[reflect.Value][]reflect.Type{
			reflect.ValueOf(fixJSONMarshal):       jsonMarshalTypes,
			reflect.ValueOf(fixJSONMarshalIndent): jsonMarshalTypes,
			reflect.ValueOf(fixJSONUnmarshal):     jsonUnmarshalTypes,
			reflect.ValueOf(fixPush):              printTypes,
			reflect.ValueOf(fixPushSlice):         printTypes,
		})},
	}
}

var (
	jsonMarshalTypes = []reflect.Type{
		reflect.TypeOf((*json.Marshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextMarshaler)(nil)).Elem(),
	}
	jsonUnmarshalTypes = []reflect.Type{
		reflect.TypeOf((*json.Unmarshaler)(nil)).Elem(),
		reflect.TypeOf((*encoding.TextUnmarshaler)(nil)).Elem(),
	}
	// The interfaces fmt looks for, in the order it prefers them: yaegi
	// passes a notebook value wrapped in the first one it implements (its
	// own fmt functions omit error: fmt.Println(&MyErr{}) printed the
	// struct, and fmt.Errorf("%w", &MyErr{}) did not wrap).
	printTypes = []reflect.Type{
		reflect.TypeOf((*fmt.Formatter)(nil)).Elem(),
		reflect.TypeOf((*error)(nil)).Elem(),
		reflect.TypeOf((*fmt.Stringer)(nil)).Elem(),
	}
)

// Install loads the replacements into an interpreter that already uses
// the standard library (stdlib.Symbols). It is idempotent.
func Install(yi *yaegi.Interpreter) error {
	if len(yi.Symbols(Path)[Path]) > 0 {
		return nil
	}
	if err := yi.Use(fixedSymbols()); err != nil {
		return err
	}
	// The printers replace yaegi's own fmt symbols in place: a Use of
	// "fmt/fmt" would make yaegi compile its generic sources a second time.
	fmtSyms := yi.Symbols("fmt")["fmt"]
	printers, mapTypes := wrapPrinters(fmtSyms)
	for name, f := range printers {
		fmtSyms[name] = f
	}
	if err := yi.Use(yaegi.Exports{".": {"MapTypes": reflect.ValueOf(mapTypes)}}); err != nil {
		return err
	}
	if err := useStdout(yi, fmtSyms); err != nil {
		return err
	}
	if err := useErrorWrappers(yi); err != nil {
		return err
	}
	if err := useStringerWrappers(yi); err != nil {
		return err
	}
	for i, file := range sources {
		src, err := srcFS.ReadFile(file)
		if err != nil {
			return err
		}
		name := fmt.Sprintf("gocell_fix_%d.go", i)
		f, err := parser.ParseFile(yi.FileSet(), name, src, 0)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		prog, err := yi.CompileAST(f)
		if err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		if _, err := yi.Execute(prog); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
	}
	return nil
}
