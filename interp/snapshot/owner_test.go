package snapshot

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strconv"
	"testing"
)

// TestRemoveAbandoned: a directory whose kernel died is removed; one of
// a running process, one without an owner record and unrelated
// directories are kept.
func TestRemoveAbandoned(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("abandoned directories are not judged on this system")
	}
	parent := t.TempDir()
	mk := func(name, owner string) string {
		dir := filepath.Join(parent, name)
		if err := os.Mkdir(dir, 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "x.var"), []byte("value"), 0o600); err != nil {
			t.Fatal(err)
		}
		if owner != "" {
			if err := os.WriteFile(filepath.Join(dir, ownerFile), []byte(owner+"\n"), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		return dir
	}

	// A process that has exited: its id is no longer running (or, if the
	// id was reused meanwhile, by a process with another start time).
	cmd := exec.Command("true")
	if err := cmd.Run(); err != nil {
		t.Skipf("cannot run a child process: %v", err)
	}
	deadID := strconv.Itoa(cmd.Process.Pid) + " 1"
	dead := mk(dirPrefix+"dead", deadID)

	live, ok := processIdentity(os.Getpid())
	if !ok {
		t.Skip("this system does not tell a process's identity")
	}
	running := mk(dirPrefix+"live", live)
	// Our pid with another start time: the id was reused by us, the
	// recorded kernel is gone.
	reused := mk(dirPrefix+"reused", strconv.Itoa(os.Getpid())+" 999999999999")
	noOwner := mk(dirPrefix+"old", "")
	other := mk("not-a-snapshot", deadID)

	n, err := RemoveAbandoned(parent)
	if err != nil {
		t.Fatal(err)
	}
	exists := func(dir string) bool { _, err := os.Stat(dir); return err == nil }
	if exists(dead) {
		t.Errorf("the directory of an exited kernel was kept")
	}
	wantReused := processStartKnown()
	if exists(reused) == wantReused {
		t.Errorf("directory whose pid was reused: kept=%v, want kept=%v", exists(reused), !wantReused)
	}
	for _, dir := range []string{running, noOwner, other} {
		if !exists(dir) {
			t.Errorf("%s was removed", filepath.Base(dir))
		}
	}
	want := 1
	if wantReused {
		want = 2
	}
	if n != want {
		t.Errorf("removed %d directories, want %d", n, want)
	}
}

// processStartKnown reports whether start times tell reused ids apart here.
func processStartKnown() bool {
	s, ok := processStart(os.Getpid())
	return ok && s != ""
}

// TestStoreOwnerSurvivesClear: a restart clears values, not ownership.
func TestStoreOwnerSurvivesClear(t *testing.T) {
	st, err := NewStore()
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	if err := os.WriteFile(filepath.Join(st.Dir(), "x.var"), []byte("v"), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := st.Clear(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(st.Dir(), "x.var")); !os.IsNotExist(err) {
		t.Errorf("Clear kept a value: %v", err)
	}
	if _, ok := processIdentity(os.Getpid()); ok {
		if _, err := os.Stat(filepath.Join(st.Dir(), ownerFile)); err != nil {
			t.Errorf("Clear removed the owner record: %v", err)
		}
	}
	if ownerGone(st.Dir()) {
		t.Errorf("the running process's own directory is judged abandoned")
	}
}
