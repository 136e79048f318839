#!/usr/bin/env python3
"""A notebook of five cached 2-second steps: how long its second run takes.

Runs the five cells through the real kernel three times and prints the wall
time of each run: the first run (everything computes), a second run in the
same kernel (memory hits), and a run in a new kernel on the same cache
directory (persist=disk hits after a restart). Ratios are against the first
run, measured in the same process.

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
        kc.stop_channels()
        km.shutdown_kernel(now=False)
    print(f"{'five cached 2-second cells':36}{'seconds':>10}{'vs first run':>14}")
    print(f"{'first run (computes)':36}{first:>10.3f}{1:>13.2f}x")
    print(f"{'second run, same kernel':36}{second:>10.3f}{second / first:>13.4f}x")
    print(f"{'after a kernel restart (disk)':36}{restarted:>10.3f}{restarted / first:>13.4f}x")


if __name__ == "__main__":
    main()
