"""A long session of ordinary concurrent Go through a real Jupyter client:
goroutines started in loops, wg.Go, worker pools reading comma-ok
receives, multiple assignments with literals, fan-in over a slice of
channels, cached functions that start goroutines; between them a failed
cell, a redefinition, an executor crash and an interrupt. After each fault
every earlier value is checked again, and the same computations are run
again: answers must be Go's each time.
"""

import os
import signal
import time

from jupyter_client.manager import start_new_kernel

from gocell_client import STARTUP_TIMEOUT, execute, get_reply, run_ok, stop_kernel


def out(kc, code):
    return run_ok(kc, code).stdout


# Cells of the session, each with what it prints (compiled Go's output).
SETUP = '''import ("fmt"; "sort"; "strconv"; "sync"; "sync/atomic")

type Job struct{ ID int; Text string }

func square(k int) int { return k * k }

func fanIn(cs ...<-chan int) []int {
	var wg sync.WaitGroup
	out := make(chan int, 100)
	for _, c := range cs {
		wg.Go(func() {
			for v := range c {
				out <- v
			}
		})
	}
	wg.Wait()
	close(out)
	var got []int
	for v := range out {
		got = append(got, v)
	}
	sort.Ints(got)
	return got
}

func source(xs ...int) <-chan int {
	c := make(chan int)
	go func() {
		defer close(c)
		for _, x := range xs {
			c <- square(x)
		}
	}()
	return c
}'''

SUMS = '''sums := make([]int, 0, 30)
for trial := 0; trial < 30; trial++ {
	var wg sync.WaitGroup
	var total atomic.Int64
	for i := range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			total.Add(int64(square(i)))
		}()
	}
	wg.Wait()
	sums = append(sums, int(total.Load()))
}
sort.Ints(sums)
fmt.Println(sums[0], sums[len(sums)-1])'''
SUMS_OUT = "20540 20540\n"

POOL = '''jobs := make(chan Job, 10)
for i, w := range []string{"3", "x", "5", "11"} {
	jobs <- Job{i, w}
}
close(jobs)
var mu sync.Mutex
parsed := map[int]int{}
var pool sync.WaitGroup
for {
	j, ok := <-jobs
	if !ok {
		break
	}
	pool.Go(func() {
		n, err := strconv.Atoi(j.Text)
		if err != nil {
			n = -1
		}
		mu.Lock()
		parsed[j.ID] = n
		mu.Unlock()
	})
}
pool.Wait()
fmt.Println(parsed)'''
POOL_OUT = "map[0:3 1:-1 2:5 3:11]\n"

MULTI = '''nums, target := []int{2, 7, 11, 15}, 9
p, label := Job{7, "seven"}, "job"
fmt.Println(len(nums), target, p.ID, label)'''
MULTI_OUT = "4 9 7 job\n"

FANIN = 'fmt.Println(fanIn(source(1, 2), source(3), source(4, 5, 6)))'
FANIN_OUT = "[1 4 9 16 25 36]\n"

CACHED = '''var runs atomic.Int64

//%cache_data
func Squares(n int) []int {
	runs.Add(1)
	res := make([]int, n)
	var wg sync.WaitGroup
	for i := range n {
		wg.Go(func() { res[i] = square(i) })
	}
	wg.Wait()
	return res
}
fmt.Println(Squares(6), Squares(6), runs.Load())'''
CACHED_OUT = "[0 1 4 9 16 25] [0 1 4 9 16 25] 1\n"

CHECK = 'fmt.Println(len(sums), sums[0], parsed[3], target, label, p.Text, runs.Load())'
CHECK_OUT = "30 20540 11 9 job seven 1\n"


def check_all(kc, square_factor=1):
    """Every value the session holds, and its computations run again."""
    assert out(kc, CHECK) == CHECK_OUT
    if square_factor == 1:
        assert out(kc, SUMS) == SUMS_OUT
        assert out(kc, FANIN) == FANIN_OUT
    assert out(kc, POOL) == POOL_OUT
    assert out(kc, MULTI) == MULTI_OUT


def executor_pid(km):
    kernel_pid = km.provisioner.pid
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                stat = f.read()
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                cmd = f.read()
        except OSError:
            continue
        ppid = int(stat[stat.rindex(")") + 2:].split()[1])
        if ppid == kernel_pid and b"executor" in cmd:
            return int(entry)
    raise AssertionError("no executor process")


def test_concurrent_go_session_with_faults():
    km, kc = start_new_kernel(kernel_name="gocell", startup_timeout=STARTUP_TIMEOUT)
    try:
        run_ok(kc, SETUP)
        assert out(kc, SUMS) == SUMS_OUT
        assert out(kc, POOL) == POOL_OUT
        assert out(kc, MULTI) == MULTI_OUT
        assert out(kc, FANIN) == FANIN_OUT
        assert out(kc, CACHED) == CACHED_OUT

        # A cell that does not compile changes nothing.
        r = execute(kc, "sums = append(sums, undefinedThing)\nfmt.Println(\"never\")")
        assert r.status == "error" and "undefined: undefinedThing" in r.content["evalue"], r
        check_all(kc)

        # A goroutine that panics ends its cell with an error; the notebook
        # goes on.
        r = execute(kc, 'var g sync.WaitGroup\ng.Go(func() { var m map[string]int; m["x"] = 1 })\ng.Wait()')
        assert r.status == "error" and "assignment to entry in nil map" in r.content["evalue"], r
        check_all(kc)

        # Redefining a function the goroutines call reaches them all: the
        # cached function misses (it reaches square) and computes anew.
        run_ok(kc, "func square(k int) int { return k * k * 10 }")
        assert out(kc, "fmt.Println(fanIn(source(1, 2)))") == "[10 40]\n"
        assert out(kc, "fmt.Println(Squares(3), runs.Load())") == "[0 10 40] 2\n"
        run_ok(kc, "func square(k int) int { return k * k }")
        assert out(kc, "fmt.Println(Squares(6), runs.Load())") == "[0 1 4 9 16 25] 2\n"
        run_ok(kc, "runs.Store(1)")
        check_all(kc)

        # A redefinition Go refuses (missing return) changes nothing, and is
        # not among what a restore replays after the crash below.
        r = execute(kc, "func square(k int) int {\n\tif k > 0 {\n\t\treturn k * k\n\t}\n}")
        assert r.status == "error" and "missing return" in r.content["evalue"], r
        check_all(kc)

        # Interrupting goroutines that wait forever stops the cell in place.
        msg_id = kc.execute(
            "block := make(chan int)\nvar w sync.WaitGroup\nfor i := range 4 {\n"
            "\tw.Go(func() { <-block; fmt.Println(i) })\n}\nw.Wait()"
        )
        time.sleep(1.0)
        km.interrupt_kernel()
        reply = get_reply(kc, msg_id)
        assert reply["content"]["status"] == "error", reply["content"]
        check_all(kc)

        # The executor is killed: declarations and values come back, and
        # concurrent code computes Go's answers again.
        os.kill(executor_pid(km), signal.SIGKILL)
        r = execute(kc, "_ = 0")
        assert r.status == "error" and r.content["ename"] == "ExecutorDied", r
        check_all(kc)
        assert out(kc, "fmt.Println(Squares(4))") == "[0 1 4 9]\n"
    finally:
        stop_kernel(km, kc)
