"""Function caching (//%cache_data, //%cache_resource) through a real client.

Each test shows one numbered rule of the caching contract (the design note
caching.md, rules 1-13, and its options table) by driving a gocell kernel
with jupyter_client (and nbclient for a notebook run twice).

How a test tells a hit from a miss: a hit replays what the computation
displayed (not what it printed, unless replay=all), which alone does not
always tell. The tests read the hit/miss counters of cache.Stats() before and after a call (`Kernel.expect`), and
where it matters across kernels, a marker file the cached function appends
to: writing a file is a side effect a hit never repeats. Nothing measures
time; the only sleeps are where a spinner must have time to show (it shows
after a delay) or a TTL must pass.

Every kernel gets its own cache directory (GOCELL_CACHE_DIR). Tests on the
shared kernel use function and variable names of their own.
"""

import json
import os
import re
import tempfile
import time

import pytest
from jupyter_client.manager import start_new_kernel

from gocell_client import (
    STARTUP_TIMEOUT,
    execute,
    kernel_alive_answer,
    result_text,
    run_ok,
    stop_kernel,
)


# --------------------------------------------------------------------------
# Helpers


# The per-user cache secret is created under the user's config folder; the
# tests' kernels share one of their own instead of the real user's.
CONFIG_HOME = tempfile.mkdtemp(prefix="gocell-test-config-")


class Kernel:
    """A gocell kernel with its own cache directory."""

    def __init__(self, cache_dir, **extra_env):
        self.dir = str(cache_dir)
        os.makedirs(self.dir, exist_ok=True)
        env = dict(os.environ, GOCELL_CACHE_DIR=self.dir, XDG_CONFIG_HOME=CONFIG_HOME, **extra_env)
        self.km, self.kc = start_new_kernel(
            kernel_name="gocell", startup_timeout=STARTUP_TIMEOUT, env=env
        )

    def stop(self):
        stop_kernel(self.km, self.kc)

    def alive(self):
        try:
            return self.km.is_alive() and kernel_alive_answer(self.kc, timeout=20)
        except Exception:
            return False

    def run(self, code, **kw):
        """Run a cell that must succeed."""
        return run_ok(self.kc, code, **kw)

    def ex(self, code, **kw):
        """Run a cell that may fail."""
        return execute(self.kc, code, **kw)

    def stats(self):
        """cache.Stats() as {name: row}, read from Go without an import of cache."""
        r = self.run(STATS_CELL)
        for line in r.stdout.splitlines():
            if line.startswith(STATS_MARK):
                rows = json.loads(line[len(STATS_MARK):]) or []
                return {row["Name"]: row for row in rows}
        raise AssertionError(f"no stats line in:\n{r!r}")

    def counts(self, name):
        row = self.stats().get(name)
        if row is None:
            return (0, 0)
        return (row["Hits"], row["Misses"])

    def expect(self, name, code, hits, misses, ok=True, **kw):
        """Run code and check how many hits and misses name had meanwhile."""
        h0, m0 = self.counts(name)
        r = self.run(code, **kw) if ok else self.ex(code, **kw)
        if not ok:
            assert r.status == "error", f"cell should have failed:\n{code}\n{r!r}"
        h1, m1 = self.counts(name)
        assert (h1 - h0, m1 - m0) == (hits, misses), (
            f"{name}: expected {hits} hit(s) and {misses} miss(es), got "
            f"{h1 - h0} and {m1 - m0} for cell:\n{code}\n{r!r}"
        )
        return r

    def hit(self, name, code):
        return self.expect(name, code, 1, 0)

    def miss(self, name, code):
        return self.expect(name, code, 0, 1)


STATS_MARK = "GOCELL-STATS "
STATS_CELL = (
    'import (\n\t"encoding/json"\n\t"fmt"\n)\n'
    'fmt.Println("' + STATS_MARK + '" + func() string { b, _ := json.Marshal(cache.Stats()); return string(b) }())'
)

# A notebook function that appends a line to a file: the tests' witness that
# a cached function really ran (a hit never repeats it).
MARK_FUNC = """func NAME(path, what string) {
	f, err := os.OpenFile(path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)
	if err != nil {
		panic(err)
	}
	fmt.Fprintln(f, what)
	f.Close()
}
"""


def marks(path, what=None):
    """How many times the marker file records `what` (or anything)."""
    if not os.path.exists(path):
        return 0
    with open(path) as f:
        lines = [l.strip() for l in f if l.strip()]
    return len(lines) if what is None else lines.count(what)


def go_str(s):
    return json.dumps(str(s))


def is_spinner(m):
    return (m.get("content", {}).get("metadata") or {}).get("gocell", {}).get("spinner") is True


def merge_streams(items):
    """Adjacent chunks of one stream as one: a replay may send in one message
    what the computation printed in two."""
    out = []
    for it in items:
        if it[0] == "stream" and out and out[-1][0] == "stream" and out[-1][1] == it[1]:
            out[-1] = ("stream", it[1], out[-1][2] + it[2])
        else:
            out.append(it)
    return out


def shown(r):
    """What a cell showed besides its result, errors and spinners, as
    (msg_type, details) tuples, streams merged."""
    out = []
    for m in r.outputs:
        t, c = m["msg_type"], m["content"]
        if is_spinner(m):
            continue
        if t == "stream":
            out.append(("stream", c["name"], c["text"]))
        elif t in ("display_data", "update_display_data"):
            out.append((t, json.dumps(c["data"], sort_keys=True)))
        elif t == "clear_output":
            out.append((t, c.get("wait")))
    return merge_streams(out)


def rich(r, *types):
    """display_data / update_display_data / clear_output messages, spinners left out."""
    types = types or ("display_data", "update_display_data", "clear_output")
    return [m for m in r.outputs if m["msg_type"] in types and not is_spinner(m)]


def display_id(m):
    return (m["content"].get("transient") or {}).get("display_id")


def cached_flag(m):
    return (m["content"].get("metadata") or {}).get("gocell", {}).get("cached")


def error_text(r):
    parts = []
    for e in r.errors:
        parts.append(e.get("ename", ""))
        parts.append(e.get("evalue", ""))
        parts.extend(e.get("traceback", []))
    return "\n".join(parts)


def cache_files(d):
    out = set()
    for root, _dirs, files in os.walk(d):
        for f in files:
            out.add(os.path.join(root, f))
    return out


# --------------------------------------------------------------------------
# Fixtures


@pytest.fixture(scope="module")
def shared_holder(tmp_path_factory):
    holder = {"k": None, "n": 0, "base": tmp_path_factory.mktemp("shared-cache")}
    yield holder
    if holder["k"] is not None:
        holder["k"].stop()


@pytest.fixture
def k(shared_holder):
    """The module's shared kernel; restarted if an earlier test killed it."""
    kern = shared_holder["k"]
    if kern is None or not kern.alive():
        if kern is not None:
            kern.stop()
        shared_holder["n"] += 1
        kern = Kernel(os.path.join(shared_holder["base"], str(shared_holder["n"])))
        shared_holder["k"] = kern
    return kern


@pytest.fixture
def fresh(tmp_path):
    """A kernel of the test's own, with an empty cache directory."""
    kern = Kernel(tmp_path / "cache")
    yield kern
    kern.stop()


# --------------------------------------------------------------------------
# Rule 1: arguments


def test_rule1_arguments(k):
    k.run('import "fmt"\n\n//%cache_data\nfunc R1Mul(a int, s string) string {\n'
          '\tfmt.Println("R1Mul computing", a, s)\n\treturn fmt.Sprint(a*a, s)\n}')
    r = k.miss("R1Mul", 'R1Mul(3, "x")')
    assert result_text(r) == "9x"
    r = k.hit("R1Mul", 'R1Mul(3, "x")')
    assert result_text(r) == "9x"
    assert k.miss("R1Mul", 'R1Mul(4, "x")').results[0]["data"]["text/plain"] == "16x"
    assert k.miss("R1Mul", 'R1Mul(3, "y")').results[0]["data"]["text/plain"] == "9y"
    # Going back to earlier values hits again: every key is kept.
    assert result_text(k.hit("R1Mul", 'R1Mul(3, "x")')) == "9x"
    assert result_text(k.hit("R1Mul", 'R1Mul(4, "x")')) == "16x"
    assert result_text(k.hit("R1Mul", 'R1Mul(3, "y")')) == "9y"
    assert k.stats()["R1Mul"]["Entries"] == 3


def test_rule1_cached_method_receiver_is_an_argument(k):
    k.run('import "fmt"\n\ntype R1Calc struct{ K int }\n\n//%cache_data\n'
          'func (c R1Calc) Mul(a int) int {\n\tfmt.Println("Mul computing")\n\treturn c.K * a\n}')
    assert result_text(k.miss("R1Calc.Mul", "R1Calc{2}.Mul(3)")) == "6"
    assert result_text(k.hit("R1Calc.Mul", "R1Calc{2}.Mul(3)")) == "6"
    assert result_text(k.miss("R1Calc.Mul", "R1Calc{5}.Mul(3)")) == "15"
    assert result_text(k.hit("R1Calc.Mul", "R1Calc{2}.Mul(3)")) == "6"


