package interp

import (
	"context"
	"reflect"
	"strings"
	"testing"

	"github.com/gocell/gocell/display"
)

func TestBundledGonum(t *testing.T) {
	s, _ := session(t)
	out, err := run(t, s, "cell1.go", `import (
	"fmt"
	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat"
)
a := mat.NewDense(2, 2, []float64{4, 1, 2, 3})
var inv mat.Dense
if err := inv.Inverse(a); err != nil {
	panic(err)
}
var prod mat.Dense
prod.Mul(a, &inv)
fmt.Printf("%.3f %.3f\n", prod.At(0, 0), prod.At(0, 1))
fmt.Println(stat.Mean([]float64{1, 2, 3, 6}, nil))`)
	if err != nil || out != "1.000 0.000\n3\n" {
		t.Fatalf("out %q, err %v", out, err)
	}
	// A matrix as the cell's value renders as aligned text.
	out, err = run(t, s, "cell2.go", `a`)
	if err != nil || !strings.Contains(out, "4  1") && !strings.Contains(out, "4 1") {
		t.Fatalf("matrix value: %q, %v", out, err)
	}
}

// A notebook Plotter handed to plot's variadic Add, with the optional
// DataRange method plot checks for: the axes follow the data.
func TestBundledPlotNotebookPlotter(t *testing.T) {
	s, rec := session(t)
	_, err := run(t, s, "cell1.go", `import (
	"fmt"
	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg/draw"
)

type dots struct{ xs, ys []float64 }

func (d dots) Plot(c draw.Canvas, p *plot.Plot) {}
func (d dots) DataRange() (xmin, xmax, ymin, ymax float64) { return 0, 10, -5, 5 }

func newPlot() *plot.Plot {
	p := plot.New()
	p.Add(dots{}, plotter.NewGrid())
	return p
}`)
	if err != nil {
		t.Fatal(err)
	}
	out, err := run(t, s, "cell2.go", `p := newPlot()
q := plot.New()
q.Add(dots{})
fmt.Println(p.X.Min, p.X.Max, p.Y.Min, p.Y.Max, q.Y.Max)`)
	if err != nil || out != "0 10 -5 5 5\n" {
		t.Fatalf("out %q, err %v", out, err)
	}
	// The plot as a cell's value is an image.
	rec.take()
	if err := s.Execute(context.Background(), "p", ExecuteOptions{Name: "cell3.go"}); err != nil {
		t.Fatal(err)
	}
	rec.mu.Lock()
	defer rec.mu.Unlock()
	if len(rec.out) != 1 || rec.out[0].Kind != display.ExecuteResult || rec.out[0].Data["image/png"] == nil {
		t.Fatalf("plot value: %+v", rec.out)
	}
	rec.out = nil
}

// A method named Add of a notebook type must not be broken by the rewrite
// meant for plot's: the cell compiles as written.
func TestVariadicRewriteFallsBack(t *testing.T) {
	s, _ := session(t)
	out, err := run(t, s, "cell1.go", `import (
	"fmt"
	"gonum.org/v1/plot"
)

type acc struct{ n int }

func (a *acc) Add(xs ...int) { for _, x := range xs { a.n += x } }`)
	if err != nil {
		t.Fatal(out, err)
	}
	out, err = run(t, s, "cell2.go", `var a acc
a.Add(1, 2, 3)
_ = plot.New
fmt.Println(a.n)`)
	if err != nil || out != "6\n" {
		t.Fatalf("out %q, err %v", out, err)
	}
}

// Packages passed to a session join the bundled ones; a generic name the
// table lacks is named when a cell uses it.
func TestExtraPackagesAndGenericHint(t *testing.T) {
	extra := Packages{
		Symbols: map[string]map[string]reflect.Value{
			"example.com/go-tools/tools": {"Double": reflect.ValueOf(func(x int) int { return 2 * x })},
		},
		Generic: map[string][]string{"example.com/go-tools": {"Map", "Set"}},
	}
	s, err := NewSession(testRec.publish, extra)
	if err != nil {
		t.Fatal(err)
	}
	testRec.take()
	out, cerr := run(t, s, "cell1.go", `import "example.com/go-tools"
tools.Double(21)`)
	if cerr != nil || out != "=> 42\n" {
		t.Fatalf("out %q, err %v", out, cerr)
	}
	_, cerr = run(t, s, "cell2.go", `ys := tools.Map([]int{1}, func(x int) int { return x })`)
	if cerr == nil || !strings.Contains(strings.Join(cerr.Traceback, "\n"), "tools.Map is generic") {
		t.Fatalf("err %+v", cerr)
	}
	// Completion lists the package's members under the name it binds.
	reply := s.Complete("tools.Do", len("tools.Do"))
	if len(reply.Matches) != 1 || reply.Matches[0] != "Double" {
		t.Fatalf("completion: %+v", reply.Matches)
	}
}

func TestCompleteBundled(t *testing.T) {
	s, _ := session(t)
	if _, err := run(t, s, "cell1.go", `import "gonum.org/v1/gonum/mat"`); err != nil {
		t.Fatal(err)
	}
	reply := s.Complete("mat.NewDe", len("mat.NewDe"))
	found := false
	for _, m := range reply.Matches {
		found = found || m == "NewDense"
	}
	if !found {
		t.Fatalf("completion: %v", reply.Matches)
	}
	insp := s.Inspect("mat.NewDense", len("mat.NewDense"), 0)
	if !insp.Found || !strings.Contains(insp.Data["text/plain"].(string), "NewDense") {
		t.Fatalf("inspect: %+v", insp)
	}
}
