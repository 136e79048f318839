package interp

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/gocell/gocell/interp/cell"
)

func TestMagics(t *testing.T) {
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	s, rec := session(t)
	exec := func(code string) (string, *CellError) {
		t.Helper()
		err := s.Execute(context.Background(), code, ExecuteOptions{Name: "cell1.go"})
		time.Sleep(10 * time.Millisecond)
		return rec.take(), err
	}
	rec.mu.Lock()
	rec.out = nil
	rec.mu.Unlock()
	s.Execute(context.Background(), "%help", ExecuteOptions{Name: "cell1.go"})
	rec.mu.Lock()
	if len(rec.out) != 1 || !strings.Contains(rec.out[0].Data["text/plain"].(string), "%cache why F") {
		t.Fatalf("%%help: %+v", rec.out)
	}
	rec.out = nil
	rec.mu.Unlock()

	if out, err := exec("%env GOCELL_TEST_VAR=hello\nimport \"os\"\nos.Getenv(\"GOCELL_TEST_VAR\")"); err != nil || !strings.Contains(out, "=> hello") {
		t.Fatalf("%%env: %q %v", out, err)
	}
	if out, err := exec("%time\nx := 1\nx + 1"); err != nil || !strings.Contains(out, "time: ") || !strings.Contains(out, "=> 2") {
		t.Fatalf("%%time cell: %q %v", out, err)
	}
	if out, err := exec("y := 2\n%time y = y * 21\ny"); err != nil || !strings.Contains(out, "time: ") || !strings.Contains(out, "(y = y * 21)") || !strings.Contains(out, "=> 42") {
		t.Fatalf("%%time statement: %q %v", out, err)
	}
	_, err := exec("%nosuchmagic")
	if err == nil || !strings.Contains(err.EValue, "%help") {
		t.Fatalf("unknown magic: %v", err)
	}
	if out, err := exec("//%cache_data\nfunc Sq(n int) int { return n * n }\nSq(3)\nSq(3)\n%cache why Sq\n%cache clear Sq"); err != nil || !strings.Contains(out, "Cleared the cache of Sq.") {
		t.Fatalf("%%cache: %q %v", out, err)
	}
	if st, _ := cell.IsComplete("%time\nfor i := 0; i < 3; i++ {"); st != "incomplete" {
		t.Fatalf("is_complete with a magic line: %s", st)
	}
}

func TestCompletesNotebookTypes(t *testing.T) {
	s, _ := session(t)
	run(t, s, "cell1.go", "type Config struct {\n\tPort int\n\thost string\n}\nfunc (c Config) Portable() bool { return c.Port > 0 }\ncfg := Config{Port: 8080}")
	r := s.Complete("cfg.Po", len("cfg.Po"))
	if !contains(r.Matches, "Port") || !contains(r.Matches, "Portable") {
		t.Fatalf("cfg.Po completes to %v", r.Matches)
	}
	if r.CursorStart != 4 || r.CursorEnd != 6 {
		t.Fatalf("cursor %d-%d", r.CursorStart, r.CursorEnd)
	}
	run(t, s, "cell2.go", "import \"strings\"\nvar sb strings.Builder")
	if r := s.Complete("sb.Wr", 5); !contains(r.Matches, "WriteString") {
		t.Fatalf("sb.Wr completes to %v", r.Matches)
	}
	if r := s.Complete("strings.Buil", 12); !contains(r.Matches, "Builder") {
		t.Fatalf("strings.Buil completes to %v", r.Matches)
	}
	if r := s.Inspect("cfg.Portable", 10, 0); !r.Found {
		t.Fatal("no inspection of a notebook method")
	}
}

func TestMisplacedDirectivesAreErrors(t *testing.T) {
	s, _ := session(t)
	for _, code := range []string{
		"//%cache_data\nvar x = 1",
		"//%cache_data\n\nfunc F() int { return 1 }",
		"//%cache_data\nfmt.Println(1)",
		"x := 1\n//%cache_data",
		"//%cache_data\nfunc (x int) { }(1)",
		"//%cache_resource validate=NoSuchCheck\nfunc Open() *int { return new(int) }",
		"//%cache_data ttl=soon\nfunc G() int { return 1 }",
	} {
		_, err := run(t, s, "cell1.go", code)
		if err == nil || !strings.Contains(err.EValue, "cache_") && !strings.Contains(err.EValue, "validate=") && !strings.Contains(err.EValue, "ttl") {
			t.Errorf("%q: want a directive error, got %v", code, err)
		}
	}
	if _, err := run(t, s, "cell2.go", "//%cache_data\nfunc (p *int) bad() {}"); err != nil && strings.Contains(err.EValue, "directly above") {
		t.Errorf("a method line was taken for a misplaced directive: %v", err)
	}
}

func TestCacheKeyAndCloseOnNotebookTypes(t *testing.T) {
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	s, _ := session(t)
	steps := []struct{ code, want string }{
		{"import \"fmt\"\ntype Req struct {\n\tID string\n\tch chan int\n}\nfunc (r Req) CacheKey() any { return r.ID }\n//%cache_data\nfunc Handle(r Req) string { fmt.Println(\"computing\", r.ID); return r.ID + \"!\" }", ""},
		{"Handle(Req{ID: \"a\", ch: make(chan int)})", "computing a\n=> a!\n"},
		{"Handle(Req{ID: \"a\", ch: make(chan int)})\ncache.Stats()[0].Hits", "=> 1\n"},
		{"closed := 0\ntype Res struct{ n int }\nfunc (r *Res) Close() error { closed++; return nil }\n//%cache_resource\nfunc Open() *Res { return &Res{1} }\n_ = Open()\ncache.Clear(\"Open\")\nclosed", "=> 1\n"},
	}
	for i, st := range steps {
		out, err := run(t, s, "cell"+string(rune('a'+i))+".go", st.code)
		if err != nil || !strings.HasSuffix(out, st.want) {
			t.Fatalf("step %d %q: got %q, %v", i, st.code, out, err)
		}
	}
}

// Inspection of a standard library function shows its doc comment, read
// from the Go installation's sources.
func TestInspectStdlibDoc(t *testing.T) {
	s, _ := session(t)
	run(t, s, "cell1.go", "import \"strings\"")
	code := "strings.Contains"
	r := s.Inspect(code, len(code), 0)
	text, _ := r.Data["text/plain"].(string)
	if !r.Found || !strings.Contains(text, "func Contains(s, substr string) bool") || !strings.Contains(text, "Contains reports whether") {
		t.Fatalf("inspect %s: found %v, %q", code, r.Found, text)
	}
}