def test_directive_on_generic_function(fresh):
    fresh.run('import "fmt"')
    r = fresh.ex('//%cache_data\nfunc R1Gen[T any](x T) T {\n\tfmt.Println("R1Gen computing")\n\treturn x\n}\nR1Gen(3)')
    assert r.status == "ok", repr(r)
    assert result_text(fresh.hit("R1Gen", "R1Gen(3)")) == "3"
    assert result_text(fresh.miss("R1Gen", 'R1Gen("s")')) == "s"
    assert result_text(fresh.hit("R1Gen", 'R1Gen("s")')) == "s"


# --------------------------------------------------------------------------
# Rule 2: own source

R2_V1 = """//%cache_data
func R2F(a int) int {
	x := a * a
	return x + 1
}"""

# The same function, with comments and another layout (what gofmt changes).
R2_V1_REFORMATTED = """//%cache_data
func R2F(a int) int {
	// the square,
	x := a*a      /* plus one */

	return x+1 // done
}"""

R2_V2 = """//%cache_data
func R2F(a int) int {
	x := a * a
	return x + 2
}"""


def test_rule2_own_source(k):
    k.run(R2_V1)
    assert result_text(k.miss("R2F", "R2F(3)")) == "10"
    assert result_text(k.hit("R2F", "R2F(3)")) == "10"
    # Comments and layout only: still a hit.
    k.run(R2_V1_REFORMATTED)
    assert result_text(k.hit("R2F", "R2F(3)")) == "10"
    # Another body: a miss, computed by the new body.
    k.run(R2_V2)
    assert result_text(k.miss("R2F", "R2F(3)")) == "11"
    assert result_text(k.hit("R2F", "R2F(3)")) == "11"
    # Reverting hits the old entry.
    k.run(R2_V1)
    assert result_text(k.hit("R2F", "R2F(3)")) == "10"
    # Redefining and calling in one cell, as a notebook cell is edited.
    assert result_text(k.hit("R2F", R2_V2 + "\nR2F(3)")) == "11"
    assert result_text(k.hit("R2F", R2_V1_REFORMATTED + "\nR2F(3)")) == "10"


# --------------------------------------------------------------------------
# Rule 3: code the function reaches


def test_rule3_called_code(fresh):
    k = fresh
    k.run('import "fmt"')
    k.run("const r3factor = 10")
    k.run("type R3Pt struct{ X, Y int }")
    k.run("func (p R3Pt) Sum() int { return p.X + p.Y }")
    k.run("func r3inner(x int) int { return x + 1 }")
    k.run("func r3helper(x int) int { return r3inner(x) * 2 }")
    k.run("func r3unrelated() int { return 1 }")
    k.run('//%cache_data\nfunc R3F(a int) int {\n\tfmt.Println("R3F computing")\n'
          "\tp := R3Pt{X: a, Y: 1}\n\treturn r3helper(p.Sum()) * r3factor\n}")
    assert result_text(k.miss("R3F", "R3F(1)")) == "60"
    assert result_text(k.hit("R3F", "R3F(1)")) == "60"

    # A function it does not reach: no effect.
    k.run("func r3unrelated() int { return 2 }")
    assert result_text(k.hit("R3F", "R3F(1)")) == "60"

    steps = [
        # (edited declaration, original declaration, result after the edit)
        ("func r3inner(x int) int { return x + 2 }", "func r3inner(x int) int { return x + 1 }", "80"),
        ("func r3helper(x int) int { return r3inner(x) * 3 }", "func r3helper(x int) int { return r3inner(x) * 2 }", "90"),
        ("func (p R3Pt) Sum() int { return p.X + p.Y + 1 }", "func (p R3Pt) Sum() int { return p.X + p.Y }", "80"),
        ("type R3Pt struct{ X, Y, Z int }", "type R3Pt struct{ X, Y int }", "60"),
        ("const r3factor = 11", "const r3factor = 10", "66"),
    ]
    for edited, original, want in steps:
        k.run(edited)
        r = k.miss("R3F", "R3F(1)")
        assert result_text(r) == want, f"after {edited!r}:\n{r!r}"
        k.run(original)
        r = k.hit("R3F", "R3F(1)")
        assert result_text(r) == "60", f"after reverting to {original!r}:\n{r!r}"


def test_rule3_method_edit_when_declared_in_the_cached_functions_cell(fresh):
    k = fresh
    k.run("type R3bPt struct{ X, Y int }\n\nfunc (p R3bPt) Sum() int { return p.X + p.Y }\n\n"
          "//%cache_data\nfunc R3bF(a int) int {\n\tp := R3bPt{X: a, Y: 1}\n\treturn p.Sum()\n}")
    assert result_text(k.miss("R3bF", "R3bF(1)")) == "2"
    k.run("func (p R3bPt) Sum() int { return p.X + p.Y + 5 }")
    r = k.ex("R3bF(1)")
    assert r.status == "ok", repr(r)
    assert result_text(r) == "7"


# --------------------------------------------------------------------------
# Rule 4: package-level variables


def test_rule4_globals(k):
    k.run('import "fmt"\n\nr4threshold := 0.5\nr4xs := []float64{0.1, 0.6, 0.8}\nr4scale := 1\n\n'
          "func r4scaled(n int) int { return n * r4scale }\n\n"
          '//%cache_data\nfunc R4Above(n int) int {\n\tfmt.Println("R4Above computing")\n\tc := 0\n'
          "\tfor _, x := range r4xs {\n\t\tif x > r4threshold {\n\t\t\tc++\n\t\t}\n\t}\n"
          "\treturn r4scaled(c * n)\n}")
    assert result_text(k.miss("R4Above", "R4Above(1)")) == "2"
    assert result_text(k.hit("R4Above", "R4Above(1)")) == "2"
    # Reassigning a global it reads, in another cell.
    k.run("r4threshold = 0.7")
    assert result_text(k.miss("R4Above", "R4Above(1)")) == "1"
    k.run("r4threshold = 0.5")
    assert result_text(k.hit("R4Above", "R4Above(1)")) == "2"
    # One element of a global slice.
    k.run("r4xs[0] = 0.9")
    assert result_text(k.miss("R4Above", "R4Above(1)")) == "3"
    k.run("r4xs[0] = 0.1")
    assert result_text(k.hit("R4Above", "R4Above(1)")) == "2"
    # A global read only by a helper it calls.
    k.run("r4scale = 10")
    assert result_text(k.miss("R4Above", "R4Above(1)")) == "20"
    # Re-hashed on every call: a change between two calls of one cell.
    r = k.expect("R4Above", "r4scale = 1\nfmt.Println(R4Above(1))\nr4threshold = 0.65\nfmt.Println(R4Above(1))",
                 hits=1, misses=1)
    # The hit prints nothing: printed text is the computation's log (rule 10).
    assert r.stdout == "2\nR4Above computing\n1\n", repr(r)


# --------------------------------------------------------------------------
# Rule 5: excluded parameters


def test_rule5_excluded_params(k):
    k.run('import (\n\t"context"\n\t"fmt"\n)\n\n//%cache_data ignore=verbose,debug\n'
          "func R5F(a int, _note string, verbose bool, debug int, ctx context.Context) int {\n"
          '\tfmt.Println("R5F computing")\n\treturn a * 2\n}')
    assert result_text(k.miss("R5F", 'R5F(1, "x", true, 1, context.Background())')) == "2"
    # Only excluded parameters differ: hits.
    k.hit("R5F", 'R5F(1, "y", true, 1, context.Background())')
    k.hit("R5F", 'R5F(1, "x", false, 1, context.Background())')
    k.hit("R5F", 'R5F(1, "x", true, 7, context.Background())')
    k.run("r5ctx, r5cancel := context.WithCancel(context.TODO())\nr5cancel()")
    k.hit("R5F", 'R5F(1, "z", false, 9, r5ctx)')
    # An included parameter differs: a miss.
    assert result_text(k.miss("R5F", 'R5F(2, "z", false, 9, r5ctx)')) == "4"
    # Excluded parameters are not hashed at all: unhashable values are fine there.
    k.run('//%cache_data ignore=ch\nfunc R5Ch(a int, _c chan int, ch chan int) int {\n\treturn a\n}')
    k.miss("R5Ch", "R5Ch(1, make(chan int), make(chan int))")
    k.hit("R5Ch", "R5Ch(1, make(chan int), nil)")


# --------------------------------------------------------------------------
# Rule 6: hashing


def test_rule6_maps_independent_of_order(k):
    k.run('import "fmt"\n\n//%cache_data\nfunc R6Map(m map[string]int) int {\n\treturn len(m)\n}\n'
          "r6m1 := map[string]int{}\nfor i := 0; i < 1000; i++ {\n\tr6m1[fmt.Sprint(\"k\", i)] = i\n}\n"
          "r6m2 := map[string]int{}\nfor i := 999; i >= 0; i-- {\n\tr6m2[fmt.Sprint(\"k\", i)] = i\n}")
    k.miss("R6Map", "R6Map(r6m1)")
    k.hit("R6Map", "R6Map(r6m2)")
    k.run('r6m2["k500"] = -1')
    k.miss("R6Map", "R6Map(r6m2)")
    # Entries are hashed as pairs: the same keys and values, paired otherwise.
    k.miss("R6Map", 'R6Map(map[string]int{"a": 1, "b": 2})')
    k.miss("R6Map", 'R6Map(map[string]int{"a": 2, "b": 1})')
    k.hit("R6Map", 'R6Map(map[string]int{"b": 2, "a": 1})')


