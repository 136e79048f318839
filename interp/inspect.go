package interp

import (
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"sync"
	"unicode/utf8"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/internal/names"
	"github.com/gocell/gocell/interp/proto"
)

// Inspect answers an inspect_request for the name at the cursor: a notebook
// declaration's source and doc comment, or a package member's signature and
// its documentation from the Go sources.
func (s *Session) Inspect(code string, cursor, detail int) *proto.Reply {
	s.mu.Lock()
	defer s.mu.Unlock()
	off := runeOffset(code, cursor)
	end := off
	for end < len(code) {
		r, size := utf8.DecodeRuneInString(code[end:])
		if !isIdentRune(r) {
			break
		}
		end += size
	}
	name := identBefore(code, end)
	if name == "" {
		// The cursor may sit just after a call's opening parenthesis: f(|
		trimmed := strings.TrimRight(code[:off], "( \t")
		name = identBefore(trimmed, len(trimmed))
		end = len(trimmed)
	}
	if name == "" {
		return &proto.Reply{Status: "ok"}
	}
	start := end - len(name)
	var text string
	if start > 0 && code[start-1] == '.' {
		text = s.inspectMember(identBefore(code, start-1), name)
	} else if d := s.reg.Lookup(name); d != nil {
		text = d.Written
	} else if v, ok := globals(s.yi)[name]; ok && v.IsValid() {
		text = inspectVariable(name, v)
	}
	if text == "" {
		return &proto.Reply{Status: "ok"}
	}
	return &proto.Reply{Status: "ok", Found: true, Data: display.MIMEBundle{
		"text/plain":    text,
		"text/markdown": "```go\n" + text + "\n```",
	}}
}

func (s *Session) inspectMember(pkgName, name string) string {
	// A method or field of a notebook variable: its declaration.
	if typ := strings.TrimLeft(s.varHint(pkgName), "*"); typ != "" {
		if d := s.reg.Lookup(typ + "." + name); d != nil {
			return d.Written
		}
		if d := s.reg.Lookup(typ); d != nil {
			for _, c := range s.declaredMembers(typ) {
				if c.text == name {
					return fmt.Sprintf("field %s %s of type %s\n\n%s", name, c.signature, typ, d.Written)
				}
			}
		}
	}
	syms := s.packageSymbols(pkgName)
	v, ok := syms[name]
	if !ok {
		return ""
	}
	path := s.importPath(pkgName)
	kind, sig := describeSymbol(v)
	text := fmt.Sprintf("%s %s.%s: %s", kind, pkgName, name, sig)
	if docText := stdlibDoc(path, name); docText != "" {
		text = docText
	}
	return text
}

// importPath returns the path of the package a name refers to.
func (s *Session) importPath(name string) string {
	for _, spec := range s.imports {
		if importName(spec) == name {
			return strings.Trim(spec[strings.IndexByte(spec, '"'):], `"`)
		}
	}
	if name == "display" {
		return dispPkg
	}
	return name
}

var (
	docMu    sync.Mutex
	docCache = map[string]*doc.Package{}
)

// stdlibDoc returns the declaration and doc comment of a standard library
// symbol, read from the Go installation's sources (no network), or "".
func stdlibDoc(path, name string) string {
	docMu.Lock()
	pkg, ok := docCache[path]
	if !ok {
		//lint:ignore SA1019 the sources of the Go this binary was built with; without them inspection shows no doc
		pkg = loadDoc(filepath.Join(runtime.GOROOT(), "src", filepath.FromSlash(path)))
		docCache[path] = pkg
	}
	docMu.Unlock()
	if pkg == nil {
		return ""
	}
	fset := token.NewFileSet()
	render := func(decl ast.Node, docText string) string {
		var b strings.Builder
		b.WriteString(nodeString(fset, decl))
		if docText != "" {
			b.WriteString("\n\n" + strings.TrimSpace(docText))
		}
		return b.String()
	}
	for _, f := range pkg.Funcs {
		if f.Name == name {
			return render(f.Decl, f.Doc)
		}
	}
	for _, t := range pkg.Types {
		if t.Name == name {
			return "type " + name + "\n\n" + strings.TrimSpace(t.Doc)
		}
		for _, f := range t.Funcs {
			if f.Name == name {
				return render(f.Decl, f.Doc)
			}
		}
	}
	for _, group := range [][]*doc.Value{pkg.Vars, pkg.Consts} {
		for _, v := range group {
			for _, n := range v.Names {
				if n == name {
					return strings.TrimSpace(v.Doc)
				}
			}
		}
	}
	return ""
}

func loadDoc(dir string) *doc.Package {
	if _, err := os.Stat(dir); err != nil {
		return nil
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil
	}
	fset := token.NewFileSet()
	var files []*ast.File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, filepath.Join(dir, name), nil, parser.ParseComments)
		if err != nil {
			return nil
		}
		if pkgName := f.Name.Name; pkgName == "main" || pkgName == "documentation" {
			continue
		}
		files = append(files, f)
	}
	if len(files) == 0 {
		return nil
	}
	p, err := doc.NewFromFiles(fset, files, "")
	if err != nil {
		return nil
	}
	return p
}

// nodeString prints a function declaration's signature without its body.
func nodeString(fset *token.FileSet, n ast.Node) string {
	if fd, ok := n.(*ast.FuncDecl); ok {
		fd.Body = nil
		var b strings.Builder
		b.WriteString("func ")
		if fd.Recv != nil && len(fd.Recv.List) > 0 {
			b.WriteString("(" + names.ExprString(fd.Recv.List[0].Type) + ") ")
		}
		b.WriteString(fd.Name.Name + names.Signature(fd.Type))
		return b.String()
	}
	return ""
}

// inspectVariable describes a notebook variable: its type and value, or,
// for a value of a library type whose fields are unexported (a display
// handle, a strings.Builder), its type and the methods a cell can call:
// its internals are not something a cell can use.
func inspectVariable(name string, v reflect.Value) string {
	t := v.Type()
	base := t
	for base.Kind() == reflect.Pointer {
		base = base.Elem()
	}
	if base.PkgPath() == "" || base.Kind() != reflect.Struct || !hasUnexportedField(base) {
		return fmt.Sprintf("var %s %s = %v", name, t, v)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "var %s %s", name, t)
	if t.NumMethod() > 0 {
		b.WriteString("\n\nmethods:")
		for i := 0; i < t.NumMethod(); i++ {
			m := t.Method(i)
			fmt.Fprintf(&b, "\n  %s%s", m.Name, strings.TrimPrefix(v.Method(i).Type().String(), "func"))
		}
	}
	return b.String()
}

func hasUnexportedField(t reflect.Type) bool {
	for i := 0; i < t.NumField(); i++ {
		if !t.Field(i).IsExported() {
			return true
		}
	}
	return false
}
