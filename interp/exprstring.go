package interp

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"strings"
)

// exprString prints an expression as Go source.
func exprString(e ast.Node) string {
	var b bytes.Buffer
	_ = printer.Fprint(&b, token.NewFileSet(), e)
	return b.String()
}

// signature prints a func type's parameters and results: "(a int) error".
func signature(ft *ast.FuncType) string {
	s := exprString(ft)
	return strings.TrimPrefix(s, "func")
}
