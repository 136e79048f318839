"""Nothing the user had is lost: failed cells, executor crashes (stack
overflow, out of memory, SIGKILL), and interrupts of every blocking kind,
through a real Jupyter client against the gocell binary.

The random-session test runs the same seeded session twice, once as is and
once with faults injected between its cells, and compares the notebook's
state afterwards.
"""

import os
import random
import signal
import time

import pytest
from jupyter_client.manager import start_new_kernel

from gocell_client import (
    STARTUP_TIMEOUT,
    collect_iopub,
    execute,
    get_reply,
    run_ok,
    stop_kernel,
)


def start(prelude=True, **env):
    """A kernel of its own (env added to its environment), with fmt and
    time imported."""
    full = dict(os.environ)
    full.update(env)
    km, kc = start_new_kernel(kernel_name="gocell", startup_timeout=STARTUP_TIMEOUT, env=full)
    if prelude:
        run_ok(kc, 'import ("fmt"; "time")')
    return km, kc


@pytest.fixture
def fresh():
    km, kc = start()
    yield km, kc
    stop_kernel(km, kc)


def executor_pid(km):
    """The pid of the kernel's executor process (its child `gocell executor`)."""
    kernel_pid = km.provisioner.pid
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read().split(b"\0")
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2 :].split()[1])
        if ppid == kernel_pid and b"executor" in cmd:
            return int(entry)
    raise AssertionError(f"no executor process under kernel {kernel_pid}")


def kill_executor(km):
    pid = executor_pid(km)
    os.kill(pid, signal.SIGKILL)
    return pid


def kill_and_report(km, kc, lost=""):
    """SIGKILL the executor; the next request reports the death, once,
    with what the new executor restored."""
    kill_executor(km)
    r = execute(kc, "_ = 0")
    assert r.status == "error" and r.content["ename"] == "ExecutorDied", repr(r)
    assert "restored" in text(r), text(r)
    return r


def text(r):
    """Everything a cell showed: streams, results, errors."""
    out = r.stdout + r.stderr
    for res in r.results:
        out += res["data"].get("text/plain", "") + "\n"
    for e in r.errors:
        out += e["ename"] + ": " + e["evalue"] + "\n" + "\n".join(e["traceback"]) + "\n"
    return out


def interrupt_after(km, kc, code, delay=0.5, **kwargs):
    """Run code, interrupt it after delay; returns (Result-like reply, iopub, latency)."""
    msg_id = kc.execute(code, **kwargs)
    time.sleep(delay)
    t0 = time.monotonic()
    km.interrupt_kernel()
    reply = get_reply(kc, msg_id)
    latency = time.monotonic() - t0
    iopub = collect_iopub(kc, msg_id)
    return reply, iopub, latency


STACK_OVERFLOW = (
    'import "runtime/debug"\n'
    "func deep(n int) int {\n\tif n == 0 {\n\t\treturn 0\n\t}\n\treturn deep(n-1) + 1\n}\n"
    "debug.SetMaxStack(1 << 16)\n"
    "deep(1000000)\n"
)

OUT_OF_MEMORY = (
    'import "bytes"\n'
    "var hog [][]byte\n"
    "for i := 0; i < 100000; i++ {\n\thog = append(hog, bytes.Repeat([]byte{1}, 1<<20))\n}\n"
)


# ------------------------------------------------------------ failed cells


def test_failed_cell_is_never_replayed(fresh):
    km, kc = fresh
    run_ok(kc, "func good() int { return 7 }")
    bad = execute(kc, "func bad() int { return undefinedThing }")
    assert bad.status == "error"
    run_ok(kc, "kept := good() * 6")
    kill_executor(km)
    r = execute(kc, "kept")
    # The death is reported once, on the next request, with everything back.
    assert r.status == "error" and r.content["ename"] == "ExecutorDied", repr(r)
    assert "no longer compile" not in text(r), text(r)
    assert "declarations and values were restored." in text(r), text(r)
    assert run_ok(kc, "fmt.Println(good(), kept)").stdout == "7 42\n"
    again = execute(kc, "bad()")
    assert again.status == "error" and "bad" in again.content["evalue"], repr(again)


# ---------------------------------------------------------------- interrupts