def test_rule6_ten_million_floats_differing_in_one_element(k):
    k.run("//%cache_data\nfunc R6Big(xs []float64) float64 {\n\treturn xs[7_654_321] + xs[9_999_999]\n}\n"
          "r6big := make([]float64, 10_000_000)")
    k.miss("R6Big", "R6Big(r6big)")
    k.hit("R6Big", "R6Big(r6big)")
    k.run("r6big[7_654_321] = 1e-300")
    assert result_text(k.miss("R6Big", "R6Big(r6big)")) == "1e-300"
    k.run("r6big[7_654_321] = 0")
    assert result_text(k.hit("R6Big", "R6Big(r6big)")) == "0"
    k.run("r6big[9_999_999] = -0.5")
    assert result_text(k.miss("R6Big", "R6Big(r6big)")) == "-0.5"
    # Another slice with the same values: the value is hashed, not the address.
    k.run("r6big2 := make([]float64, 10_000_000)\nr6big2[9_999_999] = -0.5")
    k.hit("R6Big", "R6Big(r6big2)")
    k.run("r6big = nil\nr6big2 = nil")


def test_rule6_struct_unexported_field(k):
    k.run("type r6secret struct {\n\tName string\n\tn    int\n}\n\n"
          "//%cache_data\nfunc R6Sec(s r6secret) string {\n\treturn s.Name\n}")
    k.miss("R6Sec", 'R6Sec(r6secret{"a", 1})')
    k.hit("R6Sec", 'R6Sec(r6secret{"a", 1})')
    k.miss("R6Sec", 'R6Sec(r6secret{"a", 2})')
    k.hit("R6Sec", 'R6Sec(r6secret{"a", 1})')


def test_rule6_pointers_followed_and_cycles(k):
    k.run("type R6Node struct {\n\tV    int\n\tNext *R6Node\n}\n\n"
          "//%cache_data\nfunc R6Walk(n *R6Node) int {\n\treturn n.V\n}\n"
          "r6a := &R6Node{V: 1}\nr6a.Next = r6a")
    # A cycle: hashing terminates.
    k.miss("R6Walk", "R6Walk(r6a)")
    k.hit("R6Walk", "R6Walk(r6a)")
    # Another pointer to an equal structure: pointers are followed, not compared.
    k.hit("R6Walk", "r6b := &R6Node{V: 1}\nr6b.Next = r6b\nR6Walk(r6b)")
    # The pointee changes.
    k.run("r6a.Next = &R6Node{V: 2}")
    k.miss("R6Walk", "R6Walk(r6a)")
    k.run("r6a.Next.V = 3")  # two levels down, through the same pointers
    k.miss("R6Walk", "R6Walk(r6a)")
    k.run("r6a.Next.V = 2")
    k.hit("R6Walk", "R6Walk(r6a)")
    # Leave no cycle behind in the shared kernel: carrying a cyclic value
    # over when a later cell redefines a type is a separate problem.
    k.run("r6a = nil\nr6b = nil")


def test_rule6_interfaces_types_time_big(k):
    k.run('import (\n\t"fmt"\n\t"math/big"\n\t"time"\n)\n\n'
          "type R6P struct{ X, Y int }\n\n"
          '//%cache_data\nfunc R6Any(v any) string {\n\treturn fmt.Sprint(v)\n}\n\n'
          "//%cache_data\nfunc R6TB(t time.Time, b *big.Int) string {\n\treturn t.String() + \" \" + b.String()\n}")
    k.miss("R6Any", "R6Any(1)")
    k.miss("R6Any", "R6Any(int64(1))")  # same bits, another dynamic type
    k.hit("R6Any", "R6Any(1)")
    k.miss("R6Any", 'R6Any("1")')
    k.miss("R6Any", "R6Any([]int{1})")
    k.miss("R6Any", "R6Any([1]int{1})")
    k.hit("R6Any", "R6Any(int64(1))")
    k.miss("R6Any", "R6Any(R6P{1, 2})")
    k.hit("R6Any", "R6Any(R6P{1, 2})")
    k.miss("R6Any", "R6Any(R6P{1, 3})")
    t0 = "time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)"
    k.miss("R6TB", f"R6TB({t0}, big.NewInt(5))")
    k.hit("R6TB", f"R6TB({t0}, big.NewInt(5))")
    k.miss("R6TB", f"R6TB({t0}, big.NewInt(6))")
    k.miss("R6TB", f"R6TB({t0}.Add(time.Nanosecond), big.NewInt(5))")
    k.miss("R6TB", f"R6TB({t0}, new(big.Int).Lsh(big.NewInt(1), 200))")
    k.hit("R6TB", f"R6TB({t0}, new(big.Int).Lsh(big.NewInt(1), 200))")
    k.miss("R6TB", f"R6TB({t0}, new(big.Int).Lsh(big.NewInt(1), 201))")


@pytest.mark.xfail(strict=True, reason=(
    "two notebook struct types with the same layout are not told apart inside an "
    "interface: after R6IfAny(R6IfP{1, 2}) (a miss), R6IfAny(R6IfQ{1, 2}) is a HIT "
    "(cache.Stats: hits+1, misses+0) and returns the entry computed for R6IfP; same "
    "for []any{R6IfQ{1, 2}} after []any{R6IfP{1, 2}}"))
def test_rule6_interface_dynamic_type_of_notebook_structs(fresh):
    k = fresh
    k.run("type R6IfP struct{ X, Y int }\ntype R6IfQ struct{ X, Y int }\n\n"
          "//%cache_data\nfunc R6IfAny(v any) int {\n\treturn 1\n}\n\n"
          "//%cache_data\nfunc R6IfList(v []any) int {\n\treturn len(v)\n}")
    k.miss("R6IfAny", "R6IfAny(R6IfP{1, 2})")
    k.miss("R6IfAny", "R6IfAny(R6IfQ{1, 2})")
    k.hit("R6IfAny", "R6IfAny(R6IfP{1, 2})")
    k.miss("R6IfList", "R6IfList([]any{R6IfP{1, 2}})")
    k.miss("R6IfList", "R6IfList([]any{R6IfQ{1, 2}})")


# --------------------------------------------------------------------------
# Rule 7: unhashable values


def test_rule7_unhashable_argument_error(k):
    k.run("//%cache_data\nfunc R7Chan(ch chan int) int {\n\treturn 1\n}")
    r = k.ex("R7Chan(make(chan int))")
    assert r.status == "error", repr(r)
    text = error_text(r)
    for want in ("R7Chan", "ch", "chan int", "_ch", "ignore=ch", "CacheKey", "RegisterHasher"):
        assert want in text, f"{want!r} missing from the error:\n{text}"
    # The path inside a value is named.
    k.run("type R7Conf struct {\n\tName  string\n\tConns []chan int\n}\n\n"
          "//%cache_data\nfunc R7Nested(c R7Conf) int {\n\treturn 1\n}")
    r = k.ex('R7Nested(R7Conf{"a", []chan int{nil, make(chan int)}})')
    assert r.status == "error", repr(r)
    text = error_text(r)
    for want in ("R7Nested", "c.Conns[1]", "chan int", "_c", "ignore=c"):
        assert want in text, f"{want!r} missing from the error:\n{text}"
    # The kernel keeps serving, and the fixes the error names work.
    assert result_text(k.run("6*7")) == "42"
    k.run("//%cache_data\nfunc R7Fixed1(_ch chan int, n int) int {\n\treturn n\n}")
    k.miss("R7Fixed1", "R7Fixed1(make(chan int), 1)")
    k.hit("R7Fixed1", "R7Fixed1(make(chan int), 1)")
    k.run("//%cache_data ignore=ch\nfunc R7Fixed2(ch chan int, n int) int {\n\treturn n\n}")
    k.miss("R7Fixed2", "R7Fixed2(make(chan int), 1)")
    k.hit("R7Fixed2", "R7Fixed2(make(chan int), 1)")


def test_rule7_cachekey_method(fresh):
    k = fresh
    k.run("type R7Key struct {\n\tID string\n\tch chan int\n}\n\n"
          "func (c R7Key) CacheKey() any { return c.ID }\n\n"
          "//%cache_data\nfunc R7KeyF(c R7Key) string {\n\treturn c.ID\n}")
    r = k.ex('R7KeyF(R7Key{"x", make(chan int)})')
    assert r.status == "ok", repr(r)
    k.hit("R7KeyF", 'R7KeyF(R7Key{"x", make(chan int)})')
    k.miss("R7KeyF", 'R7KeyF(R7Key{"y", make(chan int)})')


def test_rule7_register_hasher(k):
    k.run("type R7Sess struct {\n\tID string\n\tch chan int\n}\n\n"
          "//%cache_data\nfunc R7SessF(s R7Sess) string {\n\treturn s.ID\n}")
    r = k.ex('R7SessF(R7Sess{"y", make(chan int)})')
    assert r.status == "error" and "s.ch" in error_text(r), repr(r)
    # No import line: the cache package is there.
    k.run("cache.RegisterHasher(R7Sess{}, func(v any) any { return v.(R7Sess).ID })")
    assert result_text(k.miss("R7SessF", 'R7SessF(R7Sess{"y", make(chan int)})')) == "y"
    k.hit("R7SessF", 'R7SessF(R7Sess{"y", make(chan int)})')
    k.miss("R7SessF", 'R7SessF(R7Sess{"z", make(chan int)})')


