"""Execution, IOPub discipline, errors, crashes, interrupts, stdin, history,
comms and shutdown, driven through jupyter_client as a front end would."""

import contextlib
import os
import queue
import re
import time
import uuid

import pytest
from jupyter_client.manager import start_new_kernel

from gocell_client import (
    TIMEOUT,
    collect_iopub,
    drain,
    execute,
    get_reply,
    kernel,
    kernel_alive_answer,
    result_text,
    run_ok,
    start_kernel,
    stop_kernel,
    wait_result,
)

PRELUDE = 'import (\n\t"bufio"\n\t"fmt"\n\t"os"\n\t"strings"\n\t"time"\n)\n_, _, _, _ = bufio.NewReader, os.Stdin, strings.ToUpper, time.Now'


@pytest.fixture(scope="module")
def kc():
    """One kernel shared by the tests that leave it healthy."""
    km, client = start_kernel()
    try:
        run_ok(client, PRELUDE)
        yield client
    finally:
        stop_kernel(km, client)


@pytest.fixture
def fresh():
    """A kernel of its own, for tests that crash, interrupt or stop it."""
    with kernel() as (km, client):
        run_ok(client, PRELUDE)
        yield km, client


def flush(kc):
    drain(kc.get_iopub_msg)
    drain(kc.get_shell_msg, quiet=0.05)


def joined_traceback(content):
    return "\n".join(content.get("traceback", []))


def collect_until_idle(kc, msg_id, timeout=TIMEOUT):
    """Every IOPub message, whatever its parent, until msg_id's idle."""
    deadline = time.monotonic() + timeout
    msgs = []
    while True:
        left = deadline - time.monotonic()
        assert left > 0, "no idle for %s; got %r" % (msg_id, [(m["msg_type"], m["parent_header"].get("msg_id")) for m in msgs])
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except queue.Empty:
            continue
        msgs.append(msg)
        if (
            msg["msg_type"] == "status"
            and msg["content"]["execution_state"] == "idle"
            and msg["parent_header"].get("msg_id") == msg_id
        ):
            return msgs


def replies_for(kc, msg_ids, timeout=TIMEOUT):
    """Shell replies to msg_ids, in arrival order."""
    deadline = time.monotonic() + timeout
    got = []
    while len(got) < len(msg_ids):
        left = deadline - time.monotonic()
        assert left > 0, f"only {len(got)} of {len(msg_ids)} replies arrived"
        try:
            msg = kc.get_shell_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") in msg_ids:
            got.append(msg)
    return got


# ---------------------------------------------------------------- execution


def test_mixed_cell_prints_then_shows_result(kc):
    code = (
        'import "strings"\n'
        "\n"
        "type point struct{ X, Y int }\n"
        "\n"
        "func (p point) sum() int { return p.X + p.Y }\n"
        "\n"
        "pt := point{3, 4}\n"
        'fmt.Println("upper:", strings.ToUpper("go"))\n'
        "pt.sum() * 6\n"
    )
    r = run_ok(kc, code)
    count = r.content["execution_count"]
    kinds = [m["msg_type"] for m in r.outputs]
    assert kinds == ["stream", "execute_result"], repr(r)
    assert r.stdout == "upper: GO\n"
    assert r.results[0]["data"]["text/plain"] == "42"
    assert r.results[0]["execution_count"] == count
    (inp,) = r.of_type("execute_input")
    assert inp["content"]["execution_count"] == count
    assert inp["content"]["code"] == code


def test_println_has_no_execute_result(kc):
    r = run_ok(kc, 'fmt.Println("just printing")')
    assert r.stdout == "just printing\n"
    assert r.results == [], repr(r)


def test_execution_count_increments_by_one(kc):
    a = run_ok(kc, "1").content["execution_count"]
    b = run_ok(kc, "2").content["execution_count"]
    assert b == a + 1


def test_state_persists_across_cells(kc):
    run_ok(kc, "counter := 10")
    run_ok(kc, "counter += 5")
    assert result_text(run_ok(kc, "counter")) == "15"


def test_redeclare_with_another_type(kc):
    run_ok(kc, "redeclared := 1")
    assert result_text(run_ok(kc, "redeclared + 1")) == "2"
    run_ok(kc, 'redeclared := "s"')
    assert result_text(run_ok(kc, 'redeclared + "!"')) == "s!"


