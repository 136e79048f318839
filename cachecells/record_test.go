package cachecells

import (
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/gocell/gocell/display"
)

// Rule 10: with replay=all, every output replays in order, marked cached.
func TestReplayOrder(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data, Replay: ReplayAll}, false, "a"))
	compute := func() []any {
		h.print("one\n")
		h.pub(display.Output{Kind: display.Stream, Name: "stderr", Text: "warn\n"})
		h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "table"}})
		h.print("two\n")
		h.pub(display.Output{Kind: display.ClearOutput, Wait: true})
		h.print("three")
		h.print("!\n")
		return []any{1}
	}
	h.call(f, []any{1}, compute)
	live := texts(h.outputs())
	h.reset()
	h.call(f, []any{1}, compute)
	replay := h.outputs()
	want := []string{"one\n", "warn\n", "display_data:table", "two\n", "clear_output", "three!\n"}
	if !equal(texts(replay), want) {
		t.Fatalf("replay %q, want %q", texts(replay), want)
	}
	if strings.Join(live, "") != strings.Join(texts(replay), "") {
		t.Errorf("live %q differs from replay %q", live, texts(replay))
	}
	for _, o := range replay {
		if !isCached(o) {
			t.Errorf("replayed output not marked cached: %+v", o)
		}
	}
	if replay[1].Name != "stderr" || !replay[4].Wait {
		t.Error("stream name or clear wait lost")
	}
}

// Rule 10 (revised): by default a hit replays what was displayed, not what
// was printed; replay=none replays nothing.
func TestReplayPolicy(t *testing.T) {
	compute := func(h *harness) func() []any {
		return func() []any {
			h.print("Cache miss: ExpensiveComputation ran\n")
			h.pub(display.Output{Kind: display.Stream, Name: "stderr", Text: "warn\n"})
			h.pub(display.Output{Kind: display.DisplayData, DisplayID: "p", Data: display.MIMEBundle{"text/plain": "table"}})
			h.pub(display.Output{Kind: display.UpdateDisplayData, DisplayID: "p", Data: display.MIMEBundle{"text/plain": "table 2"}})
			h.pub(display.Output{Kind: display.ClearOutput, Wait: true})
			h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "chart"}})
			return []any{1}
		}
	}
	for _, c := range []struct {
		mode ReplayMode
		want []string
	}{
		{ReplayDisplay, []string{"display_data:table", "update_display_data:table 2", "clear_output", "display_data:chart"}},
		{ReplayNone, nil},
		{ReplayAll, []string{"Cache miss: ExpensiveComputation ran\n", "warn\n", "display_data:table", "update_display_data:table 2", "clear_output", "display_data:chart"}},
	} {
		h := newHarness(t, "")
		f := h.register(spec[int]("F", Options{Kind: Data, Replay: c.mode}, false))
		h.call(f, nil, compute(h))
		if live := texts(h.outputs()); len(live) != 6 || live[0] != "Cache miss: ExpensiveComputation ran\n" {
			t.Errorf("replay=%v: the miss showed %q", c.mode, live)
		}
		for i := 0; i < 2; i++ {
			h.reset()
			h.call(f, nil, nil)
			if got := texts(h.outputs()); !equal(got, c.want) {
				t.Errorf("replay=%v: hit %d replayed %q, want %q", c.mode, i+1, got, c.want)
			}
			for _, o := range h.outputs() {
				if !isCached(o) {
					t.Errorf("replay=%v: replayed output not marked cached: %+v", c.mode, o)
				}
			}
		}
	}
}

// Rule 10: a function with no results is cached for its outputs.
func TestNoResultFunction(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(Spec{Name: "Show", Options: Options{Kind: Data}, CodeHash: 1, Params: []Param{{Name: "n"}}})
	runs := 0
	show := func() []any {
		runs++
		h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "shown"}})
		return []any{}
	}
	h.call(f, []any{1}, show)
	h.call(f, []any{1}, show)
	if runs != 1 || len(h.outputs()) != 2 || !isCached(h.outputs()[1]) {
		t.Fatalf("runs=%d outputs=%+v", runs, h.outputs())
	}
}

