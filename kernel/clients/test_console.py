"""jupyter console against gocell: piped input with --simple-prompt, and a
multi-line function typed line by line in a pseudo-terminal, which only
works if the kernel answers is_complete_request properly."""

import contextlib
import os
import re
import signal
import subprocess
import sys

import pytest

CONSOLE = [sys.executable, "-m", "jupyter_console", "--kernel", "gocell"]
TIMEOUT = 120
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def kernels_using(runtime_dir):
    """Pids of processes whose command line names a file in runtime_dir:
    the kernels a console started with connection files there."""
    pids = []
    for entry in os.listdir("/proc") if os.path.isdir("/proc") else []:
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().split(b"\0")
        except OSError:
            continue
        if any(a.startswith(runtime_dir.encode() + b"/") for a in args):
            pids.append(int(entry))
    return pids


@pytest.fixture
def console_env(tmp_path):
    """Environment for one console run with its own runtime directory; any
    kernel still running from it afterwards is stopped (by pid)."""
    runtime = str(tmp_path / "runtime")
    os.makedirs(runtime)
    yield dict(os.environ, JUPYTER_RUNTIME_DIR=runtime)
    for pid in kernels_using(runtime):
        with contextlib.suppress(OSError):
            os.kill(pid, signal.SIGKILL)


def clean(s):
    return ANSI.sub("", s).replace("\r", "")


def test_simple_prompt_piped_stdin(tmp_path, console_env):
    script = (
        "func add(a, b int) int { return a + b }\n"
        "add(2, 3)\n"
        'import "fmt"\n'
        'fmt.Println("piped", add(20, 22))\n'
    )
    proc = subprocess.run(
        CONSOLE + ["--simple-prompt", "--ZMQTerminalInteractiveShell.confirm_exit=False"],
        input=script, capture_output=True, text=True, timeout=TIMEOUT, cwd=str(tmp_path), env=console_env,
    )
    out = clean(proc.stdout)
    assert proc.returncode == 0, out + proc.stderr
    assert not kernels_using(console_env["JUPYTER_RUNTIME_DIR"]), "the console left its kernel running"
    assert "Out[2]: 5" in out, out
    assert "piped 42" in out, out
    assert "error" not in out.lower(), out


def test_multiline_function_uses_is_complete(tmp_path, console_env):
    pexpect = pytest.importorskip("pexpect")
    env = dict(console_env, TERM="dumb")
    child = pexpect.spawn(CONSOLE[0], CONSOLE[1:], env=env, encoding="utf-8",
                          timeout=TIMEOUT, dimensions=(40, 200), cwd=str(tmp_path))
    transcript = []
    child.logfile_read = _Collect(transcript)
    try:
        child.expect(r"In \[1\]")
        # Typed one line at a time: the console asks the kernel after each
        # Enter whether the cell is complete, and sends it only after "}".
        for line in ("func mul(a, b int) int {", "return a * b", "}"):
            child.send(line + "\r")
        child.expect(r"In \[2\]")
        child.send("mul(6, 7)\r")
        child.expect(r"In \[3\]")
        result = clean(child.before)
        assert "Out[2]: 42" in result, "the console showed:\n" + clean("".join(transcript))
        _quit(child, pexpect)
    except (pexpect.TIMEOUT, pexpect.EOF) as e:
        raise AssertionError(f"{type(e).__name__}; the console showed:\n" + clean("".join(transcript))) from None
    finally:
        child.close(force=True)
    assert not kernels_using(env["JUPYTER_RUNTIME_DIR"]), "the console left its kernel running"
    out = clean("".join(transcript))
    # Three lines became one cell: In [1] defined mul, so the call is In [2]
    # and no line was run (and rejected) on its own.
    assert "undefined" not in out and "expected" not in out, out
    assert "In [4]" not in out, out


def _quit(child, pexpect):
    """End the console with Ctrl-D, so that it shuts its kernel down. A
    Ctrl-D that arrives while the terminal is still in cooked mode (before
    the prompt reads keys) is swallowed by the tty, so it is resent."""
    for _ in range(20):
        child.sendcontrol("d")
        i = child.expect([pexpect.EOF, r"\(\[y\]/n\)\? ", pexpect.TIMEOUT], timeout=3)
        if i == 0:
            return
        if i == 1:
            child.send("y\r")
            child.expect(pexpect.EOF)
            return
    raise AssertionError("jupyter console did not exit on Ctrl-D")


class _Collect:
    def __init__(self, sink):
        self.sink = sink

    def write(self, s):
        self.sink.append(s)

    def flush(self):
        pass
