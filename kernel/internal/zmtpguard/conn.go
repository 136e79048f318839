package zmtpguard

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"net"
	"sync"
	"sync/atomic"
	"time"
)

// ErrSlowPeer is the error (wrapped in a *net.OpError) of writes to a peer
// that stopped reading: its unsent bytes passed Transport.MaxQueued, or a
// write made no progress for Transport.StallTimeout.
var ErrSlowPeer = errors.New("peer stopped reading")

// errGreetingMismatch means zmq4 wrote a greeting other than the one the
// listener already sent for it: this package no longer matches zmq4.
var errGreetingMismatch = errors.New("zmtpguard: zmq4's greeting differs from the one sent for it")

// serverGreeting is the greeting zmq4 v0.17 writes on a listening NULL
// socket: signature, version 3.0, mechanism NULL, as-server 0. The listener
// sends it before handing the connection to zmq4 (a libzmq peer sends its
// own greeting only after seeing ours), and conn.Write then swallows zmq4's
// copy after checking it is identical.
var serverGreeting = func() []byte {
	g := make([]byte, greetingLen)
	g[0], g[9], g[10], g[11] = 0xff, 0x7f, 3, 0
	copy(g[12:32], "NULL")
	return g
}()

// conn is what zmq4 gets from the listener: reads are checked by a Reader
// (greeting and READY already read and replayed from memory), and writes
// are gathered into whole messages, written with a deadline, and queued up
// to a bound when the peer is slow.
type conn struct {
	net.Conn // the raw connection; Read and Write are ours
	t        *Transport

	replay []byte  // the peer's greeting and READY, for zmq4's handshake
	rd     *Reader // everything after them

	wmu      sync.Mutex
	skip     []byte   // the part of zmq4's greeting still to swallow
	wf       framer   // where zmq4's outgoing stream is
	msg      []byte   // the message being gathered
	queue    [][]byte // whole or partial messages waiting for the peer
	queued   int      // bytes in queue
	draining bool     // a drain goroutine owns the raw writes
	werr     error    // sticky: the connection is finished

	backlog  atomic.Int64 // queued, readable without wmu
	accepted atomic.Int64 // bytes zmq4 has written to the conn, for tests
	progress atomic.Int64 // unix nanoseconds of the last write that moved bytes

	closeOnce sync.Once
	logOnce   sync.Once
}

func (c *conn) Read(p []byte) (int, error) {
	if len(c.replay) > 0 {
		n := copy(p, c.replay)
		c.replay = c.replay[n:]
		return n, nil
	}
	n, err := c.rd.Read(p)
	if err != nil && (errors.Is(err, ErrTooLarge) || errors.Is(err, ErrProtocol)) {
		c.logOnce.Do(func() { c.t.logf("closed the connection from %s: %v", c.RemoteAddr(), err) })
		_ = c.Close()
	}
	return n, err
}

// Write gathers zmq4's writes (it writes each frame header and body
// separately) and sends each message with one system call once its last
// frame is complete.
func (c *conn) Write(p []byte) (int, error) {
	c.wmu.Lock()
	defer c.wmu.Unlock()
	if c.werr != nil {
		return 0, c.werr
	}
	total := len(p)
	c.accepted.Add(int64(total))
	if len(c.skip) > 0 {
		k := min(len(p), len(c.skip))
		if !bytes.Equal(p[:k], c.skip[:k]) {
			c.fail(errGreetingMismatch)
			return 0, c.werr
		}
		c.skip, p = c.skip[k:], p[k:]
	}
	for len(p) > 0 {
		k, end := c.wf.advance(p)
		c.msg = append(c.msg, p[:k]...)
		p = p[k:]
		if end {
			if err := c.flush(); err != nil {
				return total - len(p), err
			}
		}
	}
	return total, nil
}

// flush sends the gathered message: at once if nothing is queued and the
// socket takes it, otherwise through the queue. Called with wmu held.
func (c *conn) flush() error {
	msg := c.msg
	c.msg = c.msg[:0]
	if cap(c.msg) > 1<<20 {
		c.msg = nil // do not keep a large output's buffer per connection
	}
	if !c.draining {
		_ = c.Conn.SetWriteDeadline(time.Now().Add(c.t.fastWait()))
		n, err := c.Conn.Write(msg)
		// A backlog starting now has its PaceGrace from now.
		c.progress.Store(time.Now().UnixNano())
		if err == nil {
			return nil
		}
		if !isTimeout(err) {
			c.fail(err)
			return c.werr
		}
		msg = msg[n:]
	}
	if waiting := c.queued + len(msg); c.queued > 0 && waiting > c.t.maxQueued() {
		// A peer still reading may pass MaxQueued by what a paced sender
		// had in flight, up to a hard cap; one that stopped is dropped.
		idle := time.Duration(time.Now().UnixNano() - c.progress.Load())
		switch {
		case idle >= PaceGrace:
			c.t.logf("closed the connection from %s: it read nothing for %v and %d bytes are waiting for it", c.RemoteAddr(), idle.Round(time.Millisecond), waiting)
		case waiting > 4*c.t.maxQueued():
			c.t.logf("closed the connection from %s: it reads too slowly and %d bytes are waiting for it", c.RemoteAddr(), waiting)
		default:
			goto enqueue
		}
		c.fail(ErrSlowPeer)
		return c.werr
	}
enqueue:
	c.queue = append(c.queue, bytes.Clone(msg))
	c.queued += len(msg)
	c.backlog.Store(int64(c.queued))
	if !c.draining {
		c.draining = true
		go c.drain()
	}
	return nil
}

