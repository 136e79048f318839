"""Go cells that behave like Go, through a real client: redefinition,
failed compiles, notebook variables, Go 1.22 semantics, crash safety and
interrupts of every kind of blocking."""

import threading
import time

import pytest

from gocell_client import execute, kernel, result_text, run_ok


@pytest.fixture(scope="module")
def kc():
    with kernel() as (km, kc):
        yield kc


def test_redefined_function_reaches_callers(kc):
    run_ok(kc, 'import "fmt"\nfunc rate() float64 { return 0.1 }\nfunc price(x float64) float64 { return x * (1 + rate()) }')
    assert result_text(run_ok(kc, "price(100)")) == "110.00000000000001"
    run_ok(kc, "func rate() float64 { return 0.5 }")
    assert result_text(run_ok(kc, "price(100)")) == "150"


def test_redefined_method_and_changed_type_layout(kc):
    run_ok(kc, 'type Point struct{ X, Y int }\nfunc (p Point) String() string { return fmt.Sprintf("(%d,%d)", p.X, p.Y) }\npt := Point{1, 2}')
    assert result_text(run_ok(kc, "pt")) == "(1,2)"
    run_ok(kc, 'func (p Point) String() string { return fmt.Sprintf("<%d %d>", p.X, p.Y) }')
    assert result_text(run_ok(kc, "pt")) == "<1 2>"
    # A new field: the variable keeps its values, the new field is zero.
    run_ok(kc, "type Point struct{ X, Y, Z int }")
    assert result_text(run_ok(kc, "fmt.Sprint(pt.X, pt.Y, pt.Z, Point{Z: 3}.Z)")) == "1 2 0 3"


def test_failed_compile_changes_nothing(kc):
    run_ok(kc, "func answer() int { return 42 }")
    r = execute(kc, "func answer() int { return notDefinedAnywhere }")
    assert r.status == "error" and len(r.errors) == 1
    assert "notDefinedAnywhere" in r.errors[0]["evalue"] and "line 1" in r.errors[0]["evalue"]
    assert result_text(run_ok(kc, "answer()")) == "42"
    r = execute(kc, "func brandNew() int { return alsoUndefined }")
    assert r.status == "error"
    r = execute(kc, "brandNew()")
    assert r.status == "error" and "brandNew" in r.errors[0]["evalue"]


def test_notebook_variables_and_retyping(kc):
    run_ok(kc, "counter := 1")
    run_ok(kc, "counter += 41")
    assert result_text(run_ok(kc, "counter")) == "42"
    run_ok(kc, 'counter := "now a string"')
    assert result_text(run_ok(kc, "counter + \"!\"")) == "now a string!"


def test_import_cell_runs_again_and_main_runs_once(kc):
    for _ in range(2):
        run_ok(kc, 'import (\n\t"strings"\n\t"fmt"\n)')
    r = run_ok(kc, 'func main() { fmt.Println("main ran") }')
    assert r.stdout == "main ran\n"
    r = run_ok(kc, "strings.ToUpper(\"x\")")
    assert "main ran" not in r.stdout and result_text(r) == "X"


def test_go_1_22_semantics(kc):
    r = run_ok(kc, "var fs []func() int\nfor i := 0; i < 3; i++ {\n\tfs = append(fs, func() int { return i })\n}\nfmt.Println(fs[0](), fs[1](), fs[2]())")
    assert r.stdout == "0 1 2\n"
    r = run_ok(kc, "total := 0\nfor i := range 5 {\n\ttotal += i\n}\nfmt.Println(total, min(3, 1, 2), max(2.5, 1))")
    assert r.stdout == "10 1 2.5\n"
    r = run_ok(kc, 'import "slices"\nxs := []int{3, 1, 2}\nslices.Sort(xs)\nfmt.Println(xs, slices.Max(xs), slices.Contains(xs, 2))')
    assert r.stdout == "[1 2 3] 3 true\n"
    r = run_ok(kc, 'type Celsius float64\nfunc (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }\nfunc mk() Celsius { return 21.5 }\nfmt.Println(mk())\nfmt.Printf("%T\\n", Celsius(1))')
    assert r.stdout == "21.5°C\nmain.Celsius\n"


@pytest.mark.parametrize("code,needle", [
    ('import "os"\nos.Exit(3)', "os.Exit(3)"),
    ('import "log"\nlog.Fatal("fatal here")', "fatal here"),
    ('import "sync"\nvar wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done(); panic("from a goroutine") }()\nwg.Wait()', "from a goroutine"),
])
def test_nothing_takes_the_session_down(kc, code, needle):
    run_ok(kc, "survivor := 7")
    r = execute(kc, code)
    assert r.status == "error" and len(r.errors) == 1
    assert needle in r.errors[0]["evalue"] + "".join(r.errors[0]["traceback"])
    # These end the cell, not the executor: variables keep their values.
    assert result_text(run_ok(kc, "survivor")) == "7"


def test_stack_overflow_restarts_and_restores():
    with kernel() as (km, kc):
        run_ok(kc, 'import "fmt"\nfunc double(x int) int { return 2 * x }\nkept := 5')
        r = execute(kc, "func down(n int) int { return down(n+1) + 1 }\ndown(0)", timeout=120)
        assert r.status == "error"
        tb = "\n".join(r.errors[0]["traceback"])
        assert "stack overflow" in tb and "declarations and values were restored." in tb
        assert result_text(run_ok(kc, "double(21)")) == "42"  # declarations restored
        assert result_text(run_ok(kc, "kept")) == "5"  # and values


@pytest.mark.parametrize("code", [
    "for {}",
    "ch := make(chan int)\n<-ch",
    "select {}",
    'import "time"\ntime.Sleep(time.Hour)',
    'import "sync"\nvar mu sync.Mutex\nmu.Lock()\nmu.Lock()',
    'import "sync"\nvar wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()',
])
def test_interrupt_stops_blocking_cells(code):
    with kernel() as (km, kc):
        run_ok(kc, "before := 1")
        msg_id = kc.execute(code)
        time.sleep(1)
        km.interrupt_kernel()
        from gocell_client import wait_result
        r = wait_result(kc, msg_id, timeout=60)
        assert r.status == "error" and len(r.errors) == 1
        assert r.errors[0]["ename"] == "Interrupted"
        r = run_ok(kc, "1 + 1")
        assert result_text(r) == "2"
