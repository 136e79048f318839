package proto

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"
	"time"
)

// DiedError is returned by Client.Call when the executor process exits
// before answering: a fatal runtime error (stack overflow, out of memory), a
// signal, or a kill after an interrupt it did not obey.
type DiedError struct {
	// Status is how the process ended, as os/exec says it ("exit status 2",
	// "signal: killed"), or "it exited".
	Status string
	// Cause is what the Go runtime wrote to stderr about why the process
	// died ("fatal error: stack overflow", "panic: ..."), one line each, or
	// "" when it said nothing recognizable.
	Cause string
	// Tail is the executor's last stderr lines, for a death without a Cause.
	Tail []string
}

// Detail is the status with the cause, or with the last stderr lines when
// the runtime named no cause: "(exit status 2): fatal error: stack overflow".
func (e *DiedError) Detail() string {
	if e.Cause != "" {
		return "(" + e.Status + "): " + e.Cause
	}
	if len(e.Tail) == 0 {
		return "(" + e.Status + ")"
	}
	return "(" + e.Status + ")\n" + strings.Join(e.Tail, "\n")
}

func (e *DiedError) Error() string { return "the executor process died " + e.Detail() }

// stderrLines is how many of the executor's last stderr lines are kept for
// crash reports.
const stderrLines = 40

// Client starts and talks to one executor process. The kernel makes one
// Call at a time; Send (interrupts, input replies) may be used concurrently.
type Client struct {
	cmd     *exec.Cmd
	reqW    *os.File
	encMu   sync.Mutex
	enc     *json.Encoder
	nextID  uint64
	waiters sync.Map // id -> chan Event

	// Background receives outputs that belong to no running request, such as
	// prints from a goroutine a finished cell started. It must not block.
	Background func(Event)

	dead    chan struct{}
	exitErr error

	tailMu sync.Mutex
	tail   []string
	cause  []string // the Go runtime's account of a crash: "fatal error: ...", "panic: ..."
}

// StartExecutor starts `exe executor` and waits until it is ready. Its
// stderr is kept for crash reports and copied to logTo (if not nil).
func StartExecutor(exe string, logTo io.Writer) (*Client, error) {
	return StartExecutorEnv(exe, nil, logTo)
}

// StartExecutorEnv is StartExecutor with env (KEY=VALUE) added to the
// executor's environment: the snapshot directory, the memory limit.
func StartExecutorEnv(exe string, env []string, logTo io.Writer) (*Client, error) {
	reqR, reqW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	evR, evW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	c := &Client{reqW: reqW, enc: json.NewEncoder(reqW), dead: make(chan struct{})}
	cmd := exec.Command(exe, "executor")
	cmd.ExtraFiles = []*os.File{reqR, evW} // fds 3 and 4
	cmd.Env = append(os.Environ(), env...)
	setProcAttr(cmd)
	// Our own pipe rather than StderrPipe: Wait closes that one as soon as
	// the process exits, and the lines saying why it died can still be in
	// it, unread.
	stderr, stderrW, err := os.Pipe()
	if err != nil {
		return nil, err
	}
	cmd.Stderr = stderrW
	cmd.Stdout = nil // fd 1 is redirected into cell output by the executor
	if err := cmd.Start(); err != nil {
		return nil, fmt.Errorf("starting the executor: %w", err)
	}
	reqR.Close()
	evW.Close()
	stderrW.Close()
	c.cmd = cmd

	stderrDone := make(chan struct{})
	go func() {
		defer close(stderrDone)
		c.readStderr(stderr, logTo)
	}()
	ready := make(chan struct{})
	eventsDone := make(chan struct{})
	go func() {
		defer close(eventsDone)
		c.readEvents(evR, ready)
	}()
	go func() {
		err := cmd.Wait()
		<-eventsDone // the pipe reaches EOF once the process is gone
		evR.Close()
		// Stderr reaches EOF too, unless a process the executor started
		// still holds it: then the crash report does without it.
		select {
		case <-stderrDone:
		case <-time.After(time.Second):
		}
		stderr.Close()
		c.exitErr = err
		close(c.dead)
	}()
	select {
	case <-ready:
		return c, nil
	case <-c.dead:
		return nil, fmt.Errorf("the executor exited at start: %v%s", c.exitErr, c.StderrTail())
	case <-time.After(30 * time.Second):
		c.Kill()
		return nil, errors.New("the executor did not start within 30 s")
	}
}

