package interp

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/rewrite"
)

// Restore re-declares, in a fresh session, what earlier cells declared:
// imports, types, functions, methods and constants are compiled again, and
// variables declared without an initializer get their zero values.
// Statements are not run again (they could repeat side effects or the very
// work that crashed), so variables declared by statements (x := f()) are
// declared with their zero values where their type is known, and are
// reported as lost. It returns those names, sorted.
func (s *Session) Restore(cells []string) []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	ctx := context.Background()
	lost := map[string]bool{}
	for i, code := range cells {
		chunks, err := cell.Split(code)
		if err != nil {
			continue
		}
		file := fmt.Sprintf("restored%d.go", i+1)
		// The packages the cell used without importing them, as when it ran.
		_ = s.importUsedPackages(ctx, file, code, chunks)
		for _, c := range chunks {
			switch c.Kind {
			case cell.Imports:
				_ = s.runImports(ctx, file, code, c)
			case cell.Decls:
				p, perr := s.prepareDecls(file, code, c)
				if perr != nil {
					continue
				}
				s.addCached(p.Cached)
				s.reg.Add(p.Decls)
			case cell.Stmts:
				// The statements do not run again, but what they declared
				// is known to later rewrites, as when the cell ran.
				_, _ = rewrite.Statements(s.reg, c.Text)
				if c.Declares {
					for _, name := range s.reg.NoteVarHints(c.Text) {
						lost[name] = true
					}
				}
			}
		}
	}
	_, _ = s.rebuild(ctx, s.reg, 0)
	// Declare the variables statements made, with zero values, where their
	// type is known, so that code using them still compiles.
	for name := range lost {
		if typ := s.varHint(name); typ != "" {
			_ = s.compileUnit(ctx, "vars.go", "package main\nvar "+name+" "+typ+"\n")
		}
	}
	names := make([]string, 0, len(lost))
	for n := range lost {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// Evaluate computes one user expression of an execute request and returns
// its MIME bundle as Jupyter expects it in user_expressions:
// {"status": "ok", "data": ..., "metadata": {}} or an error.
func (s *Session) Evaluate(ctx context.Context, expr string) json.RawMessage {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.captured, s.hasValue = nil, false
	result := map[string]any{"status": "ok", "metadata": map[string]any{}}
	// The line directive makes positions in errors the expression's own
	// (line 1, column n), not those of the code around it.
	err := s.runBlock(ctx, "expression.go", rtName+".Capture("+cell.LineDirective("expression.go", 1, 1)+expr+")")
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
