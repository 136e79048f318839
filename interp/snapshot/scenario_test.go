package snapshot

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gocell/gocell/interp/interrupt"
	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// A notebook's life over two executor crashes: cells change a few
// variables each, the session saves only what each cell named, an
// interrupt in the middle keeps everything, and each restore brings back
// every value with its sharing, in an executor that saves on from there.
func TestScenarioCrashesAndTouchedSaves(t *testing.T) {
	const decls = `import ("fmt"; "sync"; "time")
type P struct { X int; Tags []string }
type Reg struct { mu sync.Mutex; byName map[string]*P }`
	hints := map[string]string{"a": "*P", "b": "*P", "m": "map[string]*P", "reg": "Reg"}
	symbols := interrupt.Patch(stdlib.Symbols)
	types := TypesFrom(symbols)
	start := func() *yaegi.Interpreter {
		yi := yaegi.New(yaegi.Options{})
		if err := yi.Use(symbols); err != nil {
			t.Fatal(err)
		}
		eval(t, yi, decls)
		return yi
	}
	restore := func(dir string) *yaegi.Interpreter {
		snap, err := Load(dir)
		if err != nil {
			t.Fatal(err)
		}
		if len(snap.NotSaved) != 0 {
			t.Fatalf("not saved: %v", snap.NotSaved)
		}
		yi := start()
		var vars strings.Builder
		for _, sv := range snap.Vars {
			vars.WriteString("var " + sv.Name + " " + sv.Type + "\n")
		}
		eval(t, yi, vars.String())
		if lost := Restore(snap.Vars, yi.Globals(), RestoreOptions{Types: types}); len(lost) != 0 {
			t.Fatalf("lost: %v", lost)
		}
		return yi
	}
	cell := func(yi *yaegi.Interpreter, s *Saver, code string, touched ...string) Report {
		t.Helper()
		interrupt.Begin()
		eval(t, yi, code)
		return s.Save(yi.Globals(), touched, hints)
	}

	dir := t.TempDir()
	yi := start()
	s := NewSaver(dir, 0)
	s.Types = types
	cell(yi, s, `a := &P{X: 1}; b := a; m := map[string]*P{"a": a}; big := make([]float64, 1<<18)
reg := Reg{byName: m}; n := 0`, "a", "b", "m", "big", "reg", "n")
	// The cell names only a, but b, m and reg hold the same object.
	r := cell(yi, s, `a.X = 2; a.Tags = append(a.Tags, "two")`, "a")
	if strings.Join(r.Saved, " ") != "a b m reg" {
		t.Fatalf("saved %v, want a and every variable sharing its object", r.Saved)
	}
	// An interrupted cell changes nothing and the executor stays.
	interrupt.Begin()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Millisecond)
	defer cancel()
	if _, err := yi.EvalWithContext(ctx, `n = 1; reg.mu.Lock(); time.Sleep(time.Hour); n = 2`); err != context.DeadlineExceeded {
		t.Fatalf("interrupted cell: %v", err)
	}
	interrupt.Interrupt()
	time.Sleep(20 * time.Millisecond)
	r = cell(yi, s, `reg.mu.Unlock(); n++`, "n", "reg")
	if strings.Join(r.Saved, " ") != "n" {
		t.Fatalf("saved %v, want n only", r.Saved)
	}

	yi = restore(dir) // first crash
	if got := show(t, yi, `a.X, b == a, m["a"] == a, reg.byName["a"] == a, a.Tags, n, len(big)`); got != "2 true true true [two] 2 262144" {
		t.Fatalf("after the first restore: %s", got)
	}
	s = NewSaver(dir, 0)
	s.Types = types
	r = cell(yi, s, `big[7] = 5`, "big")
	if len(r.Saved) != 6 {
		t.Fatalf("the first save after a restore saves every variable (new addresses): %v", r.Saved)
	}
	r = cell(yi, s, `b.X = 3; reg.byName["c"] = &P{X: 9}`, "b", "reg")
	if strings.Join(r.Saved, " ") != "a b m reg" {
		t.Fatalf("saved %v", r.Saved)
	}

	yi = restore(dir) // second crash
	if got := show(t, yi, `a.X, a == b, m["a"] == b, m["c"].X, reg.byName["c"] == m["c"], big[7], n`); got != "3 true true 9 true 5 2" {
		t.Fatalf("after the second restore: %s", got)
	}
	if got := show(t, yi, `func() bool { reg.mu.Lock(); defer reg.mu.Unlock(); return true }()`); got != "true" {
		t.Fatalf("the restored lock: %s", got)
	}
}
