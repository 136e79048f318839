package interp

import (
	"context"
	"errors"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"reflect"
	"runtime"
	"runtime/debug"
	"strconv"
	"strings"
	"sync"
	"time"

	yaegi "github.com/traefik/yaegi/interp"

	"github.com/gocell/gocell/cachecells"
	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/internal/goid"
	"github.com/gocell/gocell/interp/internal/names"
	"github.com/gocell/gocell/interp/internal/rewrite"
	"github.com/gocell/gocell/interp/internal/stdfix"
	"github.com/gocell/gocell/interp/interrupt"
	"github.com/gocell/gocell/interp/snapshot"
)

// rtImport is the host package every compiled chunk imports under the name
// __gocell, to hand trailing values and cell exits back to the session.
const (
	rtPath  = "gocell/rt"
	rtName  = "__gocell"
	rtSpec  = rtName + ` "` + rtPath + `"`
	dispPkg = "github.com/gocell/gocell/display"
)

// stuckGrace is how long an interrupted cell may take to unwind before the
// session declares it stuck in a host call that cannot be stopped (the
// blocking calls of the standard library are replaced by interruptible
// ones; a library computing in a long loop is not). A stuck cell could
// resume later, so a stuck session must be replaced, and the kernel
// restores the snapshot into the new one.
const stuckGrace = 1500 * time.Millisecond

// Session runs notebook cells in one yaegi interpreter. Its methods are safe
// for concurrent use; cells run one at a time.
type Session struct {
	mu        sync.Mutex
	yi        *yaegi.Interpreter
	imports   []string        // import specs ("fmt", m "math") in the order first seen
	reg       *names.Registry // the notebook's declarations, for rebuilds and caching
	probeType reflect.Type    // set by the runtime's TypeOf

	cache        *cachecells.Cache
	cached       map[string]*cachedFunc   // cached functions by name ("F", "T.M")
	globalsCache map[string]reflect.Value // globals(s.yi), read once per chunk
	timeMark     time.Time                // set by %time STATEMENT

	goMu           sync.Mutex
	running        bool     // a cell is running: goroutine panics end it with an error
	goPanics       []string // goroutine panics during the running cell
	cellSeq        int64    // numbers cells, for goroutines to tell theirs
	cellGoroutines int      // goroutines the running cell started that are still running
	stdout         *stream
	stderr         *stream
	stdin          *stdinReader

	publish func(display.Output)
	// captureFn is s.capture as the interpreters see it, registered once in
	// display.MapTypes.
	captureFn reflect.Value

	// Per-cell state, set while a cell runs.
	captured []any
	hasValue bool
	returned bool // a return at the top level of the cell ended it
	// cellDefers are the cell's top-level deferred calls, run when it ends.
	cellDefers []func()
	// held is the value of a generic call of a top-level declaration,
	// heldType its type's name (generics.go).
	held     any
	heldType string

	compileSeq  int                        // numbers scratch files
	fileImports map[string]map[string]bool // file name -> import specs compiled for it

	// stuck is set once an interrupted cell failed to unwind: the session
	// must not run more cells.
	stuck bool

	extra []Packages // compiled packages beyond the bundled ones (packages.go)

	// The snapshot directory's journal and saver (state.go); nil without one.
	state    *state
	stateErr error // a bad size bound, reported at the first cell
	// restoreVars are variables a restore declares, beside those a rebuild
	// moves from the old interpreter.
	restoreVars   []varToMove
	chunkCompiled bool // the running chunk compiled (it may have panicked)
	nbTypes       map[reflect.Type]string
	nbTypesKey    string
	liveGo        int // goroutines cells started that still run
}

