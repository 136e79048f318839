package cachecells

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/gocell/gocell/display"
)

type sale struct {
	Region string
	Amount float64
	When   time.Time
	Tags   map[string]int
}

var persistOpts = Options{Kind: Data, Persist: PersistDisk, TTL: time.Hour}

func diskFiles(t *testing.T, dir string) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*"+diskSuffix))
	return files
}

// Rule 12: a second Cache on the same directory (a restarted kernel) hits
// on disk, with values, types and outputs intact.
func TestDiskRoundTrip(t *testing.T) {
	dir := t.TempDir()
	when := time.Date(2023, 5, 6, 7, 8, 9, 10, time.UTC)
	st := reflect.StructOf([]reflect.StructField{
		{Name: "Name", Type: reflect.TypeFor[string]()},
		{Name: "Xhidden", Type: reflect.TypeFor[[]int]()},
	})
	mkStruct := func() any {
		v := reflect.New(st).Elem()
		v.Field(0).SetString("interp")
		v.Field(1).Set(reflect.ValueOf([]int{4, 5}))
		return v.Interface()
	}
	specs := func() []Spec {
		return []Spec{
			spec[[]float64]("Floats", persistOpts, true, "n"),
			spec[[]sale]("Sales", persistOpts, false, "year"),
			{Name: "Interp", Options: persistOpts, CodeHash: 3, NumResults: 1,
				NewResults: func() []any { return []any{reflect.New(st).Interface()} }},
		}
	}
	computes := []func() []any{
		func() []any { return []any{[]float64{1.5, 2.5, 3.5}, nil} },
		func() []any {
			return []any{[]sale{{"north", 10, when, map[string]int{"a": 1}}, {"south", 20, when, nil}}}
		},
		func() []any { return []any{mkStruct()} },
	}
	args := [][]any{{3}, {2024}, nil}

	h1 := newHarness(t, dir)
	var first [][]any
	for i, s := range specs() {
		f := h1.register(s)
		first = append(first, h1.call(f, args[i], func() []any {
			h1.print("computing " + s.Name + "\n")
			h1.pub(display.Output{Kind: display.DisplayData, DisplayID: "d", Data: display.MIMEBundle{"text/plain": "plot", "image/png": "iVBOR"}})
			return computes[i]()
		}))
	}
	if len(h1.warnings()) != 0 {
		t.Fatalf("warnings: %v", h1.warnings())
	}
	if n := len(diskFiles(t, dir)); n != 3 {
		t.Fatalf("%d files written, want 3", n)
	}

	h2 := newHarness(t, dir)
	for i, s := range specs() {
		f := h2.register(s)
		out := h2.call(f, args[i], func() []any { t.Fatalf("%s recomputed after restart", s.Name); return nil })
		if !reflect.DeepEqual(out, first[i]) {
			t.Errorf("%s: after restart %#v, want %#v", s.Name, out, first[i])
		}
	}
	// The default replay shows the displays, not the printed text.
	outs := h2.outputs()
	if len(outs) != 3 || outs[0].Kind != display.DisplayData || !isCached(outs[0]) ||
		outs[0].Data["image/png"] != "iVBOR" || outs[0].DisplayID == "d" {
		t.Errorf("replayed outputs after restart: %+v", outs)
	}
	if st := h2.c.Stats(); st[0].Hits != 1 || st[0].Entries != 1 {
		t.Errorf("stats after disk hit: %+v", st[0])
	}
	if len(h2.warnings()) != 0 {
		t.Errorf("warnings: %v", h2.warnings())
	}
	// The file keeps the printed text: a session whose directive says
	// replay=all shows it.
	h3 := newHarness(t, dir)
	s0 := specs()[0]
	s0.Options.Replay = ReplayAll
	h3.call(h3.register(s0), args[0], func() []any { t.Fatal("recomputed"); return nil })
	if got := texts(h3.outputs()); !equal(got, []string{"computing Floats\n", "display_data:plot"}) {
		t.Errorf("replay=all after restart: %q", got)
	}
	// Clear deletes the files.
	if err := h2.c.Clear("Floats"); err != nil || len(diskFiles(t, dir)) != 2 {
		t.Errorf("Clear(Floats): %v, files %v", err, diskFiles(t, dir))
	}
	if err := h2.c.Clear(""); err != nil || len(diskFiles(t, dir)) != 0 {
		t.Errorf("Clear(): %v, files %v", err, diskFiles(t, dir))
	}
}

