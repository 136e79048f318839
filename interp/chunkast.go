package interp

import (
	"go/ast"
	"go/parser"
	"go/token"

	"github.com/gocell/gocell/interp/cell"
)

// parseChunk parses one chunk of a cell on its own, for the session's
// checks before compiling: declarations as a file, statements as the body
// of a function. Offsets in the file, less len(prefix), are offsets in the
// chunk's text.
func parseChunk(c cell.Chunk) (fset *token.FileSet, f *ast.File, prefix string, err error) {
	prefix = "package p\n"
	src := prefix + c.Text + "\n"
	if c.Kind == cell.Stmts {
		prefix = "package p\nfunc _() {\n"
		src = prefix + c.Text + "\n}\n"
	}
	fset = token.NewFileSet()
	f, err = parser.ParseFile(fset, "", src, 0)
	return fset, f, prefix, err
}

// addTopLevelNames adds to declared the names a declarations chunk's file
// declares at its top level: types, variables, constants and functions
// (not methods). For a statements chunk it adds nothing: the file then
// holds only the function parseChunk wrapped the statements in.
func addTopLevelNames(c cell.Chunk, f *ast.File, declared map[string]bool) {
	if c.Kind != cell.Decls {
		return
	}
	for _, d := range f.Decls {
		switch d := d.(type) {
		case *ast.FuncDecl:
			if d.Recv == nil {
				declared[d.Name.Name] = true
			}
		case *ast.GenDecl:
			for _, sp := range d.Specs {
				switch sp := sp.(type) {
				case *ast.ValueSpec:
					for _, n := range sp.Names {
						declared[n.Name] = true
					}
				case *ast.TypeSpec:
					declared[sp.Name.Name] = true
				}
			}
		}
	}
}
