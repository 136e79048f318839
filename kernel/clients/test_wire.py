"""Raw ZeroMQ against the kernel's ports: malformed, unsigned and forged
messages are dropped, never executed, and the kernel keeps answering
properly signed requests."""

import hashlib
import hmac
import json
import os
import queue
import socket
import struct
import time
import uuid

import pytest
import zmq
from jupyter_client.session import Session

from gocell_client import (TIMEOUT, Result, collect_iopub, execute, get_reply, kernel, run_ok, start_kernel,
                           stop_kernel)

DELIM = b"<IDS|MSG>"


class Wire:
    def __init__(self, km, kc):
        self.km, self.kc = km, kc
        self.info = km.get_connection_info()
        key = self.info["key"]
        self.key = key if isinstance(key, bytes) else key.encode()
        assert self.key, "the connection file has no key: signatures would not be checked"
        self.session = Session(key=self.key, signature_scheme=self.info["signature_scheme"])
        self.ctx = zmq.Context()
        self.sockets = []

    def endpoint(self, channel):
        port = self.info[f"{channel}_port"]
        if self.info["transport"] == "ipc":
            return f"ipc://{self.info['ip']}-{port}"
        return f"tcp://{self.info['ip']}:{port}"

    def socket(self, channel, kind=zmq.DEALER):
        s = self.ctx.socket(kind)
        s.setsockopt(zmq.LINGER, 0)
        s.connect(self.endpoint(channel))
        self.sockets.append(s)
        return s

    def close(self):
        for s in self.sockets:
            s.close(0)
        self.ctx.term()

    def sign(self, frames):
        h = hmac.new(self.key, digestmod=hashlib.sha256)
        for f in frames:
            h.update(f)
        return h.hexdigest().encode()

    def signed(self, header, parent=b"{}", metadata=b"{}", content=b"{}"):
        """Frames of a message signed correctly over exactly these bytes."""
        parts = [header, parent, metadata, content]
        return [DELIM, self.sign(parts)] + parts

    def header(self, msg_type):
        return json.dumps({
            "msg_id": uuid.uuid4().hex, "session": self.session.session, "username": "test",
            "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type, "version": "5.4",
        }).encode()

    def recv(self, sock, timeout=TIMEOUT):
        """One message from sock, its signature verified, or None on timeout."""
        if not sock.poll(timeout * 1000):
            return None
        frames = sock.recv_multipart()
        _, msg_list = self.session.feed_identities(frames, copy=True)
        return self.session.deserialize(msg_list, content=True, copy=True)  # raises on a bad signature

    def kernel_info(self, sock, timeout=TIMEOUT):
        """Send a signed kernel_info_request; return the messages received
        before its reply, and the reply."""
        msg = self.session.msg("kernel_info_request", {})
        self.session.send(sock, msg)
        before = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            got = self.recv(sock, max(0.1, deadline - time.monotonic()))
            if got is None:
                break
            if got["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                return before, got
            before.append(got)
        raise AssertionError(f"no kernel_info_reply within {timeout} s (got {[m['msg_type'] for m in before]})")


@pytest.fixture(scope="module")
def wire():
    km, kc = start_kernel()
    w = Wire(km, kc)
    try:
        yield w
    finally:
        w.close()
        stop_kernel(km, kc)


def assert_still_serving(wire, sock):
    before, reply = wire.kernel_info(sock)
    assert reply["msg_type"] == "kernel_info_reply"
    assert reply["content"]["status"] == "ok"
    assert wire.km.is_alive()
    return before


def go_string(s):
    return json.dumps(s)  # a JSON string of ASCII/escapes is a valid Go string literal


def execute_content(code):
    return json.dumps({"code": code, "silent": False, "store_history": True, "user_expressions": {},
                       "allow_stdin": False, "stop_on_error": False}).encode()


def marker_code(path, var):
    return f'import "os"\nos.WriteFile({go_string(path)}, []byte("ran"), 0o644)\n{var} := 1'


def assert_not_executed(wire, path, var):
    assert not os.path.exists(path), "a message the kernel should have dropped was executed"
    r = execute(wire.kc, var)
    assert r.status == "error" and var in r.content["evalue"], repr(r)


def test_signed_execute_runs(wire, tmp_path):
    """The positive control for the checks below: a correctly signed
    execute_request built by hand does run its code."""
    path = str(tmp_path / "signed")
    sock = wire.socket("shell")
    frames = wire.signed(wire.header("execute_request"), content=execute_content(marker_code(path, "signedVar")))
    sock.send_multipart(frames)
    before = assert_still_serving(wire, sock)
    assert [m["msg_type"] for m in before] == ["execute_reply"]
    assert before[0]["content"]["status"] == "ok", before[0]["content"]
    assert os.path.exists(path)


@pytest.mark.parametrize("signature", [
    pytest.param(b"0" * 64, id="wrong-hex"),
    pytest.param(b"", id="empty"),
    pytest.param(b"not hex at all", id="not-hex"),
    pytest.param(None, id="other-key"),
])
def test_forged_execute_is_dropped(wire, tmp_path, signature):
    path = str(tmp_path / "forged")
    var = "forged" + uuid.uuid4().hex[:8]
    parts = [wire.header("execute_request"), b"{}", b"{}", execute_content(marker_code(path, var))]
    if signature is None:
        h = hmac.new(b"not the key", digestmod=hashlib.sha256)
        for p in parts:
            h.update(p)
        signature = h.hexdigest().encode()
    sock = wire.socket("shell")
    sock.send_multipart([DELIM, signature] + parts)
    before = assert_still_serving(wire, sock)
    assert before == [], [m["msg_type"] for m in before]
    assert_not_executed(wire, path, var)


def test_tampered_content_is_dropped(wire, tmp_path):
    """Signed for one code, sent with another: the signature no longer matches."""
    path = str(tmp_path / "tampered")
    frames = wire.signed(wire.header("execute_request"), content=execute_content("1 + 1"))
    frames[-1] = execute_content(marker_code(path, "tamperedVar"))
    sock = wire.socket("shell")
    sock.send_multipart(frames)
    assert assert_still_serving(wire, sock) == []
    assert_not_executed(wire, path, "tamperedVar")


def test_forged_shutdown_on_control_is_dropped(wire):
    sock = wire.socket("control")
    parts = [wire.header("shutdown_request"), b"{}", b"{}", b'{"restart": false}']
    sock.send_multipart([DELIM, b"f" * 64] + parts)
    assert assert_still_serving(wire, sock) == []
    assert wire.km.is_alive()


@pytest.mark.parametrize("channel", ["shell", "control"])
def test_missing_delimiter(wire, channel):
    sock = wire.socket(channel)
    frames = wire.signed(wire.header("kernel_info_request"))
    sock.send_multipart(frames[1:])  # no <IDS|MSG>
    assert assert_still_serving(wire, sock) == []


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5])
def test_too_few_frames(wire, count):
    sock = wire.socket("shell")
    frames = wire.signed(wire.header("kernel_info_request"))[:count]
    sock.send_multipart(frames)
    assert assert_still_serving(wire, sock) == []


