package snapshot

import (
	"testing"

	"github.com/gocell/gocell/interp/interrupt"
	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// With the interruptible sync types the executor installs, a notebook
// struct embedding a Mutex, a WaitGroup after use and an unlocked RWMutex
// are saved and restored; a held lock is named.
func TestInterruptibleSyncTypesAreSaved(t *testing.T) {
	patched := func() *yaegi.Interpreter {
		yi := yaegi.New(yaegi.Options{})
		if err := yi.Use(interrupt.Patch(stdlib.Symbols)); err != nil {
			t.Fatal(err)
		}
		eval(t, yi, `import ("fmt"; "sync")
type Counter struct { sync.Mutex; n int }`)
		return yi
	}
	interrupt.Begin()
	old := patched()
	eval(t, old, `c := &Counter{n: 2}; c.Lock(); c.n++; c.Unlock()
var wg sync.WaitGroup; wg.Add(1); go wg.Done(); wg.Wait()
var rw sync.RWMutex; rw.RLock(); rw.RUnlock()
var held sync.Mutex; held.Lock()`)
	dir := t.TempDir()
	s := NewSaver(dir, 0)
	s.Types = TypesFrom(interrupt.Patch(stdlib.Symbols))
	rep := s.Save(old.Globals(), nil, map[string]string{"c": "*Counter"})
	if names(rep.NotSaved) != "held" || rep.NotSaved[0].Type != "sync.Mutex" {
		t.Fatalf("not saved: %v", rep.NotSaved)
	}
	snap, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	yi := patched()
	types := map[string]string{}
	for _, sv := range snap.Vars {
		types[sv.Name] = sv.Type
		eval(t, yi, "var "+sv.Name+" "+sv.Type)
	}
	if types["rw"] != "sync.RWMutex" || types["wg"] != "sync.WaitGroup" {
		t.Errorf("types written as %v, want the names the notebook uses", types)
	}
	if lost := Restore(snap.Vars, yi.Globals(), RestoreOptions{}); len(lost) != 0 {
		t.Fatal(lost)
	}
	if got := show(t, yi, `func() int { c.Lock(); defer c.Unlock(); wg.Add(1); go wg.Done(); wg.Wait(); rw.Lock(); rw.Unlock(); return c.n }()`); got != "3" {
		t.Errorf("c.n = %s", got)
	}
}
