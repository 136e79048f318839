package interp

// fixSources are interpreted packages compiled into every interpreter by
// installFixes, in this order. yaegi already compiles its own generic
// slices, maps and cmp sources; a second file of a package adds to it and
// replaces functions of the same name.
//
// yaegi v0.16.1 infers type arguments only positionally, from the order in
// which type parameters occur in the parameter list, and not at all through
// a constraint such as S ~[]E. The signatures below therefore take []E and
// map[K]V instead of S and M (a named slice type passed in is accepted; the
// result has the unnamed type) and list type parameters in the order they
// occur. Work that would be slow interpreted (sorting) runs in the host
// helpers of package gocell/fix (stdfix.go).
var fixSources = []string{iterSource, slicesSource, mapsSource, errorsSource, runtimeSource}

const iterSource = `package iter

type Seq[V any] func(yield func(V) bool)

type Seq2[K, V any] func(yield func(K, V) bool)
`

const slicesSource = `package slices

import (
	"cmp"

	fix "gocell/fix"
)

func Equal[E comparable](s1, s2 []E) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i := range s1 {
		if s1[i] != s2[i] {
			return false
		}
	}
	return true
}

func EqualFunc[E1, E2 any](s1 []E1, s2 []E2, eq func(E1, E2) bool) bool {
	if len(s1) != len(s2) {
		return false
	}
	for i, v1 := range s1 {
		if !eq(v1, s2[i]) {
			return false
		}
	}
	return true
}

func Compare[E cmp.Ordered](s1, s2 []E) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp.Compare(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func CompareFunc[E1, E2 any](s1 []E1, s2 []E2, cmp func(E1, E2) int) int {
	for i, v1 := range s1 {
		if i >= len(s2) {
			return +1
		}
		if c := cmp(v1, s2[i]); c != 0 {
			return c
		}
	}
	if len(s1) < len(s2) {
		return -1
	}
	return 0
}

func Index[E comparable](s []E, v E) int {
	for i := range s {
		if v == s[i] {
			return i
		}
	}
	return -1
}

func IndexFunc[E any](s []E, f func(E) bool) int {
	for i := range s {
		if f(s[i]) {
			return i
		}
	}
	return -1
}

func Contains[E comparable](s []E, v E) bool {
	return Index(s, v) >= 0
}

func ContainsFunc[E any](s []E, f func(E) bool) bool {
	return IndexFunc(s, f) >= 0
}

func Insert[E any](s []E, i int, v ...E) []E {
	_ = s[i:]
	if len(v) == 0 {
		return s
	}
	tail := append([]E{}, s[i:]...)
	s = append(s[:i], v...)
	return append(s, tail...)
}

func Delete[E any](s []E, i, j int) []E {
	_ = s[i:j:len(s)]
	if i == j {
		return s
	}
	n := len(s)
	s = append(s[:i], s[j:]...)
	zeroTail(s, n)
	return s
}

func DeleteFunc[E any](s []E, del func(E) bool) []E {
	n := len(s)
	k := 0
	for _, v := range s {
		if !del(v) {
			s[k] = v
			k++
		}
	}
	s = s[:k]
	zeroTail(s, n)
	return s
}

// zeroTail zeroes the elements of s[len(s):n], as the Go 1.22 slices
// functions do with the elements they drop.
func zeroTail[E any](s []E, n int) {
	var zero E
	full := s[:n]
	for k := len(s); k < n; k++ {
		full[k] = zero
	}
}

func Replace[E any](s []E, i, j int, v ...E) []E {
	_ = s[i:j]
	n := len(s)
	tail := append([]E{}, s[j:]...)
	r := append(s[:i], v...)
	r = append(r, tail...)
	if len(r) < n {
		zeroTail(s[:len(r)], n)
	}
	return r
}

func Clone[E any](s []E) []E {
	if s == nil {
		return nil
	}
	return append(s[:0:0], s...)
}

func Compact[E comparable](s []E) []E {
	if len(s) < 2 {
		return s
	}
	n := len(s)
	k := 1
	for i := 1; i < n; i++ {
		if s[i] != s[i-1] {
			s[k] = s[i]
			k++
		}
	}
	s = s[:k]
	zeroTail(s, n)
	return s
}

func CompactFunc[E any](s []E, eq func(E, E) bool) []E {
	if len(s) < 2 {
		return s
	}
	n := len(s)
	k := 1
	for i := 1; i < n; i++ {
		if !eq(s[i], s[i-1]) {
			s[k] = s[i]
			k++
		}
	}
	s = s[:k]
	zeroTail(s, n)
	return s
}

func Grow[E any](s []E, n int) []E {
	if n < 0 {
		panic("cannot be negative")
	}
	if n -= cap(s) - len(s); n > 0 {
		s = append(s[:cap(s)], make([]E, n)...)[:len(s)]
	}
	return s
}

func Clip[E any](s []E) []E {
	return s[:len(s):len(s)]
}

func Reverse[E any](s []E) {
	for i, j := 0, len(s)-1; i < j; i, j = i+1, j-1 {
		s[i], s[j] = s[j], s[i]
	}
}

func Concat[E any](s []E, more ...[]E) []E {
	size := len(s)
	for _, m := range more {
		size += len(m)
	}
	if size == 0 {
		return nil
	}
	r := make([]E, 0, size)
	r = append(r, s...)
	for _, m := range more {
		r = append(r, m...)
	}
	return r
}

func Repeat[E any](x []E, count int) []E {
	if count < 0 {
		panic("cannot be negative")
	}
	r := make([]E, 0, len(x)*count)
	for i := 0; i < count; i++ {
		r = append(r, x...)
	}
	return r
}

func Sort[E cmp.Ordered](x []E) {
	fix.Sort(x)
}

func SortFunc[E any](x []E, cmp func(a, b E) int) {
	fix.SortFunc(x, cmp)
}

func SortStableFunc[E any](x []E, cmp func(a, b E) int) {
	fix.SortStableFunc(x, cmp)
}

func IsSorted[E cmp.Ordered](x []E) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp.Less(x[i], x[i-1]) {
			return false
		}
	}
	return true
}

func IsSortedFunc[E any](x []E, cmp func(a, b E) int) bool {
	for i := len(x) - 1; i > 0; i-- {
		if cmp(x[i], x[i-1]) < 0 {
			return false
		}
	}
	return true
}

func Min[E cmp.Ordered](x []E) E {
	if len(x) < 1 {
		panic("slices.Min: empty list")
	}
	var m E
	fix.Extreme(x, &m, false)
	return m
}

func Max[E cmp.Ordered](x []E) E {
	if len(x) < 1 {
		panic("slices.Max: empty list")
	}
	var m E
	fix.Extreme(x, &m, true)
	return m
}

func MinFunc[E any](x []E, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MinFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) < 0 {
			m = x[i]
		}
	}
	return m
}

func MaxFunc[E any](x []E, cmp func(a, b E) int) E {
	if len(x) < 1 {
		panic("slices.MaxFunc: empty list")
	}
	m := x[0]
	for i := 1; i < len(x); i++ {
		if cmp(x[i], m) > 0 {
			m = x[i]
		}
	}
	return m
}

func BinarySearch[E cmp.Ordered](x []E, target E) (int, bool) {
	return fix.BinarySearch(x, target)
}

func BinarySearchFunc[E, T any](x []E, target T, cmp func(E, T) int) (int, bool) {
	n := len(x)
	i, j := 0, n
	for i < j {
		h := int(uint(i+j) >> 1)
		if cmp(x[h], target) < 0 {
			i = h + 1
		} else {
			j = h
		}
	}
	return i, i < n && cmp(x[i], target) == 0
}

func All[E any](s []E) func(yield func(int, E) bool) {
	return func(yield func(int, E) bool) {
		for i, v := range s {
			if !yield(i, v) {
				return
			}
		}
	}
}

func Backward[E any](s []E) func(yield func(int, E) bool) {
	return func(yield func(int, E) bool) {
		for i := len(s) - 1; i >= 0; i-- {
			if !yield(i, s[i]) {
				return
			}
		}
	}
}

func Values[E any](s []E) func(yield func(E) bool) {
	return func(yield func(E) bool) {
		for _, v := range s {
			if !yield(v) {
				return
			}
		}
	}
}

func AppendSeq[E any](s []E, seq func(yield func(E) bool)) []E {
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

func Collect[E any](seq func(yield func(E) bool)) []E {
	var s []E
	seq(func(v E) bool {
		s = append(s, v)
		return true
	})
	return s
}

func Sorted[E cmp.Ordered](seq func(yield func(E) bool)) []E {
	s := Collect(seq)
	fix.Sort(s)
	return s
}

func SortedFunc[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E {
	s := Collect(seq)
	fix.SortFunc(s, cmp)
	return s
}

func SortedStableFunc[E any](seq func(yield func(E) bool), cmp func(E, E) int) []E {
	s := Collect(seq)
	fix.SortStableFunc(s, cmp)
	return s
}

func Chunk[E any](s []E, n int) func(yield func([]E) bool) {
	if n < 1 {
		panic("cannot be less than 1")
	}
	return func(yield func([]E) bool) {
		for i := 0; i < len(s); i += n {
			end := i + n
			if end > len(s) {
				end = len(s)
			}
			if !yield(s[i:end:end]) {
				return
			}
		}
	}
}
`

