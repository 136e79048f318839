package bundled_test

import (
	"bytes"
	"encoding/base64"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"image"
	"image/png"
	"math"
	"reflect"
	"strings"
	"sync"
	"testing"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/bundled"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
)

// notebook is a yaegi interpreter set up as an executor sets one up, with a
// host function got(...) through which cells hand values back to the test.
type notebook struct {
	t   *testing.T
	i   *interp.Interpreter
	mu  sync.Mutex
	got []any
}

func newNotebook(t *testing.T) *notebook {
	nb := &notebook{t: t, i: interp.New(interp.Options{})}
	for _, syms := range []interp.Exports{stdlib.Symbols, display.Symbols, bundled.Symbols, {
		"nbtest/nbtest": {"Got": reflect.ValueOf(func(vs ...any) {
			nb.mu.Lock()
			defer nb.mu.Unlock()
			nb.got = append(nb.got, vs...)
		})},
	}} {
		if err := nb.i.Use(syms); err != nil {
			t.Fatal(err)
		}
	}
	return nb
}

// run evaluates src, rewritten as the session rewrites cells, and returns
// the values the cell passed to nbtest.Got.
func (nb *notebook) run(src string) []any {
	nb.t.Helper()
	got, err := nb.try(src)
	if err != nil {
		nb.t.Fatalf("cell failed: %v\n%s", err, src)
	}
	return got
}

func (nb *notebook) try(src string) ([]any, error) {
	nb.got = nil
	_, err := nb.i.Eval(rewrite(nb.t, src))
	return nb.got, err
}

// rewrite applies RewriteVariadicCalls to a declarations-only source. A
// source without imports is rewritten with the notebook's imports in scope,
// as the session prepends them, and printed without them.
func rewrite(t *testing.T, src string) string {
	t.Helper()
	withImports := strings.HasPrefix(strings.TrimSpace(src), "import")
	text := "package main\n" + src
	if !withImports {
		text = "package main\n" + imports + src
	}
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "cell.go", text, parser.ParseComments)
	if err != nil {
		t.Fatal(err)
	}
	bundled.RewriteVariadicCalls(f)
	if withImports {
		var b bytes.Buffer
		if err := format.Node(&b, fset, f); err != nil {
			t.Fatal(err)
		}
		return strings.TrimPrefix(b.String(), "package main\n")
	}
	var b bytes.Buffer
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.IMPORT {
			continue
		}
		if err := format.Node(&b, fset, d); err != nil {
			t.Fatal(err)
		}
		b.WriteString("\n\n")
	}
	return b.String()
}

const imports = `import (
	"image/color"

	"github.com/gocell/gocell/display"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"nbtest"
)
`

// A notebook Plotter with a DataRange: the combined wrapper in MapTypes
// keeps it, so plot sees the range.
const notebookPlotter = `
type Spiral struct{ N int }

func (s Spiral) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for i := 0; i < s.N; i++ {
		c.DrawGlyph(draw.GlyphStyle{Color: color.Black, Radius: vg.Points(2), Shape: draw.CircleGlyph{}}, vg.Point{X: tx(float64(i)), Y: ty(float64(i * i))})
	}
}

func (s Spiral) DataRange() (xmin, xmax, ymin, ymax float64) {
	return 0, float64(s.N - 1), 0, float64((s.N - 1) * (s.N - 1))
}
`

func TestNumericsFromCells(t *testing.T) {
	nb := newNotebook(t)
	got := nb.run(imports + `
func main() {
	a := mat.NewDense(2, 3, []float64{1, 2, 3, 4, 5, 6})
	b := mat.NewDense(3, 2, []float64{7, 8, 9, 10, 11, 12})
	var c mat.Dense
	c.Mul(a, b)
	nbtest.Got(c.At(0, 0), c.At(0, 1), c.At(1, 0), c.At(1, 1))
	nbtest.Got(stat.Mean([]float64{1, 2, 3, 4}, nil), floats.Sum([]float64{0.5, 1.5}))
	_ = plotter.XYs{}
	_ = display.Show
}
`)
	want := []any{58.0, 64.0, 139.0, 154.0, 2.5, 2.0}
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("got %v, want %v", got, want)
	}
}

