package zmtpguard

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// ZMTP 3.x framing (rfc.zeromq.org/spec/23): a 64-byte greeting, then
// frames of one flags byte, a 1-byte or 8-byte big-endian length and the
// body.
const (
	greetingLen  = 64
	flagMore     = 0x01
	flagLong     = 0x02
	flagCommand  = 0x04
	flagReserved = 0xf8
)

// frameOverhead is what one frame costs its receiver besides its body (a
// slice header and bookkeeping); it is counted against Limits.MaxMessage so
// that a message of many empty frames is bounded too.
const frameOverhead = 64

// Errors a Reader returns (wrapped, with the details) when a peer breaks a
// rule. Test for them with errors.Is.
var (
	// ErrTooLarge means a frame, a command or a multipart message is larger
	// than the limits allow.
	ErrTooLarge = errors.New("over the size limit")
	// ErrProtocol means the bytes are not ZMTP 3 with the NULL mechanism.
	ErrProtocol = errors.New("not ZMTP 3 with the NULL mechanism")
)

// Limits bound what one peer can make its receiver allocate. A zero field
// takes its default.
type Limits struct {
	// MaxFrame bounds the body of one message frame. Default 64 MiB.
	MaxFrame int64
	// MaxMessage bounds the bodies of all frames of one multipart message,
	// plus frameOverhead per frame. Default 256 MiB.
	MaxMessage int64
	// MaxFrames bounds the frames of one multipart message. Default 1024.
	MaxFrames int
	// MaxCommand bounds one command frame (READY, PING...). Default 64 KiB.
	MaxCommand int
}

func (l Limits) withDefaults() Limits {
	if l.MaxFrame <= 0 {
		l.MaxFrame = 64 << 20
	}
	if l.MaxMessage <= 0 {
		l.MaxMessage = 256 << 20
	}
	if l.MaxFrames <= 0 {
		l.MaxFrames = 1024
	}
	if l.MaxCommand <= 0 {
		l.MaxCommand = 64 << 10
	}
	return l
}

// Reader passes a peer's ZMTP byte stream through, checking each greeting,
// frame header and command before handing on a single byte of it. So the
// consumer (zmq4) never sees a length it would choke on: a frame over the
// limit, or a malformed READY command, ends the stream with an error where
// the header would have been.
//
// Frame bodies are not inspected and pass through without a copy.
type Reader struct {
	r   io.Reader
	lim Limits

	out     []byte // checked bytes not yet returned
	scratch []byte // backing store of out, reused
	body    int64  // body bytes of the current message frame still to pass
	err     error  // sticky

	greeted   bool // the greeting has been checked
	ready     bool // the peer's READY command has been checked
	inMessage bool // the last frame had MORE set
	frames    int  // frames of the current message so far
	bytes     int64
}

// NewReader returns a Reader checking r against lim (zero fields: defaults).
func NewReader(r io.Reader, lim Limits) *Reader {
	return &Reader{r: r, lim: lim.withDefaults()}
}

// Read implements io.Reader. After an error every call returns it again.
func (r *Reader) Read(p []byte) (int, error) {
	if len(p) == 0 {
		return 0, nil
	}
	for {
		if len(r.out) > 0 {
			n := copy(p, r.out)
			r.out = r.out[n:]
			return n, nil
		}
		if r.body > 0 {
			if int64(len(p)) > r.body {
				p = p[:r.body]
			}
			n, err := r.r.Read(p)
			r.body -= int64(n)
			if err == io.EOF && r.body > 0 {
				err = io.ErrUnexpectedEOF
			}
			if err != nil {
				r.err = err
			}
			return n, err
		}
		if r.err != nil {
			return 0, r.err
		}
		if err := r.next(); err != nil {
			r.err = err
			return 0, err
		}
	}
}

// handshake reads and checks the peer's greeting and READY command, and
// returns their bytes for the consumer to read later. Nothing else may
// precede READY, so no message bytes are consumed.
func (r *Reader) handshake() ([]byte, error) {
	var b []byte
	for !r.ready {
		if r.err != nil {
			return nil, r.err
		}
		if err := r.next(); err != nil {
			r.err = err
			return nil, err
		}
		b = append(b, r.out...)
		r.out = nil
	}
	return b, nil
}

// buf returns n bytes of scratch space; only valid until the next call.
func (r *Reader) buf(n int) []byte {
	if cap(r.scratch) < n {
		r.scratch = make([]byte, n)
	}
	return r.scratch[:n]
}

