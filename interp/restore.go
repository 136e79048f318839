package interp

import (
	"context"
	"encoding/json"
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"

	"github.com/gocell/gocell/display"
)

// Restore re-declares, in a fresh session, what earlier cells declared:
// imports, types, functions, methods and constants are compiled again;
// variables are declared again only when their type is written out, and then
// with their zero value, because re-running initializers could repeat side
// effects or the very work that crashed. It returns the variables whose
// values were lost, sorted.
func (s *Session) Restore(cells []string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx := context.Background()
	lost := map[string]bool{}
	var pending []string // declarations to compile, in order
	for _, code := range cells {
		chunks, err := splitCell(code)
		if err != nil {
			continue
		}
		for _, c := range chunks {
			switch c.kind {
			case chunkImport:
				_ = s.runImports(ctx, "restore.go", c.text, c)
			case chunkDecl:
				pending = append(pending, restorableDecls(c.text, lost)...)
			case chunkStmt:
				if c.declares {
					declaredVars(c.text, lost)
				}
			}
		}
	}
	// Compile declarations one at a time, retrying those that refer to
	// declarations further down until no more succeed.
	for progress := true; progress && len(pending) > 0; {
		progress = false
		var failed []string
		for _, d := range pending {
			if err := s.compileUnit(ctx, "restore.go", "package main\n"+d+"\n"); err != nil {
				failed = append(failed, d)
				continue
			}
			progress = true
		}
		pending = failed
	}
	names := make([]string, 0, len(lost))
	for n := range lost {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// restorableDecls cuts a declarations chunk into top-level declarations,
// rewriting variables to their zero values and recording their names in lost.
func restorableDecls(text string, lost map[string]bool) []string {
	const head = "package main\n"
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", head+text, parser.ParseComments)
	if err != nil {
		return nil
	}
	src := head + text
	var out []string
	for _, d := range f.Decls {
		gd, ok := d.(*ast.GenDecl)
		if !ok || gd.Tok != token.VAR {
			out = append(out, src[fset.Position(d.Pos()).Offset:fset.Position(d.End()).Offset])
			continue
		}
		for _, spec := range gd.Specs {
			vs := spec.(*ast.ValueSpec)
			for _, n := range vs.Names {
				if n.Name != "_" {
					lost[n.Name] = true
				}
			}
			if vs.Type == nil {
				continue // the type comes from the initializer: can't declare it
			}
			typ := src[fset.Position(vs.Type.Pos()).Offset:fset.Position(vs.Type.End()).Offset]
			var names []string
			for _, n := range vs.Names {
				names = append(names, n.Name)
			}
			out = append(out, "var "+strings.Join(names, ", ")+" "+typ)
		}
	}
	return out
}

// declaredVars records the variables that top-level statements declare
// (x := ..., var x = ...): their values cannot be restored.
func declaredVars(text string, lost map[string]bool) {
	const head = "package main\nfunc _() {\n"
	f, err := parser.ParseFile(token.NewFileSet(), "", head+text+"\n}\n", 0)
	if err != nil {
		return
	}
	for _, st := range f.Decls[0].(*ast.FuncDecl).Body.List {
		switch st := st.(type) {
		case *ast.AssignStmt:
			if st.Tok == token.DEFINE {
				for _, e := range st.Lhs {
					if id, ok := e.(*ast.Ident); ok && id.Name != "_" {
						lost[id.Name] = true
					}
				}
			}
		case *ast.DeclStmt:
			if gd, ok := st.Decl.(*ast.GenDecl); ok && gd.Tok == token.VAR {
				for _, spec := range gd.Specs {
					for _, n := range spec.(*ast.ValueSpec).Names {
						if n.Name != "_" {
							lost[n.Name] = true
						}
					}
				}
			}
		}
	}
}

// Evaluate computes one user expression of an execute request and returns
// its MIME bundle as Jupyter expects it in user_expressions:
// {"status": "ok", "data": ..., "metadata": {}} or an error.
func (s *Session) Evaluate(ctx context.Context, expr string) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.captured, s.hasValue = nil, false
	result := map[string]any{"status": "ok", "metadata": map[string]any{}}
	err := s.runBlock(ctx, "expression.go", rtName+".Capture("+expr+")")
	if err != nil {
		ce := s.describe(err, "expression.go", expr)
		result = map[string]any{"status": "error", "ename": ce.EName, "evalue": ce.EValue, "traceback": ce.Traceback}
	} else {
		data := display.RenderValues(s.captured...)
		if data == nil {
			data = display.MIMEBundle{"text/plain": ""}
		}
		result["data"] = data
	}
	b, _ := json.Marshal(result)
	return b
}