// NewSession starts an interpreter whose outputs go to publish, with the
// standard library, the bundled packages and extra. Stdout captures the
// process's file descriptor 1, so one Session per process.
func NewSession(publish func(display.Output), extra ...Packages) (*Session, error) {
	s := &Session{fileImports: map[string]map[string]bool{}, reg: &names.Registry{}, cached: map[string]*cachedFunc{}, publish: publish, extra: extra}
	s.captureFn = reflect.ValueOf(s.capture)
	typeCheckPackages()
	var err error
	// Everything a cell shows goes through display.Publish, where the cache
	// records the outputs of cached calls (Tee), then to publish.
	if s.stdout, err = newStream("stdout", display.Publish); err != nil {
		return nil, fmt.Errorf("capturing stdout: %w", err)
	}
	if s.stderr, err = newStream("stderr", display.Publish); err != nil {
		return nil, fmt.Errorf("capturing stderr: %w", err)
	}
	s.stdin = &stdinReader{}
	// Stream text written through the interpreter carries the cached call
	// that wrote it (stream.Write), so two calls computing at once never
	// record each other's text. OwnedStreams stays off for the text of
	// unknown writers (os.Stdout written as a file goes through the pipe):
	// the cache gives it to the one call computing, if only one is.
	s.cache = cachecells.New(cachecells.Config{Dir: cacheDir(), Warn: func(msg string) {
		s.publish(display.Output{Kind: display.Stream, Name: "stderr", Text: "gocell cache: " + msg + "\n"})
	}})
	s.stdout.owner = s.cache.Current
	s.stderr.owner = s.cache.Current
	// Text printed before a rich output must be published (and recorded by
	// the cache) before it, so streams are flushed ahead of the Tee.
	tee := s.cache.Tee(s.publish)
	display.SetPublisher(func(o display.Output) {
		if o.Kind != display.Stream {
			s.stdout.flush()
			s.stderr.flush()
		}
		tee(o)
	})
	if s.yi, err = s.newInterpreter(); err != nil {
		return nil, err
	}
	s.state, s.stateErr = openState(os.Getenv(snapshot.EnvDir))
	return s, nil
}

// newInterpreter creates a yaegi interpreter wired to the session's
// streams, stdin and runtime package.
func (s *Session) newInterpreter() (*yaegi.Interpreter, error) {
	yi := yaegi.New(yaegi.Options{Stdout: s.stdout, Stderr: s.stderr, Stdin: s.stdin, GoPath: os.DevNull})
	// yaegi hands notebook values to host funcs without their methods
	// unless the func is registered to receive the interfaces they implement
	// (String, HTML, image.Image, ...); it reads the registry in Use.
	// The func value is made once per session: a method value made here
	// would be a new map key on every rebuild, and the map would grow.
	captureFn := s.captureFn
	display.MapTypes[captureFn] = display.RenderInterfaces
	if err := yi.Use(librarySymbols()); err != nil {
		return nil, fmt.Errorf("loading the standard library: %w", err)
	}
	if err := stdfix.Install(yi); err != nil {
		return nil, fmt.Errorf("loading the standard library fixes: %w", err)
	}
	rt := map[string]reflect.Value{
		"Capture":   captureFn,
		"TypeOf":    reflect.ValueOf(func(v any) { s.probeType = reflect.TypeOf(v) }),
		"CacheCall": reflect.ValueOf(s.cacheCall),
		"Magic":     reflect.ValueOf(s.magic),
		"GoStart":   reflect.ValueOf(s.goStart),
		"GoBegin":   reflect.ValueOf(s.goBegin),
		"GoEnd":     reflect.ValueOf(s.goEnd),
		"Go":        reflect.ValueOf(s.goCall),
		"TimeStart": reflect.ValueOf(s.timeStart),
		"TimeEnd":   reflect.ValueOf(s.timeEnd),
		// A return at the top level of a cell ends it (see rewrite).
		"Return": reflect.ValueOf(func() { s.returned = true }),
		"Defer":  reflect.ValueOf(s.deferCall),
		"Hold":   reflect.ValueOf(s.hold),
	}
	for k, v := range s.cacheEntries() {
		rt[k] = v
	}
	// wg.Go's goroutines are the cell's, as a go statement's are.
	interrupt.SetGoStarter(s.goCall)
	if err := yi.Use(yaegi.Exports{
		rtPath + "/rt": rt,
		// Cells read stdin through the front end: os.Stdin is our reader.
		// They see the process's real environment (yaegi's restricted mode
		// gives them an empty one), as a Go program would; os.Exit stays a
		// panic, so a cell cannot end the executor.
		"os/os": {
			"Stdin":     reflect.ValueOf(&s.stdin.asReader).Elem(),
			"Stdout":    reflect.ValueOf(&s.stdout.w).Elem(),
			"Stderr":    reflect.ValueOf(&s.stderr.w).Elem(),
			"Getenv":    reflect.ValueOf(os.Getenv),
			"LookupEnv": reflect.ValueOf(os.LookupEnv),
			"Setenv":    reflect.ValueOf(os.Setenv),
			"Unsetenv":  reflect.ValueOf(os.Unsetenv),
			"Environ":   reflect.ValueOf(os.Environ),
			"ExpandEnv": reflect.ValueOf(os.ExpandEnv),
			"Clearenv":  reflect.ValueOf(os.Clearenv),
		},
	}); err != nil {
		return nil, fmt.Errorf("loading the gocell runtime: %w", err)
	}
	if err := yi.Use(display.Symbols); err != nil {
		return nil, fmt.Errorf("loading the display package: %w", err)
	}
	if err := yi.Use(s.cacheSymbols()); err != nil {
		return nil, fmt.Errorf("loading the cache package: %w", err)
	}
	if err := s.usePackages(yi); err != nil {
		return nil, err
	}
	return yi, nil
}

