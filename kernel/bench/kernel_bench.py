#!/usr/bin/env python3
"""Kernel speed, measured against Debian's ipykernel in the same run.

For each kernel: start-to-ready (start the process until the first
kernel_info_reply and an IOPub message have arrived, as front ends wait for)
and the round trip of a trivial cell (execute_request sent until the idle
status of that request arrives) through jupyter_client and over raw pyzmq
sockets, the CPU time the kernel's processes (the
kernel and, for gocell, its executor) spend on a trivial cell, and a
kernel_info request's round trip over a raw pyzmq DEALER (the wire path
alone). Prints medians and the ratios gocell / ipykernel.

The round trip includes the client's own work: jupyter_client takes a few
hundred microseconds to hand over each of the three IOPub messages, which
bounds the ratio from below. The CPU figure is the kernel's work alone. The figures are what they are on this machine today:
compare the ratios, not the milliseconds.

Usage: GOCELL_BIN=path/to/gocell /usr/bin/python3 kernel/bench/kernel_bench.py [--starts N] [--cells N]
"""
import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session


def start_to_ready(name):
    km = KernelManager(kernel_name=name)
    t0 = time.perf_counter()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    kc.wait_for_ready(timeout=60)
    elapsed = time.perf_counter() - t0
    return km, kc, elapsed


def round_trip(kc, code):
    msg_id = kc.execute(code, store_history=True)
    t0 = time.perf_counter()
    while True:
        msg = kc.get_iopub_msg(timeout=30)
        if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                and msg["content"]["execution_state"] == "idle"):
            elapsed = time.perf_counter() - t0
            break
    kc.get_shell_msg(timeout=30)
    return elapsed


def raw_socket(ctx, info, kind, port_name):
    """A pyzmq socket of kind connected to the kernel's port_name."""
    sock = ctx.socket(kind)
    sock.setsockopt(zmq.LINGER, 0)
    if kind == zmq.SUB:
        sock.setsockopt(zmq.SUBSCRIBE, b"")
    sock.connect(f"{info['transport']}://{info['ip']}:{info[port_name]}")
    return sock


def wire_round_trips(km, n):
    """kernel_info_request → kernel_info_reply over a raw pyzmq DEALER on
    shell: the wire path alone (sockets, framing, signing)."""
    info = km.get_connection_info()
    session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
    ctx = zmq.Context()
    sock = raw_socket(ctx, info, zmq.DEALER, "shell_port")
    times = []
    for i in range(n + 5):
        t0 = time.perf_counter()
        session.send(sock, "kernel_info_request", {})
        sock.recv_multipart()
        if i >= 5:  # warm up
            times.append(time.perf_counter() - t0)
    sock.close(0)
    ctx.term()
    return statistics.median(times)


