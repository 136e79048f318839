"""Caching that hits when it should, shows what it replays, and cannot be
poisoned: the revised rules of the caching contract (caching.md rules 2, 4,
10, 12 and key errors), through jupyter_client against the built kernel.

Focused tests first, one or more per rule; then a long session that mixes
cached functions keeping counters, a package-level mutex, a resource in a
global read by a data function, goroutines calling cached functions at once,
redefinitions and reverts, and failing cells, and checks every earlier value
after each step.

Hits and misses are read from cache.Stats() (Kernel.counts), and the
functions count their own runs in globals: a counter that a hit does not
move is the user's own proof that the cache hit.
"""

import json
import os
import stat
import threading

import pytest

from test_caching import Kernel, error_text, merge_streams, shown


@pytest.fixture
def kern(tmp_path):
    k = Kernel(tmp_path / "cache")
    yield k
    k.stop()


def value(r):
    """The text/plain of a cell's result."""
    for m in r.outputs:
        if m["msg_type"] == "execute_result":
            return m["content"]["data"]["text/plain"]
    raise AssertionError(f"no result in {r!r}")


# --------------------------------------------------------------------------
# Rule 4: state the function keeps is not key; unhashable globals by identity


STATE_SETUP = """import (
	"fmt"
	"sync"
)

var (
	calls  int
	mu     sync.Mutex
	seen   []int
	memo   = map[int]int{}
	factor = 3
)

type Tally struct{ n int }

func (t *Tally) Add() { t.n++ }

var tally Tally

func remember(x int) { seen = append(seen, x) }

//%cache_data
func Scale(x int) int {
	mu.Lock()
	defer mu.Unlock()
	calls++
	memo[x] = x
	remember(x)
	tally.Add()
	return x * factor
}"""


def test_rule4_state_the_function_writes_is_not_key(kern):
    kern.run(STATE_SETUP)
    kern.miss("Scale", "fmt.Println(Scale(2), calls)")
    for _ in range(3):
        r = kern.hit("Scale", "fmt.Println(Scale(2), calls, len(seen), tally.n)")
        assert r.stdout == "6 1 1 1\n", repr(r)
    # A global it reads is still an input.
    kern.miss("Scale", "factor = 4\nScale(2)")
    kern.hit("Scale", "factor = 3\nScale(2)")
    why = kern.run("%cache why Scale").stdout
    for want in [
        "calls: Scale increments calls, not in the key",
        "mu: Scale calls mu.Lock",
        "seen: remember appends to seen, not in the key",
        "memo: Scale assigns memo, not in the key",
        "tally: Scale calls tally.Add, not in the key",
        "factor: by content",
    ]:
        assert want in why, why


def test_rule4_resource_in_a_global_is_keyed_by_identity(kern):
    kern.run("""import (
	"fmt"
	"sync"
)

type DB struct {
	mu   sync.Mutex
	name string
}

var opened int

//%cache_resource
func Open(name string) *DB {
	opened++
	return &DB{name: name}
}

db := Open("sales")

//%cache_data
func Rows(year int) string {
	return fmt.Sprint(db.name, "/", year)
}""")
    kern.miss("Rows", "Rows(2024)")
    assert value(kern.hit("Rows", "Rows(2024)")) == 'sales/2024'
    # The same object, fetched again: a hit. A replaced object: a miss.
    kern.hit("Rows", 'db = Open("sales")\nRows(2024)')
    r = kern.miss("Rows", 'db = &DB{name: "sales"}\nRows(2024)')
    assert value(r) == 'sales/2024'
    kern.hit("Rows", 'db = Open("sales")\nRows(2024)')
    assert kern.run("fmt.Println(opened)").stdout == "1\n"
    why = kern.run("%cache why Rows").stdout
    assert "db: by identity" in why, why


def test_rule4_lock_in_a_goroutine_is_no_executor_death(kern):
    kern.run(STATE_SETUP)
    r = kern.run("""var wg sync.WaitGroup
for i := 0; i < 8; i++ {
	wg.Add(1)
	go func() { defer wg.Done(); Scale(5) }()
}
wg.Wait()
fmt.Println(calls, Scale(5))""")
    assert r.stdout == "1 15\n", repr(r)  # computed once (rule 11), by one goroutine
    assert kern.alive()


# --------------------------------------------------------------------------
# Key errors: a cell error, in every goroutine


