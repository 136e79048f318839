"""Helpers shared by the real-client tests: start a gocell kernel with
jupyter_client and run cells, collecting every IOPub message of a request.

Every wait has a generous timeout; nothing here measures time.
"""

import contextlib
import queue
import time

from jupyter_client.manager import start_new_kernel

# Generous: these machines are shared and noisy. A test fails on a timeout
# only when the kernel never answers.
TIMEOUT = 60
STARTUP_TIMEOUT = 120


def start_kernel():
    """Start a gocell kernel; returns (KernelManager, BlockingKernelClient)."""
    km, kc = start_new_kernel(kernel_name="gocell", startup_timeout=STARTUP_TIMEOUT)
    return km, kc


def stop_kernel(km, kc):
    with contextlib.suppress(Exception):
        kc.stop_channels()
    with contextlib.suppress(Exception):
        km.shutdown_kernel(now=not km.is_alive())
    with contextlib.suppress(Exception):
        if km.is_alive():
            km.shutdown_kernel(now=True)


@contextlib.contextmanager
def kernel():
    km, kc = start_kernel()
    try:
        yield km, kc
    finally:
        stop_kernel(km, kc)


class Result:
    """The reply to one request and the IOPub messages it caused."""

    def __init__(self, msg_id, reply, iopub):
        self.msg_id = msg_id
        self.reply = reply  # full message
        self.iopub = iopub  # full messages, in arrival order, busy..idle

    @property
    def content(self):
        return self.reply["content"]

    @property
    def status(self):
        return self.content["status"]

    def of_type(self, *types):
        return [m for m in self.iopub if m["msg_type"] in types]

    @property
    def outputs(self):
        """IOPub messages other than status and execute_input."""
        return [m for m in self.iopub if m["msg_type"] not in ("status", "execute_input")]

    def stream(self, name):
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    @property
    def stdout(self):
        return self.stream("stdout")

    @property
    def stderr(self):
        return self.stream("stderr")

    @property
    def results(self):
        return [m["content"] for m in self.of_type("execute_result")]

    @property
    def errors(self):
        return [m["content"] for m in self.of_type("error")]

    def __repr__(self):
        lines = [f"reply: {self.content!r}"]
        for m in self.iopub:
            lines.append(f"  {m['msg_type']}: {m['content']!r}"[:2000])
        return "\n".join(lines)


def get_reply(kc, msg_id, timeout=TIMEOUT, channel="shell"):
    """The reply whose parent is msg_id; other replies are skipped."""
    deadline = time.monotonic() + timeout
    get = kc.get_shell_msg if channel == "shell" else kc.get_control_msg
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no {channel} reply to {msg_id} within {timeout} s")
        try:
            msg = get(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return msg


def collect_iopub(kc, msg_id, timeout=TIMEOUT):
    """IOPub messages whose parent is msg_id, up to and including its idle."""
    deadline = time.monotonic() + timeout
    msgs = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(
                f"no idle status for {msg_id} within {timeout} s; got: "
                + ", ".join(m["msg_type"] for m in msgs)
            )
        try:
            msg = kc.get_iopub_msg(timeout=left)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        msgs.append(msg)
        if msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
            return msgs


def wait_result(kc, msg_id, timeout=TIMEOUT):
    reply = get_reply(kc, msg_id, timeout)
    iopub = collect_iopub(kc, msg_id, timeout)
    return Result(msg_id, reply, iopub)


def execute(kc, code, timeout=TIMEOUT, **kwargs):
    """Run one cell and return its Result."""
    msg_id = kc.execute(code, **kwargs)
    return wait_result(kc, msg_id, timeout)


def run_ok(kc, code, timeout=TIMEOUT, **kwargs):
    """Run one cell that must succeed."""
    r = execute(kc, code, timeout, **kwargs)
    assert r.status == "ok", f"cell failed:\n{code}\n{r!r}"
    return r


def result_text(r):
    """The text/plain of a cell's only execute_result."""
    assert len(r.results) == 1, f"expected one execute_result:\n{r!r}"
    return r.results[0]["data"]["text/plain"]


def drain(channel_get, quiet=0.2):
    """Read and discard messages until the channel is quiet for `quiet` s."""
    while True:
        try:
            channel_get(timeout=quiet)
        except queue.Empty:
            return


def kernel_alive_answer(kc, timeout=TIMEOUT):
    """The kernel answers a kernel_info_request on shell."""
    msg_id = kc.kernel_info()
    reply = get_reply(kc, msg_id, timeout)
    return reply["content"]["status"] == "ok"