// RedirectStdout makes file descriptor 1 of this process write into the
// session's stdout, so output of host code that bypasses the interpreter is
// shown too. The executor calls it once; tests don't.
func (s *Session) RedirectStdout() error {
	return dupTo(s.stdout.w, 1)
}

// publishOrdered publishes an output after any text printed before it,
// through the cache's recorder.
func (s *Session) publishOrdered(o display.Output) {
	display.Publish(o)
}

func (s *Session) capture(vals ...any) {
	s.captured = vals
	s.hasValue = true
}

// ExecuteOptions are the parts of an execute request the session needs.
type ExecuteOptions struct {
	Name       string // source file name: errors read "cell7.go:3:2"
	Silent     bool   // no execute_result
	AllowStdin bool
	// Input asks the front end for a line of input.
	Input func(prompt string, password bool) (string, error)
}

// CellError is a cell that failed: to compile, by panicking, or by being
// interrupted. Its fields become the Jupyter error output.
type CellError struct {
	EName     string
	EValue    string
	Traceback []string
	// Stuck is set when an interrupted cell could not be stopped: the
	// session must be replaced.
	Stuck bool
}

func (e *CellError) Error() string { return e.EName + ": " + e.EValue }

// Execute runs one cell. It returns nil or a *CellError.
func (s *Session) Execute(ctx context.Context, code string, opt ExecuteOptions) (err *CellError) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.stuck {
		return &CellError{EName: "ExecutorStuck", EValue: "an earlier cell could not be stopped; the executor must restart", Stuck: true}
	}
	if s.stateErr != nil {
		s.publishOrdered(display.Output{Kind: display.Stream, Name: "stderr", Text: "gocell: " + s.stateErr.Error() + "; using the default\n"})
		s.stateErr = nil
	}
	interrupt.Begin()
	s.stdin.begin(ctx, opt.AllowStdin, opt.Input)
	defer s.stdin.end()
	s.takeGoPanics()
	s.setRunning(true)
	defer s.setRunning(false)
	defer func() {
		s.stdout.flush()
		s.stderr.flush()
	}()
	defer func() {
		// yaegi panics on some invalid programs (#1593, #1701): report, don't die.
		if r := recover(); r != nil {
			if os.Getenv("GOCELL_DEBUG") != "" {
				debug.PrintStack()
			}
			err = &CellError{EName: "InternalError", EValue: fmt.Sprintf("the interpreter failed on this cell: %v", r),
				Traceback: []string{fmt.Sprintf("InternalError: the interpreter failed on this cell: %v", r),
					"The cell may use a Go construct the interpreter does not support; try writing it another way."}}
		}
	}()

	original := code
	s.notePipeUse(code)
	code, timeCell, merr := cell.ExpandMagics(code)
	if merr != nil {
		return &CellError{EName: "MagicError", EValue: merr.Error(), Traceback: []string{"MagicError: " + merr.Error()}}
	}
	if timeCell {
		start := time.Now()
		defer func() {
			fmt.Fprintf(s.stdout, "time: %s\n", formatDuration(time.Since(start)))
		}()
	}
	if err := cell.CheckDirectives(code); err != nil {
		return &CellError{EName: "CacheDirectiveError", EValue: err.Error(), Traceback: []string{"CacheDirectiveError: " + cellLabel(opt.Name) + ", " + err.Error()}}
	}
	chunks, perr := cell.Split(code)
	if perr != nil {
		return syntaxError(opt.Name, original, perr)
	}
	chunks = orderInits(code, chunks)
	s.captured, s.hasValue, s.returned, s.cellDefers = nil, false, false, nil
	if cerr := s.importUsedPackages(ctx, opt.Name, code, chunks); cerr != nil {
		return cerr
	}
	for i, c := range chunks {
		s.globalsCache = nil // a chunk may declare variables or rebuild
		last := i == len(chunks)-1
		var cerr *CellError
		// Only a chunk that compiled may leave anything behind in the
		// registry's notes, and only such a chunk enters the journal.
		mark := s.reg.MarkNotes()
		s.chunkCompiled = c.Kind == cell.Imports
		switch c.Kind {
		case cell.Imports:
			cerr = s.runImports(ctx, opt.Name, code, c)
		case cell.Decls:
			cerr = s.runDecls(ctx, opt.Name, code, c)
		case cell.Stmts:
			cerr = s.runStmts(ctx, opt.Name, code, c, last)
		}
		if cerr != nil {
			if s.chunkCompiled && c.Kind != cell.Imports {
				s.record(c, opt.Name)
			} else if c.Kind != cell.Imports {
				s.reg.ResetNotes(mark)
			}
			s.runCellDefers()
			s.saveState(code)
			return cerr
		}
		s.record(c, opt.Name)
		if s.returned {
			break
		}
	}
	s.runCellDefers()
	s.cache.Sweep()
	s.waitGoroutines()
	s.saveState(code)
	if p := s.takeGoPanics(); len(p) > 0 {
		return goroutineError(p)
	}
	if err := s.stdin.deniedError(); err != nil {
		return err
	}
	if s.hasValue && !opt.Silent {
		s.stdout.flush()
		s.stderr.flush()
		if data := display.RenderValues(s.captured...); len(data) > 0 {
			s.publish(display.Output{Kind: display.ExecuteResult, Data: data, Metadata: map[string]any{}})
		}
	}
	return nil
}

