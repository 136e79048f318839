package interp

import (
	"context"
	"testing"
	"time"
)

// Methods of notebook types that host packages call (fmt, encoding/json,
// text/template) survive what replaces the interpreter: a redefinition
// that rebuilds it, and the cells that come after.
func TestNotebookMethodsSurviveRebuild(t *testing.T) {
	s, _ := session(t)
	cells := []string{
		`import ("fmt"; "encoding/json"; "strings"; "text/template")`,
		`type Temp float64
func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }
func (t Temp) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf("%q", t.String())), nil }
type Reading struct{ Where string; T Temp }
func (r Reading) Label() string { return strings.ToUpper(r.Where) }`,
		`func helper() int { return 1 }`,
		`rs := []Reading{{"oslo", 3.5}}`,
		// Redefining helper rebuilds the interpreter.
		`func helper() int { return 2 }`,
	}
	for i, c := range cells {
		if out, err := run(t, s, "cell.go", c); err != nil {
			t.Fatalf("cell %d: %v\n%s", i+1, err, out)
		}
	}
	checks := []struct{ code, want string }{
		{`fmt.Println(rs, map[Temp]bool{2: true}, helper())`, "[{oslo 3.5°C}] map[2.0°C:true] 2\n"},
		{`b, _ := json.Marshal(rs); fmt.Println(string(b))`, `[{"Where":"oslo","T":"3.5°C"}]` + "\n"},
		{`var sb strings.Builder
template.Must(template.New("t").Parse("{{range .}}{{.Label}} {{.T}}{{end}}")).Execute(&sb, rs)
fmt.Println(sb.String())`, "OSLO 3.5°C\n"},
		{`var x any = Reading{"rome", 20}; fmt.Printf("%v %+v %#v\n", x, x, rs[0].T)`, "{rome 20.0°C} {Where:rome T:20.0°C} 3.5\n"},
	}
	for _, c := range checks {
		out, err := run(t, s, "check.go", c.code)
		if err != nil {
			t.Fatalf("%s: %v", c.code, err)
		}
		if out != c.want {
			t.Errorf("%s:\n got %q\nwant %q", c.code, out, c.want)
		}
	}
}

// After an interrupt, notebook values still print, marshal and execute
// through their methods: yaegi leaves the registered method functions
// returning zero values after a stopped run (String printed nothing), so
// the session rebuilds the interpreter, values kept.
func TestNotebookMethodsSurviveInterrupt(t *testing.T) {
	s, _ := session(t)
	for i, c := range []string{
		`import ("fmt"; "encoding/json"; "time")`,
		`type Temp float64
func (t Temp) String() string { return fmt.Sprintf("%.1f°C", float64(t)) }
func (t Temp) MarshalJSON() ([]byte, error) { return []byte(fmt.Sprintf("%q", t.String())), nil }`,
		`temp := Temp(21.5)
count := 3`,
	} {
		if out, err := run(t, s, "cell.go", c); err != nil {
			t.Fatalf("cell %d: %v\n%s", i+1, err, out)
		}
	}
	for _, blocked := range []string{"for {}", "time.Sleep(time.Hour)", "<-make(chan int)"} {
		ctx, cancel := context.WithCancel(context.Background())
		time.AfterFunc(150*time.Millisecond, cancel)
		cerr := s.Execute(ctx, blocked, ExecuteOptions{Name: "blocked.go"})
		cancel()
		testRec.take()
		if cerr == nil || cerr.EName != "Interrupted" {
			t.Fatalf("%s: want an interrupt, got %+v", blocked, cerr)
		}
		out, err := run(t, s, "check.go", `b, _ := json.Marshal([]Temp{temp}); fmt.Println(temp, []Temp{temp}, string(b), count)`)
		if err != nil {
			t.Fatalf("after interrupting %s: %v", blocked, err)
		}
		if want := "21.5°C [21.5°C] [\"21.5°C\"] 3\n"; out != want {
			t.Errorf("after interrupting %s: got %q, want %q", blocked, out, want)
		}
	}
}
