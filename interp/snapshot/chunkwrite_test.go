package snapshot

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	yaegi "github.com/traefik/yaegi/interp"
)

// A big value is hashed and written in parts on several goroutines: runs
// of changed chunks on both sides of a part boundary, at the start and at
// the end are written, nothing else is, and the file is the one a fresh
// save writes.
func TestParallelSaveWritesOnlyChangedChunks(t *testing.T) {
	const perChunk = chunkSize / 8
	old := newInterp(t, "")
	eval(t, old, fmt.Sprintf(`big := make([]float64, 12*%d); for i := range big { big[i] = float64(i) }`, perChunk))
	dir := t.TempDir()
	s := NewSaver(dir, 0)
	if r := s.Save(old.Globals(), nil, nil); r.Bytes < 12*chunkSize {
		t.Fatalf("first save wrote %d bytes", r.Bytes)
	}
	if r := s.Save(old.Globals(), nil, nil); len(r.Saved) != 0 || r.Unchanged != 1 {
		t.Fatalf("unchanged: %+v", r)
	}
	changed := []int{0, 3, 4, 5, 6, 7, 8, 11} // chunks of the slice's memory
	var src strings.Builder
	for _, c := range changed {
		fmt.Fprintf(&src, "big[%d] = -1\n", c*perChunk+c)
	}
	eval(t, old, src.String())
	r := s.Save(old.Globals(), nil, nil)
	if len(r.Saved) != 1 || r.Bytes != int64(len(changed))*chunkSize {
		t.Fatalf("changed chunks %v: saved %v, %d bytes written, want %d", changed, r.Saved, r.Bytes, len(changed)*chunkSize)
	}
	fresh := t.TempDir()
	NewSaver(fresh, 0).Save(old.Globals(), nil, nil)
	got, _ := os.ReadFile(filepath.Join(dir, "big"+varExt))
	want, _ := os.ReadFile(filepath.Join(fresh, "big"+varExt))
	if len(want) < 12*chunkSize || !bytes.Equal(got, want) {
		t.Fatalf("the updated file (%d bytes) differs from a fresh save (%d bytes)", len(got), len(want))
	}
	yi, _, lost := restoreInto(t, dir, `import "fmt"`)
	if len(lost) != 0 {
		t.Fatal(lost)
	}
	if got := show(t, yi, fmt.Sprintf("len(big), big[0], big[1], big[%d], big[%d], big[%d]", 3*perChunk+3, 11*perChunk+11, 12*perChunk-1)); got != fmt.Sprintf("%d -1 1 -1 -1 %v", 12*perChunk, float64(12*perChunk-1)) {
		t.Errorf("restored: %s", got)
	}
}

// envSaveLoop makes the test binary a process that saves a changing big
// value until it is killed (see TestKilledWhileSavingIsNeverMixed).
const envSaveLoop = "GOCELL_TEST_SAVE_LOOP"

func TestMain(m *testing.M) {
	if dir := os.Getenv(envSaveLoop); dir != "" {
		saveLoop(dir)
		return
	}
	os.Exit(m.Run())
}

// saveLoop sets every element of a 16 MiB slice to 1, 2, 3, ... and saves
// it after each change, forever.
func saveLoop(dir string) {
	yi := yaegi.New(yaegi.Options{})
	if _, err := yi.Eval(`big := make([]float64, 2<<20)`); err != nil {
		panic(err)
	}
	g := yi.Globals()
	big := g["big"].Interface().([]float64)
	s := NewSaver(dir, 0)
	for gen := 1.0; ; gen++ {
		for i := range big {
			big[i] = gen
		}
		if r := s.Save(g, []string{"big"}, nil); len(r.Saved) != 1 {
			panic(fmt.Sprint("not saved: ", r.NotSaved))
		}
	}
}

// An executor killed at any moment of saving a big value leaves either a
// whole value of one generation or a file reported as not saved: never
// chunks of two generations restored together.
func TestKilledWhileSavingIsNeverMixed(t *testing.T) {
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	torn := 0
	for round := 0; round < 8; round++ {
		dir := t.TempDir()
		cmd := exec.Command(exe, "-test.run=^$")
		cmd.Env = append(os.Environ(), envSaveLoop+"="+dir)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		file := filepath.Join(dir, "big"+varExt)
		for deadline := time.Now().Add(30 * time.Second); ; time.Sleep(time.Millisecond) {
			if fi, err := os.Stat(file); err == nil && fi.Size() > 16<<20 {
				break
			}
			if time.Now().After(deadline) {
				cmd.Process.Kill()
				t.Fatal("the saving process wrote nothing in 30s")
			}
		}
		time.Sleep(time.Duration(round*7) * time.Millisecond)
		cmd.Process.Kill()
		cmd.Wait()
		snap, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.NotSaved) == 1 && strings.Contains(snap.NotSaved[0].Reason, "stopped while saving") {
			torn++
			continue
		}
		yi, _, lost := restoreInto(t, dir, `import "fmt"`)
		if len(lost) != 0 {
			t.Fatalf("round %d: %v", round, lost)
		}
		if got := show(t, yi, `func() string { for i, v := range big { if v != big[0] { return fmt.Sprint("big[", i, "] = ", v, ", big[0] = ", big[0]) } }; return "one generation" }()`); got != "one generation" {
			t.Fatalf("round %d: a restored value mixes two saves: %s", round, got)
		}
	}
	t.Logf("%d of 8 kills landed while the value was being written", torn)
}
