#!/usr/bin/env python3
"""A notebook of five cached 2-second steps: how long its second run takes;
and an 80 MB cache_data hit seen from a cell.

Runs the five cells through the real kernel three times and prints the wall
time of each run: the first run (everything computes), a second run in the
same kernel (memory hits), and a run in a new kernel on the same cache
directory (persist=disk hits after a restart). Ratios are against the first
run, measured in the same process.

Then, in the real executor, a cell times a hit returning an 80 MB []float64
and a make+copy of the same size (the reference), ROUNDS times after WARMUP
rounds; it prints min/median/max of each and of their ratio.

Usage: GOCELL_BIN=path/to/gocell /usr/bin/python3 kernel/bench/cache_bench.py
"""
import os
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import start_new_kernel

CELLS = [
    '//%%cache_data persist=disk\nfunc Step%d(n int) []float64 {\n'
    '\ttime.Sleep(2 * time.Second)\n\txs := make([]float64, n)\n'
    '\tfor i := range xs {\n\t\txs[i] = float64(i * %d)\n\t}\n\treturn xs\n}\n\n'
    'len(Step%d(100000))' % (i, i, i)
    for i in range(1, 6)
]


def run_all(kc):
    t0 = time.perf_counter()
    for code in ['import "time"'] + CELLS:
        reply = kc.execute_interactive(code, timeout=120, output_hook=lambda m: None)
        if reply["content"]["status"] != "ok":
            sys.exit(f"cell failed: {reply['content']}")
    return time.perf_counter() - t0


BIG_SETUP = """import (
	"fmt"
	"time"
)

//%cache_data
func Big(n int) []float64 {
	xs := make([]float64, n)
	for i := range xs {
		xs[i] = float64(i)
	}
	return xs
}

src := Big(10_000_000)
var ys, zs []float64"""

BIG_CELL = """ys = nil
zs = nil
t0 := time.Now()
ys = Big(10_000_000)
hit := time.Since(t0)
t1 := time.Now()
zs = make([]float64, len(src))
copy(zs, src)
fmt.Println("BIG", hit.Nanoseconds(), time.Since(t1).Nanoseconds())"""

ROUNDS = 11
WARMUP = 2  # first rounds, while the executor's heap grows to hold four 80 MB slices


def big_hit(kc):
    """Hit and make+copy times (ms) and their ratios over ROUNDS cells."""
    out = []

    def hook(msg):
        if msg["msg_type"] == "stream":
            out.append(msg["content"]["text"])

    for code in (BIG_SETUP,) + (BIG_CELL,) * (WARMUP + ROUNDS):
        reply = kc.execute_interactive(code, timeout=300, output_hook=hook)
        if reply["content"]["status"] != "ok":
            sys.exit(f"cell failed: {reply['content']}")
    rows = [l.split() for l in "".join(out).splitlines() if l.startswith("BIG ")][WARMUP:]
    hits = [int(r[1]) / 1e6 for r in rows]
    copies = [int(r[2]) / 1e6 for r in rows]
    return hits, copies, [h / c for h, c in zip(hits, copies)]


def spread(xs):
    xs = sorted(xs)
    return xs[0], xs[len(xs) // 2], xs[-1]


def main():
    binary = os.environ.get("GOCELL_BIN")
    if not binary:
        sys.exit("set GOCELL_BIN to the gocell binary (make bench does)")
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    with tempfile.TemporaryDirectory() as tmp:
        prefix, cache = os.path.join(tmp, "prefix"), os.path.join(tmp, "cache")
        subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        env = dict(os.environ, GOCELL_CACHE_DIR=cache)
        km, kc = start_new_kernel(kernel_name="gocell", env=env)
        first = run_all(kc)
        second = run_all(kc)
        kc.stop_channels()
        km.shutdown_kernel(now=False)
        km, kc = start_new_kernel(kernel_name="gocell", env=env)
        restarted = run_all(kc)
        hits, copies, ratios = big_hit(kc)
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(f"{'five cached 2-second cells':36}{'seconds':>10}{'vs first run':>14}")
    print(f"{'first run (computes)':36}{first:>10.3f}{1:>13.2f}x")
    print(f"{'second run, same kernel':36}{second:>10.3f}{second / first:>13.4f}x")
    print(f"{'after a kernel restart (disk)':36}{restarted:>10.3f}{restarted / first:>13.4f}x")
    print()
    print(f"80 MB []float64 from a cell, {len(ratios)} rounds{'min':>12}{'median':>10}{'max':>10}")
    print(f"{'cache_data hit (ms)':44}{spread(hits)[0]:>10.1f}{spread(hits)[1]:>10.1f}{spread(hits)[2]:>10.1f}")
    print(f"{'make+copy in the same cell (ms)':44}{spread(copies)[0]:>10.1f}{spread(copies)[1]:>10.1f}{spread(copies)[2]:>10.1f}")
    print(f"{'ratio hit / make+copy':44}{spread(ratios)[0]:>10.2f}{spread(ratios)[1]:>10.2f}{spread(ratios)[2]:>10.2f}")


if __name__ == "__main__":
    main()
