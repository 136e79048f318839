"""Go cells give Go's answers, through a real client: packages used without
an import line, shadowing at the top level of a cell, and the String
methods of notebook types wherever fmt meets their values."""

import pytest

from gocell_client import execute, kernel, result_text, run_ok


@pytest.fixture(scope="module")
def kc():
    with kernel() as (km, kc):
        yield kc


def test_standard_packages_are_imported_when_used(kc):
    # No import line: fmt, strings and math are imported as goimports would.
    assert result_text(run_ok(kc, 'strings.ToUpper("go") + fmt.Sprint(math.Sqrt(16))')) == "GO4"
    run_ok(kc, "func words(s string) []string { return strings.Fields(s) }")
    assert result_text(run_ok(kc, 'len(words("a b c"))')) == "3"
    r = run_ok(kc, 'fmt.Println(filepath.Join("a", "b"), time.Duration(90)*time.Second)')
    assert r.stdout == "a/b 1m30s\n"
    # A bundled package too (gonum's floats).
    assert result_text(run_ok(kc, "floats.Sum([]float64{1, 2, 3.5})")) == "6.5"


def test_an_ambiguous_package_name_is_an_error_naming_the_choices(kc):
    r = execute(kc, "n := rand.Intn(3)")
    assert r.status == "error" and len(r.errors) == 1
    ev = r.errors[0]["evalue"]
    assert "undefined: rand" in ev and '"math/rand"' in ev and '"crypto/rand"' in ev, ev
    # The kernel keeps serving, and the import the user picks is used.
    run_ok(kc, 'import "math/rand"')
    assert result_text(run_ok(kc, "rand.Intn(1)")) == "0"


def test_a_variable_named_like_a_package_is_not_imported(kc):
    run_ok(kc, "type joiner struct{ Join string }")
    assert result_text(run_ok(kc, 'path := joiner{"j"}\npath.Join')) == "j"


def test_top_level_blocks_and_initializers_shadow_notebook_variables(kc):
    code = "\n".join([
        'level := "notebook"',
        "count := 1",
        '{ level := "local"; count := count + 10; _ = level; _ = count }',
        "if level := 3; level > 0 { _ = level }",
        "for count := 0; count < 2; count++ {}",
        'switch level := len("ab"); level { case 2: }',
        "x := 1",
        "{ x, y := 2, 3; _, _ = x, y }",
        "fmt.Sprintf(\"%s %d %d\", level, count, x)",
    ])
    assert result_text(run_ok(kc, code)) == "notebook 1 1"


def test_string_methods_of_notebook_types_everywhere(kc):
    run_ok(kc, "\n".join([
        "type Weekday int",
        'func (d Weekday) String() string { return [...]string{"Sun", "Mon", "Tue"}[d] }',
        "const Tue Weekday = 2",
        "type Point struct{ X, Y int }",
        'func (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }',
        "type Segment struct{ From, To Point }",
        "type Account struct{ Name string }",
        'func (a *Account) String() string { return "acct " + a.Name }',
    ]))
    # A typed constant expression: %d prints the number, %v the String.
    assert result_text(run_ok(kc, 'fmt.Sprintf("%d %v %s %x", Tue+0, Tue+0, Tue, Tue)')) == "2 Tue Tue 547565"
    r = run_ok(kc, "\n".join([
        "pts := []Point{{5, 6}}",
        "fmt.Println(pts, map[string]Point{\"a\": {1, 2}}, [1]Weekday{1})",
        "fmt.Printf(\"%v %+v\\n\", Segment{To: Point{9, 9}}, Segment{})",
        'acc := Account{"ana"}',
        "fmt.Println(acc, &acc)",
    ]))
    assert r.stdout == "[(5,6)] map[a:(1,2)] [Mon]\n{(0,0) (9,9)} {From:(0,0) To:(0,0)}\n{ana} acct ana\n", r.stdout


def test_return_and_defer_at_the_top_level_of_a_cell(kc):
    # The body of a main pasted into a cell: return ends the cell, deferred
    # calls run once, when the cell ends, with the arguments of the defer.
    r = run_ok(kc, "\n".join([
        "n := 1",
        'defer fmt.Println("deferred", n)',
        "n = 2",
        'fmt.Println("start")',
        "if n == 2 {",
        '\tfmt.Println("returning")',
        "\treturn",
        "}",
        'fmt.Println("not reached")',
    ]))
    assert r.stdout == "start\nreturning\ndeferred 1\n", r.stdout
    # Later cells do not run them again.
    assert run_ok(kc, 'fmt.Println("next")').stdout == "next\n"


def test_undefined_names_and_constants_like_go(kc):
    r = execute(kc, "broken := undefinedThing + 1")
    assert r.status == "error" and "undefined: undefinedThing" in r.errors[0]["evalue"], r.errors
    run_ok(kc, "const (\n\ta, b = iota, iota * 100\n\tc, d\n)")
    r = run_ok(kc, "ch := 'é'\nfmt.Println(a, b, c, d, string(ch), ch == rune(233))")
    assert r.stdout == "0 0 1 100 é true\n", r.stdout


def test_auto_imports_survive_a_restart():
    with kernel() as (km, kc):
        run_ok(kc, "func shout(s string) string { return strings.ToUpper(s) + \"!\" }")
        r = execute(kc, "func down(n int) int { return down(n+1) + 1 }\ndown(0)", timeout=120)
        assert r.status == "error"
        # The restored notebook still imports strings for shout.
        assert result_text(run_ok(kc, 'shout("go")')) == "GO!"


def test_a_function_missing_its_return_is_refused_and_changes_nothing(kc):
    # Go refuses a function with results whose end can be reached; the
    # interpreter alone would run it and return zero values.
    run_ok(kc, "func mul(a, b int) int { return a * b }")
    assert result_text(run_ok(kc, "mul(6, 7)")) == "42"
    r = execute(kc, "func mul(a, b int) int {\n\tif a > 0 {\n\t\treturn a * b\n\t}\n}")
    assert r.status == "error" and len(r.errors) == 1, r
    assert "missing return" in r.errors[0]["evalue"], r.errors[0]
    # The failed cell changed nothing: the earlier mul is still there.
    assert result_text(run_ok(kc, "mul(6, 7)")) == "42"
    r = execute(kc, "half := func(x int) int { for x > 1 { return x / 2 } }")
    assert r.status == "error" and "missing return" in r.errors[0]["evalue"], r
    assert result_text(run_ok(kc, 'func sign(x int) string { switch { case x < 0: return "-"; default: return "+" } }\nsign(-3) + sign(4)')) == "-+"
