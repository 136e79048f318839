package interp

import (
	"strings"
	"testing"
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