// next reads the next greeting or frame header (with the body, for a
// command), checks it and makes it the pending output.
func (r *Reader) next() error {
	if !r.greeted {
		g := r.buf(greetingLen)
		if _, err := io.ReadFull(r.r, g); err != nil {
			return err
		}
		if err := checkGreeting(g); err != nil {
			return err
		}
		r.greeted = true
		r.out = g
		return nil
	}

	var hdr [9]byte
	if _, err := io.ReadFull(r.r, hdr[:1]); err != nil {
		return err // io.EOF between frames is a clean end
	}
	flags := hdr[0]
	if flags&flagReserved != 0 {
		return fmt.Errorf("%w: frame flags %#02x have reserved bits set", ErrProtocol, flags)
	}
	n := 2
	if flags&flagLong != 0 {
		n = 9
	}
	if _, err := io.ReadFull(r.r, hdr[1:n]); err != nil {
		return noEOF(err)
	}
	size := uint64(hdr[1])
	if n == 9 {
		size = binary.BigEndian.Uint64(hdr[1:9])
	}

	if flags&flagCommand != 0 {
		switch {
		case flags&flagMore != 0:
			return fmt.Errorf("%w: a command frame with the MORE flag", ErrProtocol)
		case r.inMessage:
			return fmt.Errorf("%w: a command frame inside a multipart message", ErrProtocol)
		case size > uint64(r.lim.MaxCommand):
			return fmt.Errorf("%w: a command of %d bytes, limit %d", ErrTooLarge, size, r.lim.MaxCommand)
		}
		b := r.buf(n + int(size))
		copy(b, hdr[:n])
		if _, err := io.ReadFull(r.r, b[n:]); err != nil {
			return noEOF(err)
		}
		if err := r.checkCommand(b[n:]); err != nil {
			return err
		}
		r.out = b
		return nil
	}

	if !r.ready {
		return fmt.Errorf("%w: a message frame before the READY command", ErrProtocol)
	}
	if size > uint64(r.lim.MaxFrame) {
		return fmt.Errorf("%w: a frame of %d bytes, limit %d", ErrTooLarge, size, r.lim.MaxFrame)
	}
	r.frames++
	r.bytes += int64(size) + frameOverhead
	if r.frames > r.lim.MaxFrames {
		return fmt.Errorf("%w: a message of more than %d frames", ErrTooLarge, r.lim.MaxFrames)
	}
	if r.bytes > r.lim.MaxMessage {
		return fmt.Errorf("%w: a message of more than %d bytes", ErrTooLarge, r.lim.MaxMessage)
	}
	r.inMessage = flags&flagMore != 0
	if !r.inMessage {
		r.frames, r.bytes = 0, 0
	}
	b := r.buf(n)
	copy(b, hdr[:n])
	r.out = b
	r.body = int64(size)
	return nil
}

// noEOF turns an EOF inside a header or command into ErrUnexpectedEOF.
func noEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

var nullMechanism = [20]byte{'N', 'U', 'L', 'L'}

// checkGreeting accepts a ZMTP 3.x (or later) greeting for the NULL
// mechanism, the only one zmq4 and Jupyter use.
func checkGreeting(g []byte) error {
	if g[0] != 0xff || g[9] != 0x7f {
		return fmt.Errorf("%w: the greeting has no ZMTP signature (is the peer a ZeroMQ socket?)", ErrProtocol)
	}
	if g[10] < 3 {
		return fmt.Errorf("%w: the peer speaks ZMTP %d.%d, the kernel needs 3.0 or later", ErrProtocol, g[10], g[11])
	}
	if !bytes.Equal(g[12:32], nullMechanism[:]) {
		return fmt.Errorf("%w: security mechanism %q, the kernel supports only NULL", ErrProtocol, bytes.TrimRight(g[12:32], "\x00"))
	}
	if g[32] > 1 {
		return fmt.Errorf("%w: as-server byte %#02x in the greeting", ErrProtocol, g[32])
	}
	return nil
}

// checkCommand checks a command body: a name length that fits, and for the
// first command, a READY whose metadata is a well-formed property list.
func (r *Reader) checkCommand(body []byte) error {
	if len(body) == 0 {
		return fmt.Errorf("%w: an empty command", ErrProtocol)
	}
	nameLen := int(body[0])
	if nameLen > len(body)-1 {
		return fmt.Errorf("%w: a command name of %d bytes in a %d-byte command", ErrProtocol, nameLen, len(body))
	}
	if r.ready {
		return nil
	}
	if name := string(body[1 : 1+nameLen]); name != "READY" {
		return fmt.Errorf("%w: the first command is %q, want READY", ErrProtocol, name)
	}
	if err := checkProperties(body[1+nameLen:]); err != nil {
		return err
	}
	r.ready = true
	return nil
}

// checkProperties checks a READY command's metadata: a sequence of name
// (1-byte length) and value (4-byte length) pairs that exactly fills p.
func checkProperties(p []byte) error {
	for len(p) > 0 {
		nameLen := int(p[0])
		if 1+nameLen+4 > len(p) {
			return fmt.Errorf("%w: a READY property name overruns the command", ErrProtocol)
		}
		valueLen := binary.BigEndian.Uint32(p[1+nameLen:])
		p = p[1+nameLen+4:]
		if uint64(valueLen) > uint64(len(p)) {
			return fmt.Errorf("%w: a READY property value of %d bytes overruns the command", ErrProtocol, valueLen)
		}
		p = p[valueLen:]
	}
	return nil
}