def test_if_with_init_statement(kc):
    code = (
        'if _, err := fmt.Sscan("x", new(int)); err != nil {\n'
        '\tfmt.Println("bad input")\n'
        "}\n"
        "if v := len(\"four\"); v == 4 {\n"
        '\tfmt.Println("v is", v)\n'
        "}\n"
    )
    r = run_ok(kc, code)
    assert r.stdout == "bad input\nv is 4\n"


def test_declared_function_and_type_persist(kc):
    run_ok(kc, "type celsius float64\n\nfunc (c celsius) warm() bool { return c > 20 }")
    assert result_text(run_ok(kc, "celsius(25).warm()")) == "true"


# ------------------------------------------------------- IOPub discipline


def test_iopub_sequence_and_parent_header(kc):
    flush(kc)
    code = 'fmt.Println("one")\nfmt.Println("two")\n7'
    msg = kc.session.msg("execute_request", {
        "code": code, "silent": False, "store_history": True,
        "user_expressions": {}, "allow_stdin": False, "stop_on_error": True,
    })
    kc.shell_channel.send(msg)
    msg_id = msg["header"]["msg_id"]
    reply = get_reply(kc, msg_id)
    msgs = collect_until_idle(kc, msg_id)
    for m in msgs:
        parent = m["parent_header"]
        assert parent.get("msg_id") == msg_id, f"{m['msg_type']} has parent {parent}"
        assert parent.get("msg_type") == "execute_request"
        assert parent.get("session") == msg["header"]["session"]
    kinds = [m["msg_type"] for m in msgs]
    assert kinds[0] == "status" and msgs[0]["content"]["execution_state"] == "busy", kinds
    assert kinds[1] == "execute_input", kinds
    assert kinds[-1] == "status" and msgs[-1]["content"]["execution_state"] == "idle", kinds
    middle = kinds[2:-1]
    assert set(middle) == {"stream", "execute_result"}, kinds
    assert middle[-1] == "execute_result", kinds
    assert "".join(m["content"]["text"] for m in msgs if m["msg_type"] == "stream") == "one\ntwo\n"
    assert reply["parent_header"]["msg_id"] == msg_id
    assert reply["content"]["execution_count"] == msgs[1]["content"]["execution_count"]
    # Every message carries the kernel's own session id and protocol 5.x.
    for m in msgs + [reply]:
        assert m["header"]["session"] == reply["header"]["session"]
        assert m["header"]["version"].startswith("5.")


def test_pipelined_executes_keep_order(kc):
    flush(kc)
    codes = [f'fmt.Println("cell {i}")' for i in range(3)]
    ids = [kc.execute(c) for c in codes]
    replies = replies_for(kc, ids)
    assert [r["parent_header"]["msg_id"] for r in replies] == ids
    counts = [r["content"]["execution_count"] for r in replies]
    assert counts == [counts[0], counts[0] + 1, counts[0] + 2]
    msgs = collect_until_idle(kc, ids[-1])
    ours = [m for m in msgs if m["parent_header"].get("msg_id") in ids]
    inputs = [m["content"]["code"] for m in ours if m["msg_type"] == "execute_input"]
    assert inputs == codes
    # Each request's messages form one busy..idle run, not interleaved.
    runs = []
    for m in ours:
        pid = m["parent_header"]["msg_id"]
        if not runs or runs[-1][0] != pid:
            runs.append((pid, []))
        runs[-1][1].append(m)
    assert [pid for pid, _ in runs] == ids
    for pid, run in runs:
        assert run[0]["msg_type"] == "status" and run[0]["content"]["execution_state"] == "busy"
        assert run[-1]["msg_type"] == "status" and run[-1]["content"]["execution_state"] == "idle"
        text = "".join(m["content"]["text"] for m in run if m["msg_type"] == "stream")
        assert text == f"cell {ids.index(pid)}\n"


def test_silent_runs_without_outputs_or_count(kc):
    base = run_ok(kc, "0").content["execution_count"]
    r = execute(kc, 'silentSide := 5\nfmt.Println("hidden")\nsilentSide * 2', silent=True)
    assert r.status == "ok", repr(r)
    assert [m["msg_type"] for m in r.iopub] == ["status", "status"], repr(r)
    nxt = run_ok(kc, "silentSide")  # the silent cell did run
    assert result_text(nxt) == "5"
    assert nxt.content["execution_count"] == base + 1


