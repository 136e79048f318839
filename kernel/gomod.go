package kernel

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"maps"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/build"
	"github.com/gocell/gocell/interp/proto"
)

// The %go magics run in the kernel process, not in the executor: %go get
// replaces the executor itself. A cell's %go lines run first, in order; the
// rest of the cell then runs in the (possibly new) executor.
//
// Jupyter front ends do not let a kernel write the notebook's metadata, so
// the portable way to give a notebook its modules is to keep the %go get
// line in its first cell: when the notebook runs again, that cell asks for
// the same modules and the cached executor makes it instant. `gocell run`
// also reads and writes metadata.gocell.modules.

// executorMain is the main package of an executor built for a notebook: the
// executor entry point with the extracted packages.
const executorMain = `// Command gocell-executor is a gocell executor built for a notebook's
// %go get: it runs cells with the standard library, the bundled packages
// and the modules the notebook asked for. The gocell kernel starts it.
package main

import (
	"fmt"
	"os"

	"github.com/gocell/gocell/interp"

	"gocellexecutor/symbols"
)

func main() {
	if len(os.Args) != 2 || os.Args[1] != "executor" {
		fmt.Fprintln(os.Stderr, "this is a gocell executor: the gocell kernel starts it")
		os.Exit(2)
	}
	if err := interp.RunExecutor(interp.Packages{Symbols: symbols.Symbols, Generic: symbols.Generic}); err != nil {
		fmt.Fprintln(os.Stderr, "gocell executor:", err)
		os.Exit(1)
	}
}
`

// goModules is a notebook's module list and the executor built for it.
type goModules struct {
	source fs.FS // gocell's own source, which executors are built from; nil if the binary carries none

	mu       sync.Mutex
	modules  []string        // as requested, "path" or "path@version", one per module path
	built    *build.Executor // the executor running now; nil for the default one
	cancel   context.CancelFunc
	versionO sync.Once
	version  string
	seq      int // numbers progress displays
}

func newGoModules(source fs.FS) *goModules { return &goModules{source: source} }

// interrupt cancels a build in progress and reports whether there was one.
func (g *goModules) interrupt() bool {
	if g == nil {
		return false
	}
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.cancel != nil {
		g.cancel()
		return true
	}
	return false
}

// Modules returns the notebook's module list, resolved versions once built.
func (g *goModules) Modules() []string {
	g.mu.Lock()
	defer g.mu.Unlock()
	if g.built != nil {
		return slices.Clone(g.built.Modules)
	}
	return slices.Clone(g.modules)
}

// builder returns a Builder of executors for this gocell: its cache key
// holds the version and a hash of the source, so that a changed gocell
// never reuses an executor built from another.
func (g *goModules) builder(progress func(build.Progress)) *build.Builder {
	g.versionO.Do(func() {
		h := sha256.New()
		_ = fs.WalkDir(g.source, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || strings.HasSuffix(p, "_test.go") {
				return nil
			}
			data, err := fs.ReadFile(g.source, p)
			if err == nil {
				fmt.Fprintf(h, "%s %d\n", p, len(data))
				h.Write(data)
			}
			return nil
		})
		g.version = Version + "+" + hex.EncodeToString(h.Sum(nil))[:12]
	})
	return &build.Builder{Source: g.source, Version: g.version, Main: func() string { return executorMain }, Progress: progress}
}

// goLines finds the %go magic lines of a cell. It returns them, and the
// cell with those lines blanked (so that line numbers of errors stay).
func goLines(code string) (magics []string, rest string) {
	if !strings.Contains(code, "%go") {
		return nil, code
	}
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		t := strings.TrimSpace(l)
		if t == "%go" || strings.HasPrefix(t, "%go ") || strings.HasPrefix(t, "%go\t") {
			magics = append(magics, strings.TrimSpace(t[len("%go"):]))
			lines[i] = ""
		}
	}
	return magics, strings.Join(lines, "\n")
}

