"""Errors and interfaces through a real client: notebook error types with
value and pointer receivers across cells and rebuilds, errors.Is/As through
%w, type assertions and switches on notebook interfaces, a typed nil
returned as an error, and runtime panics with Go's messages."""

import pytest

from gocell_client import execute, kernel, run_ok


@pytest.fixture(scope="module")
def kc():
    with kernel() as (km, kc):
        yield kc


def test_notebook_errors_across_cells_and_a_rebuild(kc):
    run_ok(kc, "\n".join([
        "type ValidationError struct{ Field, Msg string }",
        'func (e ValidationError) Error() string { return e.Field + ": " + e.Msg }',
        "type NotFound struct{ Key string }",
        'func (e *NotFound) Error() string { return e.Key + " not found" }',
        "var ErrClosed = errors.New(\"closed\")",
    ]))
    run_ok(kc, "\n".join([
        "func validate(age int) error {",
        "\tif age < 0 {",
        '\t\treturn fmt.Errorf("validate: %w", ValidationError{"age", "negative"})',
        "\t}",
        "\treturn nil",
        "}",
    ]))
    # A type whose layout changes makes the kernel rebuild the interpreter
    # from the notebook's declarations: the error types must still work.
    run_ok(kc, "type Unrelated struct{ A int }")
    run_ok(kc, "type Unrelated struct{ A, B int }")
    r = run_ok(kc, "\n".join([
        "err := validate(-1)",
        "var ve ValidationError",
        'fmt.Println(err, errors.As(err, &ve), ve.Field)',
        'fmt.Printf("%T %v\\n", errors.Unwrap(err), errors.Unwrap(err) == ValidationError{"age", "negative"})',
        "var nf *NotFound",
        'wrapped := fmt.Errorf("lookup: %w", &NotFound{"k"})',
        "fmt.Println(errors.As(wrapped, &nf), nf.Key, errors.Is(wrapped, ErrClosed))",
    ]))
    assert r.stdout == ("validate: age: negative true age\n"
                        "main.ValidationError true\n"
                        "true k false\n"), r.stdout


def test_assertions_and_switches_on_notebook_interfaces(kc):
    run_ok(kc, "\n".join([
        "type Shape interface{ Area() float64 }",
        "type Sq struct{ S float64 }",
        "func (s Sq) Area() float64 { return s.S * s.S }",
        "type Label string",
        "func kind(v any) string {",
        "\tswitch x := v.(type) {",
        "\tcase Shape:",
        '\t\treturn fmt.Sprint("shape ", x.Area())',
        "\tcase error:",
        '\t\treturn "error " + x.Error()',
        "\tcase Label:",
        '\t\treturn "label " + string(x)',
        "\t}",
        '\treturn "other"',
        "}",
    ]))
    r = run_ok(kc, "\n".join([
        'for _, v := range []any{Sq{3}, errors.New("e"), Label("l"), 4} {',
        "\tfmt.Println(kind(v))",
        "}",
        "var v any = 7",
        "s, ok := v.(Shape)",
        "fmt.Println(s == nil, ok)",
    ]))
    assert r.stdout == "shape 9\nerror e\nlabel l\nother\ntrue false\n", r.stdout
    # A failed single-value assertion is Go's runtime error.
    r = execute(kc, "_ = v.(Shape)")
    assert r.status == "error", r
    assert "interface conversion: int is not main.Shape: missing method Area" in r.errors[0]["evalue"], r.errors


def test_typed_nil_error_and_runtime_errors(kc):
    run_ok(kc, "\n".join([
        "type MyErr struct{ Code int }",
        'func (e *MyErr) Error() string { return fmt.Sprint("code ", e.Code) }',
        "func mayFail(fail bool) error {",
        "\tvar p *MyErr",
        "\tif fail {",
        "\t\tp = &MyErr{500}",
        "\t}",
        "\treturn p",
        "}",
        "func try(f func()) {",
        "\tdefer func() { fmt.Println(recover()) }()",
        "\tf()",
        "}",
    ]))
    r = run_ok(kc, "\n".join([
        "err := mayFail(false)",
        'fmt.Printf("%v %T\\n", err == nil, err)',
        "nums := []int{1, 2, 3}",
        "i := 5",
        "try(func() { _ = nums[i] })",
        "try(func() { _ = nums[1:i] })",
        "var m *MyErr",
        "try(func() { _ = m.Code })",
    ]))
    assert r.stdout == ("false *main.MyErr\n"
                        "runtime error: index out of range [5] with length 3\n"
                        "runtime error: slice bounds out of range [:5] with capacity 3\n"
                        "runtime error: invalid memory address or nil pointer dereference\n"), r.stdout
    # Uncaught, the panic is the cell's error, in Go's words; the kernel
    # keeps serving.
    r = execute(kc, "var q *MyErr\nfmt.Println(q.Code)")
    assert r.status == "error", r
    assert "runtime error: invalid memory address or nil pointer dereference" in r.errors[0]["evalue"], r.errors
    assert run_ok(kc, 'fmt.Println("still here")').stdout == "still here\n"