def test_store_history_false_does_not_count(kc):
    base = run_ok(kc, "0").content["execution_count"]
    r = execute(kc, "unstored := 8\nunstored * 2", store_history=False)
    assert r.status == "ok", repr(r)
    assert result_text(r) == "16"
    nxt = run_ok(kc, "unstored + 1")
    assert result_text(nxt) == "9"
    assert nxt.content["execution_count"] == base + 1
    kc.history(hist_access_type="tail", n=5, output=False, raw=True)
    hist = kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
    assert all("unstored := 8" not in h[2] for h in hist), hist


def test_user_expressions(kc):
    run_ok(kc, "ueBase := 6")
    r = run_ok(kc, "ueBase += 1", user_expressions={"a": "6*7", "b": "ueBase", "bad": "noSuchName + 1"})
    ue = r.content["user_expressions"]
    assert ue["a"]["status"] == "ok"
    assert ue["a"]["data"]["text/plain"] == "42"
    assert ue["b"]["data"]["text/plain"] == "7"  # evaluated after the cell ran
    assert ue["bad"]["status"] == "error"
    assert "noSuchName" in ue["bad"]["evalue"]


def test_user_expression_error_position(kc):
    r = run_ok(kc, "1", user_expressions={"bad": "noSuchName + 1"})
    evalue = r.content["user_expressions"]["bad"]["evalue"]
    assert "block" not in evalue and "line 7" not in evalue, evalue


# ------------------------------------------------------------------ errors


def test_stop_on_error_aborts_queued_executes(kc):
    flush(kc)
    # The first cell waits for input, so the two cells behind it are surely
    # queued in the kernel when it fails.
    first = kc.execute('var gate string\nfmt.Scanln(&gate)\npanic("first failed: " + gate)', allow_stdin=True)
    second = kc.execute("ranSecond := true")
    third = kc.execute('fmt.Println("third ran")')
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request"
    kc.input("go")
    replies = replies_for(kc, [first, second, third])
    by_id = {r["parent_header"]["msg_id"]: r["content"] for r in replies}
    assert by_id[first]["status"] == "error"
    assert by_id[first]["evalue"] == "first failed: go"
    assert by_id[second]["status"] == "aborted"
    assert by_id[third]["status"] == "aborted"
    # As ipykernel: no execution_count, the cells did not run.
    assert "execution_count" not in by_id[second] and "execution_count" not in by_id[third]
    msgs = collect_until_idle(kc, third)
    assert not any(m["msg_type"] == "stream" and "third ran" in m["content"]["text"] for m in msgs)
    for aborted in (second, third):
        kinds = [m["msg_type"] for m in msgs if m["parent_header"].get("msg_id") == aborted]
        assert kinds == ["status", "status"], kinds
    # Sent after the error reply: runs normally.
    r = run_ok(kc, 'fmt.Println("fourth ran")')
    assert r.stdout == "fourth ran\n"
    # The aborted cell did not run.
    r = execute(kc, "ranSecond")
    assert r.status == "error" and "ranSecond" in r.content["evalue"], repr(r)


def test_stop_on_error_aborts_a_burst_that_arrives_after_the_failure(kc):
    """Run All in the classic Notebook reaches the kernel one request at a
    time through its server: a cell that fails at once has failed before the
    requests behind it arrive. They were sent before the client heard of the
    error, so they are aborted too; one sent after the error reply runs."""
    flush(kc)
    first = kc.execute('panic("fails at once")')
    later = []
    for i in range(3):
        time.sleep(0.008)  # relayed one by one, each after the failure
        later.append(kc.execute(f'burstRan{i} := true\nfmt.Println("burst {i} ran")'))
    replies = {r["parent_header"]["msg_id"]: r["content"] for r in replies_for(kc, [first] + later)}
    assert replies[first]["status"] == "error", replies[first]
    for msg_id in later:
        assert replies[msg_id]["status"] == "aborted" and "execution_count" not in replies[msg_id], replies[msg_id]
    msgs = collect_until_idle(kc, later[-1])
    assert not any(m["msg_type"] == "stream" and "burst" in m["content"]["text"] for m in msgs)
    # Sent after the error reply: runs, at once.
    r = run_ok(kc, 'fmt.Println("after the error")')
    assert r.stdout == "after the error\n"
    r = execute(kc, "burstRan0")
    assert r.status == "error" and "burstRan0" in r.content["evalue"], repr(r)