BLOCKING = {
    "sleep": "time.Sleep(time.Hour)",
    "waitgroup": "var wg sync.WaitGroup\nwg.Add(1)\nwg.Wait()",
    "mutex": "var mu sync.Mutex\nmu.Lock()\nmu.Lock()",
    "rwmutex": "var rw sync.RWMutex\nrw.Lock()\nrw.RLock()",
    "cond": "var cm sync.Mutex\ncond := sync.NewCond(&cm)\ncm.Lock()\ncond.Wait()",
    "channel": "ch := make(chan int)\n<-ch",
    "select": "select {}",
    "timer": "<-time.After(time.Hour)",
    "loop": "for {\n}",
    "exec": 'exec.Command("sleep", "3600").Run()',
    "http": "http.Get(srv.URL)",
    "stdin": "var line string\nfmt.Scanln(&line)",
}


def test_interrupt_every_blocking_kind_keeps_values(fresh):
    km, kc = fresh
    run_ok(kc, 'import ("net/http"; "net/http/httptest"; "os/exec"; "sync")')
    run_ok(kc, "counter := 0\nnotes := map[string]int{\"a\": 1}\n"
               "srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { time.Sleep(time.Hour) }))")
    pid = executor_pid(km)
    latencies = {}
    for kind, code in BLOCKING.items():
        reply, iopub, latency = interrupt_after(
            km, kc, "counter++\n" + code + "\ncounter += 1000", allow_stdin=(kind == "stdin"))
        latencies[kind] = latency
        assert reply["content"]["status"] == "error", (kind, reply["content"])
        assert reply["content"]["ename"] == "Interrupted", (kind, reply["content"])
        errors = [m["content"]["ename"] for m in iopub if m["msg_type"] == "error"]
        assert errors == ["Interrupted"], (kind, errors)
    # The executor was kept, every value with it, and no cancelled code
    # resumed.
    time.sleep(0.5)
    assert executor_pid(km) == pid
    assert run_ok(kc, "fmt.Println(counter, notes)").stdout == f"{len(BLOCKING)} map[a:1]\n"
    print("interrupt latency:", {k: f"{v * 1000:.0f}ms" for k, v in latencies.items()})
    for kind, latency in latencies.items():
        assert latency < 5, (kind, latency)  # a kill after 5 s would have replaced the executor


# --------------------------------------------------------------- memory limit


def test_out_of_memory_names_the_limit_and_restores():
    km, kc = start(GOCELL_MEMORY_LIMIT="400MiB")
    try:
        run_ok(kc, "type P struct{ X int; Next *P }\nfunc (p *P) Inc() { p.X++ }")
        run_ok(kc, "a := &P{X: 1}\nb := &P{X: 2, Next: a}\nweights := []float64{1.5, 2.5}\nch := make(chan int)")
        run_ok(kc, "a.Inc()")
        r = execute(kc, OUT_OF_MEMORY, timeout=120)
        assert r.status == "error", repr(r)
        assert r.content["ename"] == "OutOfMemory", r.content
        msg = r.content["evalue"]
        assert "ran out of memory" in msg and "400MiB" in msg and "GOCELL_MEMORY_LIMIT=" in msg, msg
        # Exactly what could not be saved is named: the channel.
        assert "except: ch (chan int)" in msg, msg
        assert len(r.errors) == 1, repr(r)
        out = run_ok(kc, "b.Next.Inc()\nfmt.Println(a.X, b.X, b.Next == a, weights)").stdout
        assert out == "3 2 true [1.5 2.5]\n", out
        # A bad limit is a clear warning, not a dead kernel.
    finally:
        stop_kernel(km, kc)


def test_bad_memory_limit_warns_and_serves():
    km, kc = start(prelude=False, GOCELL_MEMORY_LIMIT="lots")
    try:
        r = run_ok(kc, "1 + 1")
        assert "GOCELL_MEMORY_LIMIT" in r.stderr and "4GiB" in r.stderr, repr(r)
        assert run_ok(kc, "2 + 2").stderr == ""
    finally:
        stop_kernel(km, kc)


# ------------------------------------------------------------ a long session