@pytest.mark.xfail(strict=True, reason=(
    "a named notebook function as an argument is unhashable: R7Apply(r7double, 3) "
    "fails with 'cannot hash argument f: f has type func(int) int, which cannot be "
    "hashed (a func value has no contents to compare (only named notebook functions "
    "can be hashed))' although r7double is a named notebook function (the session "
    "gives the cache no FuncNamer)"))
def test_rule7_named_notebook_function_argument(fresh):
    k = fresh
    k.run("func r7double(x int) int { return 2 * x }\nfunc r7triple(x int) int { return 3 * x }\n\n"
          "//%cache_data\nfunc R7Apply(f func(int) int, x int) int {\n\treturn f(x)\n}")
    r = k.ex("R7Apply(r7double, 3)")
    assert r.status == "ok", repr(r)
    assert result_text(r) == "6"
    k.hit("R7Apply", "R7Apply(r7double, 3)")
    assert result_text(k.miss("R7Apply", "R7Apply(r7triple, 3)")) == "9"
    # A func literal stays unhashable, with the fixes named.
    r = k.ex("R7Apply(func(x int) int { return x }, 3)")
    assert r.status == "error" and "ignore=f" in error_text(r), repr(r)


# --------------------------------------------------------------------------
# Rule 8: copies


def test_rule8_data_returns_deep_copies(k):
    k.run('import "fmt"\n\ntype R8Box struct {\n\tV []int\n\tM map[string]int\n}\n\n'
          "//%cache_data\nfunc R8Load(n int) ([]int, map[string]int, *R8Box) {\n"
          '\treturn []int{n, n}, map[string]int{"a": n}, &R8Box{V: []int{n}, M: map[string]int{"b": n}}\n}')
    # The computing call's own results...
    k.miss("R8Load", 'r8s1, r8m1, r8b1 := R8Load(1)\nr8s1[0] = 99\nr8m1["a"] = 99\nr8b1.V[0] = 99\nr8b1.M["b"] = 99\nr8b1 = nil')
    r = k.hit("R8Load", 'r8s2, r8m2, r8b2 := R8Load(1)\nfmt.Println(r8s2, r8m2, r8b2.V, r8b2.M)')
    assert r.stdout == "[1 1] map[a:1] [1] map[b:1]\n", repr(r)
    # ... and a hit's results.
    k.run('r8s2[1] = 7\nr8m2["c"] = 7\nr8b2.V = append(r8b2.V, 7)\nr8b2.M["b"] = 7')
    r = k.hit("R8Load", 'r8s3, r8m3, r8b3 := R8Load(1)\nfmt.Println(r8s3, r8m3, r8b3.V, r8b3.M, r8b3 != r8b2)')
    assert r.stdout == "[1 1] map[a:1] [1] map[b:1] true\n", repr(r)


def test_rule8_resource_is_shared(k):
    k.run('import "fmt"\n\ntype R8Res struct{ N int }\n\n//%cache_resource\n'
          'func R8Open(n int) *R8Res {\n\tfmt.Println("opening")\n\treturn &R8Res{N: n}\n}')
    k.miss("R8Open", "r8c1 := R8Open(1)")
    r = k.hit("R8Open", "r8c2 := R8Open(1)\nr8c1 == r8c2")
    assert result_text(r) == "true"
    k.run("r8c1.N = 42")
    r = k.hit("R8Open", "r8c3 := R8Open(1)\nfmt.Println(r8c3 == r8c1, r8c3.N)")
    assert r.stdout.endswith("true 42\n"), repr(r)
    r = k.miss("R8Open", "R8Open(2) == r8c1")
    assert result_text(r) == "false"


# --------------------------------------------------------------------------
# Rule 9: failures are not cached


def test_rule9_panic_not_cached(k):
    k.run('import "fmt"\n\n//%cache_data\nfunc R9Panic(a int) int {\n'
          '\tfmt.Println("R9Panic computing", a)\n\tpanic("boom R9")\n}')
    for _ in range(2):
        r = k.expect("R9Panic", "R9Panic(1)", hits=0, misses=1, ok=False)
        assert "boom R9" in error_text(r)
        assert r.stdout == "R9Panic computing 1\n"
    assert k.stats()["R9Panic"]["Entries"] == 0
    assert result_text(k.run("1+1")) == "2"


def test_rule9_error_result_not_cached(k):
    k.run('import (\n\t"errors"\n\t"fmt"\n)\n\n//%cache_data\nfunc R9Err(n int) (int, error) {\n'
          '\tfmt.Println("R9Err computing", n)\n\tif n < 0 {\n\t\treturn 0, errors.New("negative")\n\t}\n'
          "\treturn n * 10, nil\n}")
    for _ in range(2):
        r = k.miss("R9Err", 'r9v, r9err := R9Err(-1)\nfmt.Println("got", r9v, r9err)')
        assert r.stdout == "R9Err computing -1\ngot 0 negative\n", repr(r)
    assert k.stats()["R9Err"]["Entries"] == 0
    k.miss("R9Err", 'r9v, r9err = R9Err(1)\nfmt.Println("got", r9v, r9err)')
    r = k.hit("R9Err", 'r9v, r9err = R9Err(1)\nfmt.Println("got", r9v, r9err)')
    assert r.stdout == "got 10 <nil>\n", repr(r)
    assert k.stats()["R9Err"]["Entries"] == 1


# --------------------------------------------------------------------------
# Rule 10: output replay


def test_rule10_replay_same_outputs_in_order(k):
    k.run('import (\n\t"fmt"\n\t"os"\n)\n\n//%cache_data\nfunc R10Rep(n int) int {\n'
          '\tfmt.Println("out1")\n\th := display.HTML("<i>first</i>")\n\tfmt.Fprintln(os.Stderr, "err1")\n'
          '\th.HTML("<i>second</i>")\n\tdisplay.Clear()\n\tfmt.Print("out2\\n")\n'
          '\tdisplay.Markdown("**md**")\n\tfmt.Fprintln(os.Stderr, "err2")\n\treturn n\n}')
    cell = 'fmt.Println("before")\nR10Rep(1)\nfmt.Println("after")\nR10Rep(1)'
    first = k.expect("R10Rep", cell, hits=1, misses=1)
    second = k.expect("R10Rep", cell, hits=2, misses=0)
    once = [
        ("stream", "stdout", "out1\n"),
        ("display_data", json.dumps({"text/html": "<i>first</i>", "text/plain": "first"}, sort_keys=True)),
        ("stream", "stderr", "err1\n"),
        ("update_display_data", json.dumps({"text/html": "<i>second</i>", "text/plain": "second"}, sort_keys=True)),
        ("clear_output", False),
        ("stream", "stdout", "out2\n"),
        ("display_data", json.dumps({"text/markdown": "**md**", "text/plain": "**md**"}, sort_keys=True)),
        ("stream", "stderr", "err2\n"),
    ]
    # A hit replays what was displayed (displays, updates, clears), not the
    # printed text: that is the computation's log, shown on the miss only.
    replayed = [o for o in once if o[0] != "stream"]
    before, after = [("stream", "stdout", "before\n")], [("stream", "stdout", "after\n")]
    assert shown(first) == merge_streams(before + once + after + replayed), repr(first)
    assert shown(second) == merge_streams(before + replayed + after + replayed), repr(second)

    # Metadata: computed outputs are not marked, replayed ones are.
    first_rich = rich(first, "display_data", "update_display_data")
    second_rich = rich(second, "display_data", "update_display_data")
    assert [cached_flag(m) for m in first_rich] == [None, None, None, True, True, True], repr(first)
    assert all(cached_flag(m) is True for m in second_rich), repr(second)
    for m in first_rich[3:] + second_rich:
        assert m["content"]["metadata"]["gocell"] == {"cached": True}

    # Display ids: every replay gets fresh ones; its update follows its display.
    def ids(ms):
        return [display_id(m) for m in ms]

    orig = ids(first_rich[:3])
    assert orig[0] == orig[1] and orig[0] != orig[2] and all(orig), orig
    replays = [ids(first_rich[3:]), ids(second_rich[:3]), ids(second_rich[3:])]
    seen = set(orig)
    for rep in replays:
        assert rep[0] == rep[1], f"the replayed update must target the replayed display: {rep}"
        assert rep[0] != rep[2] and all(rep), rep
        assert not (set(rep) & seen), f"display ids reused: {rep} vs {seen}"
        seen |= set(rep)


