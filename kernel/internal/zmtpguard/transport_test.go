package zmtpguard

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/go-zeromq/zmq4"
)

// testTransport is registered once with zmq4 under the name "guardtest".
var (
	testTransport = &Transport{
		HandshakeTimeout: 300 * time.Millisecond,
		StallTimeout:     500 * time.Millisecond,
		MaxQueued:        1 << 20,
		Limits:           Limits{MaxFrame: 1 << 20},
	}
	registerOnce sync.Once
	logged       atomic.Int64
)

func bind(t *testing.T, sock zmq4.Socket) string {
	t.Helper()
	registerOnce.Do(func() {
		// Not t.Logf: the transport outlives the test that registered it,
		// and logs from later tests (or after this one ended) too.
		testTransport.Logf = func(format string, args ...any) {
			logged.Add(1)
			if testing.Verbose() {
				fmt.Fprintf(os.Stderr, "zmtpguard: "+format+"\n", args...)
			}
		}
		if err := zmq4.RegisterTransport("guardtest", testTransport); err != nil {
			t.Fatal(err)
		}
	})
	if err := sock.Listen("guardtest://127.0.0.1:0"); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sock.Close() })
	return sock.Addr().String()
}

// echoRouter serves a ROUTER that sends every message back to its sender.
func echoRouter(t *testing.T) string {
	ctx, cancel := context.WithCancel(context.Background())
	t.Cleanup(cancel)
	r := zmq4.NewRouter(ctx, zmq4.WithID(zmq4.SocketIdentity("router")))
	addr := bind(t, r)
	go func() {
		for {
			msg, err := r.Recv()
			if err != nil {
				return
			}
			_ = r.SendMulti(msg)
		}
	}()
	return addr
}

// roundTrip checks that a new zmq4 DEALER gets an answer through addr.
func roundTrip(t *testing.T, addr, payload string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	d := zmq4.NewDealer(ctx, zmq4.WithID(zmq4.SocketIdentity(payload)), zmq4.WithDialerTimeout(5*time.Second))
	defer d.Close()
	if err := d.Dial("tcp://" + addr); err != nil {
		t.Fatal(err)
	}
	if err := d.Send(zmq4.NewMsgFrom([]byte(payload), []byte(strings.Repeat("b", 300)))); err != nil {
		t.Fatal(err)
	}
	done := make(chan zmq4.Msg, 1)
	go func() {
		m, err := d.Recv()
		if err == nil {
			done <- m
		}
	}()
	select {
	case m := <-done:
		if len(m.Frames) != 2 || string(m.Frames[0]) != payload || len(m.Frames[1]) != 300 {
			t.Fatalf("echo %q, want %q and 300 bytes", m.Frames, payload)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("no answer from the ROUTER")
	}
}

// rawPeer completes a ZMTP handshake by hand as sockType.
func rawPeer(t *testing.T, addr, sockType string) net.Conn {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	if _, err := c.Write(join(clientGreeting(), ready(sockType))); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Now().Add(5 * time.Second))
	g := make([]byte, greetingLen)
	if _, err := io.ReadFull(c, g); err != nil {
		t.Fatalf("no greeting from the server: %v", err)
	}
	hdr := make([]byte, 2)
	if _, err := io.ReadFull(c, hdr); err != nil || hdr[0] != flagCommand {
		t.Fatalf("no READY from the server: %v %x", err, hdr)
	}
	if _, err := io.ReadFull(c, make([]byte, hdr[1])); err != nil {
		t.Fatal(err)
	}
	_ = c.SetReadDeadline(time.Time{})
	return c
}

// closedByServer waits until the server closes c.
func closedByServer(t *testing.T, c net.Conn) {
	t.Helper()
	_ = c.SetReadDeadline(time.Now().Add(10 * time.Second))
	if _, err := io.Copy(io.Discard, c); err != nil {
		var ne net.Error
		if ok := asNetErr(err, &ne); ok && ne.Timeout() {
			t.Fatal("the server kept a connection it should have closed")
		}
	}
}

func asNetErr(err error, target *net.Error) bool {
	ne, ok := err.(net.Error)
	if ok {
		*target = ne
	}
	return ok
}

func TestRoundTripThroughGuard(t *testing.T) {
	addr := echoRouter(t)
	for i := range 3 {
		roundTrip(t, addr, fmt.Sprintf("client-%d", i))
	}
}