const mapsSource = `package maps

func Equal[K, V comparable](m1, m2 map[K]V) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || v1 != v2 {
			return false
		}
	}
	return true
}

func EqualFunc[K comparable, V1 any, K2 comparable, V2 any](m1 map[K]V1, m2 map[K2]V2, eq func(V1, V2) bool) bool {
	if len(m1) != len(m2) {
		return false
	}
	for k, v1 := range m1 {
		if v2, ok := m2[k]; !ok || !eq(v1, v2) {
			return false
		}
	}
	return true
}

func Clone[K comparable, V any](m map[K]V) map[K]V {
	if m == nil {
		return nil
	}
	r := make(map[K]V, len(m))
	for k, v := range m {
		r[k] = v
	}
	return r
}

func Copy[K comparable, V any](dst, src map[K]V) {
	for k, v := range src {
		dst[k] = v
	}
}

func DeleteFunc[K comparable, V any](m map[K]V, del func(K, V) bool) {
	for k, v := range m {
		if del(k, v) {
			delete(m, k)
		}
	}
}

func All[K comparable, V any](m map[K]V) func(yield func(K, V) bool) {
	return func(yield func(K, V) bool) {
		for k, v := range m {
			if !yield(k, v) {
				return
			}
		}
	}
}

func Keys[K comparable, V any](m map[K]V) func(yield func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}

func Values[K comparable, V any](m map[K]V) func(yield func(V) bool) {
	return func(yield func(V) bool) {
		for _, v := range m {
			if !yield(v) {
				return
			}
		}
	}
}

func Insert[K comparable, V any](m map[K]V, seq func(yield func(K, V) bool)) {
	seq(func(k K, v V) bool {
		m[k] = v
		return true
	})
}

func Collect[K comparable, V any](seq func(yield func(K, V) bool)) map[K]V {
	m := make(map[K]V)
	seq(func(k K, v V) bool {
		m[k] = v
		return true
	})
	return m
}
`