def test_rule10_replay_option(k):
    """replay=all replays printed text too; replay=none replays nothing; a
    bad value is an error naming the option."""
    body = ('\tfmt.Println("log", n)\n\tfmt.Fprintln(os.Stderr, "warn", n)\n'
            '\tdisplay.HTML("<p>shown</p>")\n\treturn n\n}')
    k.run('import (\n\t"fmt"\n\t"os"\n)\n\n'
          '//%cache_data replay=all\nfunc R10All(n int) int {\n' + body + '\n\n'
          '//%cache_data replay=none\nfunc R10None(n int) int {\n' + body + '\n\n'
          '//%cache_data replay="display"\nfunc R10Disp(n int) int {\n' + body)
    html = ("display_data", json.dumps({"text/html": "<p>shown</p>", "text/plain": "shown"}, sort_keys=True))
    miss = [("stream", "stdout", "log 1\n"), ("stream", "stderr", "warn 1\n"), html]
    for name, want in (("R10All", miss), ("R10None", []), ("R10Disp", [html])):
        assert shown(k.miss(name, f"{name}(1)")) == miss
        hit = k.hit(name, f"{name}(1)")
        assert shown(hit) == want, f"{name}: {hit!r}"
    r = k.ex('//%cache_data replay=stdout\nfunc R10Bad(n int) int { return n }')
    assert r.status == "error" and "replay" in error_text(r) and "display" in error_text(r), repr(r)
    assert k.alive()


def test_rule10_update_of_a_display_made_before_the_call(k):
    r = k.run('import "fmt"\n\nr10h := display.HTML("<b>start</b>")\n\n'
              "//%cache_data\nfunc R10Upd(n int, _h *display.Handle) int {\n"
              '\t_h.HTML(fmt.Sprintf("<b>progress %d</b>", n))\n\treturn n\n}')
    outer_id = display_id(rich(r, "display_data")[0])
    first = k.miss("R10Upd", "R10Upd(1, r10h)")
    second = k.hit("R10Upd", "R10Upd(1, r10h)")
    for res in (first, second):
        ups = rich(res)
        assert [m["msg_type"] for m in ups] == ["update_display_data"], repr(res)
        assert display_id(ups[0]) == outer_id, "the update must reach the display made before the call"
        assert ups[0]["content"]["data"]["text/html"] == "<b>progress 1</b>"
    assert cached_flag(rich(second)[0]) is True


def test_rule10_nested_cached_functions_compose(k):
    k.run('import "fmt"\n\n//%cache_data\nfunc R10In(n int) int {\n\tfmt.Println("inner", n)\n'
          '\tdisplay.HTML("<p>inner</p>")\n\treturn n\n}\n\n//%cache_data\nfunc R10Out(n int) int {\n'
          '\tfmt.Println("outer before")\n\tr := R10In(n)\n\tfmt.Println("outer after")\n\treturn r + 1\n}')
    want = [
        ("stream", "stdout", "outer before\ninner 1\n"),
        ("display_data", json.dumps({"text/html": "<p>inner</p>", "text/plain": "inner"}, sort_keys=True)),
        ("stream", "stdout", "outer after\n"),
    ]
    displayed = [want[1]]
    first = k.miss("R10Out", "R10Out(1)")
    assert shown(first) == want, repr(first)
    h_in, m_in = k.counts("R10In")
    # The outer hit replays the inner function's display without calling it.
    second = k.hit("R10Out", "R10Out(1)")
    assert shown(second) == displayed, repr(second)
    assert cached_flag(rich(second)[0]) is True
    assert k.counts("R10In") == (h_in, m_in), "an outer hit must not call the inner function"
    # An outer miss over an inner hit records the inner replay.
    k.run('cache.Clear("R10Out")')
    third = k.expect("R10In", "R10Out(1)", hits=1, misses=0)
    assert shown(third) == [("stream", "stdout", "outer before\n"), want[1], want[2]], repr(third)
    fourth = k.hit("R10Out", "R10Out(1)")
    assert shown(fourth) == displayed, repr(fourth)


def test_rule10_function_without_results_cached_for_outputs(k):
    k.run('import "fmt"\n\n//%cache_data\nfunc R10Show(n int) {\n\tfmt.Println("showing", n)\n'
          '\tdisplay.HTML(fmt.Sprintf("<p>%d</p>", n))\n}')
    first = k.miss("R10Show", "R10Show(1)")
    second = k.hit("R10Show", "R10Show(1)")
    html = ("display_data", json.dumps({"text/html": "<p>1</p>", "text/plain": "1"}, sort_keys=True))
    assert shown(first) == [("stream", "stdout", "showing 1\n"), html], repr(first)
    assert shown(second) == [html], repr(second)
    assert not first.results and not second.results
    assert cached_flag(rich(second)[0]) is True
    k.miss("R10Show", "R10Show(2)")


# --------------------------------------------------------------------------
# Rule 11: concurrency


def test_rule11_one_key_from_many_goroutines_computes_once(k, tmp_path):
    log = tmp_path / "r11.log"
    k.run('import (\n\t"fmt"\n\t"os"\n\t"sync"\n\t"time"\n)\n\n' + MARK_FUNC.replace("NAME", "r11mark") +
          '\n//%cache_data\nfunc R11Once(n int, _log string) int {\n\tr11mark(_log, "R11Once")\n'
          '\tfmt.Println("R11Once computing", n)\n\tdisplay.HTML("<p>R11Once</p>")\n'
          '\ttime.Sleep(300 * time.Millisecond)\n\treturn n * 10\n}')
    cell = ("var r11wg sync.WaitGroup\nr11res := make([]int, 8)\nfor i := 0; i < 8; i++ {\n\tr11wg.Add(1)\n"
            "\tgo func(i int) {\n\t\tdefer r11wg.Done()\n\t\tr11res[i] = R11Once(5, LOG)\n\t}(i)\n}\n"
            "r11wg.Wait()\nfmt.Println(r11res)").replace("LOG", go_str(log))
    r = k.expect("R11Once", cell, hits=7, misses=1)
    assert marks(log) == 1, "computed more than once"
    assert r.stdout.count("R11Once computing 5\n") == 1, "the log is printed by the one computation"
    shows = rich(r, "display_data")
    assert len(shows) == 8, f"every caller gets the displayed outputs: {r!r}"
    assert sum(1 for m in shows if cached_flag(m)) == 7
    assert r.stdout.endswith("[50 50 50 50 50 50 50 50]\n"), repr(r)


def test_rule11_different_keys_do_not_wait_for_each_other(k):
    # Key "A" can only finish when key "B"'s computation releases it, which
    # happens only if B computes while A is still computing. If B waited for
    # A, A would give up after 15 s and return -1.
    k.run('import (\n\t"fmt"\n\t"sync"\n\t"time"\n)\n\n//%cache_data\n'
          "func R11Gate(key string, _started, _release chan struct{}) int {\n"
          '\tif key == "A" {\n\t\tclose(_started)\n\t\tselect {\n\t\tcase <-_release:\n\t\t\treturn 1\n'
          "\t\tcase <-time.After(15 * time.Second):\n\t\t\treturn -1\n\t\t}\n\t}\n"
          "\tclose(_release)\n\treturn 2\n}")
    r = k.expect("R11Gate",
                 "r11started, r11release := make(chan struct{}), make(chan struct{})\n"
                 "var r11gwg sync.WaitGroup\nvar r11a, r11b int\nr11gwg.Add(2)\n"
                 'go func() { defer r11gwg.Done(); r11a = R11Gate("A", r11started, r11release) }()\n'
                 "<-r11started\n"
                 'go func() { defer r11gwg.Done(); r11b = R11Gate("B", r11started, r11release) }()\n'
                 "r11gwg.Wait()\nfmt.Println(r11a, r11b)",
                 hits=0, misses=2, timeout=90)
    assert r.stdout.strip().splitlines()[-1] == "1 2", repr(r)


# --------------------------------------------------------------------------
# Rule 12: persistence

R12_DEFS = """import (
	"fmt"
	"os"
)

""" + MARK_FUNC.replace("NAME", "r12mark") + """
//%cache_data persist=disk
func R12Load(n int, _log string) []int {
	r12mark(_log, "R12Load")
	fmt.Println("R12Load computing", n)
	fmt.Fprintln(os.Stderr, "R12Load note", n)
	display.HTML(fmt.Sprintf("<b>R12Load %d</b>", n))
	return []int{n, n * n}
}

//%cache_data persist=disk ttl=1s
func R12Short(n int, _log string) int {
	r12mark(_log, "R12Short")
	return n + 1
}

//%cache_data persist=disk ttl=1h
func R12Long(n int, _log string) int {
	r12mark(_log, "R12Long")
	return n + 2
}
"""


def test_rule12_persist_disk_survives_restart(tmp_path):
    cache_dir, log = tmp_path / "cache", tmp_path / "computed.log"
    L = go_str(log)

    k1 = Kernel(cache_dir)
    try:
        k1.run(R12_DEFS)
        first = k1.miss("R12Load", f"R12Load(3, {L})")
        k1.miss("R12Short", f"R12Short(1, {L})")
        short_at = time.monotonic()
        k1.miss("R12Long", f"R12Long(1, {L})")
    finally:
        k1.stop()
    assert marks(log) == 3
    assert cache_files(cache_dir), "persist=disk wrote no file under GOCELL_CACHE_DIR"

    # R12Short's ttl=1s must have passed before the new kernel asks.
    time.sleep(max(0.0, 1.5 - (time.monotonic() - short_at)))

    k2 = Kernel(cache_dir)
    try:
        k2.run(R12_DEFS)
        second = k2.hit("R12Load", f"R12Load(3, {L})")
        assert marks(log, "R12Load") == 1, "a restarted kernel recomputed instead of loading from disk"
        assert result_text(second) == result_text(first) == "[3 9]"
        assert shown(second) == [o for o in shown(first) if o[0] != "stream"], f"outputs not replayed:\n{first!r}\n{second!r}"
        assert cached_flag(rich(second)[0]) is True
        assert display_id(rich(second)[0]) != display_id(rich(first)[0])
        # The TTL stored with the entry is honoured.
        k2.hit("R12Long", f"R12Long(1, {L})")
        assert marks(log, "R12Long") == 1
        k2.miss("R12Short", f"R12Short(1, {L})")
        assert marks(log, "R12Short") == 2
        # Other arguments are still misses.
        k2.miss("R12Load", f"R12Load(4, {L})")
        assert marks(log, "R12Load") == 2
    finally:
        k2.stop()


