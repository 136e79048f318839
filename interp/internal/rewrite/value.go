package rewrite

import (
	"go/ast"
	"go/token"
	"regexp"
	"strings"

	"github.com/gocell/gocell/interp/cell"
)

// renameMain renames a declared func main, which yaegi would otherwise re-run
// after every later cell, and returns the call that runs it once now.
func renameMain(text, file string) (string, string) {
	re := regexp.MustCompile(`(?m)^func\s+main\s*\(\s*\)`)
	if !re.MatchString(text) {
		return text, ""
	}
	name := "__gocell_main_" + sanitize(file)
	return re.ReplaceAllString(text, "func "+name+"()"), name
}

// captureLast wraps a trailing expression statement of body in a capture
// call, so its value becomes the cell's result. Calls of fmt's print
// functions are left alone: their byte counts are not a result anyone wants.
func captureLast(body string) (string, bool) {
	src := "package p\nfunc _() {\n" + body + "\n}\n"
	fset := token.NewFileSet()
	f, err := parseSource(fset, "", src, 0)
	if err != nil {
		return "", false
	}
	stmts := f.Decls[0].(*ast.FuncDecl).Body.List
	if len(stmts) == 0 {
		return "", false
	}
	es, ok := stmts[len(stmts)-1].(*ast.ExprStmt)
	if !ok || isPrintCall(es.X) {
		return "", false
	}
	start := fset.Position(es.X.Pos()).Offset - len("package p\nfunc _() {\n")
	end := fset.Position(es.X.End()).Offset - len("package p\nfunc _() {\n")
	return body[:start] + cell.RuntimeName + ".Capture(" + body[start:end] + ")" + body[end:], true
}

func isPrintCall(e ast.Expr) bool {
	call, ok := e.(*ast.CallExpr)
	if !ok {
		return false
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	pkg, ok := sel.X.(*ast.Ident)
	return ok && pkg.Name == "fmt" && (strings.HasPrefix(sel.Sel.Name, "Print") || strings.HasPrefix(sel.Sel.Name, "Fprint"))
}

func sanitize(name string) string {
	return strings.Map(func(r rune) rune {
		if r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' {
			return r
		}
		return '_'
	}, strings.TrimSuffix(name, ".go"))
}
