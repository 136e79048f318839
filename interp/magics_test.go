package interp

import (
	"context"
	"strings"
	"testing"
	"time"
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
	if st, _ := IsComplete("%time\nfor i := 0; i < 3; i++ {"); st != "incomplete" {
		t.Fatalf("is_complete with a magic line: %s", st)
	}
}
