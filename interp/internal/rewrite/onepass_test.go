package rewrite

import (
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/names"
)

// onePassCells are cells that mix the rewrites whose edits nest: go
// statements in cached functions, in rewritten loops, of rewritten calls;
// cached functions whose signatures a rewrite changes; shadowed names.
var onePassCells = []string{
	"type T struct{ A int; b string }\nfunc (t T) String() string { return fmt.Sprint(t.A) }",
	"//%cache_data\nfunc slow(n int) int {\n\tgo func() { for i := range 3 { fmt.Println(i, n) } }()\n\treturn n * 2\n}",
	"// doc\n//%cache_data\nfunc pair[K comparable, V any](m map[K]V, k K) V { go work(k); return m[k] }",
	"func work[T any](x T) { go func() { defer fmt.Println(x) }() }",
	"//%cache_resource\nfunc open(name string) *T { return &T{A: len(name)} }",
	"//%cache_data\nfunc (t T) Double(x struct{ A int }) int { return t.A * x.A }",
	"var m = map[string]int{}\nvar v, ok = m[\"a\"]\nconst (\n\tA = iota\n\tB\n)\nfunc main() { go clear(m) }",
	"x := 1\nif x := 2; x > 1 { go fmt.Println(x, min(x, 3)) }\nfor i := 0; i < 2; i++ { go func() { fmt.Println(i) }() }",
	"m := map[int]int{}\ngo clear(m)\ngo fmt.Println(T{A: 1}, slow(2))\ngo work(\n\t3,\n)",
	"for _, s := range []string{\"a\"} {\n\tgo func(s string) { fmt.Printf(\"%T\\n\", s) }(s)\n}",
	"func g(xs ...int) int { return len(xs) }\nfunc h() { go g([]int{1, 2}...); go g(max(1, 2)) }",
	"var t = T{A: 2}\nfmt.Println(t)\ngo fmt.Println(t)",
	"//%cache_data\nfunc bad[T any](x T) T { return x }\ntype S struct {\n\tT\n\tn int\n}",
	"//%cache_data\ntype Q int",
	"//%cache_resource validate=nope\nfunc res() *T { return nil }",
	"//%cache_resource\nfunc none() { go work(1) }",
	"func broken( {\n}",
	"//%cache_data\nfunc (t *T) Ptr(xs ...int) (int, error) { go fmt.Println(xs); return len(xs), nil }",
	"//%cache_data\nfunc nobody(n int) int",
	"go min(1, 2)\ngo max(3)\ngo print(1)\nfunc clear(m map[int]int) {}",
	"x, y := 1, 2\n{\n\tx := 3\n\tgo fmt.Println(x, y)\n}",
}

// corpusChunks returns chunks from the interpreter's corpus programs: the
// declarations of each program, one by one and all together, and the body
// of its main as statements.
func corpusChunks(t *testing.T) [][]string {
	files, _ := filepath.Glob(filepath.Join("..", "..", "testdata", "corpus", "*.go"))
	var out [][]string
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		fset := token.NewFileSet()
		file, err := parser.ParseFile(fset, f, src, parser.ParseComments)
		if err != nil {
			continue
		}
		off := func(p token.Pos) int { return fset.Position(p).Offset }
		var cells []string
		var all, body string
		for _, d := range file.Decls {
			start := d.Pos()
			switch d := d.(type) {
			case *ast.GenDecl:
				if d.Tok == token.IMPORT {
					continue
				}
				if d.Doc != nil {
					start = d.Doc.Pos()
				}
			case *ast.FuncDecl:
				if d.Doc != nil {
					start = d.Doc.Pos()
				}
				if d.Name.Name == "main" && d.Recv == nil {
					body = string(src[off(d.Body.Lbrace)+1 : off(d.Body.Rbrace)])
					continue
				}
			}
			text := string(src[off(start):off(d.End())])
			cells = append(cells, text)
			all += text + "\n"
		}
		out = append(out, append(append([]string{all}, cells...), body))
	}
	return out
}