LONG_SESSION = [
    'import ("sort"; "strings"; "sync")',
    "type Point struct{ X, Y float64 }",
    "func (p Point) Norm2() float64 { return p.X*p.X + p.Y*p.Y }",
    "func (p *Point) Scale(k float64) { p.X *= k; p.Y *= k }",
    "type Celsius float64",
    'func (c Celsius) String() string { return fmt.Sprintf("%.1f°C", float64(c)) }',
    "func Keys[K comparable, V any](m map[K]V) []K { var out []K; for k := range m { out = append(out, k) }; return out }",
    "//%cache_data\nfunc slowSquare(n int) int { return n * n }",
    "x := 42",
    "m := map[string]int{\"a\": 1}",
    "var fs []float64\nfor i := 0; i < 5; i++ { fs = append(fs, float64(i)/2) }",
    "pt := Point{3, 4}\npp := &pt",
    "px := &x",
    "temp := Celsius(21.5)",
    "func broken() int { return missing }",  # fails: never replayed
    "m[\"b\"] = slowSquare(7)",
    "pp.Scale(2)",
    "*px += 1",
    "type Stack[T any] struct{ items []T }",
    "func (s *Stack[T]) Push(v T) { s.items = append(s.items, v) }",
    "var st Stack[int]\nst.Push(1)\nst.Push(2)",
    "names := []string{\"go\", \"cell\"}\nsort.Strings(names)",
    "var mu sync.Mutex\ncount := 0",
    "mu.Lock(); count++; mu.Unlock()",
    "func double(n int) int { return 2 * n }",
    "func double(n int) int { return 3 * n }",  # redefinition
    "tripled := double(x)",
    "panic(\"a runtime error\")",  # fails at run time, declares nothing
    "joined := strings.Join(names, \"+\")",
    "grid := [][]int{{1, 2}, {3, 4}}",
    "grid[1][0] = 30",
    "alias := grid",
    "type Node struct{ V int; Next *Node }\nring := &Node{V: 1}\nring.Next = &Node{V: 2, Next: ring}",
    "counter := func() func() int { n := 0; return func() int { n++; return n } }()",
]

CHECK = (
    'fmt.Println(x, *px == x, m, fs, pt, pp == &pt, pt.Norm2(), temp, len(Keys(m)), slowSquare(7))\n'
    'fmt.Println(st.items, names, count, double(2), tripled, joined, grid, alias[1][0], ring.Next.Next == ring, ring.Next.V)'
)
CHECK_WANT = (
    "43 true map[a:1 b:49] [0 0.5 1 1.5 2] {6 8} true 100 21.5°C 2 49\n"
    "[1 2] [cell go] 1 6 129 cell+go [[1 2] [30 4]] 30 true 2\n"
)


def run_session(kc, cells):
    for code in cells:
        r = execute(kc, code)
        failing = code.startswith("func broken") or code.startswith("panic(")
        assert (r.status == "error") == failing, f"{code}\n{r!r}"


def test_long_session_survives_every_fault(fresh):
    km, kc = fresh
    faults = {
        5: "overflow",
        12: "kill",
        17: "interrupt",
        22: "overflow",
        26: "kill",
        30: "interrupt",
    }
    for i, code in enumerate(LONG_SESSION):
        r = execute(kc, code)
        failing = code.startswith("func broken") or code.startswith("panic(")
        assert (r.status == "error") == failing, f"{code}\n{r!r}"
        fault = faults.get(i)
        if fault == "overflow":
            crash = execute(kc, STACK_OVERFLOW)
            assert crash.content["ename"] == "ExecutorDied", repr(crash)
            assert "stack overflow" in text(crash).lower()
        elif fault == "kill":
            kill_and_report(km, kc)
        elif fault == "interrupt":
            reply, _, _ = interrupt_after(km, kc, "time.Sleep(time.Hour)")
            assert reply["content"]["ename"] == "Interrupted"
    out = execute(kc, CHECK)
    assert out.status == "ok", repr(out)
    assert out.stdout == CHECK_WANT, out.stdout


# ----------------------------------------------- random sessions, compared