// errorsSource replaces package errors: yaegi hands errors.As a pointer to
// a notebook type as a pointer to a struct without methods, and errors.As
// panics ("*target must be interface or implement error"). As is generic
// here, so the type assertion runs in the interpreter; the rest is the
// standard package's.
const errorsSource = `package errors

import (
	std "errors"

	fix "gocell/fix"
)

var ErrUnsupported = std.ErrUnsupported

func New(text string) error { return std.New(text) }

func Join(errs ...error) error { return std.Join(errs...) }

func Unwrap(err error) error { return std.Unwrap(err) }

// tree visits err and the errors it wraps, depth first, as Is and As do,
// until visit returns true.
func tree(err error, visit func(error) bool) bool {
	stack := []error{err}
	for len(stack) > 0 {
		e := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if e == nil {
			continue
		}
		if visit(e) {
			return true
		}
		next := fix.Unwrap(e)
		for i := len(next) - 1; i >= 0; i-- {
			stack = append(stack, next[i])
		}
	}
	return false
}

func Is(err, target error) bool {
	if err == nil || target == nil {
		return fix.Same(err, target)
	}
	return tree(err, func(e error) bool {
		if fix.Same(e, target) {
			return true
		}
		x, ok := e.(interface{ Is(error) bool })
		return ok && x.Is(target)
	})
}

func As[T any](err error, target *T) bool {
	if target == nil {
		panic("errors: target cannot be nil")
	}
	return tree(err, func(e error) bool {
		if t, ok := e.(T); ok {
			*target = t
			return true
		}
		x, ok := e.(interface{ As(any) bool })
		return ok && x.As(target)
	})
}
`

// runtimeSource is the package rewritten cells call (see rewrite.go).
const runtimeSource = `package __gocellfix

import (
	"cmp"

	fix "gocell/fix"
)

func Min[T cmp.Ordered](x, y T) T {
	if x != x {
		return x
	}
	if y != y {
		return y
	}
	if y < x {
		return y
	}
	var zero T
	if x == y && x == zero && fix.NegZero(y) {
		return y
	}
	return x
}

func Max[T cmp.Ordered](x, y T) T {
	if x != x {
		return x
	}
	if y != y {
		return y
	}
	if y > x {
		return y
	}
	var zero T
	if x == y && x == zero && fix.NegZero(x) {
		return y
	}
	return x
}

func MinN[T cmp.Ordered](x, y T, rest ...T) T {
	// Not Min(m, z): a generic function calling another one is
	// instantiated in the wrong package by yaegi.
	m := x
	var zero T
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

func MaxN[T cmp.Ordered](x, y T, rest ...T) T {
	// Not Max(m, z): a generic function calling another one is
	// instantiated in the wrong package by yaegi.
	m := x
	var zero T
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

func Same(a, b any) bool { return fix.Same(a, b) }

func RegisterType(name string, p any) any { return fix.RegisterType(name, p) }

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

func Zero1[V any](seq func(yield func(V) bool)) V {
	var v V
	return v
}

func Zero2K[K, V any](seq func(yield func(K, V) bool)) K {
	var k K
	return k
}

func Zero2V[K, V any](seq func(yield func(K, V) bool)) V {
	var v V
	return v
}
`