// runBoth runs one cell through the one-parse engine and the chained
// reference, each with its own registry, and reports how they differ.
func runBoth(t *testing.T, regNew, regOld *names.Registry, code string) {
	t.Helper()
	chunks, err := cell.Split(code)
	if err != nil {
		return
	}
	for _, c := range chunks {
		switch c.Kind {
		case cell.Decls:
			dn, errN := Declarations(regNew, "cell1.go", c)
			do, errO := oldDeclarations(regOld, "cell1.go", c)
			if fmt.Sprint(errN) != fmt.Sprint(errO) {
				t.Errorf("chunk %q: error %v, reference %v", c.Text, errN, errO)
				continue
			}
			if errN != nil {
				continue
			}
			if dn.Text != do.Text && !boundGoReceiver(dn.Text) || dn.Main != do.Main {
				t.Errorf("chunk %q:\n got %q\nwant %q", c.Text, dn.Text, do.Text)
			}
			if !reflect.DeepEqual(dn.Cached, do.Cached) {
				t.Errorf("chunk %q: cached %+v, reference %+v", c.Text, dn.Cached, do.Cached)
			}
			if len(dn.Decls) != len(do.Decls) {
				t.Errorf("chunk %q: %d decls, reference %d", c.Text, len(dn.Decls), len(do.Decls))
				continue
			}
			for i := range dn.Decls {
				if !reflect.DeepEqual(*dn.Decls[i], *do.Decls[i]) {
					t.Errorf("chunk %q: decl\n %+v\nreference\n %+v", c.Text, *dn.Decls[i], *do.Decls[i])
				}
			}
			regNew.Add(dn.Decls)
			regOld.Add(do.Decls)
		case cell.Stmts:
			sn, errN := Statements(regNew, c.Text)
			var re *Error
			if errors.As(errN, &re) && re.Split > 0 {
				// A chunk the session runs in two parts (redeclare.go):
				// each part must agree.
				runBoth(t, regNew, regOld, c.Text[:re.Split])
				runBoth(t, regNew, regOld, c.Text[re.Split:])
				continue
			}
			so, errO := oldStatements(regOld, c.Text)
			if fmt.Sprint(errN) != fmt.Sprint(errO) || sn != so && !boundGoReceiver(sn) {
				t.Errorf("chunk %q:\n got %q, %v\nwant %q, %v", c.Text, sn, errN, so, errO)
			}
		}
	}
}

// TestOneParseAgreesWithChain checks that the one-parse engine makes of
// every chunk what the chain of parsing steps it replaced made of it: the
// same text and the same declarations, hashes included.
func TestOneParseAgreesWithChain(t *testing.T) {
	regNew, regOld := &names.Registry{}, &names.Registry{}
	for _, c := range onePassCells {
		runBoth(t, regNew, regOld, c)
	}
	for _, c := range rewriteCases {
		runBoth(t, regNew, regOld, c.in)
	}
	programs := corpusChunks(t)
	if len(programs) < 100 {
		t.Fatalf("found %d corpus programs", len(programs))
	}
	for _, p := range programs {
		regNew, regOld := &names.Registry{}, &names.Registry{}
		for _, c := range p {
			runBoth(t, regNew, regOld, c)
		}
	}
}

