package bundled_test

import (
	"testing"

	"github.com/gocell/gocell/interp/bundled"
	"github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

// benchFunc compiles src (which declares func run()) in a notebook
// interpreter and returns run as a host function.
func benchFunc(b *testing.B, src string) func() {
	i := interp.New(interp.Options{})
	i.Use(stdlib.Symbols)
	i.Use(bundled.Symbols)
	if _, err := i.Eval(src); err != nil {
		b.Fatal(err)
	}
	v, err := i.Eval("run")
	if err != nil {
		b.Fatal(err)
	}
	return v.Interface().(func())
}

// BenchmarkGonumCall compares a gonum call made from interpreted code with
// the same call compiled: floats.Sum over 1e6 elements, and a 100×100
// mat.Dense product. The work runs natively either way; the difference is
// the interpreter's call overhead. A sum written as an interpreted loop is
// the reference for what not having the compiled package would cost.
func BenchmarkGonumCall(b *testing.B) {
	const setup = `import (
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"
)

var xs = make([]float64, 1000000)
var a = mat.NewDense(100, 100, nil)
var c mat.Dense
var sink float64
`
	xs := make([]float64, 1000000)
	a := mat.NewDense(100, 100, nil)
	var c mat.Dense
	var sink float64
	for _, bc := range []struct {
		name string
		run  func()
	}{
		{"floats.Sum/compiled", func() { sink = floats.Sum(xs) }},
		{"floats.Sum/interpreted", benchFunc(b, setup+`func run() { sink = floats.Sum(xs) }`)},
		{"loop-sum/interpreted", benchFunc(b, setup+`func run() { s := 0.0; for _, x := range xs { s += x }; sink = s }`)},
		{"Dense.Mul/compiled", func() { c.Mul(a, a) }},
		{"Dense.Mul/interpreted", benchFunc(b, setup+`func run() { c.Mul(a, a) }`)},
	} {
		b.Run(bc.name, func(b *testing.B) {
			for range b.N {
				bc.run()
			}
		})
	}
	_ = sink
}