def random_session(seed, n=40):
    """A seeded notebook session: cells that change ints, maps, slices, a
    struct behind two pointers and a pointer to a variable, declare and
    redefine functions and methods, and some that fail."""
    rnd = random.Random(seed)
    cells = [
        "type Acc struct{ N int; Log []string }",
        "func (a *Acc) Add(n int) { a.N += n; a.Log = append(a.Log, fmt.Sprint(n)) }",
        "i0, i1 := 0, 0\nm := map[string]int{}\nvar s []int\nacc := &Acc{}\nalias := acc\np := &i0",
    ]
    version = 0
    for _ in range(n):
        k = rnd.randint(1, 9)
        choice = rnd.random()
        if choice < 0.15:
            cells.append(f"i{rnd.randint(0, 1)} += {k}")
        elif choice < 0.3:
            cells.append(f'm["k{k}"] = {k} * len(m)')
        elif choice < 0.42:
            cells.append(f"s = append(s, {k})")
        elif choice < 0.54:
            cells.append(f"alias.Add({k})")
        elif choice < 0.62:
            cells.append(f"*p += {k}")
        elif choice < 0.72:
            version += 1
            cells.append(f"func f(n int) int {{ return n*{k} + {version} }}")
            cells.append("i1 = f(i1 % 1000)")
        elif choice < 0.78:
            cells.append(f"func (a *Acc) Add(n int) {{ a.N += n * {k}; a.Log = append(a.Log, fmt.Sprint(n)) }}")
        elif choice < 0.86:
            cells.append(f"func nope{k}() int {{ return undefined{k} }}")  # fails to compile
        elif choice < 0.92:
            cells.append(f'i0 += {k}\npanic("boom {k}")')  # changes i0, then fails
        else:
            cells.append(f"t{k} := []string{{\"v{k}\"}}")
    return cells


DUMP = 'fmt.Println(i0, i1, m, s, *acc, alias == acc, p == &i0, *p)'


def replay(kc, cells, km=None, rnd=None):
    outputs = []
    for code in cells:
        r = execute(kc, code)
        outputs.append(r.status)
        if rnd is not None:
            fault = rnd.random()
            if fault < 0.08:
                kill_and_report(km, kc)
            elif fault < 0.12:
                crash = execute(kc, STACK_OVERFLOW)
                assert crash.content["ename"] == "ExecutorDied", repr(crash)
                assert "restored." in text(crash), text(crash)  # nothing lost
            elif fault < 0.16:
                reply, _, _ = interrupt_after(km, kc, "time.Sleep(time.Hour)", delay=0.2)
                assert reply["content"]["ename"] == "Interrupted"
    r = execute(kc, DUMP)
    assert r.status == "ok", repr(r)
    return outputs, r.stdout


@pytest.mark.parametrize("seed", [1, 2])
def test_random_session_with_faults_matches_without(seed):
    cells = random_session(seed)
    km, kc = start()
    try:
        clean_status, clean = replay(kc, cells)
    finally:
        stop_kernel(km, kc)
    km, kc = start()
    try:
        faulty_status, faulty = replay(kc, cells, km=km, rnd=random.Random(seed * 1000))
    finally:
        stop_kernel(km, kc)
    assert faulty_status == clean_status
    assert faulty == clean, (clean, faulty)


def snapshot_dir(km):
    """The snapshot directory the kernel handed its executor."""
    with open(f"/proc/{executor_pid(km)}/environ", "rb") as f:
        for var in f.read().split(b"\0"):
            if var.startswith(b"GOCELL_SNAPSHOT_DIR="):
                return var.split(b"=", 1)[1].decode()
    raise AssertionError("the executor has no GOCELL_SNAPSHOT_DIR")


def test_killed_kernel_snapshot_removed_by_next_kernel():
    """A kernel killed outright cannot remove its snapshot directory (it
    may hold large values); the next kernel started by the same user
    removes it, and leaves a running kernel's directory alone."""
    km1, kc1 = start()
    km2, kc2 = start()
    try:
        run_ok(kc1, "big := make([]float64, 1<<20)\nbig[7] = 7")
        run_ok(kc2, "kept := 42")
        dir1, dir2 = snapshot_dir(km1), snapshot_dir(km2)
        assert dir1 != dir2
        assert any(name.startswith("big") for name in os.listdir(dir1)), os.listdir(dir1)
        kc1.stop_channels()
        os.kill(km1.provisioner.pid, signal.SIGKILL)
        deadline = time.time() + 10
        while km1.is_alive() and time.time() < deadline:
            time.sleep(0.05)
        assert os.path.isdir(dir1), "the killed kernel's directory should still be there"

        km3, kc3 = start()
        try:
            assert not os.path.exists(dir1), f"{dir1} was not removed by the next kernel"
            assert os.path.isdir(dir2), "a running kernel's directory was removed"
            # The running kernel still restores from its directory.
            kill_and_report(km2, kc2)
            assert run_ok(kc2, "fmt.Println(kept)").stdout.strip() == "42"
            assert run_ok(kc3, "fmt.Println(1 + 1)").stdout.strip() == "2"
        finally:
            stop_kernel(km3, kc3)
    finally:
        if km1.is_alive():
            km1.shutdown_kernel(now=True)
        stop_kernel(km2, kc2)
