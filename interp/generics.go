package interp

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"regexp"
	"strings"
	"sync"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/pkgtypes"
	"github.com/gocell/gocell/interp/internal/rewrite"
	"github.com/traefik/yaegi/stdlib"
)

// Notebook variables declared from a generic call at the top level of a
// cell (keys := slices.Sorted(maps.Keys(m)), p := MakePair("x", 1)).
// yaegi types such a declaration before it instantiates the function and
// fails; inside a function it is right. The rewrite reports the statement
// (rewrite.GenericDefine), and the session runs the chunk in three parts:
// the statements before it; the call, inside a function literal, which
// hands the value and its type's name to the session; a declaration
// var x T of that type, which the value is then stored in; the statements
// after it. When the rewrite inferred the variable's type itself (it
// needs a package-level declaration there: c := NewCache[string, int]()),
// the variable is declared with that type and assigned, without the probe.

// mainQualifier is the package qualifier of notebook types in type names.
var mainQualifier = regexp.MustCompile(`\bmain\.`)

var untypedNames = strings.NewReplacer("untyped string", "string", "untyped int", "int",
	"untyped float", "float64", "untyped rune", "rune", "untyped bool", "bool", "untyped complex", "complex128")

// runGenericDefine runs chunk c (statements) whose rewrite failed with
// err at a generic declaration. It reports false when it cannot, and the
// error stands.
func (s *Session) runGenericDefine(ctx context.Context, file, code string, c cell.Chunk, last bool, err error) (*CellError, bool) {
	var re *rewrite.Error
	if !errors.As(err, &re) || re.Define == nil || len(re.Define.Names) != 1 || re.Define.Names[0] == "_" {
		return nil, false
	}
	d := re.Define
	if d.Start < 0 || d.End > len(d.Text) || d.Start >= d.End {
		return nil, false
	}
	sub := func(start, end int) cell.Chunk {
		line, col := cell.Position(d.Text, start)
		if line == 1 {
			col += c.Col - 1
		}
		return cell.Chunk{Kind: cell.Stmts, Text: d.Text[start:end], Line: c.Line + line - 1, Col: col, Declares: c.Declares}
	}
	if strings.TrimSpace(d.Text[:d.Start]) != "" {
		if cerr := s.runStmts(ctx, file, code, sub(0, d.Start), false); cerr != nil || s.returned {
			return cerr, true
		}
	}
	name := d.Names[0]
	here := sub(d.Start, d.End)
	if d.Type != "" {
		// The rewrite knows the type: declare the variable, then assign it.
		decl := cell.Chunk{Kind: cell.Decls, Text: "var " + name + " " + d.Type, Line: here.Line, Col: here.Col}
		if cerr := s.runDecls(ctx, file, code, decl); cerr != nil {
			return cerr, true
		}
		assign := cell.Chunk{Kind: cell.Stmts, Text: name + " = " + d.Expr, Line: here.Line, Col: here.Col, Declares: c.Declares}
		rest := strings.TrimSpace(d.Text[d.End:]) != ""
		if cerr := s.runStmts(ctx, file, code, assign, last && !rest); cerr != nil || s.returned || !rest {
			return cerr, true
		}
		return s.runStmts(ctx, file, code, sub(d.End, len(d.Text)), last), true
	}
	s.held, s.heldType = nil, ""
	probe := fmt.Sprintf("func() { __v := %s; %s.Hold(%s.TypeOf(__v), __v) }()", d.Expr, rtName, rewrite.FixPkg)
	if cerr := s.runStmts(ctx, file, code, cell.Chunk{Kind: cell.Stmts, Text: probe, Line: here.Line, Col: here.Col}, false); cerr != nil {
		return cerr, true
	}
	// yaegi names type arguments inferred from constants "untyped int".
	typ := untypedNames.Replace(mainQualifier.ReplaceAllString(s.heldType, ""))

	if typ == "" || strings.Contains(typ, "struct {") {
		return nil, false
	}
	decl := cell.Chunk{Kind: cell.Decls, Text: "var " + name + " " + typ, Line: here.Line, Col: here.Col}
	if cerr := s.runDecls(ctx, file, code, decl); cerr != nil {
		return cerr, true
	}
	s.globalsCache = nil
	if g, ok := s.currentGlobals()[name]; ok && s.held != nil {
		v := reflect.ValueOf(s.held)
		for g.Kind() == reflect.Pointer && v.Type() != g.Type() && g.Elem().IsValid() && v.Type().AssignableTo(g.Type().Elem()) {
			g = g.Elem()
		}
		switch {
		case g.CanSet() && v.Type().AssignableTo(g.Type()):
			g.Set(v)
		case g.CanSet() && v.Type().ConvertibleTo(g.Type()):
			g.Set(v.Convert(g.Type()))
		default:
			return &CellError{EName: "CompileError", EValue: fmt.Sprintf("%s := %s: the interpreter could not store the value of type %s (%s, line %d)", name, d.Expr, typ, cellLabel(file), here.Line)}, true
		}
	}
	s.held = nil
	if strings.TrimSpace(d.Text[d.End:]) != "" {
		return s.runStmts(ctx, file, code, sub(d.End, len(d.Text)), last), true
	}
	return nil, true
}

// hold receives the value of a generic call and its type's name.
func (s *Session) hold(typ string, v any) { s.held, s.heldType = v, typ }

var typeCheckOnce sync.Once

// typeCheckPackages gives the rewrites' type check of generic calls the
// host packages cells import (rewrite infers type arguments yaegi cannot,
// Map(words, strings.ToUpper)). Packages are described when first used.
func typeCheckPackages() {
	typeCheckOnce.Do(func() {
		rewrite.UsePackageTypes(pkgtypes.New(stdlib.Symbols, display.Symbols, bundledPackages.Symbols))
	})
}