def test_stop_on_error_false_runs_queued_executes(kc):
    flush(kc)
    first = kc.execute('var gate2 string\nfmt.Scanln(&gate2)\npanic("no stop")', allow_stdin=True, stop_on_error=False)
    second = kc.execute('fmt.Println("second ran")')
    kc.get_stdin_msg(timeout=TIMEOUT)
    kc.input("x")
    replies = replies_for(kc, [first, second])
    assert [r["content"]["status"] for r in replies] == ["error", "ok"]
    msgs = collect_until_idle(kc, second)
    assert any(m["msg_type"] == "stream" and m["content"]["text"] == "second ran\n" for m in msgs)


def test_compile_error_is_one_error_naming_the_line(kc):
    code = 'fmt.Println("partial")\nfmt.Println(notDeclaredAnywhere)'
    r = execute(kc, code)
    assert r.status == "error", repr(r)
    count = r.content["execution_count"]
    assert [m["msg_type"] for m in r.outputs] == ["error"], repr(r)  # no stderr, no "partial"
    err = r.errors[0]
    assert err["ename"] == r.content["ename"]
    assert "notDeclaredAnywhere" in err["evalue"]
    assert "line 2" in err["evalue"], err
    assert re.search(rf"\bcell{count}\.go:2:\d+", joined_traceback(err)), err
    assert r.content["traceback"] == err["traceback"]


def test_runtime_panic_is_one_error_with_traceback(kc):
    code = (
        "func explode(n int) int {\n"
        "\tif n == 0 {\n"
        '\t\tpanic("kaboom")\n'
        "\t}\n"
        "\treturn explode(n - 1)\n"
        "}\n"
        'fmt.Println("before")\n'
        "explode(2)\n"
    )
    r = execute(kc, code)
    assert r.status == "error", repr(r)
    count = r.content["execution_count"]
    assert [m["msg_type"] for m in r.outputs] == ["stream", "error"], repr(r)
    assert r.stdout == "before\n"
    err = r.errors[0]
    assert err["ename"] == "panic"
    assert err["evalue"] == "kaboom"
    tb = joined_traceback(err)
    assert "Traceback" in tb
    assert f"cell {count}" in tb
    assert "explode" in tb


@pytest.mark.xfail(strict=True, reason="kernel bug: a panic traceback names the first statement of the "
                   "function (line 2), not the line that panicked (line 4)")
def test_panic_traceback_names_the_panicking_line(kc):
    code = 'func boom2() int {\n\tx := 1\n\tif x > 0 {\n\t\tpanic("k2")\n\t}\n\treturn 0\n}\nboom2()'
    r = execute(kc, code)
    count = r.content["execution_count"]
    assert f"cell {count}, line 4," in joined_traceback(r.content), r.content["traceback"]


def test_panic_traceback_labels_statements_frame_with_cell(kc):
    r = execute(kc, 'var nilMap map[string]int\nnilMap["x"] = 1')
    count = r.content["execution_count"]
    tb = joined_traceback(r.content)
    assert r.content["evalue"] == "assignment to entry in nil map"
    assert f"cell {count}, in the cell's statements" in tb, r.content["traceback"]
    assert "block" not in tb


def test_many_lines_arrive_complete_and_batched(kc):
    r = run_ok(kc, "for i := 0; i < 100000; i++ {\n\tfmt.Println(i)\n}", timeout=300)
    streams = r.of_type("stream")
    lines = r.stdout.split("\n")
    assert lines[-1] == ""
    lines = lines[:-1]
    assert len(lines) == 100000
    assert lines == [str(i) for i in range(100000)]
    assert all(m["content"]["name"] == "stdout" for m in streams)
    assert len(streams) < 5000, f"{len(streams)} stream messages for 100,000 lines"


# ------------------------------------------------------------ crash & interrupt


