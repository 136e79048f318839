package snapshot

import (
	"fmt"
	"math/big"
	"sort"
	"strings"
	"testing"

	yaegi "github.com/traefik/yaegi/interp"
	"github.com/traefik/yaegi/stdlib"
)

// newInterp starts a yaegi interpreter the way the executor does.
func newInterp(t testing.TB, decls string) *yaegi.Interpreter {
	t.Helper()
	yi := yaegi.New(yaegi.Options{})
	if err := yi.Use(stdlib.Symbols); err != nil {
		t.Fatal(err)
	}
	if decls != "" {
		if _, err := yi.Eval(decls); err != nil {
			t.Fatalf("declarations: %v", err)
		}
	}
	return yi
}

func eval(t testing.TB, yi *yaegi.Interpreter, src string) {
	t.Helper()
	if _, err := yi.Eval(src); err != nil {
		t.Fatalf("%s: %v", src, err)
	}
}

// show evaluates fmt.Sprint(exprs) in yi.
func show(t testing.TB, yi *yaegi.Interpreter, exprs string) string {
	t.Helper()
	v, err := yi.Eval("fmt.Sprintln(" + exprs + ")")
	if err != nil {
		t.Fatalf("%s: %v", exprs, err)
	}
	return strings.TrimSuffix(v.String(), "\n")
}

// restoreInto declares the saved variables in a fresh interpreter (as the
// session will, from the saved types) and restores them.
func restoreInto(t testing.TB, dir, decls string) (*yaegi.Interpreter, *Snapshot, []*VarError) {
	t.Helper()
	snap, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	yi := newInterp(t, decls)
	var vars strings.Builder
	for _, sv := range snap.Vars {
		if sv.Type == "" {
			t.Fatalf("%s was saved without a type", sv.Name)
		}
		fmt.Fprintf(&vars, "var %s %s\n", sv.Name, sv.Type)
	}
	eval(t, yi, vars.String())
	lost := Restore(snap.Vars, yi.Globals(), RestoreOptions{
		Types: TypesFrom(stdlib.Symbols),
		Eval:  func(src string) error { _, err := yi.Eval(src); return err },
	})
	return yi, snap, lost
}

func names(errs []*VarError) string {
	var n []string
	for _, e := range errs {
		n = append(n, e.Var)
	}
	sort.Strings(n)
	return strings.Join(n, " ")
}

const notebookDecls = `
import ("fmt"; "math/big"; "sync"; "time")
type Point struct { X, Y float64; name string }
type Node struct { Val int; Next *Node; kids []*Node }
type Shape interface{ Area() float64 }
type Sq struct{ S float64 }
func (s Sq) Area() float64 { return s.S * s.S }
type Counter struct { mu sync.Mutex; n int }
var x = 42
`

const notebookCell = `
y := 42
p := &x
pt := Point{1, 2, "a"}
pp := &pt
ppy := &pt.Y
m := map[string]int{"a": 1, "b": 2}
m2 := m
var nm map[string]int
em := map[string]int{}
var ns []int
es := []int{}
fs := []float64{}
for i := 0; i < 10; i++ { fs = append(fs, float64(i)) }
n1 := &Node{Val: 1}
n1.Next = &Node{Val: 2, Next: n1}
n1.kids = []*Node{n1, n1.Next}
shared1 := &Point{X: 5}
shared2 := shared1
var anyv any = Point{X: 7, name: "seven"}
anys := []any{1, "s", 2.5, time.Duration(3), Point{X: 1}, nil}
tm := time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC)
bi := new(big.Int).Mul(big.NewInt(1234567891011), big.NewInt(1000003))
var sh Shape = Sq{2}
var shp Shape = &Sq{3}
var shnil Shape
c := Counter{n: 3}
c.mu.Lock()
c.mu.Unlock()
ch := make(chan int)
var nilch chan int
f := func() {}
arr := [3]int{1, 2, 3}
grid := [][]float64{{1, 2}, {3, 4}}
mm := map[string][]Point{"k": {{X: 1}}}
cplx := complex(1, 2)
u8 := []byte("hello")
`

// hints are the declared types the session knows for notebook types.
var notebookHints = map[string]string{
	"pt": "Point", "pp": "*Point", "n1": "*Node", "shared1": "*Point", "shared2": "*Point",
	"anyv": "any", "anys": "[]any", "sh": "Shape", "shp": "Shape", "shnil": "Shape",
	"c": "Counter", "mm": "map[string][]Point",
}