// Rule 12: the stored TTL is honoured after a restart.
func TestDiskTTLAcrossRestart(t *testing.T) {
	dir := t.TempDir()
	h1 := newHarness(t, dir)
	f := h1.register(spec[int]("F", persistOpts, false))
	h1.call(f, nil, func() []any { return []any{1} })

	h2 := newHarness(t, dir)
	h2.advance(59 * time.Minute)
	g := h2.register(spec[int]("F", persistOpts, false))
	h2.call(g, nil, func() []any { t.Fatal("recomputed before the ttl"); return nil })

	h3 := newHarness(t, dir)
	h3.advance(61 * time.Minute)
	runs := 0
	g3 := h3.register(spec[int]("F", persistOpts, false))
	if v := h3.call(g3, nil, func() []any { runs++; return []any{2} })[0]; v != 2 || runs != 1 {
		t.Fatalf("expired file served: %v (runs %d)", v, runs)
	}
	if len(h3.warnings()) != 0 {
		t.Errorf("expiry warned: %v", h3.warnings())
	}
}

// Rule 12: corrupt, truncated or mismatched files are a miss plus a
// warning, never a crash.
func TestDiskCorruptFiles(t *testing.T) {
	damage := []struct {
		name string
		fn   func(path string, data []byte) []byte
		warn string
	}{
		{"flipped data byte", func(_ string, d []byte) []byte { d[len(d)-40] ^= 0xff; return d }, "not authenticated"},
		{"flipped header byte", func(_ string, d []byte) []byte { d[20] ^= 0x01; return d }, "not authenticated"},
		{"flipped last byte", func(_ string, d []byte) []byte { d[len(d)-1] ^= 0x01; return d }, "not authenticated"},
		{"flipped mac byte", func(_ string, d []byte) []byte { d[frameOf(t, d).macOff()] ^= 0x01; return d }, "not authenticated"},
		{"flipped tag byte", func(_ string, d []byte) []byte { d[frameOf(t, d).tagsOff()+3] ^= 0x01; return d }, "not authenticated"},
		{"truncated", func(_ string, d []byte) []byte { return d[:len(d)-20] }, "truncated"},
		{"truncated in header", func(_ string, d []byte) []byte { return d[:30] }, "truncated"},
		{"empty", func(_ string, d []byte) []byte { return nil }, "truncated"},
		{"garbage", func(_ string, d []byte) []byte { return []byte(strings.Repeat("x", 200)) }, "magic"},
		{"extra bytes", func(_ string, d []byte) []byte { return append(d, 1, 2, 3) }, "not authenticated"},
		{"old format", func(_ string, d []byte) []byte { copy(d, "GOCELLC\x01"); return d }, "magic"},
	}
	for _, dm := range damage {
		t.Run(dm.name, func(t *testing.T) {
			dir := t.TempDir()
			h1 := newHarness(t, dir)
			f := h1.register(spec[[]sale]("F", persistOpts, false, "a"))
			h1.call(f, []any{1}, func() []any { return []any{[]sale{{Region: "x", Amount: 1}}} })
			files := diskFiles(t, dir)
			if len(files) != 1 {
				t.Fatalf("files: %v", files)
			}
			data, _ := os.ReadFile(files[0])
			if err := os.WriteFile(files[0], dm.fn(files[0], data), 0o644); err != nil {
				t.Fatal(err)
			}
			h2 := newHarness(t, dir)
			g := h2.register(spec[[]sale]("F", persistOpts, false, "a"))
			runs := 0
			out := h2.call(g, []any{1}, func() []any { runs++; return []any{[]sale{{Region: "new"}}} })
			if runs != 1 || out[0].([]sale)[0].Region != "new" {
				t.Fatalf("damaged file served: %v", out)
			}
			w := h2.warnings()
			if len(w) != 1 || !strings.Contains(w[0], dm.warn) || !strings.Contains(w[0], "F") {
				t.Fatalf("warnings %q, want one mentioning %q", w, dm.warn)
			}
			// The recomputed entry replaced the damaged file.
			h3 := newHarness(t, dir)
			g3 := h3.register(spec[[]sale]("F", persistOpts, false, "a"))
			out = h3.call(g3, []any{1}, func() []any { t.Fatal("rewritten file not used"); return nil })
			if out[0].([]sale)[0].Region != "new" {
				t.Fatalf("rewritten file holds %v", out)
			}
		})
	}
}

