#!/usr/bin/env python3
"""What the packages beyond the standard library cost, through jupyter_client.

* start to ready of gocell with the bundled gonum and plot, of the same
  gocell built without them (the build tag gocell_nobundled), and of
  Debian's ipykernel, alternating, medians; ratios to ipykernel.
* the sizes of both binaries, and of the source gocell carries for %go get.
* %go get of github.com/dustin/go-humanize through a kernel: cold (an empty
  executor cache; the Go build cache is the machine's, as on any machine
  that built once) and warm (a second kernel asks again), against a
  trivial cell's round trip in the same kernel.

Usage: GOCELL_BIN=path/to/gocell /usr/bin/python3 kernel/bench/packages_bench.py [--starts N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

from jupyter_client.manager import KernelManager

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
MODULE = "github.com/dustin/go-humanize@v1.0.1"


def start(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=120)
    return km, kc, time.perf_counter() - t0


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def run(kc, code, timeout=900):
    t0 = time.perf_counter()
    msg_id = kc.execute(code)
    while True:
        msg = kc.get_iopub_msg(timeout=timeout)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            break
    reply = kc.get_shell_msg(timeout=timeout)
    assert reply["content"]["status"] == "ok", reply["content"]
    return time.perf_counter() - t0


def source_bytes():
    total = 0
    for top in ["go.mod", "go.sum", "cachecells", "display", "interp"]:
        p = os.path.join(REPO, top)
        if os.path.isfile(p):
            total += os.path.getsize(p)
            continue
        for d, _, files in os.walk(p):
            total += sum(os.path.getsize(os.path.join(d, f)) for f in files)
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=7)
    args = ap.parse_args()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    binary = os.environ.get("GOCELL_BIN")
    if not binary:
        sys.exit("set GOCELL_BIN to the gocell binary")
    with tempfile.TemporaryDirectory() as tmp:
        bare = os.path.join(tmp, "gocell-nobundled")
        subprocess.run(["go", "build", "-tags", "gocell_nobundled", "-o", bare, "."], cwd=REPO, check=True)
        prefix = os.path.join(tmp, "prefix")
        subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
        subprocess.run([bare, "install", "--prefix", prefix, "--name", "gocell-bare"], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")

        times = {"gocell": [], "gocell-bare": [], "python3": []}
        for _ in range(args.starts):  # alternate, so that load hits all alike
            for name in times:
                km, kc, t = start(name)
                times[name].append(t)
                stop(km, kc)
        med = {k: statistics.median(v) for k, v in times.items()}
        print(f"{'start to ready':32}{'median':>10}{'÷ ipykernel':>14}")
        for name, label in [("gocell", "gocell (gonum + plot)"), ("gocell-bare", "gocell without them"), ("python3", "ipykernel")]:
            print(f"{label:32}{med[name]*1e3:>8.0f}ms{med[name]/med['python3']:>13.2f}x")
        print(f"bundled packages add {1e3*(med['gocell']-med['gocell-bare']):.0f} ms to start to ready")
        big, small = os.path.getsize(binary), os.path.getsize(bare)
        print(f"binary: {big/1e6:.1f} MB with, {small/1e6:.1f} MB without (+{(big-small)/1e6:.1f} MB); "
              f"the source carried for %go get: {source_bytes()/1e6:.2f} MB before compression")

        # %go get through the kernel, with an executor cache of its own.
        gocache = subprocess.run(["go", "env", "GOCACHE"], capture_output=True, text=True).stdout.strip()
        os.environ["GOCACHE"] = gocache
        os.environ["XDG_CACHE_HOME"] = os.path.join(tmp, "cache")
        km, kc, _ = start("gocell")
        trivial = statistics.median(run(kc, "x := 1") for _ in range(20))
        cold = run(kc, "%go get " + MODULE)
        after = statistics.median(run(kc, "x := 1") for _ in range(20))
        stop(km, kc)
        km, kc, _ = start("gocell")
        warm = run(kc, "%go get " + MODULE)
        stop(km, kc)
        print(f"%go get {MODULE}: cold {cold:.1f} s, warm {warm*1e3:.0f} ms "
              f"(= {warm/trivial:.0f}× a trivial cell of {trivial*1e3:.2f} ms); "
              f"a trivial cell on the built executor: {after*1e3:.2f} ms ({after/trivial:.2f}×)")


if __name__ == "__main__":
    main()