func TestNotebookPlotterKeepsDataRange(t *testing.T) {
	nb := newNotebook(t)
	got := nb.run(imports + notebookPlotter + `
func main() {
	p := plot.New()
	p.Title.Text = "squares"
	p.Add(Spiral{N: 5}, plotter.NewGrid())
	nbtest.Got(p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, p)
}
`)
	if len(got) != 5 {
		t.Fatalf("got %d values", len(got))
	}
	for i, want := range []float64{0, 4, 0, 16} {
		if v := got[i].(float64); v != want || math.IsInf(v, 0) {
			t.Errorf("axis bound %d = %v, want %v (the DataRange method was lost)", i, v, want)
		}
	}
	p := got[4].(*plot.Plot)

	// As a cell's value: PNG at the default size, text names it.
	b := display.Render(p)
	img := decodePNG(t, b)
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 576 || h != 384 {
		t.Errorf("default PNG is %d×%d, want 576×384", w, h)
	}
	if b["text/plain"] != `<plot "squares", 576×384 PNG>` {
		t.Errorf("text: %q", b["text/plain"])
	}
	if m := display.MetadataFor(b)["image/png"]; !reflect.DeepEqual(m, map[string]any{"width": 576, "height": 384}) {
		t.Errorf("metadata: %v", m)
	}
}

func TestDisplayPlotOptions(t *testing.T) {
	var outs []display.Output
	prev := display.SetPublisher(func(o display.Output) { outs = append(outs, o) })
	defer display.SetPublisher(prev)

	nb := newNotebook(t)
	nb.run(imports + notebookPlotter + `
func main() {
	p := plot.New()
	p.Add(Spiral{N: 4})
	display.Plot(p, display.Size(3*vg.Inch, 2*vg.Inch), display.DPI(100))
	display.Plot(p, display.AsSVG())
}
`)
	if len(outs) != 2 {
		t.Fatalf("%d outputs, want 2", len(outs))
	}
	img := decodePNG(t, outs[0].Data)
	if w, h := img.Bounds().Dx(), img.Bounds().Dy(); w != 300 || h != 200 {
		t.Errorf("sized PNG is %d×%d, want 300×200", w, h)
	}
	svg, _ := outs[1].Data["image/svg+xml"].(string)
	if !strings.Contains(svg, "<svg") || outs[1].Data["image/png"] != nil {
		t.Errorf("AsSVG output has no SVG or also a PNG: %v", keys(outs[1].Data))
	}
}

func TestVariadicInterfaceArguments(t *testing.T) {
	// Without the rewrite, yaegi passes the notebook value unwrapped. This
	// documents the upstream bug the rewrite works around: when it fails,
	// yaegi has been fixed and the rewrite can go.
	nb := newNotebook(t)
	nb.run(imports + notebookPlotter)
	_, err := nb.i.Eval(`func main() { p := plot.New(); p.Add(Spiral{N: 3}) }`)
	if err == nil || !strings.Contains(err.Error(), "as type plot.Plotter in Call") {
		t.Fatalf("plain variadic call: err = %v, want yaegi's reflect error", err)
	}

	// With it: several notebook values, a Legend.Add with a name first.
	got := nb.run(`
type mark struct{}

func (mark) Thumbnail(c *draw.Canvas) {}

func main() {
	p := plot.New()
	a, b := Spiral{N: 3}, Spiral{N: 6}
	p.Add(a, b)
	p.Legend.Add("spiral", mark{}, mark{})
	nbtest.Got(p.X.Max, p.Y.Max)
}
`)
	if !reflect.DeepEqual(got, []any{5.0, 25.0}) {
		t.Fatalf("axes after p.Add(a, b): %v, want [5 25]", got)
	}

	// A package-level function with a variadic interface parameter is fixed
	// by MapTypes alone: plotter.NewPolygon(...XYer) with a notebook XYer.
	got = nb.run(`
type tri struct{}

func (tri) Len() int { return 3 }
func (tri) XY(i int) (float64, float64) { return float64(i), float64(i % 2) }

func main() {
	poly, err := plotter.NewPolygon(tri{})
	nbtest.Got(err, len(poly.XYs), poly.XYs[0][1].X)
}
`)
	if !reflect.DeepEqual(got, []any{nil, 1, 1.0}) {
		t.Fatalf("NewPolygon(notebook XYer): %v", got)
	}
}