def test_key_error_is_a_cell_error_also_in_a_goroutine(kern):
    kern.run('import "sync"\n\n//%cache_data\nfunc Chan(ch chan int) int { return 1 }')
    r = kern.ex("Chan(make(chan int))")
    assert r.status == "error" and r.errors[0]["ename"] == "CacheKeyError", repr(r)
    assert "cannot hash argument ch" in error_text(r) and "ignore=ch" in error_text(r)
    r = kern.ex("var wg sync.WaitGroup\nwg.Add(1)\ngo func() { defer wg.Done(); Chan(make(chan int)) }()\nwg.Wait()")
    assert r.status == "error", repr(r)
    assert "in a goroutine" in error_text(r) and "cannot hash argument ch" in error_text(r), error_text(r)
    assert kern.alive()
    assert value(kern.run("40 + 2")) == "42"


# --------------------------------------------------------------------------
# Rule 2: reverting after any sequence of redefinitions hits the old entry


def body(n, layout=False):
    if layout:
        return ("//%%cache_data\nfunc Sum(n int) int { total := %d; for i := range n { total += i /* layout */ }; "
                "runs++; return total }" % n)
    return ("//%%cache_data\nfunc Sum(n int) int {\n\ttotal := %d\n\tfor i := range n {\n\t\ttotal += i\n\t}\n"
            "\truns++\n\treturn total\n}" % n)


def test_rule2_revert_after_redefinitions_and_layout_edits(kern):
    kern.run('import "fmt"\n\nvar runs int')
    kern.run(body(0))
    kern.miss("Sum", "Sum(10)")
    kern.run(body(1))
    kern.miss("Sum", "Sum(10)")
    kern.run(body(1, layout=True))
    kern.hit("Sum", "Sum(10)")  # layout only
    kern.run(body(2))
    kern.miss("Sum", "Sum(10)")
    kern.run(body(0, layout=True))
    assert value(kern.hit("Sum", "Sum(10)")) == "45"  # back to the first body
    kern.run(body(1))
    assert value(kern.hit("Sum", "Sum(10)")) == "46"
    assert kern.run("fmt.Println(runs)").stdout == "3\n"
    why = kern.run("%cache why Sum").stdout
    assert "last call was a hit" in why and "source of declaration Sum changed" in why, why


# --------------------------------------------------------------------------
# Rule 10: printed text is the log, displays are replayed, owners are right


def test_rule10_printed_text_is_not_replayed_displays_are(kern):
    kern.run('import "fmt"\n\n//%cache_data\nfunc Show(n int) int {\n\tfmt.Println("Cache miss", n)\n'
             '\tdisplay.Markdown(fmt.Sprintf("**%d**", n))\n\treturn n\n}')
    first = kern.miss("Show", "Show(1)")
    second = kern.hit("Show", "Show(1)")
    md = ("display_data", json.dumps({"text/markdown": "**1**", "text/plain": "**1**"}, sort_keys=True))
    assert shown(first) == [("stream", "stdout", "Cache miss 1\n"), md], repr(first)
    assert shown(second) == [md], repr(second)


def test_rule10_concurrent_calls_record_only_their_own_outputs(kern):
    kern.run("""import (
	"fmt"
	"sync"
	"time"
)

//%cache_data replay=all
func Job(name string, n int) int {
	for i := 0; i < n; i++ {
		fmt.Printf("%s printed %d\\n", name, i)
		display.Markdown(fmt.Sprintf("%s shows %d", name, i))
		done := make(chan bool)
		go func() {
			fmt.Printf("%s helper %d\\n", name, i)
			done <- true
		}()
		<-done
		time.Sleep(3 * time.Millisecond)
	}
	return n
}""")
    kern.expect("Job", """var wg sync.WaitGroup
for _, name := range []string{"A", "B", "C"} {
	wg.Add(1)
	go func() { defer wg.Done(); Job(name, 5) }()
}
wg.Wait()""", hits=0, misses=3)
    for name in "ABC":
        r = kern.hit("Job", f'Job("{name}", 5)')
        want = []
        for i in range(5):
            want += [
                ("stream", "stdout", f"{name} printed {i}\n"),
                ("display_data", json.dumps({"text/markdown": f"{name} shows {i}", "text/plain": f"{name} shows {i}"}, sort_keys=True)),
                ("stream", "stdout", f"{name} helper {i}\n"),
            ]
        assert shown(r) == merge_streams(want), repr(r)


# --------------------------------------------------------------------------
# Rule 12: foreign, hand-made and special files are misses with a warning


