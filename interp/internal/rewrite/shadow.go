package rewrite

import (
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/gocell/gocell/interp/internal/names"
)

// Shadowing at the top level of a cell.
//
// Statements at a cell's top level run in the notebook's global scope, and
// yaegi gives a variable declared in a nested scope there (a block
// { x := 1 }, the init statement of if, for and switch, a range or type
// switch variable, a var in a block) the slot of a global variable of the
// same name: the inner x := "local" overwrites the notebook's x, or panics
// when the types differ. Go would declare a new variable that hides the
// outer one until the end of its scope.
//
// So each variable declared in a nested scope outside function literals,
// whose name is also a package-level name of the notebook (declared by an
// earlier cell or at this chunk's top level), is renamed, with every use
// of it, to a name of its own: level becomes level__s1. Function bodies
// (literals and declarations) have scopes of their own that yaegi gets
// right. This runs before the other rewrites, on the chunk's text, and
// keeps its line structure.

// shadowSuffix starts the name given to a renamed variable.
const shadowSuffix = "__s"

// hasScopes is a quick test that chunks without a nested scope fail.
func hasScopes(text string) bool {
	return strings.Contains(text, "{") || strings.Contains(text, ";")
}

// shadowEdits returns the renames of renameShadows, given the chunk parsed
// from stmtPrefix+text+"\n}\n" into f, of token.File tf.
func shadowEdits(facts *names.Facts, f *ast.File, tf *token.File) []srcEdit {
	body := f.Decls[0].(*ast.FuncDecl).Body.List

	// The package-level names this chunk declares.
	top := map[*ast.Object]bool{}
	topNames := map[string]bool{}
	for _, s := range body {
		if l, ok := s.(*ast.LabeledStmt); ok {
			s = l.Stmt
		}
		for _, id := range declaredIdents(s) {
			if id.Obj != nil {
				top[id.Obj] = true
			}
			topNames[id.Name] = true
		}
	}
	notebook := func(name string) bool {
		// A predeclared name (cap, len, string) hidden in a nested scope
		// is renamed too: yaegi made it a global and failed to compile.
		return topNames[name] || facts.HasVar(name) || facts.IsFunc(name) || types.Universe.Lookup(name) != nil
	}

	// The nested-scope variables hiding one of them, outside functions.
	rename := map[*ast.Object]string{}
	seq := 0
	var walk func(n ast.Node)
	walk = func(n ast.Node) {
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.FuncLit:
				return false
			case *ast.RangeStmt:
				if x.Tok == token.DEFINE {
					for _, e := range []ast.Expr{x.Key, x.Value} {
						if id, ok := e.(*ast.Ident); ok {
							add(rename, top, id, notebook, &seq)
						}
					}
				}
			case ast.Stmt:
				for _, id := range declaredIdents(x) {
					add(rename, top, id, notebook, &seq)
				}
			}
			return true
		})
	}
	for _, s := range body {
		walk(s)
	}
	if len(rename) == 0 {
		return nil
	}

	// Every use of them, in functions literals too (closures).
	base := len(stmtPrefix)
	var edits []srcEdit
	ast.Inspect(f.Decls[0].(*ast.FuncDecl).Body, func(n ast.Node) bool {
		id, ok := n.(*ast.Ident)
		if !ok || id.Obj == nil {
			return true
		}
		if to, ok := rename[id.Obj]; ok {
			o := tf.Offset(id.Pos()) - base
			edits = append(edits, srcEdit{o, o + len(id.Name), to})
		}
		return true
	})
	sort.Slice(edits, func(i, j int) bool { return edits[i].start < edits[j].start })
	return edits
}

// add records a nested-scope variable to rename when it hides a notebook name.
func add(rename map[*ast.Object]string, top map[*ast.Object]bool, id *ast.Ident, notebook func(string) bool, seq *int) {
	if id == nil || id.Name == "_" || id.Obj == nil || (id.Obj.Kind != ast.Var && id.Obj.Kind != ast.Con) || top[id.Obj] || !notebook(id.Name) {
		return
	}
	if _, done := rename[id.Obj]; done {
		return
	}
	*seq++
	rename[id.Obj] = id.Name + shadowSuffix + strconv.Itoa(*seq)
}

// declaredIdents returns the variables and constants a statement itself
// declares (not those of the statements it contains).
func declaredIdents(s ast.Stmt) []*ast.Ident {
	var ids []*ast.Ident
	switch x := s.(type) {
	case *ast.AssignStmt:
		if x.Tok == token.DEFINE {
			for _, l := range x.Lhs {
				if id, ok := l.(*ast.Ident); ok {
					ids = append(ids, id)
				}
			}
		}
	case *ast.DeclStmt:
		if g, ok := x.Decl.(*ast.GenDecl); ok && (g.Tok == token.VAR || g.Tok == token.CONST) {
			for _, sp := range g.Specs {
				if vs, ok := sp.(*ast.ValueSpec); ok {
					ids = append(ids, vs.Names...)
				}
			}
		}
	}
	return ids
}

// shadowName is a name given by the renames, in a message.
var shadowName = regexp.MustCompile(`\b([A-Za-z_][A-Za-z0-9_]*?)` + shadowSuffix + `[0-9]+\b`)

// unshadow writes the renamed variables of a message under the names the
// user gave them.
func unshadow(msg string) string {
	if !strings.Contains(msg, shadowSuffix) {
		return msg
	}
	return shadowName.ReplaceAllString(msg, "$1")
}
