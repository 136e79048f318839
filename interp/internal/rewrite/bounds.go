package rewrite

import (
	"go/ast"
	"go/token"
	"strings"
)

// Index and slice bounds in code that recovers. yaegi indexes through
// package reflect, whose panic says neither the index nor the length, so a
// recovered "index out of range" could not print Go's message. Where a
// panic is likely to be recovered and printed (a function that calls
// recover, or a function literal handed to a notebook function that does),
// an index or slice of a variable known to be a slice, an array or a
// string checks its bounds first, with Go's message:
//
//	nums[idx]     becomes  nums[__gocellfix.Idx(int(idx), len(nums))]
//	s[lo:hi]      becomes  s[__gocellfix.SliceLo(int(lo), int(hi), cap(s), true):hi]
//
// Elsewhere the check would slow every index for a message nobody reads;
// the panic then says it cannot tell the index (package stdfix).

// seqKind is what a variable is known to be: "slice", "array", "string".
type seqKind string

// rewriteBounds rewrites the index and slice expressions of recovering
// code.
func (r *rewriter) rewriteBounds(root ast.Node) {
	done := map[ast.Node]bool{}
	var visit func(n ast.Node)
	visit = func(n ast.Node) {
		if done[n] {
			return
		}
		done[n] = true
		ast.Inspect(n, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.IndexExpr:
				r.boundsIndex(x)
			case *ast.SliceExpr:
				r.boundsSlice(x)
			}
			return true
		})
	}
	ast.Inspect(root, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncDecl:
			if callsRecover(x.Body) {
				visit(x.Body)
				return false
			}
		case *ast.FuncLit:
			if callsRecover(x.Body) {
				visit(x.Body)
				return false
			}
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok {
				if fi, ok := r.facts.Func(id.Name); ok && fi.Recovers {
					for _, a := range x.Args {
						if fl, ok := a.(*ast.FuncLit); ok {
							visit(fl.Body)
						}
					}
				}
			}
		}
		return true
	})
}

func (r *rewriter) boundsIndex(x *ast.IndexExpr) {
	if !simpleExpr(x.Index) {
		return
	}
	seq := ""
	if id, ok := x.X.(*ast.Ident); ok {
		// A constant index out of an array's range does not compile; of
		// a slice's or a string variable's, it panics when it runs.
		if k := r.seqKindOf(id); k == "" || k == "array" && isConst(x.Index) {
			return
		}
		seq = id.Name
	} else if c, ok := x.X.(*ast.CallExpr); ok && isSeqConversion(c) {
		seq = r.src(c) // evaluated twice: a conversion of a simple operand
	} else {
		return
	}
	start, end := r.off(x.Index.Pos()), r.off(x.Index.End())
	r.composites = append(r.composites, composite{start: start, end: end, build: func() []srcEdit {
		return []srcEdit{{start, end, FixPkg + ".Idx(int(" + r.render(start, end) + "), len(" + seq + "))"}}
	}})
}

// isSeqConversion reports whether c converts a simple operand to a slice
// type ([]int(nil)) or to string: its length can be taken again.
func isSeqConversion(c *ast.CallExpr) bool {
	if len(c.Args) != 1 || c.Ellipsis.IsValid() || !simpleExpr(c.Args[0]) {
		return false
	}
	switch f := ast.Unparen(c.Fun).(type) {
	case *ast.ArrayType:
		return f.Len == nil
	case *ast.Ident:
		return f.Name == "string" && f.Obj == nil
	}
	return false
}

func (r *rewriter) boundsSlice(x *ast.SliceExpr) {
	id, ok := x.X.(*ast.Ident)
	if !ok || x.Slice3 {
		return
	}
	k := r.seqKindOf(id)
	if k == "" || x.Low != nil && !simpleExpr(x.Low) || x.High != nil && !simpleExpr(x.High) {
		return
	}
	limit, capWord := "cap("+id.Name+")", "true"
	if k != "slice" {
		limit, capWord = "len("+id.Name+")", "false"
	}
	switch {
	case x.Low != nil && x.High != nil:
		lo, hi := r.src(x.Low), r.src(x.High)
		r.replace(x.Low, FixPkg+".SliceLo(int("+lo+"), int("+hi+"), "+limit+", "+capWord+")")
	case x.Low != nil:
		r.replace(x.Low, FixPkg+".SliceFrom(int("+r.src(x.Low)+"), len("+id.Name+"))")
	case x.High != nil:
		r.replace(x.High, FixPkg+".SliceTo(int("+r.src(x.High)+"), "+limit+", "+capWord+")")
	}
}