// Rule 10: nested cached calls compose, including inner hits' replays
// (replay=all, so printed text shows the composition).
func TestNestedComposition(t *testing.T) {
	h := newHarness(t, "")
	inner := h.register(spec[int]("Inner", Options{Kind: Data, Replay: ReplayAll}, false, "x"))
	outer := h.register(spec[int]("Outer", Options{Kind: Data, Replay: ReplayAll}, false, "x"))
	innerRuns := 0
	innerFn := func(x int) int {
		return h.call(inner, []any{x}, func() []any { innerRuns++; h.print("inner\n"); return []any{x * 2} })[0].(int)
	}
	// Inner is cached before Outer runs: Outer records Inner's replay.
	innerFn(1)
	h.reset()
	outerFn := func(x int) int {
		return h.call(outer, []any{x}, func() []any {
			h.print("outer start\n")
			v := innerFn(x) + innerFn(x+1)
			h.print("outer end\n")
			return []any{v}
		})[0].(int)
	}
	if v := outerFn(1); v != 6 {
		t.Fatalf("outer = %d", v)
	}
	want := "outer start\ninner\ninner\nouter end\n"
	if got := strings.Join(texts(h.outputs()), ""); got != want {
		t.Fatalf("live outputs %q, want %q", got, want)
	}
	h.reset()
	outerFn(1)
	if got := strings.Join(texts(h.outputs()), ""); got != want || innerRuns != 2 {
		t.Fatalf("outer replay %q (inner runs %d), want %q", got, innerRuns, want)
	}
}

// Rule 10 with the default replay: the outer entry holds the inner call's
// displays (from its miss and from its hits), not its printed text.
func TestNestedCompositionDisplays(t *testing.T) {
	h := newHarness(t, "")
	inner := h.register(spec[int]("Inner", Options{Kind: Data}, false, "x"))
	outer := h.register(spec[int]("Outer", Options{Kind: Data}, false, "x"))
	innerFn := func(x int) int {
		return h.call(inner, []any{x}, func() []any {
			h.print("inner log\n")
			h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "inner plot"}})
			return []any{x * 2}
		})[0].(int)
	}
	innerFn(1) // cached: Outer records the replay of this hit
	h.reset()
	outerFn := func() {
		h.call(outer, []any{1}, func() []any {
			h.print("outer log\n")
			return []any{innerFn(1) + innerFn(2)}
		})
	}
	outerFn()
	want := []string{"outer log\n", "display_data:inner plot", "inner log\n", "display_data:inner plot"}
	if got := texts(h.outputs()); !equal(got, want) {
		t.Fatalf("outer miss showed %q, want %q", got, want)
	}
	h.reset()
	outerFn()
	want = []string{"display_data:inner plot", "display_data:inner plot"}
	if got := texts(h.outputs()); !equal(got, want) {
		t.Fatalf("outer hit replayed %q, want %q", got, want)
	}
}

// Rule 10: displays made inside get fresh ids per replay; updates follow.
func TestFreshDisplayIDs(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data}, false))
	compute := func() []any {
		h.pub(display.Output{Kind: display.DisplayData, DisplayID: "bar", Data: display.MIMEBundle{"text/plain": "0%"}})
		h.pub(display.Output{Kind: display.UpdateDisplayData, DisplayID: "bar", Data: display.MIMEBundle{"text/plain": "100%"}})
		h.pub(display.Output{Kind: display.UpdateDisplayData, DisplayID: "outside", Data: display.MIMEBundle{"text/plain": "x"}})
		return []any{1}
	}
	h.call(f, nil, compute)
	h.reset()
	h.call(f, nil, compute)
	h.call(f, nil, compute)
	outs := h.outputs()
	if len(outs) != 6 {
		t.Fatalf("%d outputs", len(outs))
	}
	a, b := outs[0].DisplayID, outs[3].DisplayID
	if a == "bar" || b == "bar" || a == b {
		t.Errorf("display ids not fresh per replay: %q %q", a, b)
	}
	if outs[1].DisplayID != a || outs[4].DisplayID != b {
		t.Error("updates do not follow their display's new id")
	}
	if outs[2].DisplayID != "outside" {
		t.Error("an id made outside the call was renamed")
	}
}