@pytest.mark.parametrize("header", [b"{not json", b"", b"[]", b'"a string"', b"null", b'{"msg_type": 7}'])
def test_invalid_header(wire, header):
    sock = wire.socket("shell")
    sock.send_multipart(wire.signed(header))
    assert assert_still_serving(wire, sock) == []


@pytest.mark.parametrize("content", [b'["code", "x := 1"]', b'"x := 1"', b"null", b"42", b"{broken"])
def test_content_not_an_object(wire, tmp_path, content):
    sock = wire.socket("shell")
    sock.send_multipart(wire.signed(wire.header("execute_request"), content=content))
    before = assert_still_serving(wire, sock)
    # Dropping the request or answering it with an error are both fine;
    # running something is not.
    for m in before:
        assert m["msg_type"] == "execute_reply"
        assert m["content"]["status"] == "error", m["content"]


@pytest.mark.parametrize("frame", ["parent", "metadata"])
def test_parent_or_metadata_not_an_object(wire, tmp_path, frame):
    path = str(tmp_path / frame)
    var = "odd" + frame.capitalize()
    kw = {frame: b"[1, 2]", "content": execute_content(marker_code(path, var))}
    sock = wire.socket("shell")
    sock.send_multipart(wire.signed(wire.header("execute_request"), **kw))
    before = assert_still_serving(wire, sock)
    # Either dropped, or run and answered: never an unanswered request.
    if os.path.exists(path):
        assert [m["msg_type"] for m in before] == ["execute_reply"]
    else:
        assert before == [] or all(m["content"]["status"] == "error" for m in before)


