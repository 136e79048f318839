// Package kernel is the Jupyter side of gocell: it owns the five ZeroMQ
// sockets, signs and verifies messages, keeps the status discipline front
// ends depend on, queues executions, answers history, forwards stdin,
// handles interrupts and shutdown, and supervises the executor process that
// actually runs cells (package interp). The kernel never runs user code, so
// it keeps answering whatever a cell does.
package kernel

import (
	"context"
	"fmt"
	"io"
	"io/fs"
	"log"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/go-zeromq/zmq4"
	"github.com/google/uuid"
)

// Version is gocell's version, reported in kernel_info.
var Version = "0.1.0"

// Kernel serves one Jupyter connection.
type Kernel struct {
	info    *ConnectionInfo
	codec   *Codec
	session string // this kernel process's session id, in every header
	log     *log.Logger

	shell, control, stdin, iopub, hb zmq4.Socket

	iopubQueue chan *Message
	iopubDone  chan struct{}

	stdinReplies chan *Message // input_reply messages from the stdin socket

	shellQueue chan *Message // shell requests waiting to be served
	toAbort    []*Message    // requests queued when an execution failed

	exec *supervisor

	mu             sync.Mutex
	executionCount int
	history        []historyEntry
	lastExecute    *Message // parent for outputs of background goroutines

	shown shownOutputs // what the running request has shown (retract.go)

	ctx    context.Context
	cancel context.CancelFunc
}

// Options configure a kernel.
type Options struct {
	// Executable is the gocell binary started as `Executable executor`.
	Executable string
	// Log receives diagnostics (dropped messages, executor stderr). Default: os.Stderr.
	Log io.Writer
	// Source is gocell's module source (go.mod at its root), from which
	// %go get builds executors; nil makes %go get say it cannot.
	Source fs.FS
}

// Run serves the connection described by connectionFile until a shutdown
// request arrives or ctx is cancelled.
func Run(ctx context.Context, connectionFile string, opt Options) error {
	info, err := LoadConnectionFile(connectionFile)
	if err != nil {
		return err
	}
	codec, err := NewCodec(info.SignatureScheme, info.Key)
	if err != nil {
		return err
	}
	if opt.Log == nil {
		opt.Log = os.Stderr
	}
	if opt.Executable == "" {
		if opt.Executable, err = os.Executable(); err != nil {
			return fmt.Errorf("finding the gocell binary to start the executor: %w", err)
		}
	}
	k := &Kernel{
		info:         info,
		codec:        codec,
		session:      uuid.NewString(),
		log:          log.New(opt.Log, "gocell: ", log.LstdFlags),
		iopubQueue:   make(chan *Message, 1024),
		iopubDone:    make(chan struct{}),
		stdinReplies: make(chan *Message, 1),
		shellQueue:   make(chan *Message, 1024),
	}
	k.ctx, k.cancel = context.WithCancel(ctx)
	defer k.cancel()
	transportLog.Store(k.log)

	if err := k.bind(); err != nil {
		k.closeSockets()
		return err
	}
	defer k.closeSockets()

	k.exec = newSupervisor(k, opt.Executable, opt.Log)
	k.exec.mods = newGoModules(opt.Source)
	if err := k.exec.start(); err != nil {
		return err
	}
	defer k.exec.stop()

	go k.publishLoop()
	go k.heartbeatLoop()
	go k.stdinLoop()
	go k.controlLoop()
	go k.signalLoop()
	go k.shellLoop()

	// Front ends count the kernel as alive once IOPub speaks.
	k.publishStatus(nil, "starting")

	<-k.ctx.Done()
	k.drainIOPub()
	return nil
}

func (k *Kernel) bind() error {
	k.shell = zmq4.NewRouter(k.ctx, zmq4.WithID(zmq4.SocketIdentity("shell")))
	k.control = zmq4.NewRouter(k.ctx, zmq4.WithID(zmq4.SocketIdentity("control")))
	k.stdin = zmq4.NewRouter(k.ctx, zmq4.WithID(zmq4.SocketIdentity("stdin")))
	k.iopub = zmq4.NewPub(k.ctx)
	k.hb = zmq4.NewRep(k.ctx)
	for _, s := range []struct {
		name string
		sock zmq4.Socket
		port int
	}{
		{"shell", k.shell, k.info.ShellPort},
		{"control", k.control, k.info.ControlPort},
		{"stdin", k.stdin, k.info.StdinPort},
		{"iopub", k.iopub, k.info.IOPubPort},
		{"heartbeat", k.hb, k.info.HBPort},
	} {
		ep := k.info.Endpoint(s.port)
		guarded, err := guardedEndpoint(ep)
		if err != nil {
			return fmt.Errorf("binding the %s socket: %w", s.name, err)
		}
		if err := s.sock.Listen(guarded); err != nil {
			return fmt.Errorf("binding the %s socket to %s: %w (is another kernel using this connection file?)", s.name, ep, err)
		}
	}
	return nil
}

func (k *Kernel) closeSockets() {
	for _, s := range []zmq4.Socket{k.shell, k.control, k.stdin, k.iopub, k.hb} {
		if s != nil {
			_ = s.Close()
		}
	}
}

// heartbeatLoop echoes every ping at once, on its own goroutine, so a busy
// cell never makes the kernel look dead.
func (k *Kernel) heartbeatLoop() {
	for {
		msg, err := k.hb.Recv()
		if err != nil {
			if k.ctx.Err() != nil {
				return
			}
			continue
		}
		_ = k.hb.Send(msg)
	}
}

