//go:build unix

package snapshot

import (
	"errors"
	"os"
	"strconv"
	"strings"
	"syscall"
)

// processAlive reports whether a process with the id exists. EPERM means
// it exists but belongs to someone else.
func processAlive(pid int) bool {
	err := syscall.Kill(pid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}

// processStart is the process's start time in clock ticks since boot
// (field 22 of /proc/PID/stat) where /proc exists, else the pid alone
// identifies it.
func processStart(pid int) (string, bool) {
	b, err := os.ReadFile("/proc/" + strconv.Itoa(pid) + "/stat")
	if err != nil {
		if _, serr := os.Stat("/proc/self/stat"); serr != nil {
			return "", true // no /proc on this system
		}
		return "", false
	}
	// The command name (field 2) is in parentheses and may hold spaces:
	// count fields after its closing parenthesis.
	s := string(b)
	i := strings.LastIndexByte(s, ')')
	if i < 0 {
		return "", false
	}
	fields := strings.Fields(s[i+1:])
	const startField = 22 - 3 // fields 3.. follow the parenthesis
	if len(fields) <= startField {
		return "", false
	}
	return fields[startField], true
}

// ownedByUs reports whether the directory belongs to this user, so a
// kernel never removes another user's directory from a shared /tmp.
func ownedByUs(dir string) bool {
	fi, err := os.Lstat(dir)
	if err != nil {
		return false
	}
	st, ok := fi.Sys().(*syscall.Stat_t)
	return ok && int(st.Uid) == os.Getuid()
}
