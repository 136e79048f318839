package zmtpguard

import (
	"bytes"
	"encoding/binary"
	"errors"
	"io"
	"testing"
)

// clientGreeting is a libzmq client's ZMTP 3.1 NULL greeting.
func clientGreeting() []byte {
	g := make([]byte, greetingLen)
	g[0], g[9], g[10], g[11] = 0xff, 0x7f, 3, 1
	copy(g[12:], "NULL")
	return g
}

// header encodes a frame header, short or long as the size needs.
func header(flags byte, size uint64) []byte {
	if size > 255 || flags&flagLong != 0 {
		h := make([]byte, 9)
		h[0] = flags | flagLong
		binary.BigEndian.PutUint64(h[1:], size)
		return h
	}
	return []byte{flags, byte(size)}
}

func frame(flags byte, body []byte) []byte {
	return append(header(flags, uint64(len(body))), body...)
}

func property(name, value string) []byte {
	p := []byte{byte(len(name))}
	p = append(p, name...)
	p = binary.BigEndian.AppendUint32(p, uint32(len(value)))
	return append(p, value...)
}

func command(name string, body []byte) []byte {
	b := append([]byte{byte(len(name))}, name...)
	return frame(flagCommand, append(b, body...))
}

func ready(sockType string) []byte {
	return command("READY", append(property("Socket-Type", sockType), property("Identity", "")...))
}

func join(parts ...[]byte) []byte { return bytes.Join(parts, nil) }

// handshake is what a DEALER sends before its first message.
func handshake() []byte { return join(clientGreeting(), ready("DEALER")) }

var small = Limits{MaxFrame: 1000, MaxMessage: 4000, MaxFrames: 8, MaxCommand: 300}

func TestReaderPassesValidStreams(t *testing.T) {
	long := bytes.Repeat([]byte("x"), 999)
	for name, in := range map[string][]byte{
		"handshake only":       handshake(),
		"one frame":            join(handshake(), frame(0, []byte("hello"))),
		"empty frame":          join(handshake(), frame(0, nil)),
		"multipart":            join(handshake(), frame(flagMore, []byte("<IDS|MSG>")), frame(flagMore, nil), frame(0, long)),
		"long header, small":   join(handshake(), header(flagLong, 3), []byte("abc")),
		"commands after":       join(handshake(), command("PING", []byte{0, 10}), frame(0, []byte("m")), command("PONG", nil)),
		"messages at limit":    join(handshake(), frame(flagMore, long), frame(flagMore, long), frame(0, long), frame(0, long)),
		"identity property":    join(clientGreeting(), command("READY", property("Identity", string(bytes.Repeat([]byte{0xfe}, 255))))),
		"greeting version 3.0": join(func() []byte { g := clientGreeting(); g[11] = 0; return g }(), ready("SUB")),
	} {
		t.Run(name, func(t *testing.T) {
			out, err := io.ReadAll(NewReader(bytes.NewReader(in), small))
			if err != nil {
				t.Fatalf("error on a valid stream: %v", err)
			}
			if !bytes.Equal(out, in) {
				t.Fatalf("output differs from input:\n got %x\nwant %x", out, in)
			}
		})
	}
}