CRASH_CELL = (
    'import "runtime/debug"\n'
    "func deep(n int) int {\n"
    "\tif n == 0 {\n"
    "\t\treturn 0\n"
    "\t}\n"
    "\treturn deep(n-1) + 1\n"
    "}\n"
    "debug.SetMaxStack(1 << 16)\n"
    "deep(1000000)\n"
)
"""A stack overflow is a fatal error no recover catches: it ends the
executor process. A small stack limit makes it quick and cheap."""


def test_executor_crash_keeps_kernel_and_declarations(fresh):
    km, kc = fresh
    run_ok(kc, "func twice(n int) int { return 2 * n }")
    run_ok(kc, "keptValue := 41")
    r = execute(kc, CRASH_CELL)
    assert r.status == "error", repr(r)
    assert r.content["ename"] == "ExecutorDied", r.content
    assert len(r.errors) == 1, repr(r)
    assert [m["msg_type"] for m in r.outputs] == ["error"], repr(r)
    err = r.errors[0]
    text = (err["evalue"] + "\n" + joined_traceback(err)).lower()
    assert "executor" in text and "died" in text, err
    assert "stack overflow" in text, err
    assert "declarations and values were restored." in joined_traceback(err), err
    assert kernel_alive_answer(kc)
    # Declarations of earlier cells, and of the crashed cell, are back.
    assert result_text(run_ok(kc, "twice(21)")) == "42"
    assert result_text(run_ok(kc, "deep(3)")) == "3"
    assert run_ok(kc, 'fmt.Println("still printing")').stdout == "still printing\n"
    # So is the value of the variable, from the snapshot.
    assert result_text(run_ok(kc, "keptValue + 1")) == "42"
    assert km.is_alive()


def test_os_exit_ends_the_cell_not_the_notebook(fresh):
    # Design (interp/session.go): os.Exit is a panic, so a cell cannot end
    # the executor; the cell fails with ename "Exit" and state survives.
    km, kc = fresh
    run_ok(kc, "func twice(n int) int { return 2 * n }")
    run_ok(kc, "keptValue := 41")
    r = execute(kc, 'fmt.Println("before exit")\nos.Exit(3)\nfmt.Println("after exit")')
    assert r.status == "error", repr(r)
    assert [m["msg_type"] for m in r.outputs] == ["stream", "error"], repr(r)
    assert r.stdout == "before exit\n"
    err = r.errors[0]
    assert err["ename"] == "Exit"
    assert "os.Exit(3)" in err["evalue"]
    assert kernel_alive_answer(kc)
    assert result_text(run_ok(kc, "twice(keptValue)")) == "82"


def test_goroutine_panic_does_not_kill_kernel(fresh):
    km, kc = fresh
    run_ok(kc, "keptValue := 5")
    r = execute(kc, 'go func() { panic("x marks the spot") }()\ntime.Sleep(time.Second)')
    assert r.status == "error", repr(r)
    assert len(r.errors) == 1, repr(r)
    assert "x marks the spot" in r.errors[0]["evalue"] + joined_traceback(r.errors[0])
    assert km.is_alive()
    assert kernel_alive_answer(kc)
    assert result_text(run_ok(kc, "keptValue + 37")) == "42"


def test_crash_restores_declarations_of_failed_cell(fresh):
    km, kc = fresh
    r = execute(kc, 'import "unicode"\nfunc shout(s string) string { return strings.Map(unicode.ToUpper, s) }\npanic("after declaring")')
    assert r.status == "error"
    assert result_text(run_ok(kc, 'shout("x")')) == "X"  # declared despite the panic
    crash = execute(kc, CRASH_CELL)
    assert crash.content.get("ename") == "ExecutorDied", repr(crash)
    assert result_text(run_ok(kc, 'shout("y")')) == "Y"


def _wait_for_stream(kc, msg_id, text, timeout=TIMEOUT):
    deadline = time.monotonic() + timeout
    while True:
        left = deadline - time.monotonic()
        assert left > 0, f"{text!r} was never printed"
        try:
            m = kc.get_iopub_msg(timeout=left)
        except queue.Empty:
            continue
        if m["parent_header"].get("msg_id") != msg_id:
            continue
        if m["msg_type"] == "stream" and text in m["content"]["text"]:
            return
        assert m["msg_type"] in ("status", "execute_input", "stream"), m


