package interp

import "testing"

// Method values bind their receiver when they are made, as Go does: a
// goroutine started with go w.Run() in a loop runs each worker, and a
// slice of method values calls each receiver.
func TestFidelityMethodValueBinding(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "method values in a loop", cells: []string{`import "fmt"
type W struct{ ID int }
func (w *W) Get() int { return w.ID }
func (w W) Val() int { return w.ID }`, `ws := []*W{{1}, {2}, {3}}
var fs []func() int
for _, w := range ws {
	fs = append(fs, w.Get)
}
for _, f := range fs {
	fmt.Print(f(), " ")
}
x := &W{7}
g := x.Get
x = &W{8}
v := W{5}
h := v.Val
v = W{6}
fmt.Println(g(), h())
func() {
	y := &W{9}
	k := y.Get
	y = &W{10}
	var z W
	inc := z.Val
	z.ID = 4
	fmt.Println(k(), inc(), z.Val())
}()`}, want: "1 2 3 7 5\n9 0 4\n"},
		{name: "go statement with a method", cells: []string{`import ("fmt"; "sort"; "sync")
type Worker struct{ ID, ticks int }
func (w *Worker) Run(out chan<- int, wg *sync.WaitGroup) { defer wg.Done(); w.ticks++; out <- w.ID }
type Counter struct{ mu sync.Mutex; n int }
func (c *Counter) Inc(wg *sync.WaitGroup) { defer wg.Done(); c.mu.Lock(); c.n++; c.mu.Unlock() }`, `out := make(chan int, 3)
var wg sync.WaitGroup
workers := []*Worker{{ID: 3}, {ID: 1}, {ID: 2}}
for _, w := range workers {
	wg.Add(1)
	go w.Run(out, &wg)
}
wg.Wait()
close(out)
var ids []int
for id := range out {
	ids = append(ids, id)
}
sort.Ints(ids)
var c Counter
for range 5 {
	wg.Add(1)
	go c.Inc(&wg)
}
wg.Wait()
fmt.Println(ids, workers[0].ticks, workers[1].ticks, workers[2].ticks, c.n)`}, want: "[1 2 3] 1 1 1 5\n"},
	})
}

// A method whose body needs a variable declared after it in the cell
// compiles before the functions that use its type: an error type's Is
// method is seen by errors.Is through fmt.Errorf's %w.
func TestFidelityLateMethodBeforeUsers(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "Is method declared before its sentinel", cells: []string{`import ("errors"; "fmt")
type Timeout struct{ Op string }
func (e *Timeout) Error() string { return e.Op + ": timeout" }
func (e *Timeout) Is(target error) bool { return target == ErrTransient }
var ErrTransient = errors.New("transient")
func fetch() error { return fmt.Errorf("fetch: %w", &Timeout{"read"}) }
var last = fetch()`, `fmt.Println(errors.Is(fetch(), ErrTransient), errors.Is(last, ErrTransient), last)`},
			want: "true true fetch: read: timeout\n"},
	})
}

// The key of a range over an integer is an integer a nested range may
// count to.
func TestFidelityNestedRangeInt(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "range over the outer key", cells: []string{`import "fmt"`, `n := 4
for i := range n {
	for j := range i {
		fmt.Print(i*j, " ")
	}
}
for i, s := range []string{"a", "b", "c"} {
	for k := range i {
		fmt.Print(s, k)
	}
}
fmt.Println()`}, want: "0 0 2 0 3 6 b0c0c1\n"},
	})
}

// Cells that use standard packages without importing them get the
// imports, as goimports would add them; a name several packages have is
// an error naming them.
func TestFidelityAutoImportCells(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "declarations and statements without imports", cells: []string{`type Person struct{ Name string; Age int }
func (p Person) String() string { return fmt.Sprintf("%s(%d)", p.Name, p.Age) }
func names(ps []Person) string {
	var sb strings.Builder
	for _, p := range ps {
		sb.WriteString(strings.ToUpper(p.Name[:1]))
	}
	return sb.String()
}`, `ps := []Person{{"zoe", 30}, {"al", 25}}
sort.Slice(ps, func(i, j int) bool { return ps[i].Age < ps[j].Age })
b, _ := json.Marshal(ps)
fmt.Println(ps, names(ps), string(b), strconv.Itoa(len(ps)), time.Duration(1500)*time.Millisecond)
keys := slices.Sorted(maps.Keys(map[string]int{"b": 1, "a": 2}))
fmt.Println(keys, math.Sqrt(16), errors.Is(fmt.Errorf("w: %w", io.EOF), io.EOF))`},
			want: "[al(25) zoe(30)] AZ [{\"Name\":\"al\",\"Age\":25},{\"Name\":\"zoe\",\"Age\":30}] 2 1.5s\n[a b] 4 true\n"},
		{name: "goroutines without imports", cells: []string{`var wg sync.WaitGroup
var mu sync.Mutex
total := 0
for i := range 10 {
	wg.Add(1)
	go func() {
		defer wg.Done()
		mu.Lock()
		total += i
		mu.Unlock()
	}()
}
wg.Wait()
fmt.Println(total)`}, want: "45\n"},
		{name: "rand is ambiguous", cells: []string{`fmt.Println(rand.Intn(10) < 10)`}, errWant: `several packages are named rand: import one of "crypto/rand", "math/rand"`},
		{name: "template is ambiguous", cells: []string{`t := template.Must(template.New("x").Parse("{{.}}"))
_ = t`}, errWant: `several packages are named template: import one of "html/template", "text/template"`},
		{name: "an import line settles it", cells: []string{`import "math/rand"`, `r := rand.New(rand.NewSource(1))
fmt.Println(r.Intn(1))`}, want: "0\n"},
	})
}

// A range over an integer field of a notebook struct counts, in methods
// (through the receiver) and in cells.
func TestFidelityRangeIntField(t *testing.T) {
	runTourCases(t, []tourCase{
		{name: "range over a field", cells: []string{`import "fmt"
type Grid struct{ rows, cols int; cells []int }
func (g *Grid) Fill() {
	for i := range g.rows {
		for j := range g.cols {
			g.cells = append(g.cells, i*10+j)
		}
	}
}`, `g := &Grid{rows: 2, cols: 3}
g.Fill()
for k := range g.rows {
	fmt.Print(k, ";")
}
fmt.Println(g.cells)`}, want: "0;1;[0 1 2 10 11 12]\n"},
	})
}