// signalLoop turns SIGINT (Jupyter's signal interrupt mode, Ctrl-C in a
// terminal) into a cell interrupt instead of an exit.
func (k *Kernel) signalLoop() {
	ch := make(chan os.Signal, 1)
	signal.Notify(ch, syscall.SIGINT)
	defer signal.Stop(ch)
	for {
		select {
		case <-ch:
			k.exec.interrupt()
		case <-k.ctx.Done():
			return
		}
	}
}

// recvLoop reads one ROUTER socket, decodes and verifies each message, and
// passes the valid ones to handle. Bad messages are logged and dropped.
func (k *Kernel) recvLoop(name string, sock zmq4.Socket, handle func(*Message)) {
	for {
		raw, err := sock.Recv()
		if err != nil {
			if k.ctx.Err() != nil {
				return
			}
			k.log.Printf("%s: receive failed: %v", name, err)
			time.Sleep(10 * time.Millisecond)
			continue
		}
		msg, err := k.codec.Decode(raw.Frames)
		if err != nil {
			k.log.Printf("%s: dropped a message: %v", name, err)
			continue
		}
		handle(msg)
	}
}

func (k *Kernel) stdinLoop() {
	k.recvLoop("stdin", k.stdin, func(msg *Message) {
		if msg.Header.MsgType != "input_reply" {
			k.log.Printf("stdin: ignored a %q message", msg.Header.MsgType)
			return
		}
		select {
		case k.stdinReplies <- msg:
		default:
			k.log.Printf("stdin: dropped an input_reply nobody asked for")
		}
	})
}

func (k *Kernel) controlLoop() {
	k.recvLoop("control", k.control, func(msg *Message) {
		k.dispatch(k.control, msg)
	})
}

// shellLoop reads shell requests into a queue and serves them one at a
// time, in order. The queue lets an error abort the executions waiting
// behind it.
func (k *Kernel) shellLoop() {
	go k.recvLoop("shell", k.shell, func(msg *Message) { k.shellQueue <- msg })
	for {
		select {
		case msg := <-k.shellQueue:
			k.dispatch(k.shell, msg)
			k.abortQueued()
		case <-k.ctx.Done():
			return
		}
	}
}

// send signs and sends a reply on a ROUTER socket.
func (k *Kernel) send(sock zmq4.Socket, msg *Message) {
	frames, err := k.codec.Encode(msg)
	if err != nil {
		k.log.Printf("encoding a %s: %v", msg.Header.MsgType, err)
		return
	}
	if err := sock.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil && k.ctx.Err() == nil && !peerGone(err) {
		k.log.Printf("sending a %s: %v", msg.Header.MsgType, err)
	}
}

// reply sends a reply of msgType to req on sock.
func (k *Kernel) reply(sock zmq4.Socket, req *Message, msgType string, content any) {
	msg, err := NewMessage(msgType, k.session, req, content)
	if err != nil {
		k.log.Printf("building a %s: %v", msgType, err)
		return
	}
	k.send(sock, msg)
}

// publish queues an IOPub message with the given parent (nil: none).
func (k *Kernel) publish(parent *Message, msgType string, content any) {
	msg, err := NewMessage(msgType, k.session, parent, content)
	if err != nil {
		k.log.Printf("building a %s: %v", msgType, err)
		return
	}
	msg.Identities = [][]byte{[]byte(msgType)} // the PUB topic
	select {
	case k.iopubQueue <- msg:
	case <-k.iopubDone:
	}
}

func (k *Kernel) publishStatus(parent *Message, state string) {
	k.publish(parent, "status", map[string]string{"execution_state": state})
}

// publishLoop is IOPub's one writer, so messages leave in the order they
// were published.
func (k *Kernel) publishLoop() {
	defer close(k.iopubDone)
	for msg := range k.iopubQueue {
		if msg == nil {
			return
		}
		frames, err := k.codec.Encode(msg)
		if err != nil {
			k.log.Printf("encoding a %s: %v", msg.Header.MsgType, err)
			continue
		}
		if err := k.iopub.SendMulti(zmq4.NewMsgFrom(frames...)); err != nil && k.ctx.Err() == nil && !peerGone(err) {
			k.log.Printf("publishing a %s: %v", msg.Header.MsgType, err)
		}
	}
}

// drainIOPub waits until everything published has been handed to the
// socket, then gives the socket a moment to write it: zmq4's PUB has no
// linger, and a shutdown must not lose the last status message.
func (k *Kernel) drainIOPub() {
	k.iopubQueue <- nil
	select {
	case <-k.iopubDone:
	case <-time.After(2 * time.Second):
	}
	time.Sleep(100 * time.Millisecond)
}

func (k *Kernel) logf(format string, args ...any) { k.log.Printf(format, args...) }

func (k *Kernel) backgroundParent() *Message {
	k.mu.Lock()
	defer k.mu.Unlock()
	return k.lastExecute
}

// askInput sends an input_request on the stdin socket to the client that
// sent parent, and passes its answer on; it gives up when the cell ends.
func (k *Kernel) askInput(parent *Message, prompt string, password bool, send func(string), done <-chan struct{}) {
	msg, err := NewMessage("input_request", k.session, parent, map[string]any{"prompt": prompt, "password": password})
	if err != nil {
		return
	}
	select { // drop a stale reply to an earlier request
	case <-k.stdinReplies:
	default:
	}
	k.send(k.stdin, msg)
	select {
	case rep := <-k.stdinReplies:
		var content struct {
			Value string `json:"value"`
		}
		_ = decodeContent(rep, &content)
		send(content.Value)
	case <-done:
	}
}