// drain writes the queue in order, each write with StallTimeout to make
// progress.
func (c *conn) drain() {
	const chunk = 64 << 10
	for {
		c.wmu.Lock()
		if len(c.queue) == 0 || c.werr != nil {
			c.draining = false
			c.wmu.Unlock()
			return
		}
		buf := c.queue[0]
		c.wmu.Unlock()

		var err error
		for len(buf) > 0 && err == nil {
			var n int
			_ = c.Conn.SetWriteDeadline(time.Now().Add(c.t.stallTimeout()))
			n, err = c.Conn.Write(buf[:min(len(buf), chunk)])
			buf = buf[n:]
			if n > 0 {
				c.progress.Store(time.Now().UnixNano())
				c.t.wake()
			}
		}

		c.wmu.Lock()
		if c.werr != nil { // failed or closed while writing: queue is gone
			c.draining = false
			c.wmu.Unlock()
			return
		}
		if err != nil {
			if isTimeout(err) {
				c.t.logf("closed the connection from %s: it read nothing for %v", c.RemoteAddr(), c.t.stallTimeout())
				err = ErrSlowPeer
			}
			c.fail(err)
			c.draining = false
			c.wmu.Unlock()
			return
		}
		c.queued -= len(c.queue[0])
		c.backlog.Store(int64(c.queued))
		c.queue[0] = nil
		c.queue = c.queue[1:]
		c.wmu.Unlock()
	}
}

// fail ends the connection after a write error. The error returned from
// then on is a non-timeout *net.OpError, which zmq4 takes as a dead
// connection to remove (a timeout it would keep retrying). wmu is held.
func (c *conn) fail(err error) {
	if c.werr != nil {
		return
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Timeout() {
		err = &net.OpError{Op: "write", Net: c.LocalAddr().Network(), Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: err}
	}
	c.werr = err
	c.queue, c.queued, c.msg = nil, 0, nil
	c.closeOnce.Do(c.closeRaw)
}

// closeRaw closes the connection and forgets it.
func (c *conn) closeRaw() {
	_ = c.Conn.Close()
	c.backlog.Store(0)
	c.t.forget(c)
}

func (c *conn) Close() error {
	c.wmu.Lock()
	if c.werr == nil {
		c.werr = &net.OpError{Op: "write", Net: c.LocalAddr().Network(), Source: c.LocalAddr(), Addr: c.RemoteAddr(), Err: net.ErrClosed}
		c.queue, c.queued, c.msg = nil, 0, nil
	}
	c.wmu.Unlock()
	c.closeOnce.Do(c.closeRaw)
	return nil
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

// framer follows zmq4's outgoing ZMTP stream (greeting excluded) to find
// where each message ends. The stream comes from zmq4, so it is trusted.
type framer struct {
	hdr  [9]byte
	hlen int    // header bytes seen
	body uint64 // body bytes still to come
	more bool
}

// advance consumes bytes of p up to the end of the current frame part and
// reports how many, and whether a message (a frame without MORE) ended.
func (f *framer) advance(p []byte) (int, bool) {
	if f.body > 0 {
		n := min(uint64(len(p)), f.body)
		f.body -= n
		return int(n), f.body == 0 && !f.more
	}
	want := 2
	if f.hlen > 0 && f.hdr[0]&flagLong != 0 {
		want = 9
	}
	n := 0
	for f.hlen < want && n < len(p) {
		f.hdr[f.hlen] = p[n]
		f.hlen++
		n++
		if f.hlen == 1 && f.hdr[0]&flagLong != 0 {
			want = 9
		}
	}
	if f.hlen < want {
		return n, false
	}
	f.hlen = 0
	f.more = f.hdr[0]&flagMore != 0
	f.body = uint64(f.hdr[1])
	if want == 9 {
		f.body = binary.BigEndian.Uint64(f.hdr[1:9])
	}
	return n, f.body == 0 && !f.more
}

// open does the server's side of the greeting and reads the peer's
// greeting and READY within HandshakeTimeout, so zmq4's handshake, which
// runs in its accept loop, never waits on the network.
func (t *Transport) open(raw net.Conn) (*conn, error) {
	_ = raw.SetDeadline(time.Now().Add(t.handshakeTimeout()))
	if _, err := raw.Write(serverGreeting); err != nil {
		return nil, err
	}
	rd := NewReader(bufio.NewReaderSize(raw, 32<<10), t.Limits)
	replay, err := rd.handshake()
	if err != nil {
		return nil, err
	}
	_ = raw.SetDeadline(time.Time{})
	c := &conn{Conn: raw, t: t, replay: replay, rd: rd, skip: serverGreeting}
	c.progress.Store(time.Now().UnixNano())
	t.track(c)
	return c, nil
}
