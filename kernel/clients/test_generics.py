"""Generic functions and types declared in cells, through a real client:
type arguments inferred through function arguments and variadic
parameters, at the top level of later cells and inside functions, results
of notebook types, generic types with methods, and the last value of a
cell."""

import pytest

from gocell_client import execute, kernel, result_text, run_ok


@pytest.fixture(scope="module")
def kc():
    with kernel() as (km, kc):
        yield kc


def test_generic_functions_across_cells(kc):
    run_ok(kc, "\n".join([
        "type Person struct { Name string; Age int }",
        "type Celsius float64",
        "func Map[T, U any](xs []T, f func(T) U) []U {",
        "\tout := make([]U, 0, len(xs))",
        "\tfor _, x := range xs { out = append(out, f(x)) }",
        "\treturn out",
        "}",
        "func Filter[T any](xs []T, keep func(T) bool) []T {",
        "\tvar out []T",
        "\tfor _, x := range xs { if keep(x) { out = append(out, x) } }",
        "\treturn out",
        "}",
        "func Largest[T cmp.Ordered](xs ...T) T {",
        "\tbest := xs[0]",
        "\tfor _, x := range xs[1:] { if x > best { best = x } }",
        "\treturn best",
        "}",
    ]))
    run_ok(kc, 'people := []Person{{"ann", 31}, {"bob", 17}, {"cid", 45}}')
    run_ok(kc, 'words := strings.Fields("go is fun")')
    r = run_ok(kc, "\n".join([
        "adults := Filter(people, func(p Person) bool { return p.Age >= 18 })",
        "names := Map(adults, func(p Person) string { return p.Name })",
        "fmt.Println(names, Map(words, strings.ToUpper))",
    ]))
    assert r.stdout == "[ann cid] [GO IS FUN]\n", r.stdout
    # The variables keep their types for later cells.
    assert result_text(run_ok(kc, "Map(names, func(s string) int { return len(s) })")) == "[3 3]"
    r = run_ok(kc, 'hot := Largest(Celsius(21), Celsius(30.5), Celsius(12))\nfmt.Printf("%v %T %v\\n", hot, hot, Largest(3, 7, 1))')
    assert r.stdout == "30.5 main.Celsius 7\n", r.stdout
    run_ok(kc, "func oldest(ps []Person) int { return Largest(Map(ps, func(p Person) int { return p.Age })...) }")
    assert result_text(run_ok(kc, "oldest(people)")) == "45"


def test_generic_types_with_methods(kc):
    run_ok(kc, "\n".join([
        "type Stack[T any] struct{ items []T }",
        "func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }",
        "func (s *Stack[T]) Pop() (T, bool) {",
        "\tvar zero T",
        "\tif len(s.items) == 0 { return zero, false }",
        "\tv := s.items[len(s.items)-1]",
        "\ts.items = s.items[:len(s.items)-1]",
        "\treturn v, true",
        "}",
        "type Pair[K comparable, V any] struct { Key K; Val V }",
        "func MakePair[K comparable, V any](k K, v V) Pair[K, V] { return Pair[K, V]{k, v} }",
    ]))
    run_ok(kc, 'var st Stack[Pair[string, int]]\nst.Push(MakePair("a", 1))\nst.Push(MakePair("b", 2))')
    r = run_ok(kc, 'top, ok := st.Pop()\nfmt.Printf("%v %v %T\\n", top.Key, ok, top)')
    assert r.stdout == "b true main.Pair[string,int]\n", r.stdout


def test_nil_assigned_to_several_variables(kc):
    run_ok(kc, 'ys := []int{1}\nzs := map[string]int{"a": 1}')
    r = run_ok(kc, "ys, zs = nil, nil\nfmt.Println(ys == nil, zs == nil)")
    assert r.stdout == "true true\n", r.stdout


def test_a_type_argument_outside_the_constraint_is_an_error(kc):
    run_ok(kc, "func Smallest[T cmp.Ordered](xs ...T) T { m := xs[0]; for _, x := range xs { if x < m { m = x } }; return m }")
    r = execute(kc, "s := Smallest([]int{1}, []int{2})")
    assert r.status == "error" and len(r.errors) == 1, r.status
    # Named as Go names it, at the call.
    assert "Smallest(...): []int does not satisfy cmp.Ordered" in r.errors[0]["evalue"], r.errors[0]["evalue"]
    # The kernel keeps serving, and the function works with its own types.
    assert result_text(run_ok(kc, 'Smallest("b", "a")')) == "a"