func TestDiskFileForOtherKey(t *testing.T) {
	dir := t.TempDir()
	h := newHarness(t, dir)
	f := h.register(spec[int]("F", persistOpts, false, "a"))
	h.call(f, []any{1}, func() []any { return []any{1} })
	h.call(f, []any{2}, func() []any { return []any{2} })
	files := diskFiles(t, dir)
	data, _ := os.ReadFile(files[0])
	os.WriteFile(files[1], data, 0o644) // one key's file under another key's name
	h2 := newHarness(t, dir)
	g := h2.register(spec[int]("F", persistOpts, false, "a"))
	h2.call(g, []any{1}, func() []any { return []any{1} })
	h2.call(g, []any{2}, func() []any { return []any{2} })
	if w := h2.warnings(); len(w) != 1 || !strings.Contains(w[0], "belongs to") {
		t.Fatalf("warnings %q", w)
	}
}

// Values gob cannot carry faithfully stay in memory, with one warning.
func TestDiskDeclinesUnencodable(t *testing.T) {
	type hidden struct {
		Name  string
		count int
	}
	dir := t.TempDir()
	h := newHarness(t, dir)
	f := h.register(spec[hidden]("F", persistOpts, false, "a"))
	for i := 0; i < 3; i++ {
		h.call(f, []any{i}, func() []any { return []any{hidden{"x", 1}} })
	}
	h.call(f, []any{0}, func() []any { t.Fatal("memory entry lost"); return nil })
	if w := h.warnings(); len(w) != 1 || !strings.Contains(w[0], "count") || !strings.Contains(w[0], "memory only") {
		t.Fatalf("warnings %q", w)
	}
	if files := diskFiles(t, dir); len(files) != 0 {
		t.Fatalf("files written: %v", files)
	}

	type cyclic struct {
		Next *cyclic
	}
	g := h.register(spec[*cyclic]("G", persistOpts, false))
	h.call(g, nil, func() []any { c := &cyclic{}; c.Next = c; return []any{c} })
	if w := h.warnings(); len(w) != 2 || !strings.Contains(w[1], "cycles") {
		t.Fatalf("warnings %q", w)
	}
}

func TestFileName(t *testing.T) {
	if fileName("LoadSales") != "LoadSales" {
		t.Error("plain name changed")
	}
	a, b := fileName("(*T).M"), fileName("(_T).M")
	if a == b || strings.ContainsAny(a, "()*/") {
		t.Errorf("unsafe or colliding names: %q %q", a, b)
	}
}

func TestDiskTypedNil(t *testing.T) {
	dir := t.TempDir()
	h1 := newHarness(t, dir)
	f := h1.register(spec[map[string]int]("F", persistOpts, true))
	h1.call(f, nil, func() []any { return []any{map[string]int(nil), nil} })
	h2 := newHarness(t, dir)
	g := h2.register(spec[map[string]int]("F", persistOpts, true))
	out := h2.call(g, nil, func() []any { t.Fatal("typed nil not persisted"); return nil })
	if m, ok := out[0].(map[string]int); !ok || m != nil || out[1] != nil {
		t.Fatalf("got %#v", out)
	}
	if w := h2.warnings(); len(w) != 0 {
		t.Fatal(w)
	}
}