R12C_DEFS = """import (
	"fmt"
	"os"
)

""" + MARK_FUNC.replace("NAME", "r12cmark") + """
//%cache_data persist=disk
func R12Flip(n int, _log string) []string {
	r12cmark(_log, "R12Flip")
	fmt.Println("R12Flip computing")
	return []string{"flip", fmt.Sprint(n)}
}

//%cache_data persist=disk
func R12Trunc(n int, _log string) []string {
	r12cmark(_log, "R12Trunc")
	fmt.Println("R12Trunc computing")
	return []string{"trunc", fmt.Sprint(n)}
}

//%cache_data persist=disk
func R12Empty(n int, _log string) []string {
	r12cmark(_log, "R12Empty")
	fmt.Println("R12Empty computing")
	return []string{"empty", fmt.Sprint(n)}
}
"""


def test_rule12_corrupt_files_are_misses_with_a_warning(tmp_path):
    cache_dir, log = tmp_path / "cache", tmp_path / "computed.log"
    L = go_str(log)
    names = ("R12Flip", "R12Trunc", "R12Empty")
    files = {}
    k1 = Kernel(cache_dir)
    try:
        k1.run(R12C_DEFS)
        for name in names:
            before = cache_files(cache_dir)
            k1.miss(name, f"{name}(1, {L})")
            new = cache_files(cache_dir) - before
            assert len(new) == 1, f"{name}: expected one new cache file, got {sorted(new)}"
            files[name] = new.pop()
    finally:
        k1.stop()

    # Flip bytes in the middle; cut in half; empty.
    with open(files["R12Flip"], "r+b") as f:
        data = bytearray(f.read())
        mid = len(data) // 2
        for i in range(mid, min(mid + 16, len(data))):
            data[i] ^= 0xFF
        f.seek(0)
        f.write(data)
    with open(files["R12Trunc"], "r+b") as f:
        f.truncate(os.path.getsize(files["R12Trunc"]) // 2)
    with open(files["R12Empty"], "r+b") as f:
        f.truncate(0)

    k2 = Kernel(cache_dir)
    try:
        k2.run(R12C_DEFS)
        for name in names:
            r = k2.miss(name, f"{name}(1, {L})")
            assert marks(log, name) == 2, f"{name}: a corrupt file must be recomputed"
            assert name in r.stderr and "cache" in r.stderr, f"{name}: no warning on stderr:\n{r!r}"
            assert r.stdout == f"{name} computing\n"
            k2.hit(name, f"{name}(1, {L})")
        assert k2.alive()
    finally:
        k2.stop()

    # The recomputed entries were written again, whole.
    k3 = Kernel(cache_dir)
    try:
        k3.run(R12C_DEFS)
        for name in names:
            r = k3.hit(name, f"{name}(1, {L})")
            assert marks(log, name) == 2
            assert r.stderr == "", repr(r)
    finally:
        k3.stop()


def test_rule12_notebook_run_twice_default_cache_dir_beside_it(tmp_path):
    """nbclient runs a notebook twice, each time in a new kernel started in the
    notebook's folder without GOCELL_CACHE_DIR: the second run loads from the
    .gocell-cache folder beside the notebook and shows the same outputs."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")

    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "gocell", "display_name": "Go (gocell)", "language": "go"}
    nb.cells = [
        nbformat.v4.new_code_cell('import (\n\t"fmt"\n\t"os"\n)\n\n' + MARK_FUNC.replace("NAME", "nbMark") +
                                  '\n//%cache_data persist=disk\nfunc NbLoad(n int) []int {\n'
                                  '\tnbMark("computed.log", "NbLoad")\n\tfmt.Println("loading", n)\n'
                                  '\tdisplay.HTML("<b>loaded</b>")\n\treturn []int{n, n * n}\n}'),
        nbformat.v4.new_code_cell("NbLoad(7)"),
    ]
    env = {k: v for k, v in os.environ.items() if k != "GOCELL_CACHE_DIR"}
    env["XDG_CONFIG_HOME"] = CONFIG_HOME

    def run():
        copy = nbformat.from_dict(json.loads(json.dumps(nb)))
        client = nbclient.NotebookClient(copy, timeout=120, kernel_name="gocell",
                                         resources={"metadata": {"path": str(tmp_path)}})
        client.execute(env=env)
        return copy.cells[1].outputs

    first = run()
    assert marks(tmp_path / "computed.log") == 1
    assert cache_files(tmp_path / ".gocell-cache"), "no .gocell-cache folder beside the notebook"
    second = run()
    assert marks(tmp_path / "computed.log") == 1, "the second run recomputed"

    def summary(outputs):
        out = []
        for o in outputs:
            if o.output_type == "stream":
                out.append(("stream", o.name, o.text))
            elif o.output_type == "display_data" and not (o.metadata.get("gocell") or {}).get("spinner"):
                out.append(("display_data", dict(o.data)))
            elif o.output_type == "execute_result":
                out.append(("execute_result", dict(o.data)))
        return out

    assert summary(first) == [
        ("stream", "stdout", "loading 7\n"),
        ("display_data", {"text/html": "<b>loaded</b>", "text/plain": "loaded"}),
        ("execute_result", {"text/plain": "[7 49]"}),
    ]
    assert summary(second) == summary(first)[1:], "the second run replays the display, not the log"
    shown_second = [o for o in second if o.output_type == "display_data"]
    assert shown_second[0].metadata.get("gocell", {}).get("cached") is True


# --------------------------------------------------------------------------
# Rule 13: magics and the cache package


def parse_plain_table(text):
    lines = [l for l in text.splitlines() if l.strip()]
    header = re.split(r"\s{2,}", lines[0].strip())
    rows = {}
    for l in lines[1:]:
        cells = re.split(r"\s{2,}", l.strip())
        assert len(cells) == len(header), f"bad row {l!r} for header {header}"
        rows[cells[0]] = dict(zip(header, cells))
    return rows


def parse_html_table(html):
    header = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<th>(.*?)</th>", html)]
    rows = {}
    for tr in re.findall(r"<tr>(.*?)</tr>", html):
        cells = [re.sub(r"<[^>]+>", "", c) for c in re.findall(r"<td>(.*?)</td>", tr)]
        if cells:
            rows[cells[0]] = dict(zip(header, cells))
    return rows


def test_rule13_stats_magic_table(fresh):
    k = fresh
    k.run("//%cache_data ttl=1h\nfunc M13A(n int) int {\n\treturn n\n}\n\n"
          "//%cache_resource\nfunc M13B(n int) *int {\n\tv := n\n\treturn &v\n}")
    k.run("M13A(1)\nM13A(1)\nM13A(2)\nM13B(1)\nM13B(1)\nM13B(1)")
    r = k.run("%cache stats")
    disp = r.of_type("display_data")
    assert len(disp) == 1, repr(r)
    data = disp[0]["content"]["data"]
    plain, html = parse_plain_table(data["text/plain"]), parse_html_table(data["text/html"])
    for table in (plain, html):
        assert set(table) == {"M13A", "M13B"}, table
        assert (table["M13A"]["hits"], table["M13A"]["misses"]) == ("1", "2"), table
        assert (table["M13B"]["hits"], table["M13B"]["misses"]) == ("2", "1"), table
        assert table["M13A"]["entries"].split()[0] == "2" and table["M13B"]["entries"].split()[0] == "1"
        assert "1h" in table["M13A"]["ttl"]
        assert "resource" in table["M13B"]["kind"] and "data" in table["M13A"]["kind"]


def test_rule13_clear_magic(fresh):
    k = fresh
    k.run("//%cache_data\nfunc C13A(n int) int {\n\treturn n\n}\n\n//%cache_data\nfunc C13B(n int) int {\n\treturn n\n}")
    k.miss("C13A", "C13A(1)")
    k.miss("C13B", "C13B(1)")
    r = k.run("%cache clear C13A")
    assert "C13A" in r.stdout
    st = k.stats()
    assert (st["C13A"]["Entries"], st["C13B"]["Entries"]) == (0, 1)
    k.miss("C13A", "C13A(1)")
    k.hit("C13B", "C13B(1)")
    k.run("%cache clear")
    st = k.stats()
    assert (st["C13A"]["Entries"], st["C13B"]["Entries"]) == (0, 0)
    k.miss("C13A", "C13A(1)")
    k.miss("C13B", "C13B(1)")


def test_rule13_why_magic(k):
    k.run("r13g := 1\n\nfunc r13helper(x int) int { return x + 1 }\n\n"
          "//%cache_data\nfunc R13Why(a int) int {\n\treturn r13helper(a) * r13g\n}")
    k.miss("R13Why", "R13Why(1)")

    def why():
        magic = k.run("%cache why R13Why").stdout
        go = result_text(k.run('cache.Why("R13Why")'))
        assert magic.strip() == go.strip(), f"%cache why and cache.Why differ:\n{magic}\n{go}"
        return magic

    k.miss("R13Why", "R13Why(2)")
    w = why()
    assert "argument a" in w and "global" not in w and "declaration" not in w, w
    k.run("r13g = 5")
    k.miss("R13Why", "R13Why(2)")
    w = why()
    assert "global r13g" in w and "argument" not in w and "declaration" not in w, w
    k.run("func r13helper(x int) int { return x + 2 }")
    k.miss("R13Why", "R13Why(2)")
    w = why()
    assert "r13helper" in w and "argument" not in w and "global" not in w, w


def test_rule13_go_api_without_import(fresh):
    k = fresh
    k.run("//%cache_data\nfunc G13A(n int) int {\n\treturn n\n}\n\n//%cache_data\nfunc G13B(n int) int {\n\treturn n\n}")
    k.miss("G13A", "G13A(1)")
    k.miss("G13B", "G13B(1)")
    r = k.run('cache.Clear("G13A")')
    assert not r.errors
    k.miss("G13A", "G13A(1)")
    k.hit("G13B", "G13B(1)")
    k.run("cache.Clear()")
    k.miss("G13A", "G13A(1)")
    k.miss("G13B", "G13B(1)")
    # cache.Stats() as a cell's value shows as the same table as %cache stats.
    r = k.run("cache.Stats()")
    data = r.results[0]["data"]
    for table in (parse_plain_table(data["text/plain"]), parse_html_table(data["text/html"])):
        assert (table["G13A"]["hits"], table["G13A"]["misses"]) == ("0", "3"), table
        assert (table["G13B"]["hits"], table["G13B"]["misses"]) == ("1", "2"), table
    r = k.run('import "fmt"\nfmt.Println(cache.Why("G13A"))')
    assert "G13A" in r.stdout


def test_rule13_clear_releases_resources(fresh, tmp_path):
    """Clearing a resource function closes what it held (here *os.File)."""
    k = fresh
    k.run('import (\n\t"fmt"\n\t"os"\n)\n\n//%cache_resource\nfunc C13File(path string) *os.File {\n'
          "\tf, err := os.Create(path)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\treturn f\n}\n\n"
          "//%cache_resource ttl=1s\nfunc C13Short(path string) *os.File {\n"
          "\tf, err := os.Create(path)\n\tif err != nil {\n\t\tpanic(err)\n\t}\n\treturn f\n}")
    write = '_, c13err := VAR.WriteString("x")\nfmt.Println("write error:", c13err)'
    k.run(f"c13a := C13File({go_str(tmp_path / 'a.txt')})\nc13b := C13File({go_str(tmp_path / 'b.txt')})")
    assert k.run(write.replace("VAR", "c13a")).stdout == "write error: <nil>\n"
    k.run("%cache clear C13File")
    for var in ("c13a", "c13b"):
        out = k.run(write.replace("VAR", var)).stdout
        assert "closed" in out, f"{var} was not released by %cache clear: {out!r}"
    # cache.Clear from Go, and expiry, release too.
    k.run(f"c13c := C13File({go_str(tmp_path / 'c.txt')})\nc13d := C13Short({go_str(tmp_path / 'd.txt')})")
    k.run('cache.Clear("C13File")')
    assert "closed" in k.run(write.replace("VAR", "c13c")).stdout
    time.sleep(1.3)
    k.run("1")
    assert "closed" in k.run(write.replace("VAR", "c13d")).stdout


def test_rule13_clear_releases_notebook_resources(fresh, tmp_path):
    k = fresh
    marker = tmp_path / "closed.txt"
    k.run('import "os"\n\ntype C13Res struct{ N int }\n\n'
          "func (r *C13Res) Close() error {\n\treturn os.WriteFile(MARK, []byte(\"closed\"), 0o644)\n}\n\n"
          "//%cache_resource\nfunc C13Open(n int) *C13Res {\n\treturn &C13Res{N: n}\n}".replace("MARK", go_str(marker)))
    k.miss("C13Open", "C13Open(1)")
    k.run("%cache clear C13Open")
    assert marker.exists(), "Close was not called"


def test_rule13_stats_kept_in_a_variable_then_redefine(fresh):
    k = fresh
    k.run("//%cache_data\nfunc S13F(a int) int {\n\treturn a\n}")
    k.run("S13F(1)\nst := cache.Stats()")
    r = k.ex("//%cache_data\nfunc S13F(a int) int {\n\treturn a + 1\n}")
    assert r.status == "ok", repr(r)
    assert result_text(k.miss("S13F", "S13F(1)")) == "2"


# --------------------------------------------------------------------------
# Options


def test_option_ttl(k):
    k.run("//%cache_data ttl=2s\nfunc OTtl(n int) []int {\n\treturn make([]int, 1000)\n}\n\n"
          "//%cache_data ttl=2\nfunc OTtlSecs(n int) int {\n\treturn n\n}\n\n"
          "//%cache_data ttl=1h\nfunc OTtlLong(n int) int {\n\treturn n\n}")
    for name in ("OTtl", "OTtlSecs", "OTtlLong"):
        k.miss(name, f"{name}(1)")
        k.hit(name, f"{name}(1)")
    assert k.stats()["OTtl"]["Entries"] == 1
    time.sleep(2.3)
    # Expired entries are freed (after a cell), not only skipped.
    k.run("1")
    st = k.stats()
    assert (st["OTtl"]["Entries"], st["OTtl"]["Bytes"]) == (0, 0), st["OTtl"]
    assert st["OTtlLong"]["Entries"] == 1
    for name in ("OTtl", "OTtlSecs"):
        k.miss(name, f"{name}(1)")
        k.hit(name, f"{name}(1)")
    k.hit("OTtlLong", "OTtlLong(1)")


def test_option_max_entries_lru(k):
    k.run("//%cache_data max_entries=2\nfunc OLru(n int) int {\n\treturn n\n}\n\n"
          "//%cache_data max_entries=2\nfunc OLru2(n int) int {\n\treturn n\n}")
    # A, B, C, then A: A was evicted.
    for n in (1, 2, 3):
        k.miss("OLru", f"OLru({n})")
    k.miss("OLru", "OLru(1)")
    assert k.stats()["OLru"]["Entries"] == 2
    # Least recently used, not first in: A, B, A (hit), C evicts B.
    k.miss("OLru2", "OLru2(1)")
    k.miss("OLru2", "OLru2(2)")
    k.hit("OLru2", "OLru2(1)")
    k.miss("OLru2", "OLru2(3)")
    k.hit("OLru2", "OLru2(1)")
    k.hit("OLru2", "OLru2(3)")
    k.miss("OLru2", "OLru2(2)")


def spinners(r):
    return [m for m in r.outputs if is_spinner(m)]


def test_option_show_spinner(k):
    k.run('import "time"\n\n//%cache_data\nfunc OSpin(n int) int {\n\ttime.Sleep(900 * time.Millisecond)\n\treturn n\n}\n\n'
          '//%cache_data show_spinner="Crunching the numbers..."\nfunc OSpinText(n int) int {\n'
          "\ttime.Sleep(900 * time.Millisecond)\n\treturn n\n}\n\n"
          "//%cache_data show_spinner=false\nfunc OSpinOff(n int) int {\n\ttime.Sleep(900 * time.Millisecond)\n\treturn n\n}")
    for name, text in (("OSpin", None), ("OSpinText", "Crunching the numbers...")):
        r = k.miss(name, f"{name}(1)")
        sp = spinners(r)
        assert [m["msg_type"] for m in sp] == ["display_data"], repr(r)
        assert display_id(sp[0]), repr(r)
        shown_text = sp[0]["content"]["data"]["text/plain"]
        if text is None:
            assert name in shown_text, shown_text
        else:
            assert shown_text == text
        # Removed after, before the cell's result: nothing else was shown,
        # so a plain clear takes it out (rule 16).
        order = [m["msg_type"] for m in r.outputs]
        assert order == ["display_data", "clear_output", "execute_result"], repr(r)
        assert r.outputs[1]["content"]["wait"] is False
        # A hit shows none, and the spinner was not recorded for replay.
        r = k.hit(name, f"{name}(1)")
        assert not spinners(r) and not rich(r), repr(r)
    r = k.miss("OSpinOff", "OSpinOff(1)")
    assert not spinners(r), repr(r)


def test_option_show_spinner_only_outermost(k):
    k.run('import "time"\n\n//%cache_data show_spinner="inner spinner"\nfunc OSpinIn(n int) int {\n'
          "\ttime.Sleep(1200 * time.Millisecond)\n\treturn n\n}\n\n"
          '//%cache_data show_spinner="outer spinner"\nfunc OSpinOut(n int) int {\n\treturn OSpinIn(n) + 1\n}')
    r = k.miss("OSpinOut", "OSpinOut(1)")
    sp = spinners(r)
    assert [m["msg_type"] for m in sp] == ["display_data"], repr(r)
    assert sp[0]["content"]["data"]["text/plain"] == "outer spinner"


def test_option_validate(k):
    k.run('import "fmt"\n\ntype OConn struct {\n\tok bool\n\tn  int\n}\n\n'
          "func (c *OConn) Alive() bool { return c.ok }\n\nfunc oConnOK(c *OConn) bool { return c.ok }\n\n"
          '//%cache_resource validate=OConn.Alive\nfunc OOpen(n int) *OConn {\n\tfmt.Println("opening", n)\n'
          "\treturn &OConn{ok: true, n: n}\n}\n\n"
          '//%cache_resource validate=oConnOK\nfunc OOpen2(n int) *OConn {\n\tfmt.Println("opening2", n)\n'
          "\treturn &OConn{ok: true, n: n}\n}")
    for name in ("OOpen", "OOpen2"):
        v = name.lower()
        k.miss(name, f"{v}a := {name}(1)")
        assert result_text(k.hit(name, f"{name}(1) == {v}a")) == "true"
        k.run(f"{v}a.ok = false")
        r = k.miss(name, f"{v}b := {name}(1)\n{v}b == {v}a")
        assert result_text(r) == "false"
        assert result_text(k.hit(name, f"{name}(1) == {v}b")) == "true"


def test_option_copy_none(k):
    k.run("type OBox struct{ N int }\n\n//%cache_data copy=none\nfunc OShare(n int) ([]int, *OBox) {\n"
          "\treturn []int{n}, &OBox{N: n}\n}\n\n"
          "//%cache_data\nfunc ODeep(n int) ([]int, *OBox) {\n\treturn []int{n}, &OBox{N: n}\n}")
    k.miss("OShare", "osx, obx := OShare(1)")
    r = k.hit("OShare", "osy, oby := OShare(1)\noby == obx")
    assert result_text(r) == "true"
    k.run("osx[0] = 77")
    assert result_text(k.hit("OShare", "osz, _ := OShare(1)\nosz")) == "[77]"
    # The default, for contrast: a copy each time.
    k.miss("ODeep", "odx, odbx := ODeep(1)")
    assert result_text(k.hit("ODeep", "ody, odby := ODeep(1)\nodby == odbx")) == "false"


def _bad(directive, option):
    return pytest.param(directive, option, id=directive)


BAD_DIRECTIVES = [
    _bad("//%cache_data foo=1", "foo"),
    _bad("//%cache_data ttl=abc", "ttl"),
    _bad("//%cache_data ttl=-5s", "ttl"),
    _bad("//%cache_data max_entries=0", "max_entries"),
    _bad("//%cache_data max_entries=lots", "max_entries"),
    _bad('//%cache_data show_spinner=""', "show_spinner"),
    _bad("//%cache_data persist=cloud", "persist"),
    _bad("//%cache_data copy=shallow", "copy"),
    _bad("//%cache_data validate=ok", "validate"),
    _bad("//%cache_resource persist=disk", "persist"),
    _bad("//%cache_resource copy=none", "copy"),
    _bad("//%cache_data ttl=1h ttl=2h", "ttl"),
    pytest.param("//%cache_resource validate=NoSuchFunc", "validate"),
]


@pytest.mark.parametrize("directive,option", BAD_DIRECTIVES)
def test_option_errors_name_the_option(k, directive, option):
    name = "OBad" + re.sub(r"\W", "", directive.split(None, 1)[1]).capitalize()
    r = k.ex(f"{directive}\nfunc {name}(n int) *int {{\n\treturn &n\n}}")
    assert r.status == "error", f"{directive!r} was accepted:\n{r!r}"
    text = error_text(r)
    assert option in text, f"the error does not name {option!r}:\n{text}"
    assert result_text(k.run("1+2")) == "3"


def test_directive_misplaced_or_on_a_resource_without_result_is_an_error(k):
    r = k.ex("//%cache_data\ntype DirType struct{}")
    assert r.status == "error" and "func" in error_text(r), repr(r)
    r = k.ex("//%cache_resource\nfunc DirNoResult(n int) {}")
    assert r.status == "error" and "resource" in error_text(r), repr(r)
    assert result_text(k.run("2+2")) == "4"


_IGNORED = (
    "a misplaced directive is silently ignored (the cell succeeds, nothing is cached, "
    "%cache stats lists no function), while above a type it is an error "
    "('//%cache_data must be directly above a func declaration')")


@pytest.mark.parametrize("code", [
    pytest.param("//%cache_data\nvar dirVar = 1", id="above a var"),
    pytest.param("//%cache_data\n\nfunc DirGap(n int) int { return n }", id="blank line before the func"),
    pytest.param("//%cache_data\ndirStmt := 1", id="above a statement"),
    pytest.param("func DirBefore() {}\n//%cache_data", id="last line of the cell"),
])
def test_directive_not_directly_above_a_func_is_an_error(fresh, code):
    r = fresh.ex(code)
    assert r.status == "error", f"the directive was silently ignored:\n{r!r}"
    assert "func" in error_text(r)


# --------------------------------------------------------------------------
# Rule 16: the spinner leaves nothing behind

SPIN16_CELL = """import (
\t"fmt"
\t"time"
)

//%cache_data show_spinner="Loading slowly..."
func Slow16(n int) int {
\tfmt.Println("computing", n)
\ttime.Sleep(1500 * time.Millisecond)
\tdisplay.HTML("<i>made inside</i>")
\treturn n * 2
}

fmt.Println("before")
h16 := display.HTML("<b>progress 0</b>")
fmt.Println("between")
h16.HTML("<b>progress 1</b>")
Slow16(21)"""


class FrontEnd:
    """Applies IOPub output messages the way a notebook front end does:
    clear_output(wait=True) takes effect at the next output, updates replace
    the data of every output showing the display id, streams merge."""

    def __init__(self):
        self.outputs, self.clear_next = [], False

    def apply(self, m):
        t, c = m["msg_type"], m["content"]
        if t == "clear_output":
            if c.get("wait"):
                self.clear_next = True
            else:
                self.outputs = []
            return
        if t == "update_display_data":
            for o in self.outputs:
                if o.get("display_id") == display_id(m):
                    o["data"] = c["data"]
            return
        if self.clear_next:
            self.outputs, self.clear_next = [], False
        if t == "stream":
            if self.outputs and self.outputs[-1]["type"] == "stream" and self.outputs[-1]["name"] == c["name"]:
                self.outputs[-1]["text"] += c["text"]
            else:
                self.outputs.append({"type": "stream", "name": c["name"], "text": c["text"]})
        elif t in ("display_data", "execute_result"):
            self.outputs.append({"type": t, "data": c["data"], "display_id": display_id(m)})


def test_rule16_spinner_leaves_nothing_jupyter_client(fresh):
    r = fresh.run(SPIN16_CELL)
    assert spinners(r), f"the spinner never showed (the call must outlast its delay): {r!r}"
    fe = FrontEnd()
    for m in r.outputs:
        fe.apply(m)
    kept = [(o["type"], o.get("text") or o["data"].get("text/plain")) for o in fe.outputs]
    assert kept == [
        ("stream", "before\n"),
        ("display_data", "progress 1"),
        ("stream", "between\ncomputing 21\n"),
        ("display_data", "made inside"),
        ("execute_result", "42"),
    ], repr(r)
    # The display made before the spinner keeps its id: later updates reach it.
    r2 = fresh.run('h16.HTML("<b>progress 2</b>")')
    for m in r2.outputs:
        fe.apply(m)
    assert fe.outputs[1]["data"]["text/plain"] == "progress 2", fe.outputs


def test_rule16_saved_notebook_holds_no_spinner(tmp_path):
    """nbclient saves what a front end would: no blank or spinner output, the
    others in order."""
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    nb = nbformat.v4.new_notebook()
    nb.metadata["kernelspec"] = {"name": "gocell", "display_name": "Go (gocell)", "language": "go"}
    nb.cells = [nbformat.v4.new_code_cell(SPIN16_CELL), nbformat.v4.new_code_cell("Slow16(5)")]
    env = dict(os.environ, GOCELL_CACHE_DIR=str(tmp_path / "cache"), XDG_CONFIG_HOME=CONFIG_HOME)
    client = nbclient.NotebookClient(nb, timeout=120, kernel_name="gocell",
                                     resources={"metadata": {"path": str(tmp_path)}})
    client.execute(env=env)
    path = tmp_path / "saved.ipynb"
    nbformat.write(nb, str(path))
    saved = nbformat.read(str(path), as_version=4)

    def summary(outputs):
        out = []
        for o in outputs:
            if o.output_type == "stream":
                out.append(("stream", o.name, o.text))
            else:
                assert not (o.get("metadata", {}).get("gocell") or {}).get("spinner"), o
                text = o.data.get("text/plain", "")
                assert text.strip(), f"blank output saved: {o}"
                out.append((o.output_type, text))
        return out

    assert summary(saved.cells[0].outputs) == [
        ("stream", "stdout", "before\n"),
        ("display_data", "progress 1"),
        ("stream", "stdout", "between\ncomputing 21\n"),
        ("display_data", "made inside"),
        ("execute_result", "42"),
    ]
    assert summary(saved.cells[1].outputs) == [
        ("stream", "stdout", "computing 5\n"),
        ("display_data", "made inside"),
        ("execute_result", "10"),
    ]