// TestOneParsePerChunk counts the parses of the chunks: one each, where
// the chain parsed a declarations chunk up to four times and more.
func TestOneParsePerChunk(t *testing.T) {
	count := 0
	parseHook = func() { count++ }
	defer func() { parseHook = nil }()
	cases := []struct {
		name     string
		kind     cell.Kind
		code     string
		now, was int
	}{
		{"plain statements", cell.Stmts, "x = 1\nfmt.Println(\"hi\")", 0, 0},
		{"statements with a go statement and a loop", cell.Stmts,
			"for i := 0; i < 3; i++ {\n\tgo func() { fmt.Println(i) }()\n}", 1, 3},
		{"declarations", cell.Decls, "type P struct{ X int }\nfunc (p P) Sum() int { return p.X }", 1, 3},
		{"declarations with go statements", cell.Decls,
			"func start(ch chan int) {\n\tfor i := range 3 { go func() { ch <- i }() }\n}", 1, 4},
		{"a cached function with a goroutine", cell.Decls,
			"//%cache_data\nfunc load(n int) int {\n\tgo fmt.Println(n)\n\treturn n\n}", 1, 5},
	}
	for _, c := range cases {
		for _, ref := range []bool{false, true} {
			reg := &names.Registry{}
			count = 0
			var err error
			switch {
			case c.kind == cell.Stmts && !ref:
				_, err = Statements(reg, c.code)
			case c.kind == cell.Stmts:
				_, err = oldStatements(reg, c.code)
			case !ref:
				_, err = Declarations(reg, "cell1.go", cell.Chunk{Kind: cell.Decls, Text: c.code, Line: 1, Col: 1})
			default:
				_, err = oldDeclarations(reg, "cell1.go", cell.Chunk{Kind: cell.Decls, Text: c.code, Line: 1, Col: 1})
			}
			if err != nil {
				t.Fatalf("%s: %v", c.name, err)
			}
			want := c.now
			if ref {
				want = c.was
			}
			if count != want {
				t.Errorf("%s (reference %v): %d parses, want %d", c.name, ref, count, want)
			}
		}
	}
}

// benchGoCell is a 20-line cell with declarations, a cached function that
// starts a goroutine, and statements with go statements in rewritten loops.
const benchGoCell = `type Job struct{ ID, N int }

//%cache_data
func square(n int) int {
	done := make(chan int)
	go func() { done <- n * n }()
	return <-done
}

func run(jobs []Job, out chan<- int) {
	for _, j := range jobs {
		go func() { out <- square(j.N) }()
	}
}
jobs := []Job{{1, 2}, {2, 3}}
out := make(chan int, len(jobs))
run(jobs, out)
for i := range len(jobs) {
	fmt.Println(i, min(<-out, 100))
}`

// BenchmarkCell rewrites whole 20-line cells, chunk by chunk, with the
// one-parse engine and with the chain of parsing steps it replaced (the
// reference, in the same run); parses/op counts the parses of one cell.
func BenchmarkCell(b *testing.B) {
	cells := []struct{ name, code string }{
		{"without triggers", benchCells["without triggers"]},
		{"with triggers", benchCells["with triggers"]},
		{"decls, cache and goroutines", benchGoCell},
	}
	for _, c := range cells {
		chunks, err := cell.Split(c.code)
		if err != nil {
			b.Fatal(err)
		}
		for _, engine := range []string{"one parse", "chain"} {
			b.Run(c.name+"/"+engine, func(b *testing.B) {
				parses := 0
				parseHook = func() { parses++ }
				defer func() { parseHook = nil }()
				b.ReportAllocs()
				for i := 0; i < b.N; i++ {
					reg := &names.Registry{}
					for _, ch := range chunks {
						var err error
						switch {
						case ch.Kind == cell.Decls && engine == "one parse":
							_, err = Declarations(reg, "cell1.go", ch)
						case ch.Kind == cell.Decls:
							_, err = oldDeclarations(reg, "cell1.go", ch)
						case ch.Kind == cell.Stmts && engine == "one parse":
							_, err = Statements(reg, ch.Text)
						case ch.Kind == cell.Stmts:
							_, err = oldStatements(reg, ch.Text)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				}
				b.ReportMetric(float64(parses)/float64(b.N), "parses/op")
			})
		}
	}
}

// boundGoReceiver reports whether a rewritten chunk has a go statement
// whose method receiver methodbind.go evaluated apart (go w.Run()): that
// needs the types of the check, which the chain's textual go statement
// rewrite never had.
func boundGoReceiver(text string) bool { return strings.Contains(text, "__gocell_f.") }
