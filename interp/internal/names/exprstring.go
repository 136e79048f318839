package names

import (
	"bytes"
	"go/ast"
	"go/printer"
	"go/token"
	"strings"
)

// ExprString prints an expression as Go source.
func ExprString(e ast.Node) string {
	var b bytes.Buffer
	_ = printer.Fprint(&b, token.NewFileSet(), e)
	return b.String()
}

// Signature prints a func type's parameters and results: "(a int) error".
func Signature(ft *ast.FuncType) string {
	s := ExprString(ft)
	return strings.TrimPrefix(s, "func")
}

// ReceiverType is the type name of a method receiver: T for T, *T, (T),
// T[K] and *T[K, V].
func ReceiverType(e ast.Expr) string {
	switch t := e.(type) {
	case *ast.StarExpr:
		return ReceiverType(t.X)
	case *ast.ParenExpr:
		return ReceiverType(t.X)
	case *ast.IndexExpr:
		return ReceiverType(t.X)
	case *ast.IndexListExpr:
		return ReceiverType(t.X)
	case *ast.Ident:
		return t.Name
	}
	return ""
}