// show_spinner: only the outermost miss shows one; it is removed after and
// never recorded.
func TestSpinner(t *testing.T) {
	h := newHarness(t, "")
	inner := h.register(spec[int]("Inner", Options{Kind: Data, ShowSpinner: true}, false))
	outer := h.register(spec[int]("Outer", Options{Kind: Data, ShowSpinner: true, SpinnerText: "Loading sales..."}, false))
	h.call(outer, nil, func() []any {
		h.call(inner, nil, func() []any {
			h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "inner"}})
			return []any{1}
		})
		return []any{2}
	})
	outs := h.outputs()
	if len(outs) != 3 {
		t.Fatalf("outputs %q", texts(outs))
	}
	if outs[0].Kind != display.DisplayData || outs[0].Data["text/plain"] != "Loading sales..." || outs[0].DisplayID == "" {
		t.Errorf("spinner shown as %+v", outs[0])
	}
	if outs[2].Kind != display.Retract || outs[2].DisplayID != outs[0].DisplayID {
		t.Errorf("spinner removed as %+v, want a retraction of its display", outs[2])
	}
	h.reset()
	h.call(outer, nil, nil) // hit: replay holds no spinner
	if got := texts(h.outputs()); !equal(got, []string{"display_data:inner"}) {
		t.Errorf("replay %q", got)
	}
	// Default text, and no spinner with show_spinner=false.
	h.reset()
	d := h.register(spec[int]("Plain", Options{Kind: Data, ShowSpinner: true}, false))
	h.call(d, nil, func() []any { return []any{1} })
	if outs := h.outputs(); len(outs) != 2 || outs[0].Data["text/plain"] != "Running Plain(...)" {
		t.Errorf("default spinner %q", texts(outs))
	}
	h.reset()
	n := h.register(spec[int]("Quiet", Options{Kind: Data}, false))
	h.call(n, nil, func() []any { return []any{1} })
	if len(h.outputs()) != 0 {
		t.Error("spinner shown with show_spinner=false")
	}
}

// A quick miss shows no spinner when there is a delay.
func TestSpinnerDelay(t *testing.T) {
	var mu sync.Mutex
	var got []display.Output
	c := New(Config{SpinnerDelay: time.Hour})
	display.SetPublisher(c.Tee(func(o display.Output) { mu.Lock(); got = append(got, o); mu.Unlock() }))
	defer display.SetPublisher(nil)
	f, _ := c.Register(spec[int]("F", Options{Kind: Data, ShowSpinner: true}, false))
	f.Call(nil, func() []any {
		display.Publish(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "x"}})
		return []any{1}
	})
	f.Call(nil, nil)
	mu.Lock()
	defer mu.Unlock()
	if len(got) != 2 || got[0].Data["text/plain"] != "x" || isCached(got[0]) || !isCached(got[1]) {
		t.Fatalf("outputs through display.Publish: %+v", got)
	}
}

func TestExecuteResultsNotRecorded(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data}, false))
	compute := func() []any {
		h.pub(display.Output{Kind: display.ExecuteResult, Data: display.MIMEBundle{"text/plain": "r"}})
		return []any{1}
	}
	h.call(f, nil, compute)
	h.reset()
	h.call(f, nil, compute)
	if len(h.outputs()) != 0 {
		t.Errorf("execute_result replayed: %+v", h.outputs())
	}
}

