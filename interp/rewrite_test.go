package interp

import (
	"context"
	"strings"
	"testing"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/internal/rewrite"
	"github.com/gocell/gocell/interp/internal/stdfix"
)

// fixedSession is a new session with the fixes installed (installFixes is
// idempotent: a session that installs them itself is left as is).
func fixedSession(t testing.TB) (*Session, *recorder) {
	t.Helper()
	rec := &recorder{}
	s, err := NewSession(rec.publish)
	if err != nil {
		t.Fatal(err)
	}
	if err := stdfix.Install(s.yi); err != nil {
		t.Fatal(err)
	}
	return s, rec
}

// TestRewriteAcrossCells runs notebooks whose later cells depend on what
// earlier cells declared (the rewrites' record of the notebook's names).
func TestRewriteAcrossCells(t *testing.T) {
	prev := display.SetPublisher(nil)
	defer func() { display.SetPublisher(prev) }()
	s, rec := fixedSession(t)
	steps := []struct{ code, want string }{
		{`import ("fmt"; "maps"; "slices"; "encoding/json")`, ""},
		{"type Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.1f°\", float64(t)) }\nfunc reading() Temp { return 21.5 }", ""},
		{"fmt.Println(reading())", "21.5°\n"},
		{"limit := 3", ""},
		{"for i := range limit { fmt.Print(i) }\nfmt.Println()", "012\n"},
		{"stock := map[string]int{\"b\": 2, \"a\": 1}", ""},
		{"for k := range maps.Keys(stock) { _ = k }\nvar keys []string\nkeys = slices.Sorted(maps.Keys(stock))\nfmt.Println(keys, min(stock[\"a\"], stock[\"b\"]))", "[a b] 1\n"},
		{"if n, ok := stock[\"b\"]; ok { fmt.Println(\"b\", n) }", "b 2\n"},
		{"type Inner struct{ ID int }\ntype Outer struct {\n\tInner\n\tName string\n\tsecret bool\n}", ""},
		{"b, _ := json.Marshal(Outer{Inner{1}, \"x\", true})\nfmt.Println(string(b))\nfmt.Printf(\"%+v %T\\n\", Outer{Inner{2}, \"y\", false}, Outer{})", "{\"ID\":1,\"Name\":\"x\"}\n{Inner:{ID:2} Name:y secret:false} main.Outer\n"},
	}
	for i, st := range steps {
		err := s.Execute(context.Background(), st.code, ExecuteOptions{Name: "cell.go"})
		if err != nil {
			t.Fatalf("step %d: %v\n%s", i, err, strings.Join(err.Traceback, "\n"))
		}
		if got := rec.take(); got != st.want {
			t.Errorf("step %d: got %q, want %q", i, got, st.want)
		}
	}
}

// BenchmarkInstallFixes measures what installFixes adds to making an
// interpreter (a session makes one at start and at every rebuild).
func BenchmarkInstallFixes(b *testing.B) {
	s, _ := fixedSession(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		yi, err := s.newInterpreter()
		if err != nil {
			b.Fatal(err)
		}
		if err := stdfix.Install(yi); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkNewInterpreter is the same without the fixes, for comparison.
func BenchmarkNewInterpreter(b *testing.B) {
	s, _ := fixedSession(b)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := s.newInterpreter(); err != nil {
			b.Fatal(err)
		}
	}
}

// The rewrites write the names of what stdfix installs: they must agree.
func TestRewriteAndFixesAgree(t *testing.T) {
	for _, p := range [][2]string{
		{rewrite.FixPkg, stdfix.Name},
		{rewrite.TagKey, stdfix.TagKey},
		{rewrite.TagEmbedded, stdfix.TagEmbedded},
		{rewrite.TagUnexported, stdfix.TagUnexported},
	} {
		if p[0] != p[1] {
			t.Errorf("rewrite writes %q where stdfix provides %q", p[0], p[1])
		}
	}
}
