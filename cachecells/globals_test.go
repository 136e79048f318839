package cachecells

import (
	"errors"
	"reflect"
	"strings"
	"sync"
	"testing"
)

// Rule 4: a read global that cannot be hashed by content (here a *fakeDB,
// which holds atomics, and a lock held by value) is keyed by identity: the
// same object hits, a replaced object misses, and nothing panics. Globals
// the function writes (State) are not in the key at all.
func TestGlobalsByIdentityAndState(t *testing.T) {
	h := newHarness(t, "")
	db := &fakeDB{id: 1}
	var guard sync.Mutex // read by value: keyed by its address
	var mu sync.Mutex    // locked by the function: state
	calls := 0           // incremented by the function: state
	threshold := 0.5
	s := spec[int]("Query", dataOpts, false, "q")
	s.Globals = func() map[string]reflect.Value {
		return map[string]reflect.Value{
			"db":        reflect.ValueOf(&db).Elem(),
			"guard":     reflect.ValueOf(&guard).Elem(),
			"mu":        reflect.ValueOf(&mu).Elem(),
			"calls":     reflect.ValueOf(&calls).Elem(),
			"threshold": reflect.ValueOf(&threshold).Elem(),
		}
	}
	s.State = []StateVar{{Name: "mu", Reason: "Query calls mu.Lock"}, {Name: "calls", Reason: "written by Query"}}
	f := h.register(s)
	runs := 0
	query := func() int {
		out, err := f.Call([]any{"q"}, func() []any {
			mu.Lock()
			defer mu.Unlock()
			calls++
			runs++
			return []any{db.id * 10}
		})
		if err != nil {
			t.Fatalf("Call: %v", err)
		}
		return out[0].(int)
	}
	query()
	query() // calls changed and mu was used: still a hit
	db.ok.Store(true)
	query() // the same object, its state changed: a hit
	if runs != 1 {
		t.Fatalf("%d runs, want 1 (state and the same object must hit)", runs)
	}
	db = &fakeDB{id: 2}
	if v := query(); v != 20 || runs != 2 {
		t.Fatalf("replaced object: %d (runs %d), want a miss giving 20", v, runs)
	}
	threshold = 0.7
	if query(); runs != 3 {
		t.Fatal("a changed read global hit")
	}
	why := h.c.Why("Query")
	for _, want := range []string{
		"global threshold changed",
		"db: by identity", "guard: by identity", "threshold: by content",
		"calls: written by Query, not in the key", "mu: Query calls mu.Lock, not in the key",
	} {
		if !strings.Contains(why, want) {
			t.Errorf("Why lacks %q:\n%s", want, why)
		}
	}
	if strings.Contains(why, "- calls: by") || strings.Contains(why, "- mu: by") {
		t.Errorf("state listed in the key:\n%s", why)
	}
}

// Identity-keyed entries are not persisted: a restarted session could
// reuse an address for another object.
func TestIdentityKeysAreNotPersisted(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, dir)
	db := &fakeDB{id: 1}
	s := spec[int]("Q", persistOpts, false)
	s.Globals = func() map[string]reflect.Value { return map[string]reflect.Value{"db": reflect.ValueOf(&db).Elem()} }
	f := h.register(s)
	runs := 0
	for i := 0; i < 3; i++ {
		h.call(f, nil, func() []any { runs++; return []any{1} })
	}
	if runs != 1 {
		t.Fatalf("%d runs, want 1 (memory hits)", runs)
	}
	if files := diskFiles(t, dir); len(files) != 0 {
		t.Fatalf("identity-keyed entry persisted: %v", files)
	}
	if w := h.warnings(); len(w) != 1 || !strings.Contains(w[0], "db") || !strings.Contains(w[0], "memory only") {
		t.Fatalf("warnings %q", w)
	}
}

// A failure while computing the key is an error value, never a panic, so
// it cannot escape into (and end) the goroutine that called.
func TestKeyErrorsAreValues(t *testing.T) {
	h := newHarness(t, "")
	s := spec[int]("F", dataOpts, false)
	s.Globals = func() map[string]reflect.Value { panic("registry gone") }
	f := h.register(s)
	errc := make(chan error, 1)
	go func() {
		_, err := f.Call(nil, func() []any { return []any{1} })
		errc <- err
	}()
	err := <-errc
	var ke *KeyError
	if !errors.As(err, &ke) || !strings.Contains(err.Error(), "registry gone") || ke.Func != "F" {
		t.Fatalf("err = %v", err)
	}
}

// Rule 2: redefining, then a layout-only edit (same code hash, registered
// again), then reverting to the first body hits the first entry.
func TestRevertAfterRedefinitions(t *testing.T) {
	h := newHarness(t, "")
	s := spec[int]("F", dataOpts, false, "n")
	runs := 0
	call := func(v int) int {
		return h.call(h.register(s), []any{1}, func() []any { runs++; return []any{v} })[0].(int)
	}
	s.CodeHash = 100
	call(1)
	s.CodeHash = 200 // redefined
	call(2)
	s.CodeHash = 200 // layout only: the same hash, registered again
	call(2)
	s.CodeHash = 100 // reverted
	if v := call(99); v != 1 || runs != 2 {
		t.Fatalf("revert: got %d after %d runs, want the first entry (1) after 2 runs", v, runs)
	}
}
