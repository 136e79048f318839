package kernel

import (
	"errors"
	"fmt"
	"io"
	"strings"
	"sync"
	"time"

	"github.com/gocell/gocell/display"
	"github.com/gocell/gocell/interp/cell"
	"github.com/gocell/gocell/interp/proto"
)

// interruptGrace is how long a cell may take to stop after an interrupt
// before the executor is killed and replaced.
const interruptGrace = 5 * time.Second

// supervisor owns the executor process: it starts it, forwards requests,
// and when the executor dies or cannot stop a cell, starts a new one and
// restores the declarations of the cells that ran before.
type supervisor struct {
	host  executorHost
	exe   string
	logTo io.Writer

	mu          sync.Mutex
	client      *proto.Client
	cells       []string  // code of successful cells that declared something
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
	return &supervisor{host: host, exe: exe, logTo: logTo}
}

func (s *supervisor) start() error {
	s.mu.Lock()
	exe := s.exe // %go get switches it
	s.mu.Unlock()
	c, err := proto.StartExecutor(exe, s.logTo)
	if err != nil {
		return err
	}
	c.Background = s.background
	s.mu.Lock()
	s.client = c
	s.mu.Unlock()
	return nil
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
	c := s.client
	s.stopped = true
	s.mu.Unlock()
	if c != nil {
		c.Close(2 * time.Second)
	}
}

func (s *supervisor) current() *proto.Client {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.client
}

// restart replaces a dead or stuck executor and restores the declarations
// of earlier cells. It returns the names of variables whose values were
// lost, or an error if no executor could be started.
func (s *supervisor) restart() ([]string, error) {
	if old := s.current(); old != nil {
		old.Kill()
	}
	if err := s.start(); err != nil {
		return nil, err
	}
	s.mu.Lock()
	cells := append([]string(nil), s.cells...)
	s.mu.Unlock()
	if len(cells) == 0 {
		return nil, nil
	}
	reply, err := s.current().Call(proto.Request{Type: proto.ReqRestore, Cells: cells}, nil)
	if err != nil {
		return nil, err
	}
	return reply.Lost, nil
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
	s.mu.Unlock()

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
	// What a cell imported and declared stays defined even when the cell
	// then failed, crashed or was interrupted, as in any notebook; record it
	// before a restart restores the declarations.
	if cell.Declares(req.Code) {
		s.cells = append(s.cells, req.Code)
	}
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
		switch {
		case rerr != nil:
			reply.Traceback = append(reply.Traceback, "A new executor could not be started: "+rerr.Error())
		case len(lost) > 0:
			reply.Traceback = append(reply.Traceback, "The declarations of earlier cells were restored; these variables lost their values: "+strings.Join(lost, ", ")+".")
		default:
			reply.Traceback = append(reply.Traceback, "The declarations of earlier cells were restored.")
		}
		if !req.Silent {
			s.host.publishOutput(parent, display.Output{Kind: display.Error, EName: reply.EName, EValue: reply.EValue, Traceback: reply.Traceback}, count)
		}
	}
	return reply, resultText
}

// crashed builds the error reply for a cell whose executor died, and starts
// a new executor.
func (s *supervisor) crashed(err error, interrupted bool) *proto.Reply {
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
	switch {
	case rerr != nil:
		tb = append(tb, "A new executor could not be started: "+rerr.Error())
	case len(lost) > 0:
		tb = append(tb, "A new executor was started and the declarations of earlier cells restored; these variables lost their values: "+strings.Join(lost, ", ")+".")
	default:
		tb = append(tb, "A new executor was started and the declarations of earlier cells restored.")
	}
	if died != nil && !interrupted {
		tb = append(tb, "Common causes: a stack overflow from infinite recursion, running out of memory, or a crash inside a library the cell called.")
	}
	return &proto.Reply{Status: "error", EName: ename, EValue: what, Traceback: tb}
}