func (c *Client) readStderr(r io.Reader, logTo io.Writer) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if logTo != nil {
			fmt.Fprintln(logTo, "executor:", line)
		}
		c.tailMu.Lock()
		if crashLine(line) && len(c.cause) < 4 {
			c.cause = append(c.cause, line)
		}
		c.tail = append(c.tail, line)
		if len(c.tail) > stderrLines {
			c.tail = c.tail[len(c.tail)-stderrLines:]
		}
		c.tailMu.Unlock()
	}
}

func (c *Client) readEvents(r io.Reader, ready chan struct{}) {
	dec := json.NewDecoder(bufio.NewReaderSize(r, 1<<16))
	for {
		var ev Event
		if err := dec.Decode(&ev); err != nil {
			return
		}
		if ev.Type == EvReady {
			close(ready)
			continue
		}
		if w, ok := c.waiters.Load(ev.ID); ok && ev.ID != 0 {
			w.(chan Event) <- ev
			continue
		}
		if c.Background != nil {
			c.Background(ev)
		}
	}
}

// crashLine reports whether a stderr line is the Go runtime saying why the
// process is dying.
func crashLine(line string) bool {
	for _, p := range []string{"fatal error: ", "panic: ", "runtime: goroutine stack exceeds", "runtime: out of memory", "[signal "} {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// Cause returns what the Go runtime said when the executor crashed, or "".
func (c *Client) Cause() string {
	c.tailMu.Lock()
	defer c.tailMu.Unlock()
	return strings.Join(c.cause, "\n")
}

// StderrTail returns the executor's last stderr lines, each on its own
// line after a newline, or "" when it wrote none.
func (c *Client) StderrTail() string {
	c.tailMu.Lock()
	defer c.tailMu.Unlock()
	if len(c.tail) == 0 {
		return ""
	}
	return "\n" + strings.Join(c.tail, "\n")
}

// Call sends a request and passes every event of it to onEvent until the
// executor answers, which Call returns. If the executor dies first, the
// error is a *DiedError.
func (c *Client) Call(req Request, onEvent func(Event)) (*Reply, error) {
	c.encMu.Lock()
	c.nextID++
	req.ID = c.nextID
	c.encMu.Unlock()
	ch := make(chan Event, 256)
	c.waiters.Store(req.ID, ch)
	defer c.waiters.Delete(req.ID)
	if err := c.Send(req); err != nil {
		return nil, c.diedError()
	}
	for {
		select {
		case ev := <-ch:
			if ev.Type == EvDone {
				if ev.Reply == nil {
					ev.Reply = &Reply{Status: "ok"}
				}
				return ev.Reply, nil
			}
			if onEvent != nil {
				onEvent(ev)
			}
		case <-c.dead:
			// Every event sent before the exit has been read by now: deliver
			// what is still queued, then report the death.
		drain:
			for {
				select {
				case ev := <-ch:
					if ev.Type == EvDone && ev.Reply != nil {
						return ev.Reply, nil
					}
					if onEvent != nil && ev.Type != EvDone {
						onEvent(ev)
					}
				default:
					break drain
				}
			}
			return nil, c.diedError()
		}
	}
}

func (c *Client) diedError() error {
	<-c.dead
	e := &DiedError{Status: "it exited", Cause: c.Cause()}
	if c.exitErr != nil {
		e.Status = c.exitErr.Error()
	}
	c.tailMu.Lock()
	e.Tail = append([]string(nil), c.tail...)
	c.tailMu.Unlock()
	return e
}

// Send writes a request without waiting for an answer: interrupts and
// input replies, which the executor handles while a cell runs.
func (c *Client) Send(req Request) error {
	c.encMu.Lock()
	defer c.encMu.Unlock()
	return c.enc.Encode(req)
}

// Pid is the executor's process id.
func (c *Client) Pid() int { return c.cmd.Process.Pid }

// Dead is closed when the executor process has exited.
func (c *Client) Dead() <-chan struct{} { return c.dead }

// Kill ends the executor process at once and waits for it to exit.
func (c *Client) Kill() {
	if c.cmd != nil && c.cmd.Process != nil {
		_ = c.cmd.Process.Kill()
	}
	c.reqW.Close()
	<-c.dead
}

// Close asks the executor to exit, and kills it if it has not within timeout.
func (c *Client) Close(timeout time.Duration) {
	_ = c.Send(Request{Type: ReqShutdown})
	c.reqW.Close()
	select {
	case <-c.dead:
	case <-time.After(timeout):
		c.Kill()
	}
}
