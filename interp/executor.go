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
	"github.com/gocell/gocell/interp/proto"
)

// Executor file descriptors: the kernel passes the request pipe as fd 3 and
// the event pipe as fd 4, leaving 0–2 to the process as usual. Protocol
// traffic never mixes with anything a cell or a library prints.
const (
	requestFD = 3
	eventFD   = 4
)

// RunExecutor is the body of the hidden `gocell executor` command, and of
// the executors built for a notebook's %go get, which pass the packages
// they carry beyond the bundled ones.
func RunExecutor(extra ...Packages) error {
	// Runaway recursion ends in a fatal "stack overflow" that no recover
	// catches; a quarter of Go's default limit still allows ~100,000 nested
	// interpreted calls and fails in a fraction of the time.
	debug.SetMaxStack(256 << 20)
	in := os.NewFile(requestFD, "requests")
	out := os.NewFile(eventFD, "events")
	if in == nil || out == nil {
		return errors.New("gocell executor is started by the gocell kernel, not by hand")
	}
	return serve(in, out, true, extra)
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
	return serve(r, w, redirect, nil)
}

func serve(r io.Reader, w io.Writer, redirect bool, extra []Packages) error {
	srv := &server{enc: json.NewEncoder(w), inputs: make(chan string, 1)}
	sess, err := NewSession(srv.publishOutput, extra...)
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
	srv.send(proto.Event{Type: proto.EvReady})

	work := make(chan proto.Request, 64)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for req := range work {
			srv.serve(req)
		}
	}()

	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	for {
		var req proto.Request
		if err := dec.Decode(&req); err != nil {
			close(work)
			if errors.Is(err, io.EOF) {
				return nil
			}
			return fmt.Errorf("reading a request: %w", err)
		}
		switch req.Type {
		case proto.ReqInterrupt:
			srv.interrupt()
		case proto.ReqInputReply:
			select {
			case srv.inputs <- req.Value:
			default: // nobody is waiting: drop it
			}
		case proto.ReqShutdown:
			srv.interrupt()
			close(work)
			<-done
			srv.send(proto.Event{ID: req.ID, Type: proto.EvDone, Reply: &proto.Reply{Status: "ok"}})
			return nil
		default:
			work <- req
		}
	}
}

func (srv *server) send(ev proto.Event) {
	srv.encMu.Lock()
	defer srv.encMu.Unlock()
	_ = srv.enc.Encode(ev) // the kernel is gone if this fails; nothing to tell
}

func (srv *server) publishOutput(o display.Output) {
	if srv.muted.Load() {
		return
	}
	srv.send(proto.Event{ID: srv.current.Load(), Type: proto.EvOutput, Output: &o})
}

func (srv *server) interrupt() {
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if srv.cancel != nil {
		srv.cancel()
	}
}

func (srv *server) serve(req proto.Request) {
	srv.current.Store(req.ID)
	defer srv.current.Store(0)
	var reply *proto.Reply
	switch req.Type {
	case proto.ReqExecute:
		reply = srv.execute(req)
	case proto.ReqComplete:
		reply = srv.session.Complete(req.Code, req.CursorPos)
	case proto.ReqInspect:
		reply = srv.session.Inspect(req.Code, req.CursorPos, req.DetailLevel)
	case proto.ReqRestore:
		srv.muted.Store(true)
		lost := srv.session.Restore(req.Cells)
		srv.muted.Store(false)
		reply = &proto.Reply{Status: "ok", Lost: lost}
	default:
		reply = &proto.Reply{Status: "error", EName: "UnknownRequest", EValue: "unknown executor request " + req.Type}
	}
	srv.send(proto.Event{ID: req.ID, Type: proto.EvDone, Reply: reply})
}

func (srv *server) execute(req proto.Request) *proto.Reply {
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
			srv.send(proto.Event{ID: req.ID, Type: proto.EvInputRequest, Prompt: prompt, Password: password})
			select {
			case v := <-srv.inputs:
				return v, nil
			case <-ctx.Done():
				return "", errors.New("interrupted while waiting for input")
			}
		},
	}
	reply := &proto.Reply{Status: "ok"}
	if cerr := srv.session.Execute(ctx, req.Code, opt); cerr != nil {
		reply = &proto.Reply{Status: "error", EName: cerr.EName, EValue: cerr.EValue, Traceback: cerr.Traceback, Restart: cerr.Stuck}
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
