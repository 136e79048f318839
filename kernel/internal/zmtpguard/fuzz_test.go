package zmtpguard

import (
	"bytes"
	"encoding/binary"
	"io"
	"testing"
)

// FuzzReader compares the streaming Reader with refCheck, a plain parser
// of the whole input: the Reader must pass exactly the bytes refCheck
// accepts (all of a valid stream, the prefix before the first bad header of
// an invalid one), end cleanly exactly when refCheck does, and never panic.
// Run it with `go test ./kernel/internal/zmtpguard -run XXX -fuzz FuzzReader`.
func FuzzReader(f *testing.F) {
	hs := handshake()
	f.Add(hs, uint8(7))
	f.Add(join(hs, frame(flagMore, []byte("<IDS|MSG>")), frame(0, []byte("{}"))), uint8(1))
	f.Add(join(hs, header(0, 1<<62)), uint8(0))
	f.Add(join(hs, header(flagLong, 5), []byte("abcde"), command("PING", []byte{0, 1})), uint8(3))
	f.Add(join(clientGreeting(), command("READY", []byte("\x0bSocket-Type"))), uint8(0))
	f.Add(join(hs, bytes.Repeat(frame(flagMore, nil), 10), frame(0, nil)), uint8(2))
	f.Add(join(hs, frame(flagMore, make([]byte, 900)), frame(flagMore, make([]byte, 900))), uint8(200))
	f.Fuzz(func(t *testing.T, data []byte, readSize uint8) {
		r := NewReader(bytes.NewReader(data), small)
		var out []byte
		buf := make([]byte, int(readSize)%64+1)
		var err error
		for {
			var n int
			n, err = r.Read(buf)
			out = append(out, buf[:n]...)
			if err != nil {
				break
			}
		}
		want, clean := refCheck(data, small)
		if !bytes.Equal(out, data[:want]) {
			t.Fatalf("passed %d bytes, reference passes %d (error %v)", len(out), want, err)
		}
		if (err == io.EOF) != clean {
			t.Fatalf("error %v, reference says clean end: %v", err, clean)
		}
	})
}

// refCheck returns how many leading bytes of a peer's stream are fit to
// pass and whether the whole stream is valid and ends between frames.
func refCheck(data []byte, lim Limits) (int, bool) {
	if len(data) == 0 {
		return 0, true
	}
	if len(data) < 64 {
		return 0, false
	}
	g := data[:64]
	if g[0] != 0xff || g[9] != 0x7f || g[10] < 3 || g[32] > 1 ||
		string(g[12:16]) != "NULL" || !bytes.Equal(g[16:32], make([]byte, 16)) {
		return 0, false
	}
	pos, ready, inMessage, frames, total := 64, false, false, 0, uint64(0)
	for pos < len(data) {
		flags := data[pos]
		if flags&^0x07 != 0 {
			return pos, false
		}
		hlen := 2
		if flags&0x02 != 0 {
			hlen = 9
		}
		if pos+hlen > len(data) {
			return pos, false
		}
		size := uint64(data[pos+1])
		if hlen == 9 {
			size = binary.BigEndian.Uint64(data[pos+1:])
		}
		if flags&0x04 != 0 { // command
			if flags&0x01 != 0 || inMessage || size > uint64(lim.MaxCommand) || uint64(len(data)-pos-hlen) < size {
				return pos, false
			}
			body := data[pos+hlen : pos+hlen+int(size)]
			if len(body) == 0 || int(body[0]) >= len(body) {
				return pos, false
			}
			if !ready {
				if string(body[1:1+body[0]]) != "READY" {
					return pos, false
				}
				for p := body[1+body[0]:]; len(p) > 0; {
					if len(p) < 1+int(p[0])+4 {
						return pos, false
					}
					v := binary.BigEndian.Uint32(p[1+int(p[0]):])
					p = p[1+int(p[0])+4:]
					if uint64(v) > uint64(len(p)) {
						return pos, false
					}
					p = p[v:]
				}
				ready = true
			}
			pos += hlen + int(size)
			continue
		}
		frames++
		if !ready || size > uint64(lim.MaxFrame) || frames > lim.MaxFrames {
			return pos, false
		}
		total += size + frameOverhead
		if total > uint64(lim.MaxMessage) {
			return pos, false
		}
		inMessage = flags&0x01 != 0
		if !inMessage {
			frames, total = 0, 0
		}
		if uint64(len(data)-pos-hlen) < size {
			return len(data), false // the body passes as far as it goes
		}
		pos += hlen + int(size)
	}
	return pos, true
}
