package cell

import (
	"strings"
	"testing"

	"github.com/gocell/gocell/cachecells"
)

func TestIsComplete(t *testing.T) {
	for _, c := range []struct{ code, want string }{
		{"x := 1", "complete"},
		{"func f() {", "incomplete"},
		{"fmt.Println(\"a\",", "incomplete"},
		{"s := `raw", "incomplete"},
		{"x := )", "invalid"},
		{"func f() { return 1 }}", "invalid"},
		{"for i := 0 i < 3; i++ {}", "invalid"},
		{"%cache stats", "complete"},
	} {
		if got, _ := IsComplete(c.code); got != c.want {
			t.Errorf("IsComplete(%q) = %s, want %s", c.code, got, c.want)
		}
	}
}

func TestSplit(t *testing.T) {
	code := "import \"fmt\"\ntype T int\nx := T(1)\nfmt.Println(x)\nfunc (t T) M() {}"
	chunks, err := Split(code)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []Kind
	for _, c := range chunks {
		kinds = append(kinds, c.Kind)
	}
	want := []Kind{Imports, Decls, Stmts, Decls}
	if len(kinds) != len(want) {
		t.Fatalf("kinds %v, want %v", kinds, want)
	}
	for i := range want {
		if kinds[i] != want[i] {
			t.Fatalf("kinds %v, want %v", kinds, want)
		}
	}
	// A chunk starts where the unit before it ended: the end of line 2.
	if c := chunks[2]; !c.Declares || c.Line != 2 || c.Col != 11 || !strings.HasPrefix(c.Text, "\nx := T(1)") {
		t.Errorf("statement chunk %+v: want Declares at 2:11", c)
	}
	if !Declares(code) || Declares("fmt.Println(1)") || !Declares("x := 1") {
		t.Error("Declares disagrees with the chunks")
	}
}

// The directive syntax cells are cut by is the one cachecells parses.
func TestIsDirectiveAgreesWithCachecells(t *testing.T) {
	for _, line := range []string{
		"//%cache_data", "//%cache_resource", "  //%cache_data ttl=1m", "//%cache_data\tpersist=disk",
		"//%cache_datax", "// %cache_data", "//%cache", "//%cache_resources", "",
	} {
		if got, want := IsDirective(line), cachecells.IsDirective(line); got != want {
			t.Errorf("IsDirective(%q) = %v, cachecells says %v", line, got, want)
		}
	}
}

func TestExpandMagicsKeepsLines(t *testing.T) {
	out, timed, err := ExpandMagics("%time\nx := 1\n%env A=b\n%time x++")
	if err != nil || !timed {
		t.Fatalf("ExpandMagics: %v, timed %v", err, timed)
	}
	if n := len(splitLines(out)); n != 4 {
		t.Errorf("%d lines, want 4:\n%s", n, out)
	}
	if _, _, err := ExpandMagics("x := 1\n%time"); err == nil {
		t.Error("a lone time magic after the first line was accepted")
	}
}

func splitLines(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == '\n' {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}