func TestHugeFrameHeaderClosesOnlyThatConnection(t *testing.T) {
	addr := echoRouter(t)
	for _, size := range []uint64{1 << 62, 1 << 40, 1<<20 + 1, ^uint64(0)} {
		c := rawPeer(t, addr, "DEALER")
		if _, err := c.Write(header(0, size)); err != nil {
			t.Fatal(err)
		}
		closedByServer(t, c)
		roundTrip(t, addr, fmt.Sprintf("after-%d", size))
	}
}

func TestMalformedReadyClosesOnlyThatConnection(t *testing.T) {
	addr := echoRouter(t)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	// zmq4 v0.17 alone panics reading this READY (index out of range).
	if _, err := c.Write(join(clientGreeting(), command("READY", []byte("\x0bSocket-Type")))); err != nil {
		t.Fatal(err)
	}
	closedByServer(t, c)
	roundTrip(t, addr, "after-bad-ready")
}

func TestSilentConnectionsBlockNoOne(t *testing.T) {
	addr := echoRouter(t)
	var silent []net.Conn
	for range 5 {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		silent = append(silent, c)
	}
	start := time.Now()
	roundTrip(t, addr, "while-silent")
	if d := time.Since(start); d > 5*time.Second {
		t.Logf("round trip took %v", d) // load, not a failure: HandshakeTimeout is far shorter
	}
	// And the silent ones are dropped after HandshakeTimeout.
	for _, c := range silent {
		closedByServer(t, c)
	}
}

func TestPartialGreetingIsDropped(t *testing.T) {
	addr := echoRouter(t)
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Write(clientGreeting()[:10]); err != nil { // what libzmq sends first
		t.Fatal(err)
	}
	closedByServer(t, c)
	roundTrip(t, addr, "after-partial")
}

// A subscriber that never reads is disconnected, and one that reads gets
// every message meanwhile.
func TestStuckSubscriberDoesNotStallOthers(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pub := zmq4.NewPub(ctx)
	addr := bind(t, pub)

	stuck := rawPeer(t, addr, "SUB")
	if _, err := stuck.Write(frame(0, []byte{1})); err != nil { // subscribe to everything
		t.Fatal(err)
	}

	sub := zmq4.NewSub(ctx)
	defer sub.Close()
	if err := sub.Dial("tcp://" + addr); err != nil {
		t.Fatal(err)
	}
	if err := sub.SetOption(zmq4.OptionSubscribe, ""); err != nil {
		t.Fatal(err)
	}
	// Wait until both subscriptions are in.
	got := make(chan zmq4.Msg, 64)
	go func() {
		for {
			m, err := sub.Recv()
			if err != nil {
				return
			}
			got <- m
		}
	}()
	deadline := time.Now().Add(10 * time.Second)
	for {
		_ = pub.Send(zmq4.NewMsgString("hello"))
		select {
		case m := <-got:
			if string(m.Frames[0]) != "hello" {
				t.Fatalf("got %q", m.Frames[0])
			}
		case <-time.After(50 * time.Millisecond):
			if time.Now().After(deadline) {
				t.Fatal("the subscriber never got a message")
			}
			continue
		}
		break
	}
	time.Sleep(100 * time.Millisecond) // the raw subscription was sent first
	for len(got) > 0 {
		<-got
	}

	const n = 400
	body := strings.Repeat("x", 64<<10) // 25 MiB in all, far beyond MaxQueued and socket buffers
	go func() {
		for i := range n {
			// Paced as the kernel's IOPub is: by readers that still read.
			// Unpaced, a loaded machine lets the sender outrun even the
			// reading subscriber until its cap drops it too.
			if err := testTransport.WaitBacklog(ctx, 2<<20); err != nil {
				return
			}
			_ = pub.Send(zmq4.NewMsgFrom([]byte(fmt.Sprintf("m%04d", i)), []byte(body)))
		}
	}()
	for i := range n {
		select {
		case m := <-got:
			if want := fmt.Sprintf("m%04d", i); string(m.Frames[0]) != want {
				t.Fatalf("message %d is %q, want %q", i, m.Frames[0], want)
			}
		case <-time.After(20 * time.Second):
			t.Fatalf("the reading subscriber got only %d of %d messages", i, n)
		}
	}
	closedByServer(t, stuck)
}