// Rule 10: two cached calls computing at once in different goroutines never
// record each other's outputs, and goroutines a computation starts (adopted
// with Current/Adopt) record into it.
func TestOutputsHaveAnOwner(t *testing.T) {
	h := newHarness(t, "")
	const n = 4
	fs := make([]*Func, n)
	for i := range fs {
		fs[i] = h.register(spec[int]("F"+strconv.Itoa(i), Options{Kind: Data}, false))
	}
	var step sync.WaitGroup // all computations interleave their displays
	step.Add(n)
	var wg sync.WaitGroup
	for i := range fs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			name := "F" + strconv.Itoa(i)
			h.call(fs[i], nil, func() []any {
				show := func(s string) {
					h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": name + " " + s}})
				}
				show("a")
				step.Done()
				step.Wait()
				show("b")
				owner := h.c.Current()
				var child sync.WaitGroup
				child.Add(1)
				go func() {
					defer child.Done()
					defer h.c.Adopt(owner)()
					show("child")
				}()
				child.Wait()
				show("c")
				return []any{i}
			})
		}()
	}
	// While they compute, the cell's own goroutine shows something: it
	// belongs to no call.
	h.pub(display.Output{Kind: display.DisplayData, Data: display.MIMEBundle{"text/plain": "cell"}})
	wg.Wait()
	for i, f := range fs {
		h.reset()
		h.call(f, nil, nil)
		name := "F" + strconv.Itoa(i)
		want := []string{"display_data:" + name + " a", "display_data:" + name + " b", "display_data:" + name + " child", "display_data:" + name + " c"}
		if got := texts(h.outputs()); !equal(got, want) {
			t.Errorf("%s replayed %q, want %q", name, got, want)
		}
	}
}

// Output.Owner attributes text that another goroutine publishes.
func TestOwnerOfLatePublishedText(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data, Replay: ReplayAll}, false))
	g := h.register(spec[int]("G", Options{Kind: Data, Replay: ReplayAll}, false))
	inG := make(chan struct{})
	gDone := make(chan struct{})
	gReturned := make(chan struct{})
	go func() {
		defer close(gReturned)
		h.call(g, nil, func() []any { close(inG); <-gDone; return []any{2} })
	}()
	<-inG
	h.call(f, nil, func() []any {
		owner := h.c.Current()
		done := make(chan struct{})
		// A batching writer publishes from its own goroutine.
		go func() {
			h.pub(display.Output{Kind: display.Stream, Name: "stdout", Text: "F's text\n", Owner: owner})
			close(done)
		}()
		<-done
		return []any{1}
	})
	close(gDone)
	<-gReturned
	for _, c := range []struct {
		f    *Func
		want []string
	}{{f, []string{"F's text\n"}}, {g, nil}} {
		h.reset()
		h.call(c.f, nil, nil)
		if got := texts(h.outputs()); !equal(got, c.want) {
			t.Errorf("%s replayed %q, want %q", c.f.name, got, c.want)
		}
	}
	if h.c.Current() != nil {
		t.Error("the test goroutine still works for a call")
	}
}

// Until the interpreter stamps owners on batched text, stream text that a
// goroutine working for nobody publishes goes to the one call computing, if
// only one computes; never to one of several.
func TestUnownedStreamText(t *testing.T) {
	h := newHarness(t, "")
	f := h.register(spec[int]("F", Options{Kind: Data, Replay: ReplayAll}, false))
	h.call(f, nil, func() []any {
		done := make(chan struct{})
		go func() { h.print("from the reader\n"); close(done) }()
		<-done
		return []any{1}
	})
	h.reset()
	h.call(f, nil, nil)
	if got := texts(h.outputs()); !equal(got, []string{"from the reader\n"}) {
		t.Fatalf("one computing: replay %q", got)
	}

	g1 := h.register(spec[int]("G1", Options{Kind: Data, Replay: ReplayAll}, false))
	g2 := h.register(spec[int]("G2", Options{Kind: Data, Replay: ReplayAll}, false))
	in1, release := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		h.call(g1, nil, func() []any { close(in1); <-release; return []any{1} })
	}()
	<-in1
	h.call(g2, nil, func() []any {
		done := make(chan struct{})
		go func() { h.print("whose?\n"); close(done) }()
		<-done
		return []any{2}
	})
	close(release)
	wg.Wait()
	for _, g := range []*Func{g1, g2} {
		h.reset()
		h.call(g, nil, nil)
		if got := texts(h.outputs()); len(got) != 0 {
			t.Errorf("%s recorded text of unknown owner: %q", g.name, got)
		}
	}
}
