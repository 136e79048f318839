package interp

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/traefik/yaegi/stdlib"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/internal/names"
	"github.com/gocell/gocell/interp/proto"
)

var goKeywords = []string{"break", "case", "chan", "const", "continue", "default", "defer", "else",
	"fallthrough", "for", "func", "go", "goto", "if", "import", "interface", "map", "package",
	"range", "return", "select", "struct", "switch", "type", "var"}

var goBuiltins = []string{"append", "cap", "clear", "close", "complex", "copy", "delete", "imag",
	"len", "make", "max", "min", "new", "panic", "print", "println", "real", "recover",
	"any", "bool", "byte", "comparable", "complex128", "complex64", "error", "false", "float32",
	"float64", "int", "int16", "int32", "int64", "int8", "iota", "nil", "rune", "string", "true",
	"uint", "uint16", "uint32", "uint64", "uint8", "uintptr"}

// runeOffset converts a cursor position in code points to a byte offset.
func runeOffset(code string, cursor int) int {
	off := 0
	for i := 0; i < cursor && off < len(code); i++ {
		_, size := utf8.DecodeRuneInString(code[off:])
		off += size
	}
	return off
}

func isIdentRune(r rune) bool { return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r) }

// identBefore returns the identifier ending at byte offset end.
func identBefore(code string, end int) string {
	start := end
	for start > 0 {
		r, size := utf8.DecodeLastRuneInString(code[:start])
		if !isIdentRune(r) {
			break
		}
		start -= size
	}
	return code[start:end]
}

// Complete answers a complete_request: package members after "pkg.",
// fields and methods after "variable.", otherwise notebook names, imported
// packages, keywords and builtins.
func (s *Session) Complete(code string, cursor int) *proto.Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	end := runeOffset(code, cursor)
	prefix := identBefore(code, end)
	start := end - len(prefix)
	startRunes := utf8.RuneCountInString(code[:start])

	var cands []candidate
	if start > 0 && code[start-1] == '.' {
		cands = s.memberCandidates(identBefore(code, start-1))
	} else {
		cands = s.nameCandidates()
	}
	reply := &proto.Reply{Status: "ok", CursorStart: startRunes, CursorEnd: cursor, Matches: []string{}}
	seen := map[string]bool{}
	sort.Slice(cands, func(i, j int) bool { return cands[i].text < cands[j].text })
	for _, c := range cands {
		if !strings.HasPrefix(c.text, prefix) || seen[c.text] {
			continue
		}
		seen[c.text] = true
		reply.Matches = append(reply.Matches, c.text)
		reply.Completions = append(reply.Completions, proto.CompletionItem{Text: c.text, Type: c.kind, Signature: c.signature, Start: startRunes, End: cursor})
	}
	return reply
}

type candidate struct{ text, kind, signature string }

func (s *Session) nameCandidates() []candidate {
	var out []candidate
	kinds := map[string]string{"func": "function", "type": "type", "var": "variable", "const": "constant"}
	for _, name := range s.reg.Names() {
		if d := s.reg.Lookup(name); d.Kind != "method" {
			out = append(out, candidate{text: name, kind: kinds[d.Kind]})
		}
	}
	for name := range globals(s.yi) {
		if !strings.HasPrefix(name, "__gocell") {
			out = append(out, candidate{text: name, kind: "variable"})
		}
	}
	for _, spec := range s.imports {
		out = append(out, candidate{text: importName(spec), kind: "module"})
	}
	out = append(out, candidate{text: "display", kind: "module"})
	for _, k := range goKeywords {
		out = append(out, candidate{text: k, kind: "keyword"})
	}
	for _, b := range goBuiltins {
		out = append(out, candidate{text: b, kind: "builtin"})
	}
	return out
}

// memberCandidates lists what can follow "x.": members of a package, or
// fields and methods of a notebook variable's value.
func (s *Session) memberCandidates(x string) []candidate {
	if syms := s.packageSymbols(x); syms != nil {
		var out []candidate
		for name, v := range syms {
			kind, sig := describeSymbol(v)
			out = append(out, candidate{text: name, kind: kind, signature: sig})
		}
		return out
	}
	v, ok := globals(s.yi)[x]
	if !ok || !v.IsValid() {
		return nil
	}
	out := typeMembers(v.Type())
	// yaegi's reflect types of notebook types carry no methods and rename
	// unexported fields: list the declared type's methods and fields.
	typ := strings.TrimLeft(s.varHint(x), "*")
	if d := s.reg.Lookup(typ); d != nil && d.Kind == "type" {
		out = append(out, s.declaredMembers(typ)...)
	}
	return out
}

// declaredMembers lists the methods and struct fields of notebook type typ.
func (s *Session) declaredMembers(typ string) []candidate {
	var out []candidate
	for _, name := range s.reg.Names() {
		if strings.HasPrefix(name, typ+".") {
			out = append(out, candidate{text: name[len(typ)+1:], kind: "method", signature: s.reg.Lookup(name).Canonical})
		}
	}
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+s.reg.Lookup(typ).Canonical, 0)
	if err != nil {
		return out
	}
	ast.Inspect(f, func(n ast.Node) bool {
		if st, ok := n.(*ast.StructType); ok {
			for _, field := range st.Fields.List {
				for _, id := range field.Names {
					out = append(out, candidate{text: id.Name, kind: "field", signature: names.ExprString(field.Type)})
				}
			}
			return false
		}
		return true
	})
	return out
}

// packageSymbols returns the exported symbols of the package a name refers
// to: an import of the notebook, or else a standard library package of that name.
func (s *Session) packageSymbols(name string) map[string]reflect.Value {
	if name == "display" && !s.importsName("display") {
		return display.Symbols[dispPkg+"/display"]
	}
	for _, spec := range s.imports {
		if bound, path := s.importBinding(spec); bound == name {
			_, syms := s.symbolTable(path)
			return syms
		}
	}
	for key, syms := range stdlib.Symbols {
		if strings.HasSuffix(key, "/"+name+"/"+name) || key == name+"/"+name {
			return syms
		}
	}
	return nil
}

// describeSymbol tells what kind of thing a yaegi export is, and its signature.
func describeSymbol(v reflect.Value) (kind, signature string) {
	switch {
	case v.Kind() == reflect.Func:
		return "function", v.Type().String()
	case v.Kind() == reflect.Ptr && v.IsNil():
		return "type", v.Type().Elem().String()
	case v.CanAddr():
		return "variable", v.Type().String()
	default:
		return "constant", v.Type().String()
	}
}

func typeMembers(t reflect.Type) []candidate {
	var out []candidate
	for _, tt := range []reflect.Type{t, reflect.PointerTo(t)} {
		for i := 0; i < tt.NumMethod(); i++ {
			m := tt.Method(i)
			out = append(out, candidate{text: m.Name, kind: "method", signature: m.Type.String()})
		}
	}
	st := t
	if st.Kind() == reflect.Ptr {
		st = st.Elem()
		for i := 0; i < t.NumMethod(); i++ {
			out = append(out, candidate{text: t.Method(i).Name, kind: "method", signature: t.Method(i).Type.String()})
		}
	}
	if st.Kind() == reflect.Struct {
		for i := 0; i < st.NumField(); i++ {
			f := st.Field(i)
			out = append(out, candidate{text: f.Name, kind: "field", signature: f.Type.String()})
		}
	}
	return out
}
