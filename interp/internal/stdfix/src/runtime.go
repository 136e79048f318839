//go:build ignore

package __gocellfix

import (
	"cmp"
	"fmt"
	"io"

	fix "gocell/fix"
)

func Min[__T cmp.Ordered](x, y __T) __T {
	if x != x {
		return x
	}
	if y != y {
		return y
	}
	if y < x {
		return y
	}
	var zero __T
	if x == y && x == zero && fix.NegZero(y) {
		return y
	}
	return x
}

func Max[__T cmp.Ordered](x, y __T) __T {
	if x != x {
		return x
	}
	if y != y {
		return y
	}
	if y > x {
		return y
	}
	var zero __T
	if x == y && x == zero && fix.NegZero(x) {
		return y
	}
	return x
}

func MinN[__T cmp.Ordered](x, y __T, rest ...__T) __T {
	// Not Min(m, z): a generic function calling another one is
	// instantiated in the wrong package by yaegi.
	m := x
	var zero __T
	for i := -1; i < len(rest); i++ {
		z := y
		if i >= 0 {
			z = rest[i]
		}
		switch {
		case m != m:
		case z != z || z < m:
			m = z
		case z == m && m == zero && fix.NegZero(z):
			m = z
		}
	}
	return m
}

func MaxN[__T cmp.Ordered](x, y __T, rest ...__T) __T {
	// Not Max(m, z): a generic function calling another one is
	// instantiated in the wrong package by yaegi.
	m := x
	var zero __T
	for i := -1; i < len(rest); i++ {
		z := y
		if i >= 0 {
			z = rest[i]
		}
		switch {
		case m != m:
		case z != z || z > m:
			m = z
		case z == m && m == zero && fix.NegZero(m):
			m = z
		}
	}
	return m
}

// Deferred calls (see rewrite_stmts.go): PushN records a call with its N
// arguments, evaluated now; the deferred Pop makes the latest one.

func Push0(f any) { fix.Push(f) }

func Push1(f, a any) { fix.Push(f, a) }

func Push2(f, a, b any) { fix.Push(f, a, b) }

func Push3(f, a, b, c any) { fix.Push(f, a, b, c) }

func Push4(f, a, b, c, d any) { fix.Push(f, a, b, c, d) }

func Push5(f, a, b, c, d, e any) { fix.Push(f, a, b, c, d, e) }

func Push6(f, a, b, c, d, e, g any) { fix.Push(f, a, b, c, d, e, g) }

func PushSlice1(f, a any) { fix.PushSlice(f, a) }

func PushSlice2(f, a, b any) { fix.PushSlice(f, a, b) }

func PushSlice3(f, a, b, c any) { fix.PushSlice(f, a, b, c) }

func Pop() { fix.Pop() }

func Clear(x any) {
	fix.Clear(x)
}

func Named(name string, v any) string { return name }

// Show: printing arguments (see show.go).

func Show(x any, hasS bool, s string, hasGS bool, gs string) any {
	return fix.Show(x, hasS, s, hasGS, gs)
}

// Elems: a container of a generic notebook type with String or Error
// (see elems.go).
func Elems(x any, str any) any { return fix.Elems(x, str) }

func Recovered(x any) any { return fix.Recovered(x) }

func Same(a, b any) bool { return fix.Same(a, b) }

// GoSyntax: an argument printed with %#v (see gosyntax.go).
func GoSyntax(typ string, v any) any { return fix.GoSyntax(typ, v) }

func RegisterType(name string, p any) any { return fix.RegisterType(name, p) }

func RegisterMethod(p any, name string, ptr bool, f any) any {
	return fix.RegisterMethod(p, name, ptr, f)
}

// Val is a printed value as fmt must see it: x, an interface, keeps the
// notebook type of the value, which fix.View reads. (An argument of %w
// is not passed through Val: it stays the error itself.)
func Val(x any) any {
	if x == nil {
		return x
	}
	if v, ok := fix.ViewBox(x); ok {
		return v
	}
	// A generic type's value: its methods, as the interpreter finds them
	// (the value itself would reach fmt without them).
	var s, gs string
	e, hasE := x.(error)
	st, hasS := x.(fmt.Stringer)
	g, hasGS := x.(fmt.GoStringer)
	if hasE {
		s, hasS = e.Error(), true
	} else if hasS {
		s = st.String()
	}
	if hasGS {
		gs = g.GoString()
	}
	if hasS || hasGS {
		return fix.Show(x, hasS, s, hasGS, gs)
	}
	return x
}

// Vals is Val of each result of a call printed alone: fmt.Println(f()).
func Vals(xs ...any) []any {
	out := make([]any, len(xs))
	for i := range xs {
		out[i] = Val(xs[i])
	}
	return out
}

func TypeOf(v any) string {
	vals := []any{v}
	return fix.TypeName(vals)
}

// Range over a function (see rewrite_loops.go): Iter starts a coroutine
// on the iterator, Next and Next2 store its next values, Stop ends it.
// Zero1, Zero2K and Zero2V give the loop variables their types.

func Iter(seq any) any { return fix.Iter(seq) }

func Next(it any, v any) bool { return fix.Next(it, v) }

func Next2(it any, k, v any) bool { return fix.Next2(it, k, v) }

func Stop(it any) { fix.Stop(it) }

func Zero1[__V any](seq func(yield func(__V) bool)) __V {
	var v __V
	return v
}

func Zero2K[__K, __V any](seq func(yield func(__K, __V) bool)) __K {
	var k __K
	return k
}

func Zero2V[__K, __V any](seq func(yield func(__K, __V) bool)) __V {
	var v __V
	return v
}

// Box carries the static type of a printed value to fix.View: the
// interpreter keeps the type of a value converted to an interface only
// when the type has methods, as Box has. Its type parameter, and those
// of the other generic helpers here, has a name no notebook type takes:
// yaegi resolves a type parameter named like a notebook type (T) to that
// type when it instantiates the function in the notebook's scope.
type Box[__T any] struct{ V __T }

func (b Box[__T]) Boxed() {}

// ValT is Val for a value of a known static type T.
func ValT[__T any](x __T) any {
	b := Box[__T]{x}
	if v, ok := viewBox(b); ok {
		return v
	}
	return x
}

// JSONT is x with its static type T for encoding/json (see
// stdfix/jsonview.go), or x itself when the interpreter cannot hand it over.
func JSONT[__T any](x __T) any {
	b := Box[__T]{x}
	if v, ok := typedArg(b); ok {
		return v
	}
	return x
}

func typedArg(b any) (v any, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return fix.TypedArg(b)
}

// Stdout is the cell's output, in order with fmt's printing.
func Stdout() io.Writer {
	w, _ := fix.Stdout().(io.Writer)
	return w
}

// TemplateT is the data of a template's Execute as the template must see
// it (see stdfix/template.go), or x itself.
func TemplateT[__T any](x __T) any {
	b := Box[__T]{x}
	if v, ok := templateData(b); ok {
		return v
	}
	return x
}

func templateData(b any) (v any, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return fix.TemplateData(b)
}

// viewBox is fix.ViewBox(b): false when the value prints right as itself.
// yaegi panics handing over some boxes of host types (a slice of time.Duration: "cannot return value obtained from
// unexported field"); those print right as they are.
func viewBox(b any) (v any, ok bool) {
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	return fix.ViewBox(b)
}

// ShownAll is Val of each element of a []any spread into a printing call
// (fmt.Println(xs...)): the call itself sees yaegi's wrappers of the
// elements, not their methods.
func ShownAll(xs []any) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = Val(x)
	}
	return out
}