def process_tree(pid):
    """pid and its descendants (Linux /proc)."""
    children = {}
    for stat in os.listdir("/proc"):
        if not stat.isdigit():
            continue
        try:
            with open(f"/proc/{stat}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(stat))
    tree, todo = [], [pid]
    while todo:
        p = todo.pop()
        tree.append(p)
        todo.extend(children.get(p, []))
    return tree


def cpu_seconds(pids):
    """User + system CPU seconds of the processes, as the kernel counts them."""
    total = 0
    for pid in pids:
        try:
            with open(f"/proc/{pid}/stat") as f:
                fields = f.read().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
        except (OSError, ValueError, IndexError):
            pass
    return total / os.sysconf("SC_CLK_TCK")


def raw_cell_round_trips(km, code, n):
    """A trivial cell over raw pyzmq sockets (DEALER on shell, SUB on
    IOPub): execute_request sent until its idle status arrives, with as
    little client work as possible (only the idle's parent header is
    decoded), so that the kernels' own time shows."""
    info = km.get_connection_info()
    session = Session(key=info["key"], signature_scheme=info["signature_scheme"])
    ctx = zmq.Context()
    shell = raw_socket(ctx, info, zmq.DEALER, "shell_port")
    iopub = raw_socket(ctx, info, zmq.SUB, "iopub_port")
    time.sleep(0.3)  # let the subscription reach the kernel
    content = {"code": code, "silent": False, "store_history": True, "user_expressions": {},
               "allow_stdin": False, "stop_on_error": True}
    times = []
    for i in range(n + 5):
        msg = session.msg("execute_request", content)
        want = msg["header"]["msg_id"].encode()
        t0 = time.perf_counter()
        session.send(shell, msg)
        while True:
            frames = iopub.recv_multipart()
            parts = frames[frames.index(b"<IDS|MSG>") + 1:]
            if b'"idle"' in parts[4] and want in parts[2]:
                break
        if i >= 5:
            times.append(time.perf_counter() - t0)
        shell.recv_multipart()  # the reply
    shell.close(0)
    iopub.close(0)
    ctx.term()
    return statistics.median(times)


def measure(name, code, starts, cells):
    start_times, trips, wire, cpu, raw = [], [], 0.0, 0.0, 0.0
    for i in range(starts):
        km, kc, t = start_to_ready(name)
        start_times.append(t)
        if i == 0:
            for _ in range(5):  # warm up
                round_trip(kc, code)
            pids = process_tree(km.provisioner.process.pid)
            before = cpu_seconds(pids)
            trips = [round_trip(kc, code) for _ in range(cells)]
            cpu = (cpu_seconds(pids) - before) / cells
            wire = wire_round_trips(km, cells * 4)
            raw = raw_cell_round_trips(km, code, cells)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    return statistics.median(start_times), statistics.median(trips), wire, cpu, raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--starts", type=int, default=5)
    ap.add_argument("--cells", type=int, default=300)
    args = ap.parse_args()
    os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    binary = os.environ.get("GOCELL_BIN")
    if not binary:
        sys.exit("set GOCELL_BIN to the gocell binary (make bench does)")
    with tempfile.TemporaryDirectory() as prefix:
        subprocess.run([binary, "install", "--prefix", prefix], check=True, capture_output=True)
        os.environ["JUPYTER_PATH"] = os.path.join(prefix, "share", "jupyter")
        # Alternate the kernels so that machine load hits both alike.
        results = {"gocell": [], "python3": []}
        for _ in range(2):
            results["gocell"].append(measure("gocell", "x := 1", args.starts, args.cells))
            results["python3"].append(measure("python3", "x = 1", args.starts, args.cells))
    g_start = statistics.median(r[0] for r in results["gocell"])
    g_trip = statistics.median(r[1] for r in results["gocell"])
    p_start = statistics.median(r[0] for r in results["python3"])
    p_trip = statistics.median(r[1] for r in results["python3"])
    print(f"{'':24}{'gocell':>12}{'ipykernel':>12}{'ratio':>10}")
    print(f"{'start to ready':24}{g_start*1e3:>10.1f}ms{p_start*1e3:>10.1f}ms{g_start/p_start:>9.2f}x")
    print(f"{'trivial cell round trip':24}{g_trip*1e3:>10.2f}ms{p_trip*1e3:>10.2f}ms{g_trip/p_trip:>9.2f}x")
    g_raw = statistics.median(r[4] for r in results["gocell"])
    p_raw = statistics.median(r[4] for r in results["python3"])
    print(f"{'trivial cell, raw pyzmq':24}{g_raw*1e3:>10.2f}ms{p_raw*1e3:>10.2f}ms{g_raw/p_raw:>9.2f}x")
    g_cpu = statistics.median(r[3] for r in results["gocell"])
    p_cpu = statistics.median(r[3] for r in results["python3"])
    print(f"{'trivial cell, kernel CPU':24}{g_cpu*1e3:>10.2f}ms{p_cpu*1e3:>10.2f}ms{g_cpu/p_cpu:>9.2f}x")
    g_wire = statistics.median(r[2] for r in results["gocell"])
    p_wire = statistics.median(r[2] for r in results["python3"])
    print(f"{'kernel_info, pyzmq DEALER':24}{g_wire*1e3:>10.3f}ms{p_wire*1e3:>10.3f}ms{g_wire/p_wire:>9.2f}x")


if __name__ == "__main__":
    main()
