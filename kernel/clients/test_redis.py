"""The shared cache tier (//%cache_data persist=redis, caching rule 15)
through real clients: two gocell kernels started with jupyter_client, with
different cache folders (GOCELL_CACHE_DIR) and the same team secret
(GOCELL_CACHE_SECRET), and one real redis-server that the tests start on
127.0.0.1 and a free port (Debian's redis-server; the tests skip, saying
so, only when the binary is missing).

How a test tells where a value came from: a marker file the cached function
appends to (a hit never writes it), the hit/miss/remote-hit counters of
cache.Stats(), and the entries in Redis read with a small client of the
Redis protocol written here. Sleeps appear only where a TTL must pass or a
server must come back.
"""

import os
import re
import shutil
import signal
import socket
import struct
import subprocess
import tempfile
import threading
import time

import pytest

from gocell_client import collect_iopub, get_reply
from test_caching import MARK_FUNC, Kernel, cached_flag, is_spinner, marks, rich

REDIS = shutil.which("redis-server")
pytestmark = pytest.mark.skipif(
    REDIS is None,
    reason="redis-server is not installed (Debian package redis-server, installed by .ci/install-deps); "
    "the shared-cache tests need a real server",
)

SECRET = "a team secret for the shared-cache tests, 48 bytes"


# --------------------------------------------------------------------------
# A redis-server of the test's own, and a minimal client of its protocol


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class RedisServer:
    def __init__(self):
        self.port = free_port()
        self.dir = tempfile.mkdtemp(prefix="gocell-redis-")
        self.proc = None
        self.start()

    @property
    def url(self):
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.proc = subprocess.Popen(
            [REDIS, "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no",
             "--dir", self.dir, "--logfile", os.path.join(self.dir, "redis.log")],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                if self.cmd("PING") == "PONG":
                    return
            except OSError:
                pass
            time.sleep(0.05)
        raise RuntimeError(f"redis-server did not answer on port {self.port}")

    def stop(self):
        """Kill the server, as a crash would; everything in it is lost."""
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None

    def close(self):
        self.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def cmd(self, *args):
        with socket.create_connection(("127.0.0.1", self.port), timeout=10) as s:
            out = b"*%d\r\n" % len(args)
            for a in args:
                a = a if isinstance(a, bytes) else str(a).encode()
                out += b"$%d\r\n%s\r\n" % (len(a), a)
            s.sendall(out)
            return _read_reply(s.makefile("rb"))

    def keys(self, pattern):
        out, cursor = [], "0"
        while True:
            cursor, found = self.cmd("SCAN", cursor, "MATCH", pattern, "COUNT", 1000)
            out += [k.decode() for k in found]
            if cursor in (b"0", "0"):
                return sorted(out)

    def manifests(self, fn):
        return self.keys("*:{%s}:m:*" % fn)


def _read_reply(f):
    line = f.readline()
    if not line:
        raise OSError("connection closed")
    kind, rest = line[:1], line[1:-2]
    if kind == b"+":
        return rest.decode()
    if kind == b"-":
        raise RuntimeError(rest.decode())
    if kind == b":":
        return int(rest)
    if kind == b"$":
        n = int(rest)
        if n < 0:
            return None
        data = f.read(n + 2)
        return data[:-2]
    if kind == b"*":
        n = int(rest)
        return None if n < 0 else [_read_reply(f) for _ in range(n)]
    raise RuntimeError(f"unexpected reply {line!r}")


# XXH64, as the tier uses it for its (non-secret) checksums: an attacker
# with write access to Redis can recompute them, so only the MAC keyed by
# the team secret stands between a rewritten entry and a wrong value.
M64 = (1 << 64) - 1
P1, P2, P3, P4, P5 = (11400714785074694791, 14029467366897019727, 1609587929392839161,
                      9650029242287828579, 2870177450012600261)


def _rotl(x, r):
    return ((x << r) | (x >> (64 - r))) & M64


def _round(acc, lane):
    return (_rotl((acc + lane * P2) & M64, 31) * P1) & M64


def xxh64(data):
    n, i = len(data), 0
    if n >= 32:
        v = [(P1 + P2) & M64, P2, 0, (-P1) & M64]
        while i + 32 <= n:
            for j in range(4):
                v[j] = _round(v[j], struct.unpack_from("<Q", data, i + 8 * j)[0])
            i += 32
        h = (_rotl(v[0], 1) + _rotl(v[1], 7) + _rotl(v[2], 12) + _rotl(v[3], 18)) & M64
        for x in v:
            h = ((h ^ _round(0, x)) * P1 + P4) & M64
    else:
        h = P5
    h = (h + n) & M64
    while i + 8 <= n:
        h = (_rotl(h ^ _round(0, struct.unpack_from("<Q", data, i)[0]), 27) * P1 + P4) & M64
        i += 8
    if i + 4 <= n:
        h = (_rotl(h ^ (struct.unpack_from("<I", data, i)[0] * P1 & M64), 23) * P2 + P3) & M64
        i += 4
    while i < n:
        h = (_rotl(h ^ (data[i] * P5 & M64), 11) * P1) & M64
        i += 1
    h ^= h >> 33
    h = h * P2 & M64
    h ^= h >> 29
    h = h * P3 & M64
    return h ^ (h >> 32)


def test_xxh64_matches_known_values():
    # Published XXH64 test vectors (seed 0).
    assert xxh64(b"") == 0xEF46DB3751D8E999
    assert xxh64(b"a") == 0xD24EC4F1A98C6E5B
    assert xxh64(b"abc") == 0x44BC2CF5AD770999
    assert xxh64(b"Nobody inspects the spammish repetition") == 0xFBCEA83C8A378BF1


def rewrite_inline_entry(server, manifest_key, old, new):
    """Replace the bytes old by new in an inline entry and fix the tier's
    checksums, as someone with write access to Redis but without the
    team secret could."""
    fields = server.cmd("HGETALL", manifest_key)
    h = {fields[i].decode(): fields[i + 1] for i in range(0, len(fields), 2)}
    data = h["d"]
    assert old in data, "the value's bytes are not in the entry"
    data = data.replace(old, new)
    m = re.fullmatch(r"(.*):m:(.*)", manifest_key)
    prefix, member = m.group(1), m.group(2)
    total = xxh64(data)
    check = xxh64(b"\x00".join(x.encode() for x in [
        h["v"].decode(), prefix, member, h["gen"].decode(), str(len(data)), h["n"].decode(),
        h["cs"].decode(), "%016x" % total, h["fence"].decode()]))
    server.cmd("HSET", manifest_key, "d", data, "size", len(data), "sum", "%016x" % total, "ms", "%016x" % check)


# --------------------------------------------------------------------------
# Fixtures


@pytest.fixture
def redis_server():
    s = RedisServer()
    yield s
    s.close()


def team_kernel(tmp_path, name, server, **env):
    return Kernel(tmp_path / name, GOCELL_REDIS_URL=server.url, GOCELL_CACHE_SECRET=SECRET, **env)


@pytest.fixture
def two(tmp_path, redis_server):
    a = team_kernel(tmp_path, "a", redis_server)
    b = team_kernel(tmp_path, "b", redis_server)
    yield a, b, redis_server
    a.stop()
    b.stop()


IMPORTS = 'import (\n\t"errors"\n\t"fmt"\n\t"os"\n\t"time"\n)'


def define(k, code):
    """Declare the marker function and code, with every import they use."""
    k.run(IMPORTS)
    k.run(MARK_FUNC.replace("NAME", "mark") + "\n" + code)


def remote_hits(k, name):
    return k.stats()[name]["RemoteHits"]


LOAD = """
//%cache_data persist=redis
func Load(n int, marker string) []float64 {
	mark(marker, "Load")
	fmt.Println("loading", n)
	display.HTML(fmt.Sprintf("<b>chart of %d</b>", n))
	out := make([]float64, n)
	for i := range out {
		out[i] = float64(i) * 1.5
	}
	return out
}
"""


# --------------------------------------------------------------------------
# Focused tests


def test_cross_kernel_hit_replays_outputs(two, tmp_path):
    a, b, server = two
    marker = str(tmp_path / "marks")
    for k in (a, b):
        k.run('import (\n\t"fmt"\n\t"os"\n)')
        define(k, LOAD)
    call = f'x := Load(4, "{marker}")\nfmt.Println("sum", x[1]+x[2]+x[3])'
    r = a.miss("Load", call)
    assert "loading 4" in r.stdout and "sum 9" in r.stdout
    assert len(server.manifests("Load")) == 1, "the entry was not written to Redis"

    r = b.hit("Load", call)
    assert marks(marker) == 1, "the second kernel computed instead of hitting Redis"
    assert "sum 9" in r.stdout
    assert "loading" not in r.stdout, "printed text is the computation's log, not replayed"
    shown = rich(r)
    assert len(shown) == 1 and "<b>chart of 4</b>" in shown[0]["content"]["data"]["text/html"], r
    assert cached_flag(shown[0]) is True
    assert remote_hits(b, "Load") == 1

    # %cache stats shows the tier and the remote hit.
    r = b.run("%cache stats")
    table = rich(r)[0]["content"]["data"]["text/plain"]
    row = [l for l in table.splitlines() if l.startswith("Load")][0]
    assert "redis" in row, table
    header = table.splitlines()[0]
    assert "tier" in header and "remote hits" in header, table

    # Other arguments miss in both; the first kernel then hits the second's.
    b.miss("Load", f'Load(5, "{marker}")')
    a.hit("Load", f'Load(5, "{marker}")')
    assert marks(marker) == 2


def test_concurrent_callers_compute_once(two, tmp_path):
    a, b, server = two
    marker = str(tmp_path / "marks")
    slow = """
//%cache_data persist=redis
func Slow(n int, marker string) int {
	mark(marker, "Slow")
	time.Sleep(2 * time.Second)
	display.Markdown(fmt.Sprintf("**computed %d**", n))
	return n * 10
}
"""
    for k in (a, b):
        k.run('import (\n\t"fmt"\n\t"os"\n\t"time"\n)')
        define(k, slow)
    code = f'fmt.Println("got", Slow(7, "{marker}"))'
    ids = [(k, k.kc.execute(code)) for k in (a, b)]
    for k, msg_id in ids:
        reply = get_reply(k.kc, msg_id)
        assert reply["content"]["status"] == "ok", reply
        iopub = collect_iopub(k.kc, msg_id)
        out = "".join(m["content"]["text"] for m in iopub if m["msg_type"] == "stream")
        assert "got 70" in out, iopub
        md = []
        for m in iopub:  # what the cell shows in the end (a spinner is retracted by clear + resend)
            if m["msg_type"] == "clear_output":
                md = []
            elif m["msg_type"] == "display_data" and not is_spinner(m):
                md.append(m)
        assert len(md) == 1 and "computed 7" in md[0]["content"]["data"]["text/markdown"], "\n".join(
            repr((m["msg_type"], m["content"])) for m in iopub)
    assert marks(marker) == 1, "two kernels computed the same key"
    assert sorted([remote_hits(a, "Slow"), remote_hits(b, "Slow")]) == [0, 1]


def test_dead_kernel_does_not_block_beyond_the_lock_expiry(tmp_path, redis_server):
    a = team_kernel(tmp_path, "a", redis_server)
    b = team_kernel(tmp_path, "b", redis_server)
    marker = str(tmp_path / "marks")
    try:
        # _wait is left out of the key: both kernels compute the same key,
        # the first one forever, the second one at once.
        hang = """
//%cache_data persist=redis
func Hang(marker string, _wait time.Duration) int {
	mark(marker, "Hang")
	time.Sleep(_wait)
	return 1
}
"""
        for k in (a, b):
            k.run('import (\n\t"fmt"\n\t"os"\n\t"time"\n)')
            define(k, hang)
        a.kc.execute(f'Hang("{marker}", 10*time.Minute)')
        deadline = time.monotonic() + 60
        while marks(marker) == 0 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert marks(marker) == 1, "the first kernel never started computing"
        assert redis_server.keys("*:{Hang}:l:*"), "no compute lock in Redis while computing"
        a.km.signal_kernel(signal.SIGKILL)  # dies holding the lock; its executor goes with it
        # The second kernel waits for the lock to expire (10 s), then computes.
        r = b.run(f'fmt.Println("got", Hang("{marker}", 0))', timeout=120)
        assert "got 1" in r.stdout
        assert marks(marker) == 2, "the second kernel never computed after the first died"
        assert redis_server.manifests("Hang"), "the second kernel's result was not shared"
    finally:
        a.stop()
        b.stop()


def test_hand_rewritten_entry_is_refused(two, tmp_path):
    a, b, server = two
    marker = str(tmp_path / "marks")
    code = """
//%cache_data persist=redis
func Price(marker string) []float64 {
	mark(marker, "Price")
	return []float64{42, 43}
}
"""
    for k in (a, b):
        k.run('import "os"')
        define(k, code)
    a.miss("Price", f'Price("{marker}")')
    [key] = server.manifests("Price")
    # Rewritten with every non-secret checksum fixed: only the MAC tells.
    rewrite_inline_entry(server, key, struct.pack("<d", 42.0), struct.pack("<d", 666.0))
    r = b.miss("Price", f'Price("{marker}")[0]')
    assert r.results[0]["data"]["text/plain"] == "42", r
    assert "refusing the shared cache entry" in r.stderr and "not authenticated" in r.stderr, r.stderr
    assert marks(marker) == 2
    # The refused entry was replaced by the good one: a third look hits.
    c_dir = tmp_path / "c"
    c = Kernel(c_dir, GOCELL_REDIS_URL=server.url, GOCELL_CACHE_SECRET=SECRET)
    try:
        c.run('import "os"')
        define(c, code)
        r = c.hit("Price", f'Price("{marker}")[0]')
        assert r.results[0]["data"]["text/plain"] == "42"
    finally:
        c.stop()

    # A crude edit that leaves the checksums wrong is refused by the tier.
    [key] = server.manifests("Price")
    server.cmd("HSET", key, "d", b"garbage")
    a.run("%cache clear Price")
    r = a.miss("Price", f'Price("{marker}")[0]')
    assert r.results[0]["data"]["text/plain"] == "42"
    assert "refused" in r.stderr, r.stderr
    assert marks(marker) == 3

    # A kernel holding another secret never sees the team's entries.
    other = Kernel(tmp_path / "other", GOCELL_REDIS_URL=server.url, GOCELL_CACHE_SECRET="another team's secret, also long enough")
    try:
        other.run('import "os"')
        define(other, code)
        r = other.miss("Price", f'Price("{marker}")[0]')
        assert "refus" not in r.stderr, r.stderr
    finally:
        other.stop()


def test_redis_stopped_mid_session_then_restarted(two, tmp_path):
    a, b, server = two
    marker = str(tmp_path / "marks")
    code = """
//%cache_data persist=redis
func Sq(n int, marker string) int {
	mark(marker, "Sq")
	return n * n
}
"""
    for k in (a, b):
        k.run('import "os"')
        define(k, code)
    a.miss("Sq", f'Sq(1, "{marker}")')
    server.stop()
    # Down: calls compute here, one warning for the notebook, and go on.
    warnings = []
    for n in (2, 3, 4):
        start = time.monotonic()
        r = a.miss("Sq", f'Sq({n}, "{marker}")')
        # Not a speed test: a call must not hang on a dead server.
        assert time.monotonic() - start < 30
        assert r.results[0]["data"]["text/plain"] == str(n * n)
        warnings.append(r.stderr)
    assert "gocell cache: shared cache (Redis at" in warnings[0], warnings
    assert sum(w.count("gocell cache: shared cache") for w in warnings) == 1, warnings
    a.hit("Sq", f'Sq(1, "{marker}")')  # memory still serves
    assert a.stats()["Sq"]["RemoteDown"] is True
    st = a.run("%cache stats")
    assert "unreachable" in rich(st)[0]["content"]["data"]["text/plain"]

    # Restarted (empty): once the tier retries, entries are shared again.
    server.start()
    deadline = time.monotonic() + 60
    n = 10
    back = ""
    while time.monotonic() < deadline:
        n += 1
        r = a.miss("Sq", f'Sq({n}, "{marker}")')
        back += r.stderr
        if server.manifests("Sq"):
            break
        time.sleep(0.5)
    assert server.manifests("Sq"), "nothing was written after Redis came back"
    assert "available again" in back, back
    b.hit("Sq", f'Sq({n}, "{marker}")')
    assert remote_hits(b, "Sq") == 1


def test_value_over_the_size_bound_stays_local(tmp_path, redis_server):
    env = {"GOCELL_REDIS_MAX_ENTRY": "64KiB"}
    a = team_kernel(tmp_path, "a", redis_server, **env)
    b = team_kernel(tmp_path, "b", redis_server, **env)
    marker = str(tmp_path / "marks")
    try:
        code = """
//%cache_data persist=redis
func Big(n int, marker string) []float64 {
	mark(marker, "Big")
	return make([]float64, n)
}
"""
        for k in (a, b):
            k.run('import "os"')
            define(k, code)
        r = a.miss("Big", f'len(Big(100000, "{marker}"))')
        assert "kept in this kernel only" in r.stderr and "GOCELL_REDIS_MAX_ENTRY" in r.stderr, r.stderr
        assert not redis_server.manifests("Big")
        b.miss("Big", f'len(Big(100000, "{marker}"))')
        assert marks(marker) == 2
        a.hit("Big", f'len(Big(100000, "{marker}"))')
        # A small value of the same function is shared.
        a.miss("Big", f'len(Big(10, "{marker}"))')
        b.hit("Big", f'len(Big(10, "{marker}"))')
        assert marks(marker) == 3
    finally:
        a.stop()
        b.stop()


def test_ttl_becomes_redis_expiry(two, tmp_path):
    a, b, server = two
    marker = str(tmp_path / "marks")
    code = """
//%cache_data persist=redis ttl=4s
func Quote(marker string) string {
	mark(marker, "Quote")
	return "fresh"
}
"""
    for k in (a, b):
        k.run('import "os"')
        define(k, code)
    a.miss("Quote", f'Quote("{marker}")')
    [key] = server.manifests("Quote")
    ttl = server.cmd("PTTL", key)
    assert 0 < ttl <= 4000, ttl
    time.sleep(4.5)  # the TTL must pass
    assert not server.manifests("Quote"), "Redis kept an expired entry"
    b.miss("Quote", f'Quote("{marker}")')
    assert marks(marker) == 2
    # Expired in a's memory too; b's fresh entry is a remote hit for a.
    a.hit("Quote", f'Quote("{marker}")')
    assert marks(marker) == 2 and remote_hits(a, "Quote") == 1


def test_clear_and_clear_shared(two, tmp_path):
    a, b, server = two
    marker = str(tmp_path / "marks")
    code = """
//%cache_data persist=redis
func Cube(n int, marker string) int {
	mark(marker, "Cube")
	return n * n * n
}
"""
    for k in (a, b):
        k.run('import "os"')
        define(k, code)
    for n in (1, 2):
        a.miss("Cube", f'Cube({n}, "{marker}")')
    r = a.run("%cache clear Cube")
    assert "remain" in r.stdout and "%cache clear --shared Cube" in r.stdout, r.stdout
    assert len(server.manifests("Cube")) == 2
    a.hit("Cube", f'Cube(1, "{marker}")')  # from Redis again
    assert remote_hits(a, "Cube") == 1
    r = a.run("%cache clear --shared Cube")
    assert "Removed 2 shared entries" in r.stdout, r.stdout
    assert server.manifests("Cube") == []
    b.miss("Cube", f'Cube(2, "{marker}")')
    assert marks(marker) == 3
    r = a.ex("%cache clear --everything")
    assert r.status == "error" and "--shared" in str(r.errors), r


# --------------------------------------------------------------------------
# A longer session mixing features and faults


def test_mixed_session(tmp_path, redis_server):
    a = team_kernel(tmp_path, "a", redis_server)
    b = team_kernel(tmp_path, "b", redis_server)
    marker = str(tmp_path / "marks")
    try:
        header = 'import (\n\t"errors"\n\t"fmt"\n\t"os"\n)\n\nvar scale = 2.0\n'
        helper = "func helper(x float64) float64 { return x * scale }\n"
        code = """
//%cache_data persist=redis max_entries=3
func Series(n int, marker string) ([]float64, error) {
	mark(marker, fmt.Sprint("Series", n))
	if n < 0 {
		return nil, errors.New("negative")
	}
	display.Markdown(fmt.Sprintf("series of %d", n))
	out := make([]float64, n)
	for i := range out {
		out[i] = helper(float64(i))
	}
	return out, nil
}

//%cache_data persist=disk
func Local(n int, marker string) int {
	mark(marker, "Local")
	return n + 1
}
"""
        for k in (a, b):
            k.run(header)
            define(k, helper + code)

        # Shared value, with its display replayed in the other kernel.
        a.miss("Series", f's, _ := Series(3, "{marker}")\nfmt.Println(s)')
        r = b.hit("Series", f's, _ := Series(3, "{marker}")\nfmt.Println(s)')
        assert "[0 2 4]" in r.stdout and len(rich(r)) == 1

        # An error is not cached anywhere.
        a.miss("Series", f'_, failure := Series(-1, "{marker}")\nfmt.Println(failure)')
        b.miss("Series", f'_, failure := Series(-1, "{marker}")\nfmt.Println(failure)')
        assert marks(marker, "Series-1") == 2

        # A global the function reads is part of the key, across kernels.
        a.run("scale = 3")
        b.run("scale = 3")
        a.miss("Series", f'Series(3, "{marker}")')
        b.hit("Series", f'Series(3, "{marker}")')

        # Editing a helper is a miss; the other kernel with the same edit hits.
        for k in (a, b):
            k.run("func helper(x float64) float64 { return x*scale + 1 }")
        a.miss("Series", f's, _ := Series(3, "{marker}")\nfmt.Println(s)')
        r = b.hit("Series", f's, _ := Series(3, "{marker}")\nfmt.Println(s)')
        assert "[1 4 7]" in r.stdout, r.stdout

        # max_entries bounds the function in Redis too.
        for n in (4, 5, 6, 7):
            a.miss("Series", f'Series({n}, "{marker}")')
        assert len(redis_server.manifests("Series")) <= 3

        # persist=disk is not shared: the other kernel computes.
        a.miss("Local", f'Local(1, "{marker}")')
        b.miss("Local", f'Local(1, "{marker}")')
        assert not redis_server.manifests("Local")

        # Redis goes away: both kernels keep working, each warns once.
        redis_server.stop()
        for k in (a, b):
            errs = ""
            for n in (20, 21):
                r = k.miss("Series", f'Series({n}, "{marker}")')
                errs += r.stderr
            assert errs.count("gocell cache: shared cache") == 1, errs
        r = a.hit("Series", f'Series(21, "{marker}")')

        b_failed = time.monotonic()

        # It comes back: the kernels share again.
        redis_server.start()
        deadline = time.monotonic() + 60
        n = 30
        while time.monotonic() < deadline:
            n += 1
            a.miss("Series", f'Series({n}, "{marker}")')
            if redis_server.manifests("Series"):
                break
            time.sleep(0.5)
        # The tier tries a server that was down again after 5 s.
        time.sleep(max(0, 5.5 - (time.monotonic() - b_failed)))
        b.hit("Series", f'Series({n}, "{marker}")')

        # A restarted kernel (new process, new folder) hits Redis.
        b.stop()
        b = team_kernel(tmp_path, "b2", redis_server)
        b.run(header)
        b.run("scale = 3")
        define(b, "func helper(x float64) float64 { return x*scale + 1 }\n" + code)
        b.hit("Series", f'Series({n}, "{marker}")')
        assert a.alive() and b.alive()
    finally:
        a.stop()
        b.stop()