def test_rule12_foreign_and_crafted_entries_are_misses(tmp_path):
    cache = tmp_path / "cache"
    cell = ('import "fmt"\n\n//%cache_data persist=disk\nfunc Disk(n int) string {\n'
            '\tfmt.Println("computing", n)\n\treturn fmt.Sprint("value-", n*n)\n}')
    a = Kernel(cache, GOCELL_CACHE_SECRET="secret-of-kernel-a-0123456789")
    try:
        a.run(cell)
        assert value(a.miss("Disk", "Disk(7)")) == 'value-49'
    finally:
        a.stop()
    files = [os.path.join(r, f) for r, _, fs in os.walk(cache) for f in fs if f.endswith(".gcache")]
    assert len(files) == 1, files
    # Another secret: the same file is foreign.
    b = Kernel(cache, GOCELL_CACHE_SECRET="another-secret-entirely-987654")
    try:
        b.run(cell)
        r = b.miss("Disk", "Disk(7)")
        assert value(r) == 'value-49' and "computing 7" in r.stdout
        assert "ignoring cache file" in r.stderr, repr(r)
    finally:
        b.stop()
    # With the right secret, a hand-edited value is refused, and a FIFO
    # where an entry should be never blocks the cell.
    with open(files[0], "rb") as f:
        data = bytearray(f.read())
    i = data.find(b"value-49")
    if i < 0:
        i = len(data) // 2
    data[i] ^= 0x01
    with open(files[0], "wb") as f:
        f.write(data)
    c = Kernel(cache, GOCELL_CACHE_SECRET="secret-of-kernel-a-0123456789")
    try:
        c.run(cell)
        r = c.miss("Disk", "Disk(7)")
        assert value(r) == 'value-49' and "ignoring cache file" in r.stderr, repr(r)
        c.run("%cache clear Disk")  # memory and files
        assert not os.path.exists(files[0])
        os.makedirs(os.path.dirname(files[0]), exist_ok=True)
        os.mkfifo(files[0])
        assert stat.S_ISFIFO(os.stat(files[0]).st_mode)
        r = c.miss("Disk", "Disk(7)")
        assert value(r) == 'value-49' and "not a regular file" in r.stderr, repr(r)
    finally:
        c.stop()


# --------------------------------------------------------------------------
# A long session


class Session:
    """A kernel plus the values every earlier step established, checked
    again after each step."""

    def __init__(self, kern):
        self.k = kern
        self.expected = {}  # Go expression -> its printed value
        self.steps = 0

    def step(self, code, expect=None, ok=True, func=None, hits=None, misses=None):
        self.steps += 1
        if func is not None:
            r = self.k.expect(func, code, hits, misses, ok=ok)
        elif ok:
            r = self.k.run(code)
        else:
            r = self.k.ex(code)
            assert r.status == "error", f"step {self.steps} should fail:\n{code}\n{r!r}"
        self.expected.update(expect or {})
        self.check()
        return r

    def check(self):
        if not self.expected:
            return
        exprs = list(self.expected)
        code = "\n".join('fmt.Printf("%%v\\n", %s)' % e for e in exprs)
        self.steps += 1
        got = self.k.run(code).stdout.splitlines()
        assert got == [self.expected[e] for e in exprs], "\n".join(
            f"{e}: got {g!r}, want {self.expected[e]!r}" for e, g in zip(exprs, got) if g != self.expected[e]
        )