func TestRoundTripEveryKind(t *testing.T) {
	old := newInterp(t, notebookDecls)
	eval(t, old, notebookCell)
	dir := t.TempDir()
	s := NewSaver(dir, 0)
	rep := s.Save(old.Globals(), nil, notebookHints)
	if got := names(rep.NotSaved); got != "ch f" {
		t.Fatalf("not saved = %q, want exactly the channel and the func; errors: %v", got, rep.NotSaved)
	}
	for _, e := range rep.NotSaved {
		if !strings.Contains(e.Error(), "cannot be saved") || e.Type == "" {
			t.Errorf("error does not say what and why: %v", e)
		}
	}

	yi, snap, lost := restoreInto(t, dir, notebookDecls)
	if len(lost) != 0 {
		t.Fatalf("lost on restore: %v", lost)
	}
	if got := names(snap.NotSaved); got != "ch f" {
		t.Fatalf("snapshot names as not saved %q, want \"ch f\"", got)
	}
	checks := []struct{ expr, want string }{
		{"x, y, *p, p == &x", "42 42 42 true"},
		{"pt, pp == &pt, ppy == &pt.Y, *ppy", "{1 2 a} true true 2"},
		{"m, m2, len(m)", "map[a:1 b:2] map[a:1 b:2] 2"},
		{"nm == nil, em != nil, len(em), ns == nil, es != nil, len(es)", "true true 0 true true 0"},
		{"fs, len(fs)", "[0 1 2 3 4 5 6 7 8 9] 10"},
		{"n1.Val, n1.Next.Val, n1.Next.Next == n1, n1.kids[0] == n1, n1.kids[1] == n1.Next", "1 2 true true true"},
		{"shared1 == shared2, shared2.X", "true 5"},
		{"anyv.(Point).X, anyv.(Point).name", "7 seven"},
		{"anys[0].(int), anys[1].(string), anys[2].(float64), anys[3].(time.Duration), anys[4].(Point).X, anys[5] == nil", "1 s 2.5 3ns 1 true"},
		{"tm.Equal(time.Date(2024, 1, 2, 3, 4, 5, 6, time.UTC))", "true"},
		{"bi.String()", new(big.Int).Mul(big.NewInt(1234567891011), big.NewInt(1000003)).String()},
		{"sh.Area(), shp.Area(), shnil == nil", "4 9 true"},
		{"c.n", "3"},
		{"nilch == nil", "true"},
		{"arr, grid, mm, cplx, string(u8)", "[1 2 3] [[1 2] [3 4]] map[k:[{1 0 }]] (1+2i) hello"},
	}
	for _, c := range checks {
		if got := show(t, yi, c.expr); got != c.want {
			t.Errorf("%s = %q, want %q", c.expr, got, c.want)
		}
	}
	// Sharing is real, not just equal contents.
	eval(t, yi, `m2["a"] = 100; shared1.X = 6; x = 7; pt.Y = 9; c.mu.Lock(); c.mu.Unlock()`)
	if got := show(t, yi, `m["a"], shared2.X, *p, *ppy`); got != "100 6 7 9" {
		t.Errorf("after writes through one alias: %q, want \"100 6 7 9\"", got)
	}
}

// Counters kept in sync/atomic types are values: saved and restored, at
// the top level and inside structs; a held lock still cannot be saved.
func TestRoundTripAtomics(t *testing.T) {
	const decls = `import ("fmt"; "sync"; "sync/atomic")
type Stats struct { mu sync.Mutex; Hits atomic.Int64; ok atomic.Bool; max atomic.Uint32 }`
	old := newInterp(t, decls)
	eval(t, old, `var runs atomic.Int64
var neg atomic.Int32
var flag atomic.Bool
var locked sync.Mutex`)
	eval(t, old, `runs.Add(41)
runs.Add(1)
neg.Store(-7)
flag.Store(true)
st := &Stats{}
st.Hits.Add(5)
st.ok.Store(true)
st.max.Store(4000000000)
locked.Lock()`)
	dir := t.TempDir()
	rep := NewSaver(dir, 0).Save(old.Globals(), nil, map[string]string{"st": "*Stats"})
	if got := names(rep.NotSaved); got != "locked" {
		t.Fatalf("not saved = %q, want only the held lock; errors: %v", got, rep.NotSaved)
	}
	yi, _, lost := restoreInto(t, dir, decls)
	if len(lost) != 0 {
		t.Fatalf("lost on restore: %v", lost)
	}
	want := "42 -7 true 5 true 4000000000"
	if got := show(t, yi, "runs.Load(), neg.Load(), flag.Load(), st.Hits.Load(), st.ok.Load(), st.max.Load()"); got != want {
		t.Errorf("restored %q, want %q", got, want)
	}
	eval(t, yi, "runs.Add(1)")
	if got := show(t, yi, "runs.Load()"); got != "43" {
		t.Errorf("the restored counter counts on from %q, want 43", got)
	}
}