// mergeModules adds the requested modules to the list: a module already
// there takes a newly requested version, and keeps its own when the
// request names none.
func mergeModules(list, add []string) []string {
	out := slices.Clone(list)
	for _, m := range add {
		path, _, _ := strings.Cut(m, "@")
		i := slices.IndexFunc(out, func(o string) bool { p, _, _ := strings.Cut(o, "@"); return p == path })
		switch {
		case i >= 0 && !strings.Contains(m, "@"):
			// Asking again without a version keeps the one the notebook has.
		case i >= 0:
			out[i] = m
		default:
			out = append(out, m)
		}
	}
	return out
}

// goMagics runs the %go lines of a cell. It returns the rest of the cell,
// and a reply when the cell is done: a %go line failed, or nothing else
// is left to run.
func (s *supervisor) goMagics(parent *Message, code string, silent bool, count int) (string, *proto.Reply) {
	magics, rest := goLines(code)
	if len(magics) == 0 {
		return code, nil
	}
	show := func(o display.Output) {
		if !silent {
			s.host.publishOutput(parent, o, count)
		}
	}
	for _, m := range magics {
		fields := strings.Fields(m)
		var err error
		switch {
		case len(fields) == 0:
			err = errors.New("%go needs a command: %go get MODULE[@VERSION] ... or %go list")
		case fields[0] == "get":
			err = s.goGet(fields[1:], show)
		case fields[0] == "list" && len(fields) == 1:
			s.goList(show)
		default:
			err = fmt.Errorf("unknown %%go command %q: use %%go get MODULE[@VERSION] ... or %%go list", m)
		}
		if err != nil {
			reply := goError(err)
			show(display.Output{Kind: display.Error, EName: reply.EName, EValue: reply.EValue, Traceback: reply.Traceback})
			return "", reply
		}
	}
	if strings.TrimSpace(rest) == "" {
		return "", &proto.Reply{Status: "ok"}
	}
	return rest, nil
}

// goError turns a failed %go line into an error reply that says what
// failed and that nothing was lost.
func goError(err error) *proto.Reply {
	ename := "GoGetError"
	var (
		unknownMod *build.UnknownModuleError
		unknownVer *build.UnknownVersionError
		cgo        *build.CgoError
		noPkgs     *build.NoPackagesError
		buildErr   *build.BuildError
		noGo       *build.NoToolchainError
		resolve    *build.ResolveError
	)
	switch {
	case errors.As(err, &unknownMod):
		ename = "ModuleNotFound"
	case errors.As(err, &unknownVer):
		ename = "VersionNotFound"
	case errors.As(err, &cgo):
		ename = "CgoRequired"
	case errors.As(err, &noPkgs):
		ename = "NoPackages"
	case errors.As(err, &buildErr):
		ename = "BuildFailed"
	case errors.As(err, &noGo):
		ename = "NoGoToolchain"
	case errors.As(err, &resolve):
		ename = "ResolveFailed"
	case errors.Is(err, context.Canceled):
		ename, err = "Interrupted", errors.New("the build was interrupted")
	}
	msg := err.Error()
	first, _, _ := strings.Cut(msg, "\n")
	tb := []string{ename + ": " + msg, "The notebook keeps its executor, declarations and values."}
	return &proto.Reply{Status: "error", EName: ename, EValue: first, Traceback: tb}
}