// importSpecs is every import of the notebook so far, with the runtime
// package and display, which cells use without an import line.
func (s *Session) importSpecs(code string) []string {
	specs := append([]string{rtSpec}, s.autoImports(code)...)
	return append(specs, s.imports...)
}

// ensureImports makes the notebook's imports visible to code parsed under
// file. yaegi keys imports by file name and resolves package names by the
// file a position reports, which the line directives set to the cell's file;
// so every unit of a cell is parsed under the cell's file name, and each
// import is compiled once for that name (a second import of one package
// under one name is an error).
func (s *Session) ensureImports(ctx context.Context, file, code string) error {
	done := s.fileImports[file]
	if done == nil {
		done = map[string]bool{}
		s.fileImports[file] = done
	}
	var missing []string
	for _, spec := range s.importSpecs(code) {
		if !done[spec] {
			missing = append(missing, spec)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	// Compiling an import-only file binds the names; it has nothing to
	// run, so it is not executed (which costs yaegi a goroutine a cell:
	// every cell is a file of its own and needs the imports again).
	src := "package main\nimport (\n\t" + strings.Join(missing, "\n\t") + "\n)\n"
	if _, err := s.compileSource(file, src, func(f *ast.File) ast.Node { return f }); err != nil {
		return err
	}
	for _, spec := range missing {
		done[spec] = true
	}
	return nil
}

// importsName reports whether an import of the notebook binds name.
func (s *Session) importsName(name string) bool {
	for _, spec := range s.imports {
		if importName(spec) == name {
			return true
		}
	}
	return false
}

// importName is the name an import spec binds: its alias or the last path element.
func importName(spec string) string {
	if i := strings.IndexByte(spec, '"'); i > 0 {
		return strings.TrimSpace(spec[:i])
	}
	p, _ := strconv.Unquote(spec)
	return p[strings.LastIndexByte(p, '/')+1:]
}

func (s *Session) runImports(ctx context.Context, file, code string, c cell.Chunk) *CellError {
	src := "package main\n" + cell.LineDirective(file, c.Line, c.Col) + c.Text + "\n"
	f, err := parser.ParseFile(token.NewFileSet(), file, src, parser.ImportsOnly)
	if err != nil {
		return compileError(file, code, err)
	}
	var added []string
	for _, is := range f.Imports {
		spec := is.Path.Value
		if is.Name != nil {
			spec = is.Name.Name + " " + spec
		}
		if !contains(s.imports, spec) && !contains(added, spec) {
			added = append(added, spec)
		}
	}
	if len(added) == 0 {
		return nil
	}
	// Check each new import alone under a scratch name, so an unknown
	// package is reported before the notebook depends on it.
	for _, spec := range added {
		s.compileSeq++
		probe := fmt.Sprintf("import~%d.go", s.compileSeq)
		if err := s.compileFile(ctx, probe, "package main\nimport "+spec+"\n"); err != nil {
			return importError(file, code, spec, c, err)
		}
	}
	s.imports = append(s.imports, added...)
	return nil
}

// prepareDecls is the one pipeline a declarations chunk goes through before
// it is compiled, whether a cell runs it or a new executor restores it: so
// a restored function has the same goroutine wrappers and cache wrapper
// as the one the cell declared.
func (s *Session) prepareDecls(file, code string, c cell.Chunk) (*rewrite.Decls, *CellError) {
	p, err := rewrite.Declarations(s.reg, file, c)
	var re *rewrite.Error
	var de *rewrite.DirectiveError
	switch {
	case err == nil:
		return p, nil
	case errors.As(err, &re):
		return nil, rewriteError(file, code, c, err)
	case errors.As(err, &de):
		return nil, &CellError{EName: "CacheDirectiveError", EValue: err.Error(), Traceback: []string{fmt.Sprintf("%s: %v", cellLabel(file), err)}}
	default:
		return nil, compileError(file, code, err)
	}
}

func (s *Session) runDecls(ctx context.Context, file, code string, c cell.Chunk) *CellError {
	p, perr := s.prepareDecls(file, code, c)
	if perr != nil {
		return perr
	}
	text, mainCall, decls := p.Text, p.Main, p.Decls
	if redefined := s.reg.Changes(decls); len(redefined) > 0 {
		// yaegi keeps callers on a redefined function and ignores redefined
		// methods and types: rebuild the notebook with the new declarations.
		reg := s.reg.Clone()
		reg.Add(decls)
		res, err := s.rebuild(ctx, reg, reg.LastUnit())
		if err != nil {
			return s.describe(err, file, code)
		}
		s.reg = reg
		s.chunkCompiled = true
		s.reportRebuild(res)
	} else {
		if err := s.compileUnit(ctx, file, "package main\n"+cell.LineDirective(file, c.Line, c.Col)+text+"\n"); err != nil {
			cerr := s.explainUndefined(s.describe(err, file, code), file, code, c)
			s.undoFailedCompile(ctx)
			return cerr
		}
		s.reg.Add(decls)
		s.chunkCompiled = true
	}
	s.addCached(p.Cached)
	if err := s.registerCached(); err != nil {
		return &CellError{EName: "CacheDirectiveError", EValue: err.Error(), Traceback: []string{"CacheDirectiveError: " + err.Error()}}
	}
	if mainCall != "" {
		return s.runStmts(ctx, file, code, cell.Chunk{Kind: cell.Stmts, Text: mainCall + "()", Line: c.Line, Col: c.Col}, false)
	}
	return nil
}

// undoFailedCompile rebuilds the interpreter from the registry after a
// compile error: yaegi can leave half-defined functions (which then return
// zero values) and bogus symbols behind, and a cell that fails to compile
// must change nothing.
func (s *Session) undoFailedCompile(ctx context.Context) {
	res, err := s.rebuild(ctx, s.reg, 0)
	if err == nil {
		s.reportRebuild(res)
	}
}

// reportRebuild tells the user what a rebuild could not carry over.
func (s *Session) reportRebuild(res rebuildResult) {
	var msg string
	if len(res.broken) > 0 {
		msg += "These declarations no longer compile and are undefined until fixed: " + strings.Join(res.broken, ", ") + "\n"
	}
	if len(res.lost) > 0 {
		msg += "These variables could not keep their values and were reset: " + strings.Join(res.lost, ", ") + "\n"
	}
	if msg != "" {
		s.publishOrdered(display.Output{Kind: display.Stream, Name: "stderr", Text: msg})
	}
}

// runStmts runs statements in the notebook's global scope, as yaegi's own
// REPL does, so that x := ... declares a notebook variable. A block sees
// only the imports of its own file, so the imports are first compiled alone
// under the name the block is then parsed with.
func (s *Session) runStmts(ctx context.Context, file, code string, c cell.Chunk, last bool) *CellError {
	text, rerr := rewrite.Statements(s.reg, c.Text)
	if rerr != nil {
		if at := splitAt(rerr); at > 0 && at < len(c.Text) {
			return s.runSplitStmts(ctx, file, code, c, last, at)
		}
		if cerr, ok := s.runGenericDefine(ctx, file, code, c, last, rerr); ok {
			return cerr
		}
		return rewriteError(file, code, c, rerr)
	}
	c.Text = text
	if last {
		if captured, ok := rewrite.CaptureLast(text); ok {
			text = captured
		}
	}
	run := func(body string) error {
		return s.runBlock(ctx, file, cell.LineDirective(file, c.Line, c.Col)+body)
	}
	err := run(text)
	if err != nil && text != c.Text && !isPanic(err) && ctx.Err() == nil {
		// The last expression has no value (a call of a func without
		// results): run the cell as written.
		err = run(c.Text)
	}
	if c.Declares {
		s.reg.NoteVarHints(c.Text)
	}
	s.chunkCompiled = err == nil || isPanic(err) || ctx.Err() != nil
	if err == nil {
		return nil
	}
	if ctx.Err() != nil {
		return s.waitUnwound()
	}
	cerr := s.explainUndefined(s.describe(err, file, code), file, code, c)
	if !isPanic(err) {
		s.undoFailedCompile(ctx)
	}
	return cerr
}

// runBlock compiles body as a global-scope block and runs it.
func (s *Session) runBlock(ctx context.Context, file, body string) error {
	if err := s.ensureImports(ctx, file, body); err != nil {
		return err
	}
	prog, err := s.compileSource(file, "package main\nfunc main() {\n"+body+"\n}\n", func(f *ast.File) ast.Node {
		return f.Decls[len(f.Decls)-1].(*ast.FuncDecl).Body
	})
	if err != nil {
		return err
	}
	_, err = s.yi.ExecuteWithContext(ctx, prog)
	return err
}

// compileSource parses src under name and compiles the node pick chooses.
// A source calling bundled variadic methods is first compiled with those
// calls rewritten (variadicCalls), and as written if that fails to
// compile. yaegi panics on some programs it cannot compile; that is an
// error of the program, not of the session.
func (s *Session) compileSource(name, src string, pick func(*ast.File) ast.Node) (*yaegi.Program, error) {
	compile := func(src string) (prog *yaegi.Program, err error) {
		f, err := parser.ParseFile(s.yi.FileSet(), name, src, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("%s: the interpreter cannot compile this: %v", name, r)
			}
		}()
		return s.yi.CompileAST(pick(f))
	}
	if alt := s.variadicCalls(src); alt != "" {
		if prog, err := compile(alt); err == nil {
			return prog, nil
		}
	}
	return compile(src)
}

func isPanic(err error) bool {
	var p yaegi.Panic
	return errors.As(err, &p)
}

// waitUnwound decides what an interrupt did. An interpreted loop or channel
// wait unwinds at once; a host call such as time.Sleep or Mutex.Lock does
// not, and the cell could resume after a later cell starts, so such a
// session is marked stuck and must be replaced.
func (s *Session) waitUnwound() *CellError {
	// Blocked host calls (time.Sleep, Mutex.Lock, WaitGroup.Wait, HTTP,
	// os/exec) are the interruptible ones of package interrupt: stop them
	// where they wait, so that the code after them never runs.
	interrupt.Interrupt()
	deadline := time.Now().Add(stuckGrace)
	for time.Now().Before(deadline) {
		if !goid.Running(yaegiExecute) && interrupt.Blocked() == 0 {
			s.afterInterrupt()
			return interrupted(false)
		}
		time.Sleep(2 * time.Millisecond)
	}
	s.stuck = true
	return interrupted(true)
}

// yaegiExecute names the function that runs a compiled program. yaegi
// runs each program in a goroutine of its own and returns at once when the
// context is cancelled; the cell has unwound when no goroutine is inside
// this function any more. (Goroutines a cell starts run from their own
// entry points, and one request runs at a time, so any such frame is the
// interrupted cell's.)
var yaegiExecute = runtime.FuncForPC(reflect.ValueOf((*yaegi.Interpreter).Execute).Pointer()).Name()

// afterInterrupt runs a no-op so that func values held by host code work
// again: yaegi leaves them returning zero values until the next Eval. Func
// values made inside a call (the method functions declarations register
// for fmt, encoding/json and text/template) stay broken after that, so a
// notebook that registered any is rebuilt in a fresh interpreter, values
// moved across, as after a redefinition.
func (s *Session) afterInterrupt() {
	_, _ = s.yi.Eval("_ = 0")
	if stdfix.HasRegisteredMethods() {
		res, err := s.rebuild(context.Background(), s.reg, 0)
		if err == nil {
			s.reportRebuild(res)
		}
	}
}

// compileUnit compiles one unit of declarations under file, after making
// the notebook's imports visible there, and runs its initializers.
func (s *Session) compileUnit(ctx context.Context, file, src string) error {
	if err := s.ensureImports(ctx, file, src); err != nil {
		return err
	}
	return s.compileFile(ctx, file, src)
}

// compileFile compiles and runs src parsed under exactly the name given.
func (s *Session) compileFile(ctx context.Context, name, src string) error {
	prog, err := s.compileSource(name, src, func(f *ast.File) ast.Node { return f })
	if err != nil {
		return err
	}
	_, err = s.yi.ExecuteWithContext(ctx, prog)
	return err
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// describe turns a compile or run error into a CellError that names the cell line.
func (s *Session) describe(err error, file, code string) *CellError {
	var p yaegi.Panic
	if errors.As(err, &p) {
		s.stderr.flush() // the frames are in the pipe: read them first
		return panicError(p, s.stderr.takeTrace(), file)
	}
	e := s.explainGenericPanic(compileError(file, code, err), file, code)
	if hint := s.genericHint(err.Error(), code); hint != "" {
		e.Traceback = append(e.Traceback, hint)
	}
	return e
}

func interrupted(stuck bool) *CellError {
	e := &CellError{EName: "Interrupted", EValue: "the cell was interrupted", Stuck: stuck}
	if stuck {
		e.EValue = "the cell was interrupted while blocked in a call that cannot be cancelled; the executor was restarted"
	}
	e.Traceback = []string{e.EName + ": " + e.EValue}
	return e
}

// varHint is the static type of a notebook variable where its source
// shows one, or "".
func (s *Session) varHint(name string) string {
	t, _ := s.reg.VarHint(name)
	return t
}

// deferCall records a deferred call at the top level of the cell.
func (s *Session) deferCall(f func()) { s.cellDefers = append(s.cellDefers, f) }

// runCellDefers runs the cell's top-level deferred calls, last first. A
// panic in one is reported on stderr and the others still run.
func (s *Session) runCellDefers() {
	for len(s.cellDefers) > 0 {
		f := s.cellDefers[len(s.cellDefers)-1]
		s.cellDefers = s.cellDefers[:len(s.cellDefers)-1]
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Fprintf(s.stderr, "panic in a deferred call of the cell: %v\n", r)
				}
			}()
			f()
		}()
	}
}
