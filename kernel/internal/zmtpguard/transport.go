// Package zmtpguard is a zmq4 transport (tcp or unix) that protects a
// listening zmq4 socket from its peers, without changing zmq4:
//
//   - Every frame header is checked before zmq4 reads it, and a
//     connection announcing a frame, command or message over Limits is
//     closed before zmq4 allocates anything for it (zmq4 v0.17 allocates
//     any announced length and panics on a huge one).
//   - The greeting and READY command are read in a goroutine per
//     connection, within HandshakeTimeout, before the listener hands the
//     connection to zmq4, whose accept loop does the handshake: a peer that
//     connects and sends nothing is dropped and blocks no one.
//   - Writes are gathered per message, written with a deadline and queued
//     up to MaxQueued bytes: a peer that stops reading is disconnected
//     instead of stalling the socket's writer (a PUB's for everyone) and
//     growing its queue without bound.
//
// Register a Transport with zmq4.RegisterTransport and bind with its name
// as the endpoint's scheme.
package zmtpguard

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	"time"

	"github.com/go-zeromq/zmq4/transport"
)

// Transport listens on Network ("tcp" or "unix") with the checks above.
// Its zero value uses "tcp" and the defaults. Dialed connections are not
// guarded.
type Transport struct {
	Network string
	Limits  Limits
	// HandshakeTimeout bounds the peer's greeting and READY. Default 10 s.
	HandshakeTimeout time.Duration
	// StallTimeout is how long a write to a peer may make no progress
	// before the peer is disconnected. Default 10 s.
	StallTimeout time.Duration
	// MaxQueued bounds the bytes waiting for one peer: a message that would
	// pass it disconnects a peer that has read nothing for PaceGrace (one
	// still reading may go up to 4×MaxQueued; one message is always
	// accepted into an empty queue). Default 8 MiB.
	MaxQueued int
	// MaxPending bounds connections still in their handshake; more are
	// closed at once. Default 64.
	MaxPending int
	// Logf, if set, receives one line for each peer dropped for breaking a
	// rule (not for peers that simply went away).
	Logf func(format string, args ...any)

	mu    sync.Mutex
	conns map[*conn]struct{} // live connections, for WaitBacklog
	woken chan struct{}      // closed when a backlog shrinks
}

var _ transport.Transport = (*Transport)(nil)

func (t *Transport) network() string {
	if t.Network == "" {
		return "tcp"
	}
	return t.Network
}

func (t *Transport) handshakeTimeout() time.Duration {
	if t.HandshakeTimeout > 0 {
		return t.HandshakeTimeout
	}
	return 10 * time.Second
}

func (t *Transport) stallTimeout() time.Duration {
	if t.StallTimeout > 0 {
		return t.StallTimeout
	}
	return 10 * time.Second
}

// fastWait is how long a write may wait for socket buffer space before the
// message goes to the queue instead; short, since it holds up the socket's
// writer (zmq4 writes to a PUB's peers one after another).
func (t *Transport) fastWait() time.Duration { return 2 * time.Millisecond }

func (t *Transport) maxQueued() int {
	if t.MaxQueued > 0 {
		return t.MaxQueued
	}
	return 8 << 20
}

func (t *Transport) maxPending() int {
	if t.MaxPending > 0 {
		return t.MaxPending
	}
	return 64
}

func (t *Transport) logf(format string, args ...any) {
	if t.Logf != nil {
		t.Logf(format, args...)
	}
}

// Dial connects without any checks: the guard is for listening sockets.
func (t *Transport) Dial(ctx context.Context, d transport.Dialer, addr string) (net.Conn, error) {
	return d.DialContext(ctx, t.network(), addr)
}

// Addr turns an endpoint's address part into a listen address: host:port
// for tcp ("*" or an empty host: all interfaces; "*": any port), the path
// for unix.
func (t *Transport) Addr(ep string) (string, error) {
	if t.network() == "unix" {
		return ep, nil
	}
	host, port, err := net.SplitHostPort(ep)
	if err != nil {
		return "", err
	}
	if port == "*" || port == "" {
		port = "0"
	}
	if host == "*" {
		host = ""
	}
	return net.JoinHostPort(host, port), nil
}

// Listen listens on addr; connections reach Accept only once their
// handshake has been read and checked.
func (t *Transport) Listen(ctx context.Context, addr string) (net.Listener, error) {
	raw, err := net.Listen(t.network(), addr)
	if err != nil {
		return nil, err
	}
	l := &listener{
		Listener: raw,
		t:        t,
		ready:    make(chan net.Conn),
		done:     make(chan struct{}),
		pending:  make(chan struct{}, t.maxPending()),
	}
	go l.run()
	go func() {
		select {
		case <-ctx.Done():
			_ = l.Close()
		case <-l.done:
		}
	}()
	return l, nil
}

type listener struct {
	net.Listener
	t       *Transport
	ready   chan net.Conn // handshaken connections for Accept
	done    chan struct{} // closed by Close
	pending chan struct{} // one token per connection in its handshake
	once    sync.Once
}

func (l *listener) run() {
	for {
		raw, err := l.Listener.Accept()
		if err != nil {
			select {
			case <-l.done:
				return
			default:
			}
			if errors.Is(err, net.ErrClosed) {
				return
			}
			time.Sleep(10 * time.Millisecond) // out of descriptors: let some close
			continue
		}
		select {
		case l.pending <- struct{}{}:
			go l.handshake(raw)
		default:
			l.t.logf("closed a connection from %s: %d others are still in their handshake", raw.RemoteAddr(), cap(l.pending))
			_ = raw.Close()
		}
	}
}

func (l *listener) handshake(raw net.Conn) {
	c, err := l.t.open(raw)
	<-l.pending
	if err != nil {
		_ = raw.Close()
		if !peerLeft(err) {
			l.t.logf("closed the connection from %s: %v", raw.RemoteAddr(), err)
		}
		return
	}
	select {
	case l.ready <- c:
	case <-l.done:
		_ = c.Close()
	}
}

// peerLeft reports whether a handshake failed because the peer closed the
// connection, which needs no log line.
func peerLeft(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, net.ErrClosed) ||
		errors.Is(err, syscall.ECONNRESET)
}

// Accept returns the next connection whose greeting and READY arrived.
func (l *listener) Accept() (net.Conn, error) {
	select {
	case c := <-l.ready:
		return c, nil
	case <-l.done:
		return nil, net.ErrClosed
	}
}

func (l *listener) Close() error {
	err := net.ErrClosed
	l.once.Do(func() {
		close(l.done)
		err = l.Listener.Close()
	})
	return err
}
