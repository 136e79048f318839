package interp

import (
	"fmt"
	"strings"
	"testing"

	"github.com/gocell/gocell/display"
)

// TestRedefinition drives the notebook behaviours of redefinition: callers
// see a redefined function, methods and types can be redefined (with the
// values of variables of the old type carried over), and a cell that fails
// to compile changes nothing.
func TestRedefinition(t *testing.T) {
	s, _ := session(t)
	steps := []struct{ code, want string }{
		{"import \"fmt\"\nfunc base() int { return 1 }\nfunc caller() int { return base() * 10 }", ""},
		{"caller()", "=> 10\n"},
		{"func base() int { return 2 }", ""},
		{"caller()", "=> 20\n"},
		{"type Temp float64\nfunc (t Temp) String() string { return fmt.Sprintf(\"%.1f C\", float64(t)) }\nt := Temp(21.5)\nt", "=> 21.5 C\n"},
		{"func (t Temp) String() string { return fmt.Sprintf(\"%.1f degrees\", float64(t)) }", ""},
		{"t", "=> 21.5 degrees\n"},
		{"type P struct{ X, Y int }\np := P{1, 2}\nps := []P{{3, 4}}\np", "=> {1 2}\n"},
		{"type P struct{ X, Y, Z int }", ""},
		{"fmt.Println(p, ps, P{Z: 9}.Z)", "{1 2 0} [{3 4 0}] 9\n"},
		{"func good() int { return 5 }", ""},
		{"func good() int { return undefinedName }", "ERROR"},
		{"good()", "=> 5\n"},
		{"func fresh() int { return alsoUndefined }", "ERROR"},
		{"fresh()", "ERROR"},
		{"n := 1", ""},
		{"n := \"now a string\"", ""},
		{"n", "=> now a string\n"},
		{"func main() { fmt.Println(\"main ran\") }", "main ran\n"},
		{"1 + 1", "=> 2\n"},
	}
	for i, st := range steps {
		out, err := run(t, s, "cell"+string(rune('A'+i))+".go", st.code)
		if st.want == "ERROR" {
			if err == nil {
				t.Fatalf("step %d %q: want an error, got %q", i, st.code, out)
			}
			continue
		}
		if err != nil {
			t.Fatalf("step %d %q: %v\n%s", i, st.code, err, strings.Join(err.Traceback, "\n"))
		}
		if out != st.want {
			t.Fatalf("step %d %q: got %q, want %q", i, st.code, out, st.want)
		}
	}
}

// TestRedefineMethodOfTypeDeclaredWithCaller covers a method redefined on
// its own while its type and a caller were declared in one cell, and cyclic
// values moving across a rebuild.
func TestRedefineMethodOfTypeDeclaredWithCaller(t *testing.T) {
	s, _ := session(t)
	for i, st := range []struct{ code, want string }{
		{"type Pt struct{ X, Y int }\nfunc (p Pt) Sum() int { return p.X + p.Y }\nfunc Use(p Pt) int { return p.Sum() * 10 }", ""},
		{"Use(Pt{1, 2})", "=> 30\n"},
		{"func (p Pt) Sum() int { return p.X * p.Y }", ""},
		{"Use(Pt{3, 4})", "=> 120\n"},
		{"type N struct{ V int; Next *N }\na := &N{V: 1}\na.Next = a\na.Next.Next.V", "=> 1\n"},
		{"type N struct{ V, W int; Next *N }", ""},
		{"a.Next.Next.Next.V", "=> 1\n"},
	} {
		out, err := run(t, s, "cell"+string(rune('a'+i))+".go", st.code)
		if err != nil || out != st.want {
			t.Fatalf("step %d %q: got %q, %v", i, st.code, out, err)
		}
	}
}

// TestLibraryTypedVariablesSurviveRebuilds covers variables whose type comes
// from a package: they must be declared again with a name the interpreter
// resolves, importing the package when the notebook does not.
func TestLibraryTypedVariablesSurviveRebuilds(t *testing.T) {
	t.Setenv("GOCELL_CACHE_DIR", t.TempDir())
	s, _ := session(t)
	steps := []struct{ code, want string }{
		{"import (\n\t\"bufio\"\n\t\"strings\"\n)\nr := bufio.NewReader(strings.NewReader(\"line one\\nline two\\n\"))\nst := cache.Stats()\nfunc f() int { return 1 }", ""},
		{"func f() int { return 2 }", ""},
		{"line, _ := r.ReadString('\\n')\nline", "=> line one\n\n"},
		{"len(st) + f()", "=> 2\n"},
	}
	for i, st := range steps {
		out, err := run(t, s, "cell"+string(rune('a'+i))+".go", st.code)
		if err != nil || out != st.want {
			t.Fatalf("step %d %q: got %q, %v", i, st.code, out, err)
		}
	}
}

// display.MapTypes is global to the process: each rebuild of the
// interpreter must not add an entry for the capture function.
func TestMapTypesBoundedOverRebuilds(t *testing.T) {
	s, _ := session(t)
	before := len(display.MapTypes)
	for i := 0; i < 20; i++ {
		code := fmt.Sprintf("func Version() int { return %d }\nVersion()", i)
		if out, err := run(t, s, fmt.Sprintf("cell%d.go", i+1), code); err != nil || out != fmt.Sprintf("=> %d\n", i) {
			t.Fatalf("redefinition %d: %q, %v", i, out, err)
		}
	}
	if after := len(display.MapTypes); after != before {
		t.Fatalf("display.MapTypes grew from %d to %d entries over 20 rebuilds", before, after)
	}
}
