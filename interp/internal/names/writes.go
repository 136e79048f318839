package names

import (
	"go/ast"
	"go/parser"
	"go/token"
	"sort"
	"strings"
)

// A cached function's key holds the values of the package-level variables
// it reads, but not of those it keeps as its own state: a call counter it
// increments, a lock it takes, a memo map it fills. Otherwise its own side
// effect would change its next key and it would never hit. Writes finds,
// from the syntax of one function or method, which names it may change.
// Which of them are notebook variables, and whether a method it calls on
// one has a pointer receiver, the session decides: it knows the values.

// Write is a package-level name that a function changes, or may change
// through a method call.
type Write struct {
	Name string
	// How says what the function does to it, for `%cache why`:
	// "assigns", "increments", "appends to", "takes the address of", ...
	// Empty for a method call, whose receiver kind is decided later.
	How string
	// For a method call on the variable or on a field inside it
	// (mu.Lock(), s.cache.Add(k)): the method, and the fields between the
	// variable and the method ("cache"; "" for a direct call).
	Method string
	Fields []string
}

// Text is how a write reads in a reason: "increments calls", "calls
// mu.Lock".
func (w Write) Text() string {
	if w.Method != "" {
		return "calls " + strings.Join(append(append([]string{w.Name}, w.Fields...), w.Method), ".")
	}
	return w.How + " " + w.Name
}

// funcWrites lists the writes of the function or method printed as src
// (its canonical source). Identifiers the function declares (parameters,
// locals, its receiver) are resolved by the parser and never count;
// package names (fmt.Println) are left for the caller to tell apart from
// variables.
func funcWrites(src string) []Write {
	f, err := parser.ParseFile(token.NewFileSet(), "", "package main\n"+src, 0)
	if err != nil || len(f.Decls) != 1 {
		return nil
	}
	fd, ok := f.Decls[0].(*ast.FuncDecl)
	if !ok || fd.Body == nil {
		return nil
	}
	seen := map[string]bool{}
	var out []Write
	add := func(w Write) {
		k := w.Name + "\x00" + w.How + "\x00" + w.Text()
		if w.Name == "" || w.Name == "_" || seen[k] {
			return
		}
		seen[k] = true
		out = append(out, w)
	}
	global := func(e ast.Expr) string {
		id := writeRoot(e)
		if id == nil || id.Obj != nil {
			return ""
		}
		return id.Name
	}
	ast.Inspect(fd.Body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.AssignStmt:
			if x.Tok == token.DEFINE {
				return true // declares locals; := cannot assign a global
			}
			for i, lhs := range x.Lhs {
				how := "assigns"
				if x.Tok != token.ASSIGN {
					how = "updates"
				}
				if len(x.Lhs) == len(x.Rhs) && isAppendTo(x.Rhs[i], lhs) {
					how = "appends to"
				}
				add(Write{Name: global(lhs), How: how})
			}
		case *ast.IncDecStmt:
			how := "increments"
			if x.Tok == token.DEC {
				how = "decrements"
			}
			add(Write{Name: global(x.X), How: how})
		case *ast.UnaryExpr:
			if x.Op == token.AND {
				add(Write{Name: global(x.X), How: "takes the address of"})
			}
		case *ast.RangeStmt:
			if x.Tok == token.ASSIGN {
				if x.Key != nil {
					add(Write{Name: global(x.Key), How: "assigns"})
				}
				if x.Value != nil {
					add(Write{Name: global(x.Value), How: "assigns"})
				}
			}
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && id.Obj == nil && len(x.Args) > 0 {
				switch id.Name {
				case "delete", "clear":
					add(Write{Name: global(x.Args[0]), How: map[string]string{"delete": "deletes from", "clear": "clears"}[id.Name]})
				}
			}
			sel, ok := x.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			var fields []string
			e := sel.X
			for {
				if p, ok := e.(*ast.ParenExpr); ok {
					e = p.X
					continue
				}
				s, ok := e.(*ast.SelectorExpr)
				if !ok {
					break
				}
				fields = append([]string{s.Sel.Name}, fields...)
				e = s.X
			}
			if id, ok := e.(*ast.Ident); ok && id.Obj == nil {
				add(Write{Name: id.Name, Method: sel.Sel.Name, Fields: fields})
			}
		}
		return true
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].Name < out[j].Name })
	return out
}

// writeRoot returns the variable an assignable expression is part of: v in
// v, v.f, v[i], *v, (v).
func writeRoot(e ast.Expr) *ast.Ident {
	for {
		switch x := e.(type) {
		case *ast.Ident:
			return x
		case *ast.SelectorExpr:
			e = x.X
		case *ast.IndexExpr:
			e = x.X
		case *ast.IndexListExpr:
			e = x.X
		case *ast.StarExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return nil
		}
	}
}

// isAppendTo reports whether rhs is append(lhs, ...).
func isAppendTo(rhs, lhs ast.Expr) bool {
	call, ok := rhs.(*ast.CallExpr)
	if !ok || len(call.Args) == 0 {
		return false
	}
	if id, ok := call.Fun.(*ast.Ident); !ok || id.Name != "append" {
		return false
	}
	return ExprString(call.Args[0]) == ExprString(lhs)
}