def test_unknown_msg_type_is_ignored(wire):
    sock = wire.socket("shell")
    sock.send_multipart(wire.signed(wire.header("gocell_no_such_request")))
    assert assert_still_serving(wire, sock) == []


def test_huge_garbage_frame(wire):
    sock = wire.socket("shell")
    sock.send(os.urandom(5 << 20))
    assert assert_still_serving(wire, sock) == []


def test_huge_garbage_message(wire):
    sock = wire.socket("shell")
    garbage = os.urandom(4 << 20)
    sock.send_multipart([DELIM, b"0" * 64, garbage, b"{}", b"{}", garbage])
    assert assert_still_serving(wire, sock) == []


def test_signed_message_with_large_buffer_is_answered(wire):
    """Buffers after the content frame are part of the protocol."""
    sock = wire.socket("shell")
    msg_frames = wire.signed(wire.header("kernel_info_request"))
    sock.send_multipart(msg_frames + [os.urandom(3 << 20)])
    msgs = []
    while True:
        got = wire.recv(sock)
        assert got is not None, "no reply to a kernel_info_request carrying a buffer"
        msgs.append(got)
        if got["msg_type"] == "kernel_info_reply":
            break
    assert msgs[-1]["content"]["status"] == "ok"


def test_replies_go_to_the_right_client(wire):
    a, b = wire.socket("shell"), wire.socket("shell")
    ma = wire.session.msg("kernel_info_request", {})
    mb = wire.session.msg("kernel_info_request", {})
    wire.session.send(a, ma)
    wire.session.send(b, mb)
    ra, rb = wire.recv(a), wire.recv(b)
    assert ra is not None and rb is not None
    assert ra["parent_header"]["msg_id"] == ma["header"]["msg_id"]
    assert rb["parent_header"]["msg_id"] == mb["header"]["msg_id"]
    assert wire.recv(a, timeout=0.3) is None
    assert wire.recv(b, timeout=0.3) is None


def test_reply_headers(wire):
    sock = wire.socket("shell")
    msg = wire.session.msg("kernel_info_request", {})
    wire.session.send(sock, msg)
    frames = None
    assert sock.poll(TIMEOUT * 1000)
    frames = sock.recv_multipart()
    i = frames.index(DELIM)
    sig, header, parent, metadata, content = frames[i + 1:i + 6]
    assert sig == wire.sign([header, parent, metadata, content])
    h = json.loads(header)
    assert h["msg_type"] == "kernel_info_reply"
    assert h["version"].startswith("5.")
    assert h["session"] != msg["header"]["session"]  # the kernel's own session
    assert h["date"]
    assert json.loads(parent)["msg_id"] == msg["header"]["msg_id"]
    assert json.loads(metadata) == {} or isinstance(json.loads(metadata), dict)
    assert isinstance(json.loads(content), dict)


def test_heartbeat_echoes(wire):
    sock = wire.socket("hb", zmq.REQ)
    for payload in (b"ping", os.urandom(1000)):
        sock.send(payload)
        assert sock.poll(TIMEOUT * 1000), "no heartbeat echo"
        assert sock.recv() == payload


def test_kernel_survives_everything_in_one_burst(wire, tmp_path):
    """All the bad messages back to back on one connection, then a good one."""
    sock = wire.socket("shell")
    path = str(tmp_path / "burst")
    good = wire.signed(wire.header("execute_request"), content=execute_content(marker_code(path, "burstVar")))
    sock.send_multipart([DELIM, b"0" * 64] + good[2:])
    sock.send_multipart(good[1:])
    sock.send_multipart(good[:3])
    sock.send_multipart(wire.signed(b"{not json"))
    sock.send_multipart(wire.signed(wire.header("execute_request"), content=b"[]"))
    sock.send_multipart(wire.signed(wire.header("gocell_no_such_request")))
    sock.send(os.urandom(2 << 20))
    before = assert_still_serving(wire, sock)
    assert all(m["msg_type"] == "execute_reply" and m["content"]["status"] == "error" for m in before), before
    assert_not_executed(wire, path, "burstVar")


# ------------------------------------------- go-zeromq/zmq4 pitfalls (protocol.md)


def answers(km, kc, timeout=TIMEOUT):
    """Whether the kernel answers a kernel_info_request within timeout;
    False at once if its process has exited."""
    msg_id = kc.kernel_info()
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if not km.is_alive():
            return False
        try:
            msg = kc.get_shell_msg(timeout=0.5)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") == msg_id:
            return True
    return False


