package kernel

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocell/gocell/interp/snapshot"
)

// The executor's memory limit. The kernel watches the executor's resident
// memory and replaces it past the limit, with a message that says so,
// instead of letting the machine swap until the OS kills something. The
// kernel itself runs no user code and stays small.

// EnvMemoryLimit sets the executor's memory limit, e.g. 4GiB or 512MiB.
const EnvMemoryLimit = "GOCELL_MEMORY_LIMIT"

// memoryPollInterval is how often the executor's memory is read: often
// enough that a cell allocating at memory speed overshoots by little,
// rarely enough to cost nothing (one small /proc read).
const memoryPollInterval = 50 * time.Millisecond

// defaultMemoryLimit is half the memory available to the executor (the
// machine's, or the container's if that is less), and at least 256MiB
// below it, so that the kernel, the front end and the snapshot have room.
func defaultMemoryLimit() int64 {
	avail := snapshot.MemTotal()
	if c := cgroupMemoryMax(); c > 0 && (avail == 0 || c < avail) {
		avail = c
	}
	if avail <= 0 {
		return 2 << 30
	}
	return min(avail/2, avail-256<<20)
}

// cgroupMemoryMax reads a cgroup v2 memory limit; 0 if there is none.
func cgroupMemoryMax() int64 {
	b, err := os.ReadFile("/sys/fs/cgroup/memory.max")
	if err != nil {
		return 0
	}
	n, err := strconv.ParseInt(strings.TrimSpace(string(b)), 10, 64)
	if err != nil {
		return 0 // "max": no limit
	}
	return n
}

// memoryLimitFrom reads the limit from the value of EnvMemoryLimit ("" for
// the default). Errors say what was wrong and how to write it.
func memoryLimitFrom(value string) (int64, error) {
	if strings.TrimSpace(value) == "" {
		return defaultMemoryLimit(), nil
	}
	n, err := snapshot.ParseBytes(value)
	if err != nil {
		return 0, fmt.Errorf("%s: %w", EnvMemoryLimit, err)
	}
	if n < 64<<20 {
		return 0, fmt.Errorf("%s=%s is too small: the executor needs at least 64MiB", EnvMemoryLimit, value)
	}
	return n, nil
}

// executorMemoryEnv is what the executor's environment gets: the Go
// runtime's soft limit (GOMEMLIMIT) set below the hard limit, so that the
// garbage collector works harder before the kernel has to kill it.
func executorMemoryEnv(limit int64) []string {
	soft := limit - max(limit/10, 32<<20)
	return []string{
		"GOMEMLIMIT=" + strconv.FormatInt(soft, 10),
		EnvMemoryLimit + "=" + strconv.FormatInt(limit, 10),
	}
}

// processRSS reads a process's resident memory from /proc/PID/status.
func processRSS(pid int) (int64, error) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/status")
	if err != nil {
		return 0, err
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10, err
		}
	}
	return 0, fmt.Errorf("no VmRSS for process %d", pid)
}

// memoryMonitor watches one executor process. When its resident memory
// passes the limit, exceeded is called once, from the monitor's goroutine,
// with the memory read; the supervisor kills the executor, reports an
// *outOfMemoryError and restores a new one.
type memoryMonitor struct {
	pid      int
	limit    int64
	peak     atomic.Int64
	stopOnce sync.Once
	stop     chan struct{}
	done     chan struct{}
}

// startMemoryMonitor starts watching pid every interval (memoryPollInterval
// if 0). It stops by itself once the process is gone or the limit passed.
func startMemoryMonitor(pid int, limit int64, interval time.Duration, exceeded func(used int64)) *memoryMonitor {
	if interval <= 0 {
		interval = memoryPollInterval
	}
	m := &memoryMonitor{pid: pid, limit: limit, stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(m.done)
		t := time.NewTicker(interval)
		defer t.Stop()
		for {
			rss, err := processRSS(pid)
			if err != nil {
				return // the process ended
			}
			if rss > m.peak.Load() {
				m.peak.Store(rss)
			}
			if rss > limit {
				exceeded(rss)
				return
			}
			select {
			case <-m.stop:
				return
			case <-t.C:
			}
		}
	}()
	return m
}

// Stop ends the watch and returns the highest memory seen.
func (m *memoryMonitor) Stop() int64 {
	m.stopOnce.Do(func() { close(m.stop) })
	<-m.done
	return m.peak.Load()
}

// Peak is the highest resident memory seen so far.
func (m *memoryMonitor) Peak() int64 { return m.peak.Load() }

// outOfMemoryError is how a cell ends when the executor passed its limit.
type outOfMemoryError struct {
	Used, Limit int64
	Lost        []string // what the restore could not bring back, with reasons
}

func (e *outOfMemoryError) Error() string {
	raise := snapshot.FormatBytes(suggestLimit(e.Limit))
	msg := fmt.Sprintf("the cell ran out of memory: the executor used %s, over the limit of %s; "+
		"raise it with %s=%s or gocell install --memory-limit %s; ",
		snapshot.FormatBytes(e.Used), snapshot.FormatBytes(e.Limit), EnvMemoryLimit, raise, raise)
	if len(e.Lost) == 0 {
		return msg + "declarations and values were restored"
	}
	return msg + "declarations and values were restored, except: " + strings.Join(e.Lost, "; ")
}

// suggestLimit proposes a higher limit: double, rounded to whole GiB
// above 1GiB, and not past the machine's memory.
func suggestLimit(limit int64) int64 {
	s := 2 * limit
	if s > 1<<30 {
		s = (s + 1<<30 - 1) / (1 << 30) * (1 << 30)
	}
	if total := snapshot.MemTotal(); total > 0 && s > total {
		s = total
	}
	return s
}