func TestReaderStopsBeforeABadHeader(t *testing.T) {
	hs := handshake()
	ok := join(hs, frame(0, []byte("fine")))
	for _, tc := range []struct {
		name string
		pass []byte // bytes that must come through before the error
		bad  []byte
		want error
	}{
		{"2^62-byte frame", ok, header(flagMore, 1<<62), ErrTooLarge},
		{"2^40-byte frame", ok, header(0, 1<<40), ErrTooLarge},
		{"max uint64 frame", ok, header(0, ^uint64(0)), ErrTooLarge},
		{"frame over MaxFrame", ok, header(0, 1001), ErrTooLarge},
		{"too many frames", join(ok, bytes.Repeat(frame(flagMore, nil), 8)), frame(0, nil), ErrTooLarge},
		{"message over MaxMessage", join(ok, frame(flagMore, make([]byte, 1000)), frame(flagMore, make([]byte, 1000)), frame(flagMore, make([]byte, 1000))), header(0, 1000), ErrTooLarge},
		{"command over MaxCommand", ok, header(flagCommand, 301), ErrTooLarge},
		{"huge command", ok, header(flagCommand, 1<<62), ErrTooLarge},
		{"reserved flag bits", ok, []byte{0x10, 0}, ErrProtocol},
		{"command with MORE", ok, []byte{flagCommand | flagMore, 0}, ErrProtocol},
		{"command inside a message", join(ok, frame(flagMore, nil)), command("PING", nil), ErrProtocol},
		{"empty command", ok, frame(flagCommand, nil), ErrProtocol},
		{"command name overruns", ok, frame(flagCommand, []byte{9, 'P'}), ErrProtocol},
		{"message before READY", clientGreeting(), frame(0, []byte("x")), ErrProtocol},
		{"first command not READY", clientGreeting(), command("ERROR", []byte("\x03bad")), ErrProtocol},
		// zmq4 v0.17 panics (index out of range) on these READY bodies.
		{"READY property without value length", clientGreeting(), command("READY", []byte("\x0bSocket-Type")), ErrProtocol},
		{"READY property name overruns", clientGreeting(), command("READY", []byte("\xffSocket")), ErrProtocol},
		{"READY value overruns", clientGreeting(), command("READY", []byte("\x0bSocket-Type\x00\x00\x00\x09DEAL")), ErrProtocol},
		{"not ZMTP", nil, []byte("GET / HTTP/1.1\r\nHost: x\r\n\r\n" + string(make([]byte, 64))), ErrProtocol},
		{"ZMTP 2", nil, func() []byte { g := clientGreeting(); g[10] = 1; return g }(), ErrProtocol},
		{"CURVE", nil, func() []byte { g := clientGreeting(); copy(g[12:32], "CURVE\x00"); return g }(), ErrProtocol},
		{"as-server byte", nil, func() []byte { g := clientGreeting(); g[32] = 7; return g }(), ErrProtocol},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := join(tc.pass, tc.bad, make([]byte, 64))
			out, err := io.ReadAll(NewReader(bytes.NewReader(in), small))
			if !errors.Is(err, tc.want) {
				t.Fatalf("error %v, want %v", err, tc.want)
			}
			if !bytes.Equal(out, tc.pass) {
				t.Fatalf("passed %d bytes, want exactly the %d before the bad part", len(out), len(tc.pass))
			}
			// The error sticks.
			if _, err2 := NewReader(bytes.NewReader(in), small).Read(make([]byte, 1<<16)); err2 == nil && len(tc.pass) == 0 {
				t.Fatal("first read of a bad stream succeeded")
			}
		})
	}
}

func TestReaderTruncated(t *testing.T) {
	full := join(handshake(), frame(flagMore, []byte("abc")), frame(0, []byte("defgh")))
	for cut := 1; cut < len(full); cut++ {
		out, err := io.ReadAll(NewReader(bytes.NewReader(full[:cut]), small))
		if !bytes.Equal(out, full[:len(out)]) {
			t.Fatalf("cut %d: output is not a prefix of the input", cut)
		}
		atBoundary := cut == greetingLen || cut == len(handshake()) || cut == len(handshake())+5
		if atBoundary && err != nil {
			t.Fatalf("cut %d (between frames): error %v, want a clean end", cut, err)
		}
		if !atBoundary && err == nil {
			t.Fatalf("cut %d (inside a frame or greeting): no error", cut)
		}
	}
}

func TestReaderErrorIsSticky(t *testing.T) {
	r := NewReader(bytes.NewReader(join(handshake(), header(0, 1<<62), frame(0, []byte("after")))), small)
	if _, err := io.ReadAll(r); !errors.Is(err, ErrTooLarge) {
		t.Fatalf("error %v, want ErrTooLarge", err)
	}
	if n, err := r.Read(make([]byte, 100)); n != 0 || !errors.Is(err, ErrTooLarge) {
		t.Fatalf("read after the error: %d, %v", n, err)
	}
}

func TestReaderSmallReads(t *testing.T) {
	in := join(handshake(), frame(flagMore, []byte("abc")), frame(0, bytes.Repeat([]byte("z"), 600)))
	r := NewReader(bytes.NewReader(in), small)
	var out []byte
	b := make([]byte, 1)
	for {
		n, err := r.Read(b)
		out = append(out, b[:n]...)
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(out, in) {
		t.Fatal("byte-at-a-time reads changed the stream")
	}
}

func TestDefaultLimits(t *testing.T) {
	l := Limits{}.withDefaults()
	if l.MaxFrame != 64<<20 || l.MaxMessage != 256<<20 || l.MaxFrames != 1024 || l.MaxCommand != 64<<10 {
		t.Fatalf("defaults %+v", l)
	}
}