func TestRewriteVariadicCalls(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{`p.Add(a, b)`, `p.Add([]plot.Plotter{a, b}...)`},
		{`p.Legend.Add("x", a)`, `p.Legend.Add("x", []plot.Thumbnailer{a}...)`},
		{`p.Add(xs...)`, `p.Add(xs...)`},
		{`p.Add()`, `p.Add()`},
		{`m.Mul(a, b)`, `m.Mul(a, b)`},
	} {
		src := "package main\nimport \"gonum.org/v1/plot\"\nfunc f() { " + c.in + " }\n"
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, "", src, 0)
		if err != nil {
			t.Fatal(err)
		}
		bundled.RewriteVariadicCalls(f)
		var b bytes.Buffer
		format.Node(&b, fset, f.Decls[1].(*ast.FuncDecl).Body.List[0])
		if b.String() != c.want {
			t.Errorf("%s → %s, want %s", c.in, b.String(), c.want)
		}
	}
	// Without the plot import there is no name to write the type with.
	f, _ := parser.ParseFile(token.NewFileSet(), "", "package main\nfunc f() { p.Add(a) }\n", 0)
	if n := bundled.RewriteVariadicCalls(f); n != 0 {
		t.Errorf("rewrote %d calls in a file that does not import plot", n)
	}
}

// TestVariadicMethodsComplete checks VariadicMethods against the symbol
// tables: every bundled method with a variadic parameter of a non-empty
// interface is listed or deliberately left out.
func TestVariadicMethodsComplete(t *testing.T) {
	leftOut := map[string]bool{"*mat.Dense.Product": true, "*mat.HOGSVD.Factorize": true}
	listed := map[string]bool{}
	for _, m := range bundled.VariadicMethods {
		listed[m.Recv+"."+m.Name] = true
	}
	for _, pkg := range bundled.Symbols {
		for name, v := range pkg {
			if strings.HasPrefix(name, "_") || v.Kind() != reflect.Pointer || !v.IsNil() || v.Type().Elem().Kind() == reflect.Interface {
				continue
			}
			for _, typ := range []reflect.Type{v.Type().Elem(), v.Type()} {
				for i := 0; i < typ.NumMethod(); i++ {
					m := typ.Method(i)
					if !m.Type.IsVariadic() {
						continue
					}
					elem := m.Type.In(m.Type.NumIn() - 1).Elem()
					key := v.Type().String() + "." + m.Name
					if elem.Kind() == reflect.Interface && elem.NumMethod() > 0 && !listed[key] && !leftOut[key] {
						t.Errorf("%s takes ...%v and is not in VariadicMethods", key, elem)
					}
				}
			}
		}
	}
}

func TestMatrixRendering(t *testing.T) {
	nb := newNotebook(t)
	got := nb.run(imports + `
func main() {
	nbtest.Got(mat.NewDense(2, 2, []float64{1, 2.5, -3, 40}), mat.NewDense(20, 30, nil), mat.NewVecDense(3, []float64{1, 2, 3}))
}
`)
	b := display.Render(got[0])
	wantText := "*mat.Dense 2×2\n⎡ 1  2.5⎤\n⎣-3   40⎦"
	if b["text/plain"] != wantText {
		t.Errorf("text:\n%s\nwant:\n%s", b["text/plain"], wantText)
	}
	if h := b["text/html"].(string); !strings.Contains(h, "<td>2.5</td>") || !strings.Contains(h, "<td>-3</td>") {
		t.Errorf("html: %s", h)
	}
	big := display.Render(got[1])
	if h := big["text/html"].(string); strings.Count(h, "<tr>") != 7 || !strings.Contains(h, "⋱") {
		t.Errorf("20×30 matrix html is not cut to its corners: %s", h)
	}
	if s := big["text/plain"].(string); !strings.Contains(s, "...") || strings.Count(s, "\n") > 10 {
		t.Errorf("20×30 matrix text is not an excerpt:\n%s", s)
	}
	if s := display.Render(got[2])["text/plain"].(string); !strings.HasPrefix(s, "*mat.VecDense 3×1\n") {
		t.Errorf("vector text: %q", s)
	}
	if s := display.Render((*mat.Dense)(nil))["text/plain"]; s != "<nil>" {
		t.Errorf("nil matrix: %q", s)
	}
}

func decodePNG(t *testing.T, b display.MIMEBundle) interface{ Bounds() image.Rectangle } {
	t.Helper()
	var raw []byte
	switch v := b["image/png"].(type) {
	case string:
		var err error
		if raw, err = base64.StdEncoding.DecodeString(v); err != nil {
			t.Fatal(err)
		}
	case []byte:
		raw = v
	default:
		t.Fatalf("no PNG in the bundle: %v", keys(b))
	}
	img, err := png.Decode(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("the PNG does not decode: %v", err)
	}
	return img
}

func keys(b map[string]any) []string {
	var ks []string
	for k := range b {
		ks = append(ks, k)
	}
	return ks
}