def tcp_address(info, channel):
    if info["transport"] != "tcp":
        pytest.skip("needs the tcp transport")
    return info["ip"], info[f"{channel}_port"]



PEER_TYPE = {"shell": b"DEALER", "control": b"DEALER", "stdin": b"DEALER", "iopub": b"SUB", "hb": b"REQ"}
CHANNELS = list(PEER_TYPE)


def zmtp_handshake(s, socket_type):
    """Greet and send READY by hand, as a ZMTP 3.0 client with NULL security."""
    s.sendall(b"\xff" + b"\x00" * 8 + b"\x7f" + b"\x03\x00" + b"NULL".ljust(20, b"\x00") + b"\x00" * 32)

    def prop(name, value):
        return bytes([len(name)]) + name + struct.pack(">I", len(value)) + value

    ready = b"\x05READY" + prop(b"Socket-Type", socket_type) + prop(b"Identity", b"")
    s.sendall(bytes([0x04, len(ready)]) + ready)


def wait_closed(s, timeout=20):
    """Read until the kernel closes s; False if it is still open after timeout."""
    s.settimeout(timeout)
    try:
        while s.recv(65536):
            pass
    except socket.timeout:
        return False
    except ConnectionError:
        pass
    return True


def test_idle_tcp_connection_does_not_block_new_clients():
    with kernel() as (km, kc):
        w = Wire(km, kc)
        idle = socket.create_connection(tcp_address(w.info, "shell"))
        try:
            sock = w.socket("shell")
            msg = w.session.msg("kernel_info_request", {})
            w.session.send(sock, msg)
            reply = w.recv(sock, timeout=20)
            assert reply is not None, "a new client got no reply while an idle TCP connection was open"
            assert reply["parent_header"]["msg_id"] == msg["header"]["msg_id"]
        finally:
            idle.close()
            w.close()


def test_silent_connections_on_every_port_do_not_lock_out_a_reconnecting_front_end(wire):
    """A front end that reconnects (a new client on all five ports) while
    silent TCP connections are held open on each of them runs cells as usual."""
    silent = [socket.create_connection(tcp_address(wire.info, ch)) for ch in CHANNELS for _ in range(3)]
    try:
        kc = wire.km.client()
        kc.start_channels()
        try:
            kc.wait_for_ready(timeout=TIMEOUT)
            r = execute(kc, 'import "fmt"\nfmt.Println("through", 6*7)')
            assert r.status == "ok", r
            assert r.stdout == "through 42\n"
        finally:
            kc.stop_channels()
        # The kernel drops connections that never greet, after a deadline.
        assert all(wait_closed(s, timeout=TIMEOUT) for s in silent), "a silent connection was never dropped"
    finally:
        for s in silent:
            s.close()
    assert answers(wire.km, wire.kc)


@pytest.mark.parametrize("size", [1 << 62, 1 << 40, (64 << 20) + 1], ids=["2^62", "2^40", "64MiB+1"])
@pytest.mark.parametrize("channel", CHANNELS)
def test_oversized_frame_header_closes_only_that_connection(wire, channel, size):
    """After the greeting, 9 bytes announcing a huge frame: zmq4 alone
    panics (2^62) or runs out of memory (2^40). The kernel closes that
    connection before allocating anything and keeps serving; no key needed."""
    s = socket.create_connection(tcp_address(wire.info, channel))
    try:
        zmtp_handshake(s, PEER_TYPE[channel])
        s.sendall(b"\x02" + struct.pack(">Q", size))
        assert wait_closed(s), "the kernel kept the connection open after an oversized frame header"
    finally:
        s.close()
    assert answers(wire.km, wire.kc), "the kernel died or stopped answering"
    # The port itself still works.
    if channel in ("shell", "control"):
        assert_still_serving(wire, wire.socket(channel))
    if channel == "hb":
        hb = wire.socket("hb", zmq.REQ)
        hb.send(b"alive?")
        assert hb.poll(TIMEOUT * 1000) and hb.recv() == b"alive?"


def test_malformed_ready_does_not_kill_kernel(wire):
    """A READY command whose metadata is cut short (zmq4 alone indexes past it)."""
    s = socket.create_connection(tcp_address(wire.info, "shell"))
    try:
        s.sendall(b"\xff" + b"\x00" * 8 + b"\x7f" + b"\x03\x00" + b"NULL".ljust(20, b"\x00") + b"\x00" * 32)
        body = b"\x05READY\x0bSocket-Type"
        s.sendall(bytes([0x04, len(body)]) + body)
        assert wait_closed(s)
    finally:
        s.close()
    assert answers(wire.km, wire.kc)


