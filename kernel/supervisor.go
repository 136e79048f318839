package kernel

import (
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/proto"
	"github.com/gocell/gocell/interp/snapshot"
)

// interruptGrace is how long a cell may take to stop after an interrupt
// before the executor is killed and replaced.
const interruptGrace = 5 * time.Second

// supervisor owns the executor process: it starts it, forwards requests,
// watches its memory, and when the executor dies (a crash, its memory
// limit) or cannot stop a cell, starts a new one that restores the
// notebook from the snapshot directory the supervisor owns: the
// declarations that compiled and the values saved after each cell.
type supervisor struct {
	host  executorHost
	exe   string
	logTo io.Writer

	store    *snapshot.Store // outlives every executor of this kernel
	memLimit int64
	warning  string // a bad setting, shown once with the first cell

	mu          sync.Mutex
	client      *proto.Client
	monitor     *memoryMonitor
	oomUsed     int64     // set when the monitor killed the executor
	running     bool      // a cell is executing
	interrupted time.Time // when the running cell was interrupted, or zero
	stopped     bool

	mods *goModules // the notebook's %go get modules (gomod.go); nil when unsupported
}

// executorHost is where a supervisor sends what the executor produces: the
// Jupyter kernel, or the headless notebook runner.
type executorHost interface {
	// publishOutput shows one output of the request parent (nil for none).
	publishOutput(parent *Message, o display.Output, count int)
	// backgroundParent is the request that outputs of goroutines outliving
	// their cell are shown under.
	backgroundParent() *Message
	// askInput asks the front end for a line for the running cell and
	// passes it on with send; it gives up when done is closed.
	askInput(parent *Message, prompt string, password bool, send func(string), done <-chan struct{})
	logf(format string, args ...any)
}

func newSupervisor(host executorHost, exe string, logTo io.Writer) *supervisor {
	s := &supervisor{host: host, exe: exe, logTo: logTo}
	limit, err := memoryLimitFrom(os.Getenv(EnvMemoryLimit))
	if err != nil {
		limit, _ = memoryLimitFrom("")
		s.warning = fmt.Sprintf("gocell: %v; using the default memory limit of %s\n", err, snapshot.FormatBytes(limit))
	}
	s.memLimit = limit
	if _, err := snapshot.LimitFromEnv(); err != nil {
		s.warning += fmt.Sprintf("gocell: %v; using the default snapshot size bound\n", err)
	}
	return s
}

func (s *supervisor) start() error {
	s.mu.Lock()
	exe := s.exe // %go get switches it
	s.mu.Unlock()
	if s.store == nil {
		st, err := snapshot.NewStore()
		if err != nil {
			return err
		}
		s.store = st
	}
	env := append([]string{snapshot.EnvDir + "=" + s.store.Dir()}, executorMemoryEnv(s.memLimit)...)
	c, err := proto.StartExecutorEnv(exe, env, s.logTo)
	if err != nil {
		return err
	}
	c.Background = s.background
	mon := startMemoryMonitor(c.Pid(), s.memLimit, 0, func(used int64) {
		s.mu.Lock()
		if s.client == c {
			s.oomUsed = used
		}
		s.mu.Unlock()
		s.host.logf("the executor used %s, over its limit of %s: stopping it", snapshot.FormatBytes(used), snapshot.FormatBytes(s.memLimit))
		c.Kill()
	})
	s.mu.Lock()
	s.client, s.monitor = c, mon
	s.mu.Unlock()
	return nil
}

// takeOOM reports whether the executor was stopped for its memory, and
// how much it used.
func (s *supervisor) takeOOM() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	used := s.oomUsed
	s.oomUsed = 0
	return used
}

// background publishes outputs of goroutines that outlive their cell under
// the most recent execute request, as IPython does.
func (s *supervisor) background(ev proto.Event) {
	if ev.Type != proto.EvOutput || ev.Output == nil {
		return
	}
	s.host.publishOutput(s.host.backgroundParent(), *ev.Output, 0)
}

func (s *supervisor) stop() {
	s.mu.Lock()
	c, mon := s.client, s.monitor
	s.stopped = true
	s.mu.Unlock()
	if c != nil {
		c.Close(2 * time.Second)
	}
	if mon != nil {
		mon.Stop()
	}
	if s.store != nil {
		_ = s.store.Close()
	}
}

func (s *supervisor) current() *proto.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client
}

// restart replaces a dead or stuck executor (or one that must change, to
// load other packages) by a new one that restores the notebook from the
// snapshot: declarations that compiled, and variables with the values
// saved after the last cell. It returns what could not be brought back,
// one entry per variable with the reason, or an error if no executor
// could be started.
func (s *supervisor) restart() ([]string, error) {
	s.mu.Lock()
	old, mon := s.client, s.monitor
	s.mu.Unlock()
	if old != nil {
		old.Kill()
	}
	if mon != nil {
		mon.Stop()
	}
	if err := s.start(); err != nil {
		return nil, err
	}
	reply, err := s.current().Call(proto.Request{Type: proto.ReqRestore}, nil)
	if err != nil {
		return nil, fmt.Errorf("the new executor died while restoring the notebook: %w", err)
	}
	return reply.Lost, nil
}

// restoredText says what a restart brought back.
func restoredText(lost []string, err error) string {
	switch {
	case err != nil:
		return "A new executor could not be started: " + err.Error()
	case len(lost) > 0:
		return "A new executor was started; declarations and values were restored, except: " + strings.Join(lost, "; ") + "."
	default:
		return "A new executor was started; declarations and values were restored."
	}
}