def test_interrupt_busy_loop(fresh):
    km, kc = fresh
    run_ok(kc, "keep := 7")
    flush(kc)
    msg_id = kc.execute('fmt.Println("looping")\nfor {\n}')
    _wait_for_stream(kc, msg_id, "looping")
    km.interrupt_kernel()
    reply = get_reply(kc, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    rest = collect_iopub(kc, msg_id)
    assert [m["content"]["ename"] for m in rest if m["msg_type"] == "error"] == ["Interrupted"]
    assert result_text(run_ok(kc, "keep * 6")) == "42"


def test_interrupt_sleep(fresh):
    km, kc = fresh
    flush(kc)
    msg_id = kc.execute('fmt.Println("sleeping")\ntime.Sleep(time.Hour)')
    _wait_for_stream(kc, msg_id, "sleeping")
    km.interrupt_kernel()
    reply = get_reply(kc, msg_id)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "Interrupted"
    collect_iopub(kc, msg_id)
    assert result_text(run_ok(kc, "6 * 7")) == "42"
    assert run_ok(kc, 'fmt.Println("after")').stdout == "after\n"


# ------------------------------------------------------------------- stdin


def test_stdin_scanln(kc):
    flush(kc)
    msg_id = kc.execute('var s string\nfmt.Scanln(&s)\nfmt.Println("got", s)', allow_stdin=True)
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request"
    assert req["parent_header"]["msg_id"] == msg_id
    assert req["content"]["password"] is False
    kc.input("gopher")
    r = wait_result(kc, msg_id)
    assert r.status == "ok", repr(r)
    assert "got gopher" in r.stdout


def test_stdin_bufio_reader(kc):
    flush(kc)
    msg_id = kc.execute(
        "line, err := bufio.NewReader(os.Stdin).ReadString('\\n')\nfmt.Printf(\"read %q %v\\n\", line, err)",
        allow_stdin=True,
    )
    req = kc.get_stdin_msg(timeout=TIMEOUT)
    assert req["msg_type"] == "input_request"
    kc.input("two words")
    r = wait_result(kc, msg_id)
    assert r.status == "ok", repr(r)
    assert r.stdout == 'read "two words\\n" <nil>\n'


def test_stdin_two_reads(kc):
    flush(kc)
    msg_id = kc.execute('var a, b string\nfmt.Scanln(&a)\nfmt.Scanln(&b)\nfmt.Println(a + "+" + b)', allow_stdin=True)
    for answer in ("left", "right"):
        req = kc.get_stdin_msg(timeout=TIMEOUT)
        assert req["msg_type"] == "input_request"
        kc.input(answer)
    r = wait_result(kc, msg_id)
    assert r.stdout.endswith("left+right\n"), repr(r)


def test_stdin_not_allowed_fails_fast(kc):
    flush(kc)
    r = execute(kc, 'var s string\n_, errNoStdin := fmt.Scanln(&s)\nif errNoStdin != nil {\n\tpanic(errNoStdin)\n}', allow_stdin=False)
    assert r.status == "error", repr(r)
    assert "stdin" in r.content["evalue"], r.content
    with pytest.raises(queue.Empty):
        kc.get_stdin_msg(timeout=0.5)


def test_stdin_not_allowed_is_the_cells_error_even_when_the_read_error_is_ignored(kc):
    """fmt.Scanln's error is easy to ignore: the cell must not go on as if the
    user had answered "" and end with status ok."""
    flush(kc)
    r = execute(kc, 'var answer string\nfmt.Scanln(&answer)\nfmt.Println("got", len(answer))', allow_stdin=False)
    assert r.status == "error", repr(r)
    assert r.content["ename"] == "StdinNotAllowed", r.content
    assert "allow_stdin" in r.content["evalue"], r.content
    with pytest.raises(queue.Empty):
        kc.get_stdin_msg(timeout=0.5)
    # The same code with input allowed runs normally afterwards.
    msg_id = kc.execute('var answer2 string\nfmt.Scanln(&answer2)\nfmt.Println("got", answer2)', allow_stdin=True)
    kc.get_stdin_msg(timeout=TIMEOUT)
    kc.input("yes")
    reply = replies_for(kc, [msg_id])[0]["content"]
    assert reply["status"] == "ok", reply


# --------------------------------------------------------- other requests


def test_history_tail_range_search(kc):
    a = run_ok(kc, "histMarker := 20").content["execution_count"]
    b = run_ok(kc, "histMarker + 1").content["execution_count"]

    kc.history(hist_access_type="tail", n=2, output=False, raw=True)
    tail = kc.get_shell_msg(timeout=TIMEOUT)["content"]
    assert tail["status"] == "ok"
    assert [(h[1], h[2]) for h in tail["history"]] == [(a, "histMarker := 20"), (b, "histMarker + 1")]

    kc.history(hist_access_type="tail", n=1, output=True, raw=True)
    (last,) = kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
    assert last[1] == b
    assert list(last[2]) == ["histMarker + 1", "21"]

    session = tail["history"][0][0]
    kc.history(hist_access_type="range", session=session, start=a, stop=b + 1, output=False, raw=True)
    rng = kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
    assert [(h[1], h[2]) for h in rng] == [(a, "histMarker := 20"), (b, "histMarker + 1")]

    kc.history(hist_access_type="search", pattern="histMarker*", output=False, raw=True)
    found = kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
    assert [h[2] for h in found] == ["histMarker := 20", "histMarker + 1"]

    run_ok(kc, "histMarker + 1")
    kc.history(hist_access_type="search", pattern="histMarker +*", unique=True, output=False, raw=True)
    uniq = kc.get_shell_msg(timeout=TIMEOUT)["content"]["history"]
    assert [h[2] for h in uniq] == ["histMarker + 1"]


def test_comm_info_is_empty(kc):
    flush(kc)
    msg_id = kc.comm_info()
    reply = get_reply(kc, msg_id)
    assert reply["msg_type"] == "comm_info_reply"
    assert reply["content"]["comms"] == {}
    msgs = collect_iopub(kc, msg_id)
    assert [m["content"]["execution_state"] for m in msgs] == ["busy", "idle"]


def test_comm_open_unknown_target_is_closed(kc):
    flush(kc)
    comm_id = uuid.uuid4().hex
    msg = kc.session.msg("comm_open", {"comm_id": comm_id, "target_name": "gocell.no_such_target", "data": {}})
    kc.shell_channel.send(msg)
    msgs = collect_iopub(kc, msg["header"]["msg_id"])
    closes = [m for m in msgs if m["msg_type"] == "comm_close"]
    assert len(closes) == 1, [m["msg_type"] for m in msgs]
    assert closes[0]["content"]["comm_id"] == comm_id
    assert kernel_alive_answer(kc)


def test_kernel_info_on_control(kc):
    flush(kc)
    msg = kc.session.msg("kernel_info_request")
    kc.control_channel.send(msg)
    msg_id = msg["header"]["msg_id"]
    reply = get_reply(kc, msg_id, channel="control")
    assert reply["msg_type"] == "kernel_info_reply"
    content = reply["content"]
    assert content["status"] == "ok"
    assert content["protocol_version"].startswith("5.")
    assert content["language_info"]["name"] == "go"
    assert content["language_info"]["file_extension"] == ".go"
    msgs = collect_iopub(kc, msg_id)
    assert [m["content"]["execution_state"] for m in msgs if m["msg_type"] == "status"] == ["busy", "idle"]


def test_kernel_info_on_shell_while_idle(kc):
    msg_id = kc.kernel_info()
    reply = get_reply(kc, msg_id)
    assert reply["content"]["implementation"] == "gocell"
    assert reply["content"]["language_info"]["mimetype"] == "text/x-go"


def test_is_complete_statuses(kc):
    def status(code):
        kc.is_complete(code)
        return kc.get_shell_msg(timeout=TIMEOUT)["content"]

    assert status("x := 1")["status"] == "complete"
    inc = status("func f() {")
    assert inc["status"] == "incomplete"
    assert "indent" in inc
    assert status("x := )")["status"] == "invalid"


def test_is_complete_parse_errors_are_invalid(kc):
    bad = ["var := 3", "x = = 1", "import fmt", "x := 1 1", 'fmt.Println("a" "b")']
    got = {}
    for code in bad:
        kc.is_complete(code)
        got[code] = kc.get_shell_msg(timeout=TIMEOUT)["content"]["status"]
    assert got == {code: "invalid" for code in bad}


def _children(pid):
    # Each thread lists the children it forked: a Go program starts its
    # executor from whichever thread runs the goroutine, so read them all.
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return None
    out = []
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out += [int(p) for p in f.read().split()]
        except OSError:
            pass
    return out


def _running(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] not in ("Z", "X")
    except OSError:
        return False


def test_shutdown_request_exits(gocell_bin):
    km, kc = start_kernel()
    try:
        run_ok(kc, "1")  # the executor is up
        proc = km.provisioner.process
        children = _children(proc.pid)
        flush(kc)
        msg_id = kc.shutdown()
        reply = get_reply(kc, msg_id, channel="control")
        assert reply["msg_type"] == "shutdown_reply"
        assert reply["content"]["status"] == "ok"
        assert reply["content"]["restart"] is False
        statuses = collect_iopub(kc, msg_id)
        assert statuses[-1]["content"]["execution_state"] == "idle"
        assert proc.wait(timeout=TIMEOUT) == 0
        if children is not None:
            assert children, "the kernel had no executor child process"
            deadline = time.monotonic() + TIMEOUT
            while any(_running(c) for c in children) and time.monotonic() < deadline:
                time.sleep(0.1)
            assert not any(_running(c) for c in children), "the executor outlived the kernel"
    finally:
        stop_kernel(km, kc)


def test_cells_see_the_environment(kc):
    assert os.environ.get("PATH")
    r = run_ok(kc, 'os.Getenv("PATH")')
    assert result_text(r) == os.environ["PATH"]


def run_all(kc, cells):
    """Send every cell at once, as the classic Notebook's Run All does, and
    return per cell (the prompt it would show, i.e. the reply's
    execution_count, the reply's status, the IOPub message types)."""
    flush(kc)
    ids = [kc.execute(c) for c in cells]
    replies = {r["parent_header"]["msg_id"]: r["content"] for r in replies_for(kc, ids)}
    msgs = collect_until_idle(kc, ids[-1])
    out = []
    for i in ids:
        kinds = [m["msg_type"] for m in msgs if m["parent_header"].get("msg_id") == i]
        out.append((replies[i].get("execution_count"), replies[i]["status"], kinds))
    return out


def test_run_all_after_an_error_numbers_only_the_cells_that_ran(kc):
    """Run All where the second cell fails: the cells after it are aborted,
    and their replies carry no execution_count, so the Notebook shows
    "In [ ]" for them rather than a number as if they had run. Checked
    against Debian's ipykernel in the same run."""
    go = run_all(kc, [
        "runAllA := 1",
        'time.Sleep(300 * time.Millisecond)\npanic("boom")',
        "runAllB := 2",
        'fmt.Println("should not run")',
        "runAllA + 1",
    ])
    with kernel_named("python3") as pkc:
        py = run_all(pkc, [
            "a = 1",
            'import time\ntime.sleep(0.3)\nraise ValueError("boom")',
            "b = 2",
            'print("should not run")',
            "a + 1",
        ])
    for label, cells in (("gocell", go), ("ipykernel", py)):
        (c1, s1, _), (c2, s2, k2) = cells[0], cells[1]
        assert s1 == "ok" and isinstance(c1, int), (label, cells)
        assert s2 == "error" and c2 == c1 + 1 and "error" in k2, (label, cells)
        for count, status, kinds in cells[2:]:
            assert status == "aborted", (label, cells)
            assert count is None, f"{label}: an aborted reply carries execution_count {count}"
            assert kinds == ["status", "status"], (label, kinds)
    # Same shape in both kernels: prompts (None or a number) and statuses.
    assert [(c is None, s) for c, s, _ in go] == [(c is None, s) for c, s, _ in py]
    r = execute(kc, "runAllB")
    assert r.status == "error" and "runAllB" in r.content["evalue"], repr(r)


@contextlib.contextmanager
def kernel_named(name):
    km, client = start_new_kernel(kernel_name=name, startup_timeout=120)
    try:
        yield client
    finally:
        stop_kernel(km, client)
