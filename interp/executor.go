package interp

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"
	"sync"
	"sync/atomic"

	"github.com/gocell/gocell/display"
)

// Executor file descriptors: the kernel passes the request pipe as fd 3 and
// the event pipe as fd 4, leaving 0–2 to the process as usual. Protocol
// traffic never mixes with anything a cell or a library prints.
const (
	requestFD = 3
	eventFD   = 4
)

// RunExecutor is the body of the hidden `gocell executor` command.
func RunExecutor() error {
	// Runaway recursion ends in a fatal "stack overflow" that no recover
	// catches; a quarter of Go's default limit still allows ~100,000 nested
	// interpreted calls and fails in a fraction of the time.
	debug.SetMaxStack(256 << 20)
	in := os.NewFile(requestFD, "requests")
	out := os.NewFile(eventFD, "events")
	if in == nil || out == nil {
		return errors.New("gocell executor is started by the gocell kernel, not by hand")
	}
	return Serve(in, out, true)
}

// server is the executor's side of the protocol.
type server struct {
	encMu sync.Mutex
	enc   *json.Encoder

	current atomic.Uint64 // id of the request being served, 0 when idle
	session *Session

	mu      sync.Mutex
	cancel  context.CancelFunc // of the running cell
	inputs  chan string        // input_reply values for a waiting read
	muted   atomic.Bool        // drop outputs (while restoring)
	evalSeq int
}

// Serve reads requests from r and writes events to w until r closes or a
// shutdown request arrives. redirect makes fd 1 part of the cell's stdout.
func Serve(r io.Reader, w io.Writer, redirect bool) error {
	srv := &server{enc: json.NewEncoder(w), inputs: make(chan string, 1)}
	sess, err := NewSession(srv.publishOutput)
	if err != nil {
		return err
	}
	sess.stdin.before = func() { sess.stdout.flush(); sess.stderr.flush() }
	if redirect {
		if err := sess.RedirectStdout(); err != nil {
			return fmt.Errorf("redirecting stdout: %w", err)
		}
	}
	srv.session = sess
	srv.send(Event{Type: EvReady})

	work := make(chan Request, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for req := range work {
			srv.serve(req)
		}
	}()

	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	for {
		var req Request
		if err := dec.Decode(&req); err != nil {
			close(work)
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading a request: %w", err)
		}
		switch req.Type {
		case ReqInterrupt:
			srv.interrupt()
		case ReqInputReply:
			select {
			case srv.inputs <- req.Value:
			default: // nobody is waiting: drop it
			}
		case ReqShutdown:
			srv.interrupt()
			close(work)
			<-done
			srv.send(Event{ID: req.ID, Type: EvDone, Reply: &Reply{Status: "ok"}})
			return nil
		default:
			work <- req
		}
	}
}

func (srv *server) send(ev Event) {
	srv.encMu.Lock()
	defer srv.encMu.Unlock()
	_ = srv.enc.Encode(ev) // the kernel is gone if this fails; nothing to tell
}

func (srv *server) publishOutput(o display.Output) {
	if srv.muted.Load() {
		return
	}
	srv.send(Event{ID: srv.current.Load(), Type: EvOutput, Output: &o})
}

func (srv *server) interrupt() {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.cancel != nil {
		srv.cancel()
	}
}

func (srv *server) serve(req Request) {
	srv.current.Store(req.ID)
	defer srv.current.Store(0)
	var reply *Reply
	switch req.Type {
	case ReqExecute:
		reply = srv.execute(req)
	case ReqComplete:
		reply = srv.session.Complete(req.Code, req.CursorPos)
	case ReqInspect:
		reply = srv.session.Inspect(req.Code, req.CursorPos, req.DetailLevel)
	case ReqRestore:
		srv.muted.Store(true)
		lost := srv.session.Restore(req.Cells)
		srv.muted.Store(false)
		reply = &Reply{Status: "ok", Lost: lost}
	default:
		reply = &Reply{Status: "error", EName: "UnknownRequest", EValue: "unknown executor request " + req.Type}
	}
	srv.send(Event{ID: req.ID, Type: EvDone, Reply: reply})
}

func (srv *server) execute(req Request) *Reply {
	ctx, cancel := context.WithCancel(context.Background())
	srv.mu.Lock()
	srv.cancel = cancel
	srv.mu.Unlock()
	defer func() {
		srv.mu.Lock()
		srv.cancel = nil
		srv.mu.Unlock()
		cancel()
	}()
	// Drop a reply that arrived after its read gave up.
	select {
	case <-srv.inputs:
	default:
	}

	name := fmt.Sprintf("cell%d.go", req.ExecutionCount)
	if req.Silent || !req.StoreHistory || req.ExecutionCount <= 0 {
		srv.evalSeq++
		name = fmt.Sprintf("eval%d.go", srv.evalSeq)
	}
	opt := ExecuteOptions{
		Name:       name,
		Silent:     req.Silent,
		AllowStdin: req.AllowStdin,
		Input: func(prompt string, password bool) (string, error) {
			srv.send(Event{ID: req.ID, Type: EvInputRequest, Prompt: prompt, Password: password})
			select {
			case v := <-srv.inputs:
				return v, nil
			case <-ctx.Done():
				return "", errors.New("interrupted while waiting for input")
			}
		},
	}
	reply := &Reply{Status: "ok"}
	if cerr := srv.session.Execute(ctx, req.Code, opt); cerr != nil {
		reply = &Reply{Status: "error", EName: cerr.EName, EValue: cerr.EValue, Traceback: cerr.Traceback, Restart: cerr.Stuck}
		// A stuck cell's error is published by the kernel once the new
		// executor is up, with the variables whose values were lost: a cell
		// shows exactly one error.
		if !req.Silent && !cerr.Stuck {
			srv.publishOutput(display.Output{Kind: display.Error, EName: cerr.EName, EValue: cerr.EValue, Traceback: cerr.Traceback})
		}
		return reply
	}
	if len(req.UserExpressions) > 0 {
		reply.UserExpressions = map[string]json.RawMessage{}
		for name, expr := range req.UserExpressions {
			reply.UserExpressions[name] = srv.session.Evaluate(ctx, expr)
		}
	}
	return reply
}

// Declares reports whether a cell holds imports or declarations (including
// notebook variables), which a restarted executor must restore.
func Declares(code string) bool {
	chunks, err := splitCell(code)
	if err != nil {
		return false
	}
	for _, c := range chunks {
		if c.kind != chunkStmt || c.declares {
			return true
		}
	}
	return false
}
