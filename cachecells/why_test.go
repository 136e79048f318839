package cachecells

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// Rule 13: Why names the part of the key that changed.
func TestWhy(t *testing.T) {
	h := newHarness(t, "")
	threshold := 0.5
	s := spec[int]("F", dataOpts, false, "year", "rows", "_db")
	s.Decls = map[string]uint64{"F": 1, "helper": 10}
	s.Globals = func() map[string]reflect.Value {
		return map[string]reflect.Value{"threshold": reflect.ValueOf(&threshold).Elem()}
	}
	f := h.register(s)
	call := func(year int, rows []int) {
		h.call(f, []any{year, rows, nil}, func() []any { return []any{1} })
	}
	if got := h.c.Why("F"); !strings.Contains(got, "not missed yet") {
		t.Errorf("before any call: %q", got)
	}
	call(2023, []int{1})
	if got := h.c.Why("F"); !strings.Contains(got, "first call") {
		t.Errorf("first call: %q", got)
	}
	steps := []struct {
		do   func()
		want []string
		not  []string
	}{
		{func() { call(2024, []int{1}) }, []string{"argument year changed: 2023 → 2024"}, []string{"rows", "threshold", "source"}},
		{func() { call(2024, []int{2}) }, []string{"argument rows changed"}, []string{"year", "→"}},
		{func() { threshold = 0.7; call(2024, []int{2}) }, []string{"global threshold changed: 0.5 → 0.7"}, []string{"argument"}},
		{func() {
			s.CodeHash, s.Decls = 2, map[string]uint64{"F": 1, "helper": 11}
			h.register(s)
			call(2024, []int{2})
		}, []string{"source of declaration helper changed"}, []string{"declaration F ", "argument", "global"}},
		{func() {
			s.CodeHash, s.Decls = 3, map[string]uint64{"F": 1, "helper": 11, "other": 5}
			h.register(s)
			call(2024, []int{2})
		}, []string{"declaration other is newly reached"}, []string{"helper"}},
	}
	for i, st := range steps {
		st.do()
		got := h.c.Why("F")
		for _, w := range st.want {
			if !strings.Contains(got, w) {
				t.Errorf("step %d: %q lacks %q", i, got, w)
			}
		}
		// The list of globals in the key follows the differences.
		diff, _, _ := strings.Cut(got, "\nPackage-level")
		for _, w := range st.not {
			if strings.Contains(diff, w) {
				t.Errorf("step %d: %q should not mention %q", i, got, w)
			}
		}
	}
	// A hit is reported as such; the last miss is still explained.
	call(2024, []int{2})
	if got := h.c.Why("F"); !strings.Contains(got, "last call was a hit") || !strings.Contains(got, "other") {
		t.Errorf("after a hit: %q", got)
	}
	// Same key after a clear: the entry was gone.
	h.c.Clear("F")
	call(2024, []int{2})
	if got := h.c.Why("F"); !strings.Contains(got, "same key") || !strings.Contains(got, "cleared") {
		t.Errorf("after clear: %q", got)
	}
	if got := h.c.Why("G"); !strings.Contains(got, "no cached function named G") {
		t.Errorf("unknown: %q", got)
	}
}

func TestStats(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[[]float64]("Load", Options{Kind: Data, TTL: time.Hour, MaxEntries: 5}, false, "n"))
	r := h.register(spec[*fakeDB]("Open", resOpts, false))
	compute := func() []any { time.Sleep(2 * time.Millisecond); return []any{make([]float64, 1000)} }
	h.call(f, []any{1}, compute)
	h.call(f, []any{1}, compute)
	h.call(f, []any{1}, compute)
	h.call(f, []any{2}, compute)
	h.call(r, nil, func() []any { return []any{&fakeDB{}} })
	st := h.c.Stats()
	if len(st) != 2 || st[0].Name != "Load" || st[1].Name != "Open" {
		t.Fatalf("stats %+v", st)
	}
	l := st[0]
	if l.Entries != 2 || l.Hits != 2 || l.Misses != 2 || l.TTL != time.Hour || l.MaxEntries != 5 {
		t.Errorf("Load stats %+v", l)
	}
	if l.Bytes < 16000 || l.Bytes > 20000 {
		t.Errorf("bytes %d, want about 16000", l.Bytes)
	}
	if l.TimeSaved < 4*time.Millisecond {
		t.Errorf("time saved %v, want ≥ 4ms", l.TimeSaved)
	}
	b := RenderStats(st)
	plain, _ := b["text/plain"].(string)
	html, _ := b["text/html"].(string)
	for _, want := range []string{"Load", "Open", "cache_resource", "2 / 5", "1h0m0s", "hits", "time saved"} {
		if !strings.Contains(plain, want) || !strings.Contains(html, want) {
			t.Errorf("rendered stats lack %q:\n%s\n%s", want, plain, html)
		}
	}
	if !strings.Contains(html, "<table") {
		t.Error("no html table")
	}
	if empty := RenderStats(nil); !strings.Contains(empty["text/plain"].(string), "No cached functions") {
		t.Error("empty stats")
	}
}