func TestAddr(t *testing.T) {
	tcp := &Transport{}
	for in, want := range map[string]string{
		"127.0.0.1:5555": "127.0.0.1:5555",
		"*:5555":         ":5555",
		"127.0.0.1:*":    "127.0.0.1:0",
		"[::1]:7":        "[::1]:7",
	} {
		got, err := tcp.Addr(in)
		if err != nil || got != want {
			t.Errorf("Addr(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	if _, err := tcp.Addr("no-port"); err == nil {
		t.Error("Addr accepted an address without a port")
	}
	if got, _ := (&Transport{Network: "unix"}).Addr("/tmp/k-1"); got != "/tmp/k-1" {
		t.Errorf("unix Addr = %q", got)
	}
}

// A subscriber that reads, slowly, paces a publisher that calls
// WaitBacklog: it gets every message, and what waits for it stays near the
// limit instead of growing to MaxQueued and getting it dropped.
func TestWaitBacklogPacesToASlowReader(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	pub := zmq4.NewPub(ctx)
	addr := bind(t, pub)
	sub := zmq4.NewSub(ctx)
	defer sub.Close()
	if err := sub.Dial("tcp://" + addr); err != nil {
		t.Fatal(err)
	}
	_ = sub.SetOption(zmq4.OptionSubscribe, "")
	got := make(chan string, 1)
	go func() {
		for {
			m, err := sub.Recv()
			if err != nil {
				return
			}
			time.Sleep(time.Millisecond) // a slow reader
			got <- string(m.Frames[0])
		}
	}()
	for { // until the subscription is in
		_ = pub.Send(zmq4.NewMsgString("hello"))
		select {
		case <-got:
		case <-time.After(50 * time.Millisecond):
			continue
		}
		break
	}
	for len(got) > 0 {
		<-got
	}
	dropped := logged.Load()
	const n, limit = 300, 256 << 10
	body := strings.Repeat("y", 64<<10) // 19 MiB in all: more than MaxQueued
	var peak, sent atomic.Int64
	var subConn *conn
	testTransport.mu.Lock()
	for c := range testTransport.conns {
		subConn = c // the only live connection
	}
	testTransport.mu.Unlock()
	go func() {
		for i := range n {
			// WaitBacklog sees what reached the connections; zmq4's own
			// PUB queue before them is unbounded. The kernel's sender is
			// slower than zmq4's writer (it encodes and signs each
			// message); this one waits for its previous message instead.
			for subConn.accepted.Load() < int64(i)*(64<<10) && ctx.Err() == nil {
				time.Sleep(100 * time.Microsecond)
			}
			if err := testTransport.WaitBacklog(ctx, limit); err != nil {
				return
			}
			testTransport.mu.Lock()
			for c := range testTransport.conns {
				peak.Store(max(peak.Load(), c.backlog.Load()))
			}
			testTransport.mu.Unlock()
			_ = pub.Send(zmq4.NewMsgFrom([]byte(fmt.Sprintf("m%04d", i)), []byte(body)))
			sent.Add(1)
		}
	}()
	for i := 0; i < n; {
		select {
		case m := <-got:
			if m == "hello" {
				continue
			}
			if want := fmt.Sprintf("m%04d", i); m != want {
				t.Fatalf("message %d is %q, want %q", i, m, want)
			}
			i++
		case <-time.After(20 * time.Second):
			testTransport.mu.Lock()
			for c := range testTransport.conns {
				c.wmu.Lock()
				t.Logf("conn %v backlog %d queue %d draining %v werr %v idle %v", c.RemoteAddr(), c.backlog.Load(), len(c.queue), c.draining, c.werr, time.Duration(time.Now().UnixNano()-c.progress.Load()))
				c.wmu.Unlock()
			}
			testTransport.mu.Unlock()
			t.Fatalf("got only %d of %d messages (sent %d)", i, n, sent.Load())
		}
	}
	if logged.Load() != dropped {
		t.Fatal("the slow reader was dropped")
	}
	if p := peak.Load(); p > int64(4*testTransport.MaxQueued) {
		t.Fatalf("%d bytes waited for the reader, limit %d", p, limit)
	}
}
