package rewrite

import (
	"errors"
	"go/parser"
	"go/token"
	"strings"
	"testing"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// testFacts is what the cases below declare, in order: later cases may
// use names earlier ones declared, as later cells do.
var testFacts = &names.Facts{}

// rewriteCase is one chunk and what chunk must make of it.
type rewriteCase struct {
	name string
	kind cell.Kind
	in   string
	out  string // expected text; "" when want is used
	want []string
}

var rewriteCases = []rewriteCase{
	{name: "loop var captured", kind: cell.Stmts,
		in:  "for i := 0; i < 3; i++ {\n\tfs = append(fs, func() { fmt.Println(i) })\n}",
		out: "{ for __gocell_lv1 := 0; __gocell_lv1 < 3; __gocell_lv1++ { i := __gocell_lv1; \n\tfs = append(fs, func() { fmt.Println(__gocellfix.ValT(i)) })\n} }"},
	{name: "loop var captured and assigned", kind: cell.Stmts,
		in:  "for i := 0; i < 9; i++ {\n\tfs = append(fs, func() int { return i })\n\tif i%2 == 0 { i++; continue }\n}",
		out: "{ for __gocell_lv1 := 0; __gocell_lv1 < 9; __gocell_lv1++ { i := __gocell_lv1; \n\tfs = append(fs, func() int { return i })\n\tif i%2 == 0 { i++; { __gocell_lv1 = i; continue } }\n; __gocell_lv1 = i; } }"},
	{name: "loop var not captured", kind: cell.Stmts,
		in:  "for i := 0; i < 3; i++ {\n\tsum += i\n}",
		out: "{ for i := 0; i < 3; i++ {\n\tsum += i\n} }"},
	{name: "range var address taken", kind: cell.Stmts,
		in:  "for _, p := range pts { ptrs = append(ptrs, &p) }",
		out: "for _, __gocell_lv1 := range pts { p := __gocell_lv1;  ptrs = append(ptrs, &p) }"},
	{name: "range over int", kind: cell.Stmts,
		in:  "for i := range 10 {\n\tfmt.Println(i)\n}",
		out: "{ __gocell_n1 := 10; for __gocell_k2 := __gocell_n1 - __gocell_n1; __gocell_k2 < __gocell_n1; __gocell_k2++ { i := __gocell_k2;\n\tfmt.Println(__gocellfix.ValT(i))\n} }"},
	{name: "range over int variable, labeled", kind: cell.Stmts,
		in:  "n := 4\nL: for range n { break L }",
		out: "n := 4\n{ __gocell_n1 := n; L: for __gocell_k2 := __gocell_n1 - __gocell_n1; __gocell_k2 < __gocell_n1; __gocell_k2++ { break L } }"},
	{name: "range over len", kind: cell.Stmts,
		in:   "for i := range len(xs) { _ = i }",
		want: []string{"__gocell_n1 := len(xs)"}},
	{name: "range over slice untouched", kind: cell.Stmts,
		in: "for i, x := range xs { total += i * x }", out: "for i, x := range xs { total += i * x }"},
	{name: "range over maps.Keys", kind: cell.Stmts,
		in:   "for k := range maps.Keys(m) {\n\tfmt.Println(k)\n}",
		want: []string{"__gocell_seq1 := maps.Keys(m); __gocell_it2 := __gocellfix.Iter(__gocell_seq1)", "k := __gocellfix.Zero1(__gocell_seq1); if !__gocellfix.Next(__gocell_it2, &k) { break }", "}; __gocellfix.Stop(__gocell_it2) }"}},
	{name: "range over function literal, two values", kind: cell.Stmts,
		in:   "for i, s := range func(yield func(int, string) bool) { yield(1, \"a\") } { fmt.Println(i, s) }",
		want: []string{"__gocellfix.Zero2K", "__gocellfix.Zero2V", "__gocellfix.Next2(__gocell_it2, &i, &s)"}},
	{name: "min max clear", kind: cell.Stmts,
		in:  "a := min(x, y)\nb := max(1, x, 2.5)\nc := min(3, 1.5)\nclear(m)\nd := max(v)",
		out: "a := __gocellfix.Min(x, y)\nb := __gocellfix.MaxN(x, 1, 2.5)\nc := (1.5)\n__gocellfix.Clear(m)\nd := (v)"},
	{name: "min of constants of mixed kinds", kind: cell.Stmts,
		in: "const c = min(1, 2.5)", out: "const c = (1 + 0.0)"},
	{name: "max over lines", kind: cell.Stmts,
		in: "w := max(\n\t1,\n\tq)", out: "w := __gocellfix.Max(\n\nq, 1)"},
	{name: "shadowed min", kind: cell.Stmts,
		in: "min := func(a, b int) int { return a }\n_ = min(1, 2)", out: "min := func(a, b int) int { return a }\n_ = min(1, 2)"},
	{name: "type verb", kind: cell.Stmts,
		in: "fmt.Printf(\"%T %-6T|%v\\n\", x, y, z)", out: "fmt.Printf(\"%s %-6s|%v\\n\", __gocellfix.TypeOf(x), __gocellfix.TypeOf(y), __gocellfix.ValT(z))"},
	{name: "type verb with explicit index left alone", kind: cell.Stmts,
		in: "fmt.Printf(\"%[1]T\", x)", out: "fmt.Printf(\"%[1]T\", x)"},
	{name: "concat of one", kind: cell.Stmts,
		in: "fmt.Println(slices.Concat(a))", out: "fmt.Println(__gocellfix.Vals(slices.Concat(a, nil))...)"},
	{name: "comma-ok at top level", kind: cell.Stmts,
		in:  "v, ok := m[\"k\"]\n_, found := m[k]\nn, isInt := a.(int)",
		out: "v, ok := m[\"k\"], false; v, ok = m[\"k\"]\nfound := false; _, found = m[k]\nvar n int; var isInt bool; n, isInt = a.(int)"},
	{name: "comma-ok in if", kind: cell.Stmts,
		in:  "if v, ok := m[k]; ok {\n\tfmt.Println(v)\n}",
		out: "{ { v, ok := m[k], false; v, ok = m[k]; if ok {\n\tfmt.Println(__gocellfix.ValT(v))\n} } }"},
	{name: "comma-ok receive from a known channel", kind: cell.Stmts,
		in:  "ch := make(chan string)\nfor { v, ok := <-ch; if !ok { break }; _ = v }",
		out: "ch := make(chan string)\nfor { var v string; var ok bool; v, ok = <-ch; if !ok { break }; _ = v }"},
	{name: "comma-ok inside a function untouched", kind: cell.Stmts,
		in: "f := func() { v, ok := m[k]; _, _ = v, ok }", out: "f := func() { v, ok := m[k]; _, _ = v, ok }"},
	{name: "generic define from the first argument", kind: cell.Stmts,
		in:  "ys := slices.Clone(xs)\nvar zs []int = slices.Clone(xs)\nbig := slices.Max(f(xs))",
		out: "ys := xs; ys = slices.Clone(ys)\nvar zs []int; zs = slices.Clone(xs)\n__gocell_t1 := f(xs); big := __gocell_t1[0]; big = slices.Max(__gocell_t1)"},
	{name: "defer evaluates its arguments", kind: cell.Stmts,
		in:  "func() {\ndefer fmt.Println(\"done\", i)\ndefer wg.Done()\ndefer close(ch)\n}()",
		out: "func() {\n{ __gocellfix.Push2(fmt.Println, \"done\", __gocellfix.ValT(i)); defer __gocellfix.Pop() }\ndefer wg.Done()\ndefer close(ch)\n}()"},
	{name: "defer at the top level of a cell", kind: cell.Stmts,
		in:  "defer fmt.Println(\"done\", i)\ndefer wg.Done()\ndefer close(ch)",
		out: "__gocell.Defer(func() func() { __f, __a2 := fmt.Println, __gocellfix.ValT(i); return func() { __f(\"done\", __a2) } }())\n__gocell.Defer(func() func() { __f := wg.Done; return func() { __f() } }())\n__gocell.Defer(func() func() { __a1 := ch; return func() { close(__a1) } }())"},
	{name: "return at the top level of a cell", kind: cell.Stmts,
		in:  "if err != nil {\n\treturn\n}\nfmt.Println(x) // done",
		out: "if err != nil {\n\t{ __gocell.Return(); goto __gocell_return }\n}\nfmt.Println(__gocellfix.ValT(x)); __gocell_return: // done"},
	{name: "shadowing in a top-level block", kind: cell.Stmts,
		in:  "level := 1\n{\n\tlevel := 2\n\t_ = level\n}\nfor level := 0; level < 1; level++ {}",
		out: "level := 1\n{\n\tlevel__s1 := 2\n\t_ = level__s1\n}\n{ for level__s2 := 0; level__s2 < 1; level__s2++ {} }"},
	{name: "multi-value declaration in a top-level loop body", kind: cell.Stmts,
		in:  "for s.Len() > 0 {\n\tv, _ := s.Pop()\n\tuse(v)\n}\nfor {\n\tgot1, got2 := f()\n\tif got1 {\n\t\tbreak\n\t}\n\tuse(got2)\n}",
		out: "for s.Len() > 0 { func() {\n\tv, _ := s.Pop()\n\tuse(v)\n}() }\nfor { if func() bool {\n\tgot1, got2 := f()\n\tif got1 {\n\t\treturn true\n\t}\n\tuse(got2)\n; return false }() { break } }"},
	{name: "multi-value declaration in a top-level loop body that continues", kind: cell.Stmts,
		in:  "for _, s := range in {\n\tnum, err := strconv.Atoi(s)\n\tif err != nil {\n\t\tcontinue\n\t}\n\tfor {\n\t\tbreak\n\t}\n\tuse(num)\n}",
		out: "for _, s := range in { func() {\n\tnum, err := strconv.Atoi(s)\n\tif err != nil {\n\t\treturn\n\t}\n\tfor {\n\t\tbreak\n\t}\n\tuse(num)\n}() }"},
	{name: "multi-name const specs repeated", kind: cell.Decls,
		in:  "const (\n\ta, b = iota, iota * 10\n\tc, d\n)",
		out: "const (\n\ta, b = (0), (0) * 10\n\tc, d = (1), (1) * 10\n)"},
	{name: "type switch with case error", kind: cell.Stmts,
		in:  "switch x := v.(type) {\ncase nil:\n\tbreak\ncase error:\n\tuse(x)\ndefault:\n}",
		out: "{ switch __gocell_ts1 := v; {\ncase __gocell_ts1 == nil: __gocell_x_2 := __gocell_ts1; _ = __gocell_x_2;\n\tbreak\ncase __gocellfix.IsError(__gocell_ts1): __gocell_x_3 := __gocellfix.MustError(__gocell_ts1); _ = __gocell_x_3;\n\tuse(__gocell_x_3)\ndefault: __gocell_x_4 := __gocell_ts1; _ = __gocell_x_4;\n} }"},
	{name: "a notebook interface", kind: cell.Decls,
		in: "type Shape interface{ Area() float64 }", out: "type Shape interface{ Area() float64 }"},
	{name: "assertions to error, fmt.Stringer and a notebook interface", kind: cell.Stmts,
		in: "e, ok := v.(error)\ns := v.(fmt.Stringer)\nvar w, ok2 = v.(Shape)\nuse(v.(Shape), v.(int))",
		out: "var e error; var ok bool; e, ok = __gocellfix.AsError(v)\ns := __gocellfix.MustStringer(v)\nvar w, ok2 = func(__v any) (Shape, bool) { if _, ok := __v.(Shape); ok { switch __y := __v.(type) { case Shape: return __y, true } }; return nil, false }(v)\n" +
			"use(func(__v any) Shape { if _, ok := __v.(Shape); ok { switch __y := __v.(type) { case Shape: return __y } }; panic(__gocellfix.AssertFailed(__v, \"main.Shape\", \"Area\")) }(v), v.(int))"},
	{name: "bounds checked where a panic is recovered", kind: cell.Decls,
		in: "func at(xs []string, i int) (s string) {\n\tdefer func() { recover() }()\n\treturn xs[i] + xs[i:] + xs[1:i] + xs[:i] + xs[0]\n}",
		out: "func at(xs []string, i int) (s string) {\n\tdefer func() { __gocellfix.Recovered(recover()) }()\n\treturn xs[__gocellfix.Idx(int(i), len(xs))] + " +
			"xs[__gocellfix.SliceFrom(int(i), len(xs)):] + xs[__gocellfix.SliceLo(int(1), int(i), cap(xs), true):i] + " +
			"xs[:__gocellfix.SliceTo(int(i), cap(xs), true)] + xs[__gocellfix.Idx(int(0), len(xs))]\n}"},
	{name: "a nil pointer converted to error", kind: cell.Decls,
		in:  "type E struct{}\nfunc f(p *E) error {\n\treturn p\n}",
		out: "var _ = __gocellfix.RegisterType(\"main.E\", __gocellfix.Box[*E]{}); type E struct{}\nfunc f(p *E) error {\n\treturn func() error { if p == nil { return __gocellfix.NilError(p, \"*main.E\", func() string { return p.Error() }) }; return p }()\n}"},
	{name: "a panic with a notebook value", kind: cell.Stmts,
		in:  "if bad {\n\tpanic(E{})\n}",
		out: "if bad {\n\t{ var __gocell_p any = (E{}); panic(__gocell_p) }\n}"},
	{name: "break and continue out of select", kind: cell.Stmts,
		in:  "loop:\nfor {\n\tselect {\n\tcase <-quit:\n\t\tbreak loop\n\tdefault:\n\t\tcontinue\n\t}\n}",
		out: "loop:\nfor { {\n\tselect {\n\tcase <-quit:\n\t\tgoto __gocell_brk1\n\tdefault:\n\t\tgoto __gocell_cont2\n\t}\n}; __gocell_cont2: ;}; __gocell_brk1: ;"},
	{name: "struct tags for json and printing", kind: cell.Decls,
		in:  "type Item struct {\n\tBase\n\tName string `json:\"name\"`\n\tsecret int\n\tnote string `json:\"note\"`\n}",
		out: "var _ = __gocellfix.RegisterType(\"main.Item\", __gocellfix.Box[*Item]{}); type Item struct {\n\tBase `gocell:\"embedded\"`\n\tName string `json:\"name\"`\n\tsecret int `gocell:\"unexported\"`\n\tnote string `json:\"note\" gocell:\"unexported\"`\n}"},
	{name: "generic signature deduplicated", kind: cell.Decls,
		in:  "func Map[T, U any](xs []T, f func(T) U) []U { return nil }",
		out: "func Map[T any, T__2 any, U any](xs []T, f func(T__2) U) []U { return nil }"},
	{name: "generic signature through a core type", kind: cell.Decls,
		in:  "func Sum[S ~[]E, E int | float64](s S) E { var t E; for _, x := range s { t += x }; return t }",
		out: "func Sum[E int | float64](s []E) E { var t E; for _, x := range s { t += x }; return t }"},
	{name: "generic signature already right", kind: cell.Decls,
		in: "func Keys[K comparable, V any](m map[K]V) []K { return nil }", out: "func Keys[K comparable, V any](m map[K]V) []K { return nil }"},
}

func TestRewriteExamples(t *testing.T) {
	for _, c := range rewriteCases {
		t.Run(c.name, func(t *testing.T) {
			got, err := chunk(testFacts, c.kind, c.in)
			if err != nil {
				t.Fatalf("error: %v", err)
			}
			if c.out != "" && got != c.out {
				t.Errorf("rewrite of\n%s\n--- got:\n%s\n--- want:\n%s", c.in, got, c.out)
			}
			for _, w := range c.want {
				if !strings.Contains(got, w) {
					t.Errorf("rewrite of\n%s\n--- got:\n%s\n--- lacks %q", c.in, got, w)
				}
			}
		})
	}
}

// TestRewriteKeepsLines checks that every rewrite keeps the line structure
// and yields Go that parses.
func TestRewriteKeepsLines(t *testing.T) {
	for _, c := range rewriteCases {
		got, err := chunk(testFacts, c.kind, c.in)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if strings.Count(got, "\n") != strings.Count(c.in, "\n") {
			t.Errorf("%s: %d lines became %d:\n%s", c.name, strings.Count(c.in, "\n")+1, strings.Count(got, "\n")+1, got)
		}
		src := "package p\n" + got
		if c.kind == cell.Stmts {
			src = "package p\nfunc _() {\n" + got + "\n}\n"
		}
		if _, err := parser.ParseFile(token.NewFileSet(), "", src, 0); err != nil {
			t.Errorf("%s: rewritten code does not parse: %v\n%s", c.name, err, got)
		}
	}
}

func TestRewriteErrors(t *testing.T) {
	for _, c := range []struct {
		in        string
		line, col int
		msg       string
	}{
		{"x := 1\n  keys := slices.Sorted(maps.Keys(m))", 2, 3, "generic function slices.Sorted(...)"},
		{"v, ok := <-unknownChan", 1, 1, "declare v with its type first"},
		{"v, ok := unknownMap[key()]", 1, 1, "assign the map and the key to variables first"},
	} {
		_, err := chunk(testFacts, cell.Stmts, c.in)
		var re *Error
		if !errors.As(err, &re) {
			t.Errorf("%q: want a RewriteError, got %v", c.in, err)
			continue
		}
		if re.Line != c.line || re.Col != c.col || !strings.Contains(re.Msg, c.msg) {
			t.Errorf("%q: got %d:%d %q, want %d:%d ...%q...", c.in, re.Line, re.Col, re.Msg, c.line, c.col, c.msg)
		}
		if strings.Contains(c.in, "slices.Sorted") && (re.Define == nil || re.Define.Names[0] != "keys" || re.Define.Expr != "slices.Sorted(maps.Keys(m))") {
			t.Errorf("%q: Define = %+v", c.in, re.Define)
		}
		if l, col := re.CellPosition(5, 3); c.line == 1 && (l != 5 || col != 3+c.col-1) || c.line > 1 && (l != 5+c.line-1 || col != c.col) {
			t.Errorf("%q: cell position %d:%d", c.in, l, col)
		}
	}
}

func TestRewriteSkipsPlainCells(t *testing.T) {
	for _, src := range []string{"x = 1", "fmt.Println(x)", "total += n * 2", "m[\"k\"] = 3", "x"} {
		if mayNeedRewrite(&names.Facts{}, src) {
			t.Errorf("%q: parsed although nothing can need a rewrite", src)
		}
		if got, _ := chunk(testFacts, cell.Stmts, src); got != src {
			t.Errorf("%q became %q", src, got)
		}
	}
}

// benchCells are typical 20-line cells: one that no rewrite applies to (it
// is not parsed), one with several triggers.
var benchCells = map[string]string{
	"without triggers": strings.Repeat("x = x + 1\nfmt.Println(x)\n", 10),
	"with triggers": `type Point struct{ X, Y int }
points := []Point{{1, 2}, {3, 4}, {5, 6}}
var fs []func() int
for i := 0; i < len(points); i++ {
	fs = append(fs, func() int { return points[i].X })
}
for i := range 3 {
	fmt.Println(i, min(i, 2), max(i, 1))
}
m := map[string]int{"a": 1}
if v, ok := m["a"]; ok {
	fmt.Println(v)
}
for _, p := range points {
	fmt.Printf("%T %v\n", p, p)
}
total := 0
for _, f := range fs {
	total += f()
}
fmt.Println(total)`,
}

func BenchmarkRewrite(b *testing.B) {
	for _, name := range []string{"without triggers", "with triggers"} {
		src := benchCells[name]
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				if _, err := chunk(testFacts, cell.Stmts, src); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