def test_long_session_mixing_state_locks_resources_goroutines_and_redefinitions(kern):
    s = Session(kern)
    s.step("""import (
	"fmt"
	"sort"
	"strings"
	"sync"
	"time"
)

var (
	calls   int
	opened  int
	queries int
	mu      sync.Mutex
	history []string
	rate    = 2
)""")
    # A cached function with a counter and a lock.
    s.step("""func unit(x int) int { return x * rate }

//%cache_data
func Price(x int) int {
	mu.Lock()
	defer mu.Unlock()
	calls++
	history = append(history, fmt.Sprint("price ", x))
	return unit(x) + 1
}""")
    s.step("p1 := Price(10)", {"p1": "21", "calls": "1"}, func="Price", hits=0, misses=1)
    s.step("p2 := Price(10)", {"p2": "21", "calls": "1"}, func="Price", hits=1, misses=0)
    s.step("p3 := Price(20)", {"p3": "41", "calls": "2"}, func="Price", hits=0, misses=1)
    # A global it reads changes, and changes back.
    s.step("rate = 3\np4 := Price(10)", {"p4": "31", "calls": "3"}, func="Price", hits=0, misses=1)
    s.step("rate = 2\np5 := Price(10)", {"p5": "21", "calls": "3"}, func="Price", hits=1, misses=0)
    # A resource with a counter, held in a global that a data function reads.
    s.step("""type Conn struct {
	mu   sync.Mutex
	name string
}

func (c *Conn) Query(q string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.name + ":" + strings.ToUpper(q)
}

//%cache_resource
func Dial(name string) *Conn {
	opened++
	return &Conn{name: name}
}

conn := Dial("warehouse")
same := Dial("warehouse") == conn""", {"opened": "1", "same": "true"})
    s.step("""//%cache_data
func Report(q string) string {
	queries++
	return conn.Query(q)
}

r1 := Report("sales")""", {"r1": "warehouse:SALES", "queries": "1"})
    s.step('r2 := Report("sales")', {"r2": "warehouse:SALES", "queries": "1"}, func="Report", hits=1, misses=0)
    s.step('conn = Dial("warehouse")\nr3 := Report("sales")', {"r3": "warehouse:SALES", "queries": "1", "opened": "1"},
           func="Report", hits=1, misses=0)
    # Goroutines calling cached functions at once: one computation per key.
    s.step("""var wg sync.WaitGroup
got := make([]int, 16)
for i := range got {
	wg.Add(1)
	go func() {
		defer wg.Done()
		got[i] = Price(100 + i%4)
	}()
}
wg.Wait()
g := fmt.Sprint(got[:4])""", {"g": "[201 203 205 207]", "calls": "7"}, func="Price", hits=12, misses=4)
    # Concurrent cached calls with outputs: each hit replays only its own.
    s.step("""//%cache_data
func Panel(name string) string {
	display.Markdown("panel " + name)
	done := make(chan bool)
	go func() {
		display.Markdown("detail " + name)
		done <- true
	}()
	<-done
	time.Sleep(5 * time.Millisecond)
	return name
}

var pw sync.WaitGroup
for _, n := range []string{"x", "y"} {
	pw.Add(1)
	go func() { defer pw.Done(); Panel(n) }()
}
pw.Wait()""", func="Panel", hits=0, misses=2)
    for n in "xy":
        r = s.step(f'Panel("{n}")', func="Panel", hits=1, misses=0)
        texts = [json.loads(t[1])["text/markdown"] for t in shown(r) if t[0] == "display_data"]
        assert texts == [f"panel {n}", f"detail {n}"], repr(r)
    # A failed cell changes nothing: a compile error, then a panic inside a
    # cached call (not cached), then a key error in a goroutine.
    s.step("p6 := Price(", ok=False)
    s.step("""//%cache_data
func Fragile(x int) int {
	calls++
	if x < 0 {
		panic("negative")
	}
	return x
}""")
    # A panic is not cached: both calls run (and count).
    s.step("Fragile(-1)", {"calls": "8"}, ok=False, func="Fragile", hits=0, misses=1)
    s.step("Fragile(-1)", {"calls": "9"}, ok=False, func="Fragile", hits=0, misses=1)
    s.step("f1 := Fragile(4)", {"f1": "4", "calls": "10"}, func="Fragile", hits=0, misses=1)
    s.step("""//%cache_data
func Keyed(ch chan int) int { return 1 }""")
    s.step("var kw sync.WaitGroup\nkw.Add(1)\ngo func() { defer kw.Done(); Keyed(make(chan int)) }()\nkw.Wait()", ok=False)
    # Redefinitions and reverts: of the cached function, then of its helper.
    s.step("""//%cache_data
func Price(x int) int {
	mu.Lock()
	defer mu.Unlock()
	calls++
	history = append(history, fmt.Sprint("price ", x))
	return unit(x) + 2 // edited
}

p7 := Price(10)""", {"p7": "22", "calls": "11"}, func="Price", hits=0, misses=1)
    s.step("""//%cache_data
func Price(x int) int { mu.Lock(); defer mu.Unlock(); calls++; history = append(history, fmt.Sprint("price ", x)); return unit(x) + 1 }

p8 := Price(10)""", {"p8": "21", "calls": "11"}, func="Price", hits=1, misses=0)
    s.step("func unit(x int) int { return x*rate + 0*x }\np9 := Price(10)", {"p9": "21", "calls": "12"},
           func="Price", hits=0, misses=1)
    s.step("func unit(x int) int { return x * rate }\np10 := Price(10)", {"p10": "21", "calls": "12"},
           func="Price", hits=1, misses=0)
    why = s.step("%cache why Price").stdout
    assert "calls: Price increments calls, not in the key" in why, why
    assert "mu: Price calls mu.Lock" in why and "history: Price appends to history" in why, why
    assert "rate: by content" in why, why
    # A type the cached function reaches changes; the resource keeps working.
    s.step("""type Conn struct {
	mu    sync.Mutex
	name  string
	extra int
}

r4 := Report("sales")""", {"r4": "warehouse:SALES", "queries": "2"})
    s.step('r5 := Report("sales")', {"r5": "warehouse:SALES"}, func="Report", hits=1, misses=0)
    # Clearing one function: its counter moves again, the others do not.
    s.step("%cache clear Price")
    s.step("p11 := Price(10)", {"p11": "21", "calls": "13"}, func="Price", hits=0, misses=1)
    s.step("sort.Strings(history)\nh0 := history[0]", {"h0": "price 10"})
    stats = kern.stats()
    assert stats["Price"]["Entries"] == 1 and stats["Dial"]["Entries"] >= 1
    assert s.steps >= 60, s.steps
    assert kern.alive()
