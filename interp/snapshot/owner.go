package snapshot

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// A kernel that is killed outright (SIGKILL, a crash of the machine's
// session) cannot remove its snapshot directory, and a notebook's values
// can be large. Each directory therefore names its owner — the kernel's
// process id and that process's start time, so a reused id is not taken
// for the same kernel — and a new store removes the directories of
// owners that are gone.

const (
	dirPrefix = "gocell-snapshot-"
	ownerFile = "owner"
)

// processIdentity says which process we are: pid and, where the system
// tells, its start time.
func processIdentity(pid int) (string, bool) {
	start, ok := processStart(pid)
	if !ok {
		return "", false
	}
	if start == "" {
		return strconv.Itoa(pid), true
	}
	return strconv.Itoa(pid) + " " + start, true
}

// writeOwner records the current process as the directory's owner.
func writeOwner(dir string) error {
	id, ok := processIdentity(os.Getpid())
	if !ok {
		return nil // nothing to record: the directory is never reclaimed by others
	}
	return os.WriteFile(filepath.Join(dir, ownerFile), []byte(id+"\n"), 0o600)
}

// ownerGone reports whether the directory's recorded owner is no longer
// running. A directory without a readable owner record is not judged:
// it may be a kernel of an older version, or one still being created.
func ownerGone(dir string) bool {
	b, err := os.ReadFile(filepath.Join(dir, ownerFile))
	if err != nil {
		return false
	}
	recorded := strings.TrimSpace(string(b))
	pidText, _, _ := strings.Cut(recorded, " ")
	pid, err := strconv.Atoi(pidText)
	if err != nil || pid <= 0 {
		return false
	}
	if !processAlive(pid) {
		return true
	}
	current, ok := processIdentity(pid)
	return ok && current != recorded // the id now belongs to another process
}

// RemoveAbandoned deletes the snapshot directories under parent (the
// temporary directory when empty) whose kernels are gone, and reports
// how many it removed. Directories of running kernels, of other users
// and without an owner record are left alone.
func RemoveAbandoned(parent string) (int, error) {
	if parent == "" {
		parent = os.TempDir()
	}
	ents, err := os.ReadDir(parent)
	if err != nil {
		return 0, fmt.Errorf("listing %s for abandoned snapshots: %w", parent, err)
	}
	removed := 0
	for _, e := range ents {
		if !e.IsDir() || !strings.HasPrefix(e.Name(), dirPrefix) {
			continue
		}
		dir := filepath.Join(parent, e.Name())
		if !ownedByUs(dir) || !ownerGone(dir) {
			continue
		}
		if os.RemoveAll(dir) == nil {
			removed++
		}
	}
	return removed, nil
}