// goGet builds (or finds in the cache) an executor with the notebook's
// modules and the requested ones, and switches to it. On failure nothing
// changes.
func (s *supervisor) goGet(args []string, show func(display.Output)) error {
	g := s.mods
	if len(args) == 0 {
		return errors.New("%go get needs a module: %go get github.com/dustin/go-humanize or %go get github.com/dustin/go-humanize@v1.0.1")
	}
	for _, a := range args {
		if strings.HasPrefix(a, "-") {
			return fmt.Errorf("%%go get takes no flags (%s): name modules as path or path@version", a)
		}
	}
	if g.source == nil {
		return errors.New("this gocell binary carries no source to build executors from; build gocell with `go build` from its module")
	}
	g.mu.Lock()
	list := mergeModules(g.modules, args)
	ctx, cancel := context.WithCancel(context.Background())
	g.cancel = cancel
	g.seq++
	id := fmt.Sprintf("gocell-go-get-%d", g.seq)
	g.mu.Unlock()
	defer func() {
		g.mu.Lock()
		g.cancel = nil
		g.mu.Unlock()
		cancel()
	}()

	// The progress display: one line that updates as phases start, and
	// every second with the elapsed time.
	var pmu sync.Mutex
	phase, detail, start := "resolving", strings.Join(list, " "), time.Now()
	kind := display.DisplayData
	render := func(final string) {
		pmu.Lock()
		defer pmu.Unlock()
		text := fmt.Sprintf("%%go get: %s %s (%.1fs)", phase, detail, time.Since(start).Seconds())
		if final != "" {
			text = final
		}
		show(display.Output{Kind: kind, DisplayID: id, Metadata: map[string]any{},
			Data: display.MIMEBundle{"text/plain": text, "text/html": "<pre>" + htmlEscape(text) + "</pre>"}})
		kind = display.UpdateDisplayData
	}
	render("")
	tick := time.NewTicker(time.Second)
	stopTick, tickDone := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(tickDone)
		for {
			select {
			case <-tick.C:
				render("")
			case <-stopTick:
				return
			}
		}
	}()
	b := g.builder(func(p build.Progress) {
		pmu.Lock()
		phase = string(p.Phase)
		if p.Phase == build.Resolving || p.Phase == build.Extracting {
			detail = p.Detail
		} else {
			detail = ""
		}
		pmu.Unlock()
		render("")
	})
	ex, err := b.Build(ctx, list)
	tick.Stop()
	close(stopTick)
	<-tickDone // no tick may overwrite the final line
	if err != nil {
		render(fmt.Sprintf("%%go get: failed after %.1fs", time.Since(start).Seconds()))
		return err
	}
	how := fmt.Sprintf("built in %.1fs", time.Since(start).Seconds())
	if ex.Cached {
		how = "cached"
	}
	render(fmt.Sprintf("%%go get: executor ready (%s): %s", how, strings.Join(ex.Modules, " ")))

	g.mu.Lock()
	same := g.built != nil && g.built.Path == ex.Path
	g.modules, g.built = list, ex
	g.mu.Unlock()
	var msg strings.Builder
	fmt.Fprintf(&msg, "Importable now: %s\n", strings.Join(ex.Packages, ", "))
	for _, sk := range ex.Skipped {
		fmt.Fprintf(&msg, "Left out: %s (%s)\n", sk.Package, sk.Reason)
	}
	for _, p := range slices.Sorted(maps.Keys(ex.Generic)) {
		names := ex.Generic[p]
		shown := names[:min(len(names), 8)]
		more := ""
		if len(names) > len(shown) {
			more = fmt.Sprintf(", and %d more", len(names)-len(shown))
		}
		fmt.Fprintf(&msg, "Generic, so not callable from cells: %s: %s%s\n", p, strings.Join(shown, ", "), more)
	}
	if !same {
		s.mu.Lock()
		s.exe = ex.Path
		s.mu.Unlock()
		lost, rerr := s.restart()
		switch {
		case rerr != nil:
			return fmt.Errorf("the new executor did not start: %w", rerr)
		case len(lost) > 0:
			fmt.Fprintf(&msg, "Switched to the new executor; the declarations of earlier cells were restored; these variables lost their values: %s.\n", strings.Join(lost, ", "))
		default:
			msg.WriteString("Switched to the new executor; earlier declarations and values were restored.\n")
		}
	}
	show(display.Output{Kind: display.Stream, Name: "stdout", Text: msg.String()})
	return nil
}

// goList shows the notebook's modules.
func (s *supervisor) goList(show func(display.Output)) {
	g := s.mods
	g.mu.Lock()
	ex := g.built
	g.mu.Unlock()
	var b strings.Builder
	b.WriteString("Bundled with gocell: gonum.org/v1/gonum, gonum.org/v1/plot\n")
	if ex == nil {
		b.WriteString("No modules added: %go get MODULE[@VERSION] adds one.\n")
	} else {
		fmt.Fprintf(&b, "Added with %%go get:\n")
		for _, m := range ex.Modules {
			fmt.Fprintf(&b, "  %s\n", m)
		}
		fmt.Fprintf(&b, "Packages: %s\n", strings.Join(ex.Packages, ", "))
	}
	show(display.Output{Kind: display.Stream, Name: "stdout", Text: b.String()})
}

func htmlEscape(s string) string {
	return strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;").Replace(s)
}
