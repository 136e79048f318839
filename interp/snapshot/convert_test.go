package snapshot

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A type redefined between save and restore: fields are matched by name,
// numbers widened, removed fields dropped, new fields zero.
func TestRestoreIntoChangedLayout(t *testing.T) {
	old := newInterp(t, "import \"fmt\"\ntype P struct { A int32; B string; Gone []int; inner struct{ Z float32 } }")
	eval(t, old, `p := P{A: 7, B: "b", Gone: []int{1}}; p.inner.Z = 1.5; ps := []P{p, p}; counts := []int32{1, 2, 3}`)
	dir := t.TempDir()
	rep := NewSaver(dir, 0).Save(old.Globals(), nil, map[string]string{"p": "P", "ps": "[]P"})
	if len(rep.NotSaved) != 0 {
		t.Fatal(rep.NotSaved)
	}
	yi, _, lost := restoreInto(t, dir, "import \"fmt\"\ntype P struct { New bool; B string; A int64; inner struct{ Z float64 } }\n")
	if len(lost) != 0 {
		t.Fatal(lost)
	}
	if got := show(t, yi, "p.A, p.B, p.New, p.inner.Z, len(ps), ps[1].A, counts"); got != "7 b false 1.5 2 7 [1 2 3]" {
		t.Errorf("converted value = %q", got)
	}

	// A change that cannot be converted loses that variable only, with
	// the path and both types in the reason.
	yi2 := newInterp(t, "import \"fmt\"\ntype P struct { B int; A int64 }\n")
	snap, _ := Load(dir)
	var vars strings.Builder
	for _, sv := range snap.Vars {
		vars.WriteString("var " + sv.Name + " " + sv.Type + "\n")
	}
	eval(t, yi2, vars.String())
	lost = Restore(snap.Vars, yi2.Globals(), RestoreOptions{})
	if names(lost) != "p ps" {
		t.Fatalf("lost = %v, want p and ps", lost)
	}
	if e := lost[0].Error(); !strings.Contains(e, "p.B") || !strings.Contains(e, "saved as string") || !strings.Contains(e, "int") {
		t.Errorf("reason does not name the field and the types: %s", e)
	}
	if got := show(t, yi2, "counts, p.A"); got != "[1 2 3] 0" {
		t.Errorf("other variables must still be restored and the lost one zero: %q", got)
	}
}

// What cannot be saved is named with the variable, the path inside it and
// the type; the other variables are still saved.
func TestNotSavedNamesPathAndType(t *testing.T) {
	old := newInterp(t, `import ("os"; "sync")
type Job struct { Name string; Done chan bool; Steps []func() }
type Guarded struct { mu sync.Mutex; N int }`)
	eval(t, old, `
jobs := map[string]*Job{"a": {Name: "a", Done: make(chan bool)}}
steps := Job{Name: "s", Steps: []func(){nil, func() {}}}
file, _ := os.Open(os.DevNull)
var once sync.Once
once.Do(func() {})
g := Guarded{N: 1}
g.mu.Lock()
ok := 1
`)
	dir := t.TempDir()
	rep := NewSaver(dir, 0).Save(old.Globals(), nil, map[string]string{"jobs": "map[string]*Job", "steps": "Job", "g": "Guarded"})
	want := map[string][2]string{
		"jobs":  {`["a"].Done`, "chan bool"},
		"steps": {".Steps[1]", "func()"},
		"file":  {"", "os.File"},
		"once":  {"", "sync.Once"},
		"g":     {".mu", "sync.Mutex"},
	}
	if len(rep.NotSaved) != len(want) {
		t.Fatalf("not saved: %v", rep.NotSaved)
	}
	for _, e := range rep.NotSaved {
		w, ok := want[e.Var]
		if !ok || e.Path != w[0] || e.Type != w[1] {
			t.Errorf("%s: path %q type %q, want %q %q (%v)", e.Var, e.Path, e.Type, w[0], w[1], e)
		}
	}
	if len(rep.Saved) != 1 || rep.Saved[0] != "ok" {
		t.Errorf("saved %v, want [ok]", rep.Saved)
	}
	snap, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if names(snap.NotSaved) != "file g jobs once steps" {
		t.Errorf("a restore would report %q", names(snap.NotSaved))
	}
	// Once the variable can be saved again, it is no longer reported.
	eval(t, old, `g.mu.Unlock(); jobs = nil`)
	s := NewSaver(dir, 0)
	s.Save(old.Globals(), []string{"g", "jobs"}, map[string]string{"g": "Guarded", "jobs": "map[string]*Job"})
	snap, _ = Load(dir)
	if names(snap.NotSaved) != "file once steps" {
		t.Errorf("after fixing g and jobs, not saved = %q", names(snap.NotSaved))
	}
}

// Only changed variables are written; an unchanged big value is checked,
// not rewritten.
func TestSaveWritesOnlyChanges(t *testing.T) {
	old := newInterp(t, "")
	eval(t, old, `a := 1; b := []float64{1, 2, 3}; m := map[int]string{3: "c", 1: "a", 2: "b"}`)
	dir := t.TempDir()
	s := NewSaver(dir, 0)
	if r := s.Save(old.Globals(), nil, nil); len(r.Saved) != 3 {
		t.Fatalf("first save: %+v", r)
	}
	if r := s.Save(old.Globals(), nil, nil); len(r.Saved) != 0 || r.Unchanged != 3 {
		t.Fatalf("nothing changed, yet: %+v", r)
	}
	eval(t, old, `b[1] = 5; m[4] = "d"`)
	r := s.Save(old.Globals(), nil, nil)
	if strings.Join(r.Saved, " ") != "b m" || r.Unchanged != 1 {
		t.Fatalf("after changing b and m: %+v", r)
	}
	ents, _ := os.ReadDir(dir)
	if len(ents) != 3 {
		t.Errorf("directory holds %d files, want 3 (no temporary files left)", len(ents))
	}
}

