package kernel

import (
	"os"
	"os/exec"
	"runtime/debug"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// TestHelperAllocate is not a test: it is the child process of the
// memory tests. It allocates and touches 8 MiB every few ms, with the
// garbage collector off unless GOMEMLIMIT makes it run. In mode "keep" it
// keeps everything, as a cell building a big slice would; in mode
// "garbage" it keeps only the last four blocks.
func TestHelperAllocate(t *testing.T) {
	mode := os.Getenv("GOCELL_TEST_ALLOCATE")
	if mode == "" {
		t.Skip("helper process")
	}
	debug.SetGCPercent(-1)
	var keep [][]byte
	for i := 0; i < 300; i++ {
		b := make([]byte, 8<<20)
		for j := 0; j < len(b); j += 4096 {
			b[j] = 1
		}
		keep = append(keep, b)
		if mode == "garbage" && len(keep) > 4 {
			keep = keep[1:]
		}
		time.Sleep(2 * time.Millisecond)
	}
	if mode == "keep" {
		os.Exit(3) // reaching here means nobody stopped us
	}
	os.Exit(0)
}

func startAllocator(t *testing.T, mode string, env ...string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperAllocate$")
	cmd.Env = append(append(os.Environ(), "GOCELL_TEST_ALLOCATE="+mode), env...)
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func TestMemoryMonitorKillsPastLimit(t *testing.T) {
	const limit = 200 << 20
	cmd := startAllocator(t, "keep")
	exceeded := make(chan int64, 1)
	start := time.Now()
	m := startMemoryMonitor(cmd.Process.Pid, limit, 0, func(used int64) {
		cmd.Process.Kill() // what the supervisor does
		exceeded <- used
	})
	var used int64
	select {
	case used = <-exceeded:
	case <-time.After(30 * time.Second):
		cmd.Process.Kill()
		t.Fatal("the limit was not detected")
	}
	err := cmd.Wait()
	ws, ok := cmd.ProcessState.Sys().(syscall.WaitStatus)
	if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
		t.Fatalf("the child was not killed: %v", err)
	}
	peak := m.Stop()
	if used <= limit || peak < used {
		t.Errorf("reported used %d, peak %d, limit %d", used, peak, limit)
	}
	// At 8 MiB per 5 ms and a 50 ms poll, the overshoot stays well under
	// the limit itself; a much larger one would mean the poll is not running.
	if used > 2*limit {
		t.Errorf("detected only at %d bytes, limit %d", used, limit)
	}
	t.Logf("detected at %d MiB after %v", used>>20, time.Since(start))

	msg := (&outOfMemoryError{Used: used, Limit: limit}).Error()
	for _, want := range []string{"ran out of memory", "200MiB", EnvMemoryLimit + "=400MiB", "--memory-limit 400MiB", "values were restored"} {
		if !strings.Contains(msg, want) {
			t.Errorf("message lacks %q: %s", want, msg)
		}
	}
}

// Under the limit nothing happens, and Stop ends the watch.
func TestMemoryMonitorQuietUnderLimit(t *testing.T) {
	cmd := exec.Command("sleep", "1")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Wait()
	called := false
	m := startMemoryMonitor(cmd.Process.Pid, 1<<30, 10*time.Millisecond, func(int64) { called = true })
	time.Sleep(100 * time.Millisecond)
	if peak := m.Stop(); peak <= 0 || peak > 1<<30 {
		t.Errorf("peak %d", peak)
	}
	if called {
		t.Error("called under the limit")
	}
	cmd.Process.Kill()
}

// The soft limit handed to the executor's Go runtime makes the garbage
// collector work before the hard limit: a child that churns through
// garbage with the collector otherwise off stays under the limit with it,
// and passes the limit without it (the reference).
func TestExecutorMemoryEnv(t *testing.T) {
	env := executorMemoryEnv(1 << 30)
	if len(env) != 2 || env[0] != "GOMEMLIMIT=966367642" {
		t.Errorf("env %v, want a soft limit 10%% below 1GiB", env)
	}
	if small := executorMemoryEnv(128 << 20); small[0] != "GOMEMLIMIT="+strconv.Itoa(96<<20) {
		t.Errorf("soft limit for 128MiB: %s, want 96MiB (32MiB below)", small[0])
	}
	if raceEnabled {
		t.Skip("under the race detector resident memory is not the Go heap: GOMEMLIMIT cannot bound it")
	}
	const limit = 160 << 20
	for _, withSoft := range []bool{true, false} {
		var env []string
		if withSoft {
			env = executorMemoryEnv(limit)
		}
		cmd := startAllocator(t, "garbage", env...)
		var passed atomic.Int64
		m := startMemoryMonitor(cmd.Process.Pid, limit, 10*time.Millisecond, func(used int64) {
			passed.Store(used)
			cmd.Process.Kill()
		})
		err := cmd.Wait()
		peak := m.Stop()
		t.Logf("soft limit %v: peak %d MiB, exit %v", withSoft, peak>>20, err)
		if withSoft && (passed.Load() != 0 || err != nil) {
			t.Errorf("with GOMEMLIMIT the child passed the limit (%d) or failed: %v", passed.Load(), err)
		}
		if !withSoft && passed.Load() == 0 {
			t.Errorf("without GOMEMLIMIT the child stayed under the limit (peak %d): the test shows nothing", peak)
		}
	}
}

func TestMemoryLimitFromEnv(t *testing.T) {
	for in, want := range map[string]int64{"4GiB": 4 << 30, "512MiB": 512 << 20, "2G": 2 << 30, "1.5GB": 1.5e9} {
		if got, err := memoryLimitFrom(in); err != nil || got != want {
			t.Errorf("%q: %d, %v", in, got, err)
		}
	}
	def, err := memoryLimitFrom("")
	if err != nil || def < 256<<20 {
		t.Errorf("default %d, %v", def, err)
	}
	for in, want := range map[string]string{"4 parsecs": "unknown unit", "lots": "not a size", "10MiB": "too small"} {
		_, err := memoryLimitFrom(in)
		if err == nil || !strings.Contains(err.Error(), want) || !strings.Contains(err.Error(), EnvMemoryLimit) {
			t.Errorf("%q: error %v, want one naming %s and saying %q", in, err, EnvMemoryLimit, want)
		}
	}
}
