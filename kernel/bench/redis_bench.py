#!/usr/bin/env python3
"""persist=redis seen from a cell: a hit from Redis against a raw GET.

Starts a redis-server on 127.0.0.1 and a free port and two gocell kernels
with different cache folders and one team secret. Kernel A computes a
[]float64 of 1 MB and of 80 MB under //%cache_data persist=redis (the entry
goes to Redis); the same bytes are also stored under a plain key. Kernel B
then times, inside one cell and alternating call by call, a hit from Redis
(its memory copy is dropped with cache.Clear before each call, so every
call reads Redis, authenticates the entry and hands out a copy) against a
raw GET of the plain key, read by the cell with net.Dial and io.ReadFull.
Then the miss check: a persist=redis call that misses (Redis up, and Redis
down) against the same miss of a memory-only function. Medians; ratios in
the same run.

Usage: GOCELL_BIN=path/to/gocell /usr/bin/python3 kernel/bench/redis_bench.py
"""
import array
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

ROUNDS = {1: 15, 80: 7}

SETUP = '''import (
	"bufio"
	"fmt"
	"io"
	"net"
	"sort"
	"strconv"
	"strings"
	"time"
)

//%cache_data persist=redis show_spinner=false
func Floats(mb int) []float64 {
	xs := make([]float64, mb<<20/8)
	for i := range xs {
		xs[i] = float64(i) * 0.5
	}
	return xs
}

//%cache_data persist=redis show_spinner=false
func Tiny(n int) int { return n + 1 }

//%cache_data show_spinner=false
func TinyLocal(n int) int { return n + 1 }

func rawGet(addr, key string) []byte {
	c, err := net.Dial("tcp", addr)
	if err != nil {
		panic(err)
	}
	defer c.Close()
	fmt.Fprintf(c, "*2\\r\\n$3\\r\\nGET\\r\\n$%d\\r\\n%s\\r\\n", len(key), key)
	r := bufio.NewReaderSize(c, 1<<20)
	line, err := r.ReadString('\\n')
	if err != nil {
		panic(err)
	}
	n, _ := strconv.Atoi(strings.TrimSpace(line[1:]))
	buf := make([]byte, n+2)
	if _, err := io.ReadFull(r, buf); err != nil {
		panic(err)
	}
	return buf[:n]
}

func median(ds []time.Duration) time.Duration {
	sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
	return ds[len(ds)/2]
}
'''

HIT = '''{
	var hit, raw []time.Duration
	for i := 0; i < %(rounds)d; i++ {
		cache.Clear("Floats")
		t := time.Now()
		xs := Floats(%(mb)d)
		hit = append(hit, time.Since(t))
		if len(xs) != %(mb)d<<20/8 {
			panic("wrong length")
		}
		t = time.Now()
		b := rawGet("%(addr)s", "raw:%(mb)d")
		raw = append(raw, time.Since(t))
		if len(b) != %(mb)d<<20 {
			panic("wrong raw length")
		}
	}
	fmt.Printf("RESULT %%d %%d\\n", median(hit).Microseconds(), median(raw).Microseconds())
}'''

MISS = '''{
	var shared, local []time.Duration
	for i := 0; i < 200; i++ {
		t := time.Now()
		Tiny(%(base)d + i)
		shared = append(shared, time.Since(t))
		t = time.Now()
		TinyLocal(%(base)d + i)
		local = append(local, time.Since(t))
	}
	fmt.Printf("RESULT %%d %%d\\n", median(shared).Nanoseconds(), median(local).Nanoseconds())
}'''


def run(kc, code):
    out = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])
        elif msg["msg_type"] == "error":
            out.append("\n".join(msg["content"]["traceback"]))

    reply = kc.execute_interactive(code, timeout=600, output_hook=hook)
    if reply["content"]["status"] != "ok":
        sys.exit(f"cell failed: {reply['content']}\n{''.join(out)}")
    return "".join(out)


def result(text):
    for line in text.splitlines():
        if line.startswith("RESULT "):
            return [int(x) for x in line.split()[1:]]
    sys.exit(f"no result in {text!r}")


def redis_cmd(port, *args):
    with socket.create_connection(("127.0.0.1", port)) as s:
        out = b"*%d\r\n" % len(args)
        for a in args:
            a = a if isinstance(a, bytes) else str(a).encode()
            out += b"$%d\r\n%s\r\n" % (len(a), a)
        s.sendall(out)
        return s.recv(64)


def main():
    binary = os.environ.get("GOCELL_BIN")
    if not binary:
        sys.exit("set GOCELL_BIN to the gocell binary (make bench does)")
    server = shutil.which("redis-server")
    if not server:
        sys.exit("redis-server is not installed (Debian package redis-server)")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with tempfile.TemporaryDirectory() as tmp:
        redis = subprocess.Popen([server, "--port", str(port), "--bind", "127.0.0.1", "--save", "",
                                  "--appendonly", "no", "--dir", tmp], stdout=subprocess.DEVNULL)
        kernels = []
        try:
            for _ in range(100):
                try:
                    redis_cmd(port, "PING")
                    break
                except OSError:
                    time.sleep(0.05)
            prefix = os.path.join(tmp, "prefix")
            subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
            os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
            addr = f"127.0.0.1:{port}"
            for name in ("a", "b"):
                env = dict(os.environ, GOCELL_CACHE_DIR=os.path.join(tmp, name),
                           GOCELL_REDIS_URL=f"redis://{addr}/0",
                           GOCELL_CACHE_SECRET="benchmark team secret, long enough to be accepted")
                kernels.append(start_new_kernel(kernel_name="gocell", env=env))
            (_, a), (_, b) = kernels
            for kc in (a, b):
                run(kc, SETUP)
            rows = []
            for mb, rounds in ROUNDS.items():
                run(a, f"len(Floats({mb}))")  # computes and writes the entry
                raw = array.array("d", (i * 0.5 for i in range(mb << 20 >> 3))).tobytes()
                redis_cmd(port, "SET", f"raw:{mb}", raw)
                hit, ref = result(run(b, HIT % {"rounds": rounds, "mb": mb, "addr": addr}))
                rows.append((f"hit from Redis, {mb} MB []float64", hit / 1e3, f"raw GET of {mb} MB", ref / 1e3, hit / ref))
            up, local = result(run(b, MISS % {"base": 1000}))
            rows.append(("miss check + miss, Redis up", up / 1e6, "memory-only miss", local / 1e6, up / local))
            redis.kill()
            redis.wait()
            down, local = result(run(b, MISS % {"base": 5000}))
            rows.append(("miss check + miss, Redis down", down / 1e6, "memory-only miss", local / 1e6, down / local))
        finally:
            for km, kc in kernels:
                kc.stop_channels()
                km.shutdown_kernel(now=True)
            if redis.poll() is None:
                redis.kill()
                redis.wait()
    print(f"{'measure (from a cell, medians)':34}{'ms':>10}  {'reference':22}{'ms':>10}{'ratio':>9}")
    for name, v, ref_name, ref, ratio in rows:
        print(f"{name:34}{v:>10.3f}  {ref_name:22}{ref:>10.3f}{ratio:>8.2f}x")


if __name__ == "__main__":
    main()