// interrupt asks the running cell to stop, and kills the executor if it has
// not stopped within interruptGrace.
func (s *supervisor) interrupt() {
	if s.mods.interrupt() {
		return // it stopped a %go get build
	}
	s.mu.Lock()
	c, running := s.client, s.running
	if running && s.interrupted.IsZero() {
		s.interrupted = time.Now()
	}
	s.mu.Unlock()
	if c == nil || !running {
		return
	}
	_ = c.Send(proto.Request{Type: proto.ReqInterrupt})
	time.AfterFunc(interruptGrace, func() {
		s.mu.Lock()
		stuck := s.client == c && s.running && !s.interrupted.IsZero() && time.Since(s.interrupted) >= interruptGrace
		s.mu.Unlock()
		if stuck {
			c.Kill()
		}
	})
}

// call runs a request that produces no outputs (complete, inspect). If the
// executor is gone, it is restarted and an empty reply returned.
func (s *supervisor) call(req proto.Request) *proto.Reply {
	reply, err := s.current().Call(req, nil)
	if err != nil {
		s.host.logf("executor died during %s: %v", req.Type, err)
		if _, rerr := s.restart(); rerr != nil {
			s.host.logf("restarting the executor: %v", rerr)
		}
		return &proto.Reply{Status: "error"}
	}
	return reply
}

// execute runs one cell, publishing its outputs under parent. It returns the
// reply and the text/plain of the cell's result (for history).
func (s *supervisor) execute(parent *Message, req proto.Request, count int) (*proto.Reply, string) {
	if s.mods != nil {
		rest, reply := s.goMagics(parent, req.Code, req.Silent, count)
		if reply != nil {
			return reply, ""
		}
		req.Code = rest
	}
	s.mu.Lock()
	s.running, s.interrupted = true, time.Time{}
	c := s.client
	warning := s.warning
	s.warning = ""
	s.mu.Unlock()
	if warning != "" && !req.Silent {
		s.host.publishOutput(parent, display.Output{Kind: display.Stream, Name: "stderr", Text: warning}, count)
	}

	done := make(chan struct{})
	var resultText string
	reply, err := c.Call(req, func(ev proto.Event) {
		switch ev.Type {
		case proto.EvOutput:
			if ev.Output == nil || req.Silent {
				return
			}
			if ev.Output.Kind == display.ExecuteResult {
				resultText, _ = ev.Output.Data["text/plain"].(string)
			}
			s.host.publishOutput(parent, *ev.Output, count)
		case proto.EvInputRequest:
			send := func(v string) { _ = c.Send(proto.Request{Type: proto.ReqInputReply, Value: v}) }
			go s.host.askInput(parent, ev.Prompt, ev.Password, send, done)
		}
	})
	close(done)

	s.mu.Lock()
	s.running = false
	wasInterrupted := !s.interrupted.IsZero()
	s.mu.Unlock()

	switch {
	case err != nil:
		reply = s.crashed(err, wasInterrupted)
		if !req.Silent {
			s.host.publishOutput(parent, display.Output{Kind: display.Error, EName: reply.EName, EValue: reply.EValue, Traceback: reply.Traceback}, count)
		}
	case reply.Restart:
		// The cell could not be stopped and might resume later: replace the
		// executor, then report the interrupt with what was lost.
		lost, rerr := s.restart()
		reply.Traceback = append(reply.Traceback, restoredText(lost, rerr))
		if !req.Silent {
			s.host.publishOutput(parent, display.Output{Kind: display.Error, EName: reply.EName, EValue: reply.EValue, Traceback: reply.Traceback}, count)
		}
	}
	return reply, resultText
}

// crashed builds the error reply for a cell whose executor died, and starts
// a new executor.
func (s *supervisor) crashed(err error, interrupted bool) *proto.Reply {
	if used := s.takeOOM(); used > 0 {
		lost, rerr := s.restart()
		oom := &outOfMemoryError{Used: used, Limit: s.memLimit, Lost: lost}
		tb := []string{"OutOfMemory: " + oom.Error()}
		if rerr != nil {
			tb = append(tb, restoredText(nil, rerr))
		}
		return &proto.Reply{Status: "error", EName: "OutOfMemory", EValue: oom.Error(), Traceback: tb}
	}
	what := "The executor process running this cell died"
	ename := "ExecutorDied"
	if interrupted {
		what = fmt.Sprintf("The cell did not stop within %v of the interrupt, so its executor process was killed", interruptGrace)
		ename = "Interrupted"
	}
	var died *proto.DiedError
	detail := err.Error()
	if errors.As(err, &died) {
		detail = died.Detail()
	}
	tb := []string{ename + ": " + what + "."}
	if !interrupted && detail != "" {
		tb = append(tb, "Cause: "+detail)
		if strings.Contains(detail, "stack overflow") || strings.Contains(detail, "stack exceeds") {
			tb = append(tb, "A stack overflow usually means infinite recursion: check the recursive function's base case.")
		}
	}
	lost, rerr := s.restart()
	tb = append(tb, restoredText(lost, rerr))
	if died != nil && !interrupted {
		tb = append(tb, "Common causes: a stack overflow from infinite recursion, running out of memory, or a crash inside a library the cell called.")
	}
	return &proto.Reply{Status: "error", EName: ename, EValue: what, Traceback: tb}
}