def test_huge_announced_frame_length_does_not_kill_kernel():
    with kernel() as (km, kc):
        s = socket.create_connection(tcp_address(km.get_connection_info(), "shell"))
        try:
            zmtp_handshake(s, b"DEALER")
            s.sendall(b"\x02" + struct.pack(">Q", 1 << 62))  # a long frame of 2**62 bytes
            # Wait until the kernel has dealt with the header: it closes the
            # connection (or dies). A kernel that waits for the announced
            # bytes instead is checked after the wait.
            wait_closed(s, timeout=10)
            assert answers(km, kc), "the kernel died or stopped answering"
        finally:
            s.close()


def vm_kb(pid, field):
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/{pid}/status")


def test_subscriber_that_never_reads_stalls_no_one():
    """A SUB that subscribes and then never reads, while another client runs
    a cell printing ~120 MB: the other client gets every line, and the
    kernel's memory stays bounded (zmq4 alone stalls IOPub and grows)."""
    with kernel() as (km, kc):
        w = Wire(km, kc)
        pid = km.provisioner.process.pid
        stuck = w.socket("iopub", zmq.SUB)
        stuck.setsockopt(zmq.RCVHWM, 1)  # libzmq stops reading the socket at once
        stuck.setsockopt(zmq.SUBSCRIBE, b"")
        raw = socket.create_connection(tcp_address(w.info, "iopub"))
        try:
            zmtp_handshake(raw, b"SUB")
            raw.sendall(b"\x00\x01\x01")  # subscribe to everything, then never read
            run_ok(kc, 'import "fmt"\nimport "strings"\nline := strings.Repeat("x", 999)\nfmt.Sprint(line[:1])')
            base = vm_kb(pid, "VmRSS")
            lines = 120_000
            # Read IOPub while the cell runs, as front ends do: output goes
            # at the pace of the clients that read.
            msg_id = kc.execute(f"for i := 0; i < {lines}; i++ {{ fmt.Println(i, line) }}")
            iopub = collect_iopub(kc, msg_id, timeout=300)
            r = Result(msg_id, get_reply(kc, msg_id), iopub)
            assert r.status == "ok", r
            out = r.stdout.splitlines()
            assert len(out) == lines, f"got {len(out)} of {lines} lines"
            assert out[0].startswith("0 x") and out[-1].startswith(f"{lines - 1} x")
            peak = vm_kb(pid, "VmHWM")
            # 120 MB went out; each stalled subscriber may hold a bounded
            # queue (8 MiB) until it is dropped, besides what any kernel needs.
            assert peak - base < 150_000, f"kernel RSS went from {base} kB to a peak of {peak} kB"
            assert wait_closed(raw, timeout=TIMEOUT), "the subscriber that never reads was not disconnected"
            assert answers(km, kc)
        finally:
            raw.close()
            w.close()


def test_replayed_execute_request_runs_once(wire, tmp_path):
    """The same validly signed execute_request sent twice (on two sockets):
    the second is a replay and is dropped, as jupyter_client and ipykernel do."""
    path = str(tmp_path / "count")
    code = (f'import "os"\nf, _ := os.OpenFile({go_string(path)}, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o644)\n'
            'f.WriteString("ran\\n")\nf.Close()')
    frames = wire.signed(wire.header("execute_request"), content=execute_content(code))
    a, b = wire.socket("shell"), wire.socket("shell")
    a.send_multipart(frames)
    before = assert_still_serving(wire, a)
    assert [m["msg_type"] for m in before] == ["execute_reply"]
    b.send_multipart(frames)
    a.send_multipart(frames)
    assert assert_still_serving(wire, b) == []
    assert assert_still_serving(wire, a) == []
    with open(path) as f:
        assert f.read() == "ran\n", "a replayed execute_request ran again"
    # A fresh request with the same code is not a replay.
    a.send_multipart(wire.signed(wire.header("execute_request"), content=execute_content(code)))
    assert [m["msg_type"] for m in assert_still_serving(wire, a)] == ["execute_reply"]
    with open(path) as f:
        assert f.read() == "ran\nran\n"