// simpleExpr reports whether an expression can be evaluated twice: names,
// literals, fields, arithmetic on them, len and cap.
func simpleExpr(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.Ident, *ast.BasicLit:
		return true
	case *ast.SelectorExpr:
		return simpleExpr(x.X)
	case *ast.ParenExpr:
		return simpleExpr(x.X)
	case *ast.UnaryExpr:
		return x.Op != token.ARROW && simpleExpr(x.X)
	case *ast.BinaryExpr:
		return simpleExpr(x.X) && simpleExpr(x.Y)
	case *ast.CallExpr:
		id, ok := x.Fun.(*ast.Ident)
		return ok && id.Obj == nil && (id.Name == "len" || id.Name == "cap") && len(x.Args) == 1 && simpleExpr(x.Args[0])
	}
	return false
}

// isConst reports whether e is a literal or arithmetic on literals: Go
// rejects a constant index out of range when it compiles.
func isConst(e ast.Expr) bool {
	switch x := e.(type) {
	case *ast.BasicLit:
		return true
	case *ast.ParenExpr:
		return isConst(x.X)
	case *ast.UnaryExpr:
		return isConst(x.X)
	case *ast.BinaryExpr:
		return isConst(x.X) && isConst(x.Y)
	}
	return false
}

// seqKindOf says whether a variable is a slice, an array or a string, from
// its declaration in the chunk or, for a notebook variable, the type the
// facts recorded.
func (r *rewriter) seqKindOf(id *ast.Ident) seqKind {
	if id.Obj == nil {
		return typeTextKind(r.facts.VarTypeText(id.Name))
	}
	if id.Obj.Kind != ast.Var {
		return ""
	}
	switch d := id.Obj.Decl.(type) {
	case *ast.Field:
		if _, ok := d.Type.(*ast.Ellipsis); ok {
			return "slice"
		}
		return exprTypeKind(d.Type)
	case *ast.ValueSpec:
		if d.Type != nil {
			return exprTypeKind(d.Type)
		}
		for i, n := range d.Names {
			if n.Name == id.Name && i < len(d.Values) && len(d.Values) == len(d.Names) {
				return valueKind(d.Values[i])
			}
		}
	case *ast.AssignStmt:
		if d.Tok != token.DEFINE || len(d.Lhs) != len(d.Rhs) {
			return ""
		}
		for i, l := range d.Lhs {
			if l, ok := l.(*ast.Ident); ok && l.Name == id.Name {
				if k := r.slicedKind(d.Rhs[i]); k != "" {
					return k
				}
				return valueKind(d.Rhs[i])
			}
		}
	}
	return ""
}

// valueKind is what an initializer makes: []T{...}, [N]T{...}, make([]T,
// ...), a string literal.
func valueKind(e ast.Expr) seqKind {
	switch x := e.(type) {
	case *ast.CompositeLit:
		if x.Type != nil {
			return exprTypeKind(x.Type)
		}
	case *ast.CallExpr:
		if id, ok := x.Fun.(*ast.Ident); ok && id.Obj == nil && id.Name == "make" && len(x.Args) > 0 {
			if k := exprTypeKind(x.Args[0]); k == "slice" {
				return k
			}
		}
	case *ast.BasicLit:
		if x.Kind == token.STRING {
			return "string"
		}
	}
	return ""
}

func exprTypeKind(t ast.Expr) seqKind {
	switch x := t.(type) {
	case *ast.ArrayType:
		if x.Len == nil {
			return "slice"
		}
		if _, ok := x.Len.(*ast.Ellipsis); ok {
			return "array"
		}
		return "array"
	case *ast.Ident:
		if x.Name == "string" && x.Obj == nil {
			return "string"
		}
	}
	return ""
}

// typeTextKind is exprTypeKind of a type as the facts wrote it.
func typeTextKind(t string) seqKind {
	switch {
	case strings.HasPrefix(t, "[]"):
		return "slice"
	case strings.HasPrefix(t, "["):
		return "array"
	case t == "string":
		return "string"
	}
	return ""
}

// slicedKind is what slicing a known variable makes (s := arr[:]): a
// slice, or a string of a string.
func (r *rewriter) slicedKind(e ast.Expr) seqKind {
	x, ok := e.(*ast.SliceExpr)
	if !ok {
		return ""
	}
	id, ok := x.X.(*ast.Ident)
	if !ok {
		return ""
	}
	switch r.seqKindOf(id) {
	case "string":
		return "string"
	case "slice", "array":
		return "slice"
	}
	return ""
}