// The size bound: a value that would make the snapshot too big is named as
// not saved, and its older version is not restored.
func TestSizeBound(t *testing.T) {
	old := newInterp(t, "")
	eval(t, old, `small := []int{1, 2}; big := make([]float64, 1000)`)
	dir := t.TempDir()
	s := NewSaver(dir, 4096)
	r := s.Save(old.Globals(), nil, nil)
	if names(r.NotSaved) != "big" || !strings.Contains(r.NotSaved[0].Reason, EnvLimit) {
		t.Fatalf("not saved: %v", r.NotSaved)
	}
	eval(t, old, `big = big[:10]`)
	if r := s.Save(old.Globals(), nil, nil); len(r.NotSaved) != 0 {
		t.Fatalf("a small big is saved: %v", r.NotSaved)
	}
	eval(t, old, `big = make([]float64, 2000)`)
	s.Save(old.Globals(), nil, nil)
	if _, err := os.Stat(filepath.Join(dir, "big"+varExt)); !os.IsNotExist(err) {
		t.Errorf("the outdated version of big is still in the snapshot")
	}
}

func TestParseBytes(t *testing.T) {
	for in, want := range map[string]int64{"4GiB": 4 << 30, "512MiB": 512 << 20, "2G": 2 << 30, "1.5GB": 1.5e9, "1048576": 1 << 20, " 64 k ": 64 << 10} {
		if got, err := ParseBytes(in); err != nil || got != want {
			t.Errorf("ParseBytes(%q) = %d, %v; want %d", in, got, err, want)
		}
	}
	for _, in := range []string{"", "GiB", "4 parsecs", "-1G", "four"} {
		if _, err := ParseBytes(in); err == nil || !strings.Contains(err.Error(), "GiB") {
			t.Errorf("ParseBytes(%q) error %v does not say how to write a size", in, err)
		}
	}
	if FormatBytes(3<<30) != "3GiB" || FormatBytes(1536<<20) != "1.5GiB" || FormatBytes(12) != "12B" {
		t.Errorf("FormatBytes: %s %s %s", FormatBytes(3<<30), FormatBytes(1536<<20), FormatBytes(12))
	}
}

func TestDamagedFileIsReportedNotFatal(t *testing.T) {
	old := newInterp(t, "")
	eval(t, old, `a := []string{"x", "y"}; b := 2`)
	dir := t.TempDir()
	NewSaver(dir, 0).Save(old.Globals(), nil, nil)
	data, _ := os.ReadFile(filepath.Join(dir, "a"+varExt))
	os.WriteFile(filepath.Join(dir, "a"+varExt), data[:len(data)-3], 0o600)
	yi, _, lost := restoreInto(t, dir, "import \"fmt\"")
	if names(lost) != "a" || !strings.Contains(lost[0].Reason, "cut short") {
		t.Fatalf("lost = %v", lost)
	}
	if got := show(t, yi, "a == nil, b"); got != "true 2" {
		t.Errorf("got %q", got)
	}
}

// A change to one element of a big slice rewrites one chunk of its file,
// and the restored value has the change.
func TestBigValueRewritesOnlyChangedChunks(t *testing.T) {
	old := newInterp(t, "")
	eval(t, old, `big := make([]float64, 1<<20); for i := range big { big[i] = float64(i) }`)
	dir := t.TempDir()
	s := NewSaver(dir, 0)
	if r := s.Save(old.Globals(), nil, nil); r.Bytes < 8<<20 {
		t.Fatalf("first save wrote %d bytes", r.Bytes)
	}
	eval(t, old, `big[500000] = -1`)
	r := s.Save(old.Globals(), nil, nil)
	if len(r.Saved) != 1 || r.Bytes != chunkSize {
		t.Fatalf("one changed element: saved %v, %d bytes written, want one chunk (%d)", r.Saved, r.Bytes, chunkSize)
	}
	eval(t, old, `big = append(big[:10], 7)`)
	if r := s.Save(old.Globals(), nil, nil); len(r.Saved) != 1 {
		t.Fatalf("shrunk: %+v", r)
	}
	yi, _, lost := restoreInto(t, dir, `import "fmt"`)
	if len(lost) != 0 {
		t.Fatal(lost)
	}
	if got := show(t, yi, "big"); got != "[0 1 2 3 4 5 6 7 8 9 7]" {
		t.Errorf("big = %s", got)
	}
}

// A file the executor was writing when it died is named, not restored.
func TestTornWriteIsReported(t *testing.T) {
	old := newInterp(t, "")
	eval(t, old, `a := []int{1, 2, 3}; b := 2`)
	dir := t.TempDir()
	NewSaver(dir, 0).Save(old.Globals(), nil, nil)
	file := filepath.Join(dir, "a"+varExt)
	data, _ := os.ReadFile(file)
	data[0] = stateWriting
	os.WriteFile(file, data, 0o600)
	snap, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	if names(snap.NotSaved) != "a" || !strings.Contains(snap.NotSaved[0].Reason, "stopped while saving") || len(snap.Vars) != 1 {
		t.Fatalf("not saved: %v, vars %d", snap.NotSaved, len(snap.Vars))
	}
}
