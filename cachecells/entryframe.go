package cachecells

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/binary"
	"errors"
	"fmt"
	"runtime"
	"sync"
	"sync/atomic"
)

// An entry travels as one authenticated byte string, the same for a file
// (persist=disk) and for a shared store. All numbers are little endian:
//
//	[8]    magic "GOCELLC\x03"
//	[32]   salt, random for each entry
//	u64    header length H
//	u64    body length B, a multiple of 8
//	u32    chunk size C
//	u32    zero
//	[H]    header, JSON (entryHeader: names, times, result encodings,
//	       outputs), zero padding to a multiple of 8
//	[16n]  a tag for each of the n = ceil(B/C) chunks of the body
//	[32]   HMAC-SHA256, keyed by the cache secret, of everything above
//	[B]    body: the result sections in order, each padded to a multiple
//	       of 8, so raw number slices can be used in place
//
// The tag of chunk i is a GMAC (AES-256-GCM with the chunk as additional
// data and nothing to encrypt) with nonce i, under a key derived from the
// secret and the salt. Why not one HMAC over everything: SHA-256 runs at
// about 1 GB/s even with SHA instructions, GMAC with AES and carry-less
// multiply instructions at about 5 GB/s, and chunks can be checked on
// several cores while the rest of the file is still being read.
//
// What each part rules out: the HMAC covers the header and every tag, so
// the header is authenticated before it is parsed, and the body before any
// of it is used. The salt gives each entry its own GMAC key, so a nonce is
// never used twice under one key (GMAC's one requirement) and a chunk moved
// from another entry fails its tag; the nonce is the chunk's index, so a
// chunk moved within an entry fails too. B is covered by the HMAC, so an
// entry cut short, even at a chunk boundary, is refused, as are bytes past
// its end. Nothing is parsed before the HMAC has vouched for it (rule 12).
const (
	entryMagic    = "GOCELLC\x03"
	entryVersion  = 3
	saltSize      = 32
	prefixSize    = 64 // magic, salt, H, B, C, zero
	tagSize       = 16
	macSize       = sha256.Size
	bodyChunk     = 1 << 20
	minBodyChunk  = 1 << 12
	maxBodyChunk  = 1 << 26
	chunkKeyLabel = "gocell cache entry chunk key\x00"
)

// errNotAuthentic marks entries whose MAC or tags do not check out.
var errNotAuthentic = errors.New("not authenticated by this user's cache secret: written under another secret, altered or damaged")

// frame is the layout of one entry, as its prefix describes it.
type frame struct {
	salt  []byte
	hlen  int // header bytes
	blen  int // body bytes
	chunk int // body chunk size
}

func (f frame) chunks() int               { return (f.blen + f.chunk - 1) / f.chunk }
func (f frame) tagsOff() int              { return align8(prefixSize + f.hlen) }
func (f frame) macOff() int               { return f.tagsOff() + tagSize*f.chunks() }
func (f frame) bodyOff() int              { return f.macOff() + macSize }
func (f frame) size() int                 { return f.bodyOff() + f.blen }
func (f frame) header(head []byte) []byte { return head[prefixSize : prefixSize+f.hlen] }

// chunkRange is the part of the body that chunk i covers.
func (f frame) chunkRange(i int) (start, end int) {
	start = i * f.chunk
	return start, min(start+f.chunk, f.blen)
}

// parseFrame checks the fixed prefix of an entry of total bytes and returns
// its layout. Nothing in it is authenticated yet, so it must agree with
// total: nothing is allocated on its word alone.
func parseFrame(prefix []byte, total int64) (frame, error) {
	const name = len(entryMagic) - 1 // "GOCELLC" without the version byte
	switch {
	case len(prefix) >= len(entryMagic) && string(prefix[:len(entryMagic)]) == entryMagic:
	case len(prefix) >= len(entryMagic) && string(prefix[:name]) == entryMagic[:name]:
		return frame{}, fmt.Errorf("not a gocell cache entry of this version (bad magic: entry format %d, this gocell reads format %d)", prefix[name], entryVersion)
	case len(prefix) < len(entryMagic) && string(prefix) == entryMagic[:len(prefix)]:
		return frame{}, fmt.Errorf("truncated (%d bytes)", total)
	default:
		return frame{}, fmt.Errorf("not a gocell cache entry (bad magic)")
	}
	if len(prefix) < prefixSize || total < prefixSize {
		return frame{}, fmt.Errorf("truncated (%d bytes)", total)
	}
	hlen := binary.LittleEndian.Uint64(prefix[40:])
	blen := binary.LittleEndian.Uint64(prefix[48:])
	chunk := binary.LittleEndian.Uint32(prefix[56:])
	switch {
	case hlen > maxEntryFile || blen > maxEntryFile || blen%8 != 0:
		return frame{}, fmt.Errorf("bad frame: header %d and body %d bytes", hlen, blen)
	case chunk < minBodyChunk || chunk > maxBodyChunk || binary.LittleEndian.Uint32(prefix[60:]) != 0:
		return frame{}, fmt.Errorf("bad frame: chunk size %d", chunk)
	}
	f := frame{salt: prefix[len(entryMagic) : len(entryMagic)+saltSize], hlen: int(hlen), blen: int(blen), chunk: int(chunk)}
	switch want := int64(f.size()); {
	case total < want:
		return frame{}, fmt.Errorf("truncated (%d bytes, the entry says %d)", total, want)
	case total > want:
		// The length that says so is not authenticated yet, but neither
		// could anything past it be.
		return frame{}, fmt.Errorf("%w: %d bytes past the end of the entry", errNotAuthentic, total-want)
	}
	return f, nil
}

// checkHead checks the HMAC of head, the bytes of an entry before its body.
func (f frame) checkHead(secret, head []byte) error {
	m := hmac.New(sha256.New, secret)
	m.Write(head[:f.macOff()])
	if !hmac.Equal(m.Sum(nil), head[f.macOff():f.bodyOff()]) {
		return errNotAuthentic
	}
	return nil
}

// chunkKey derives the GMAC key of the entry with this salt.
func chunkKey(secret, salt []byte) []byte {
	m := hmac.New(sha256.New, secret)
	m.Write([]byte(chunkKeyLabel))
	m.Write(salt)
	return m.Sum(nil)
}

// chunkMAC computes chunk tags under one entry's key. It is not safe for
// concurrent use: each goroutine makes its own from the key.
type chunkMAC struct {
	gcm   cipher.AEAD
	nonce [12]byte
	tag   [tagSize]byte
}

// newChunkMAC fails only where the standard library refuses GCM with
// nonces of the caller's choosing (GODEBUG=fips140=only); entries are then
// neither written nor read, each time with a warning.
func newChunkMAC(key []byte) (*chunkMAC, error) {
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, fmt.Errorf("cache entry MAC: %w", err)
	}
	gcm, err := cipher.NewGCM(block)
	if err != nil {
		return nil, fmt.Errorf("cache entry MAC: %w", err)
	}
	return &chunkMAC{gcm: gcm}, nil
}

// sum returns the tag of body chunk i (valid until the next call).
func (m *chunkMAC) sum(i int, chunk []byte) []byte {
	binary.BigEndian.PutUint64(m.nonce[4:], uint64(i))
	return m.gcm.Seal(m.tag[:0], m.nonce[:], nil, chunk)
}

// check reports whether chunk i matches its tag.
func (m *chunkMAC) check(i int, chunk, tag []byte) bool {
	return subtle.ConstantTimeCompare(m.sum(i, chunk), tag) == 1
}

// helpers is how many goroutines besides the caller's share the chunk work
// of a body of n chunks: none for small bodies, where starting one costs
// more than it saves.
func helpers(n int) int {
	if n < 4 {
		return 0
	}
	return min(runtime.GOMAXPROCS(0)-1, 3, n/2)
}

// eachChunk runs work(m, i) for every chunk index below n, on the caller's
// goroutine and as many helpers, each with its own chunkMAC. It stops
// early, and returns false, once a work returns false.
func eachChunk(key []byte, n int, work func(m *chunkMAC, i int) bool) (bool, error) {
	first, err := newChunkMAC(key)
	if err != nil {
		return false, err
	}
	var next atomic.Int64
	var failed atomic.Bool
	run := func(m *chunkMAC) {
		for !failed.Load() {
			i := int(next.Add(1) - 1)
			if i >= n {
				return
			}
			if !work(m, i) {
				failed.Store(true)
			}
		}
	}
	var wg sync.WaitGroup
	for range helpers(n) {
		wg.Go(func() {
			if m, err := newChunkMAC(key); err == nil { // as the first one
				run(m)
			}
		})
	}
	run(first)
	wg.Wait()
	return !failed.Load(), nil
}

// sealEntry frames a header and sections and authenticates them.
func sealEntry(secret, hdr []byte, sections [][]byte) ([]byte, error) {
	f := frame{hlen: len(hdr), chunk: bodyChunk}
	for _, s := range sections {
		f.blen += align8(len(s))
	}
	out := alignedBytes(f.size())
	copy(out, entryMagic)
	f.salt = out[len(entryMagic) : len(entryMagic)+saltSize]
	rand.Read(f.salt) // never fails
	binary.LittleEndian.PutUint64(out[40:], uint64(f.hlen))
	binary.LittleEndian.PutUint64(out[48:], uint64(f.blen))
	binary.LittleEndian.PutUint32(out[56:], uint32(f.chunk))
	copy(out[prefixSize:], hdr)
	body := out[f.bodyOff():]
	off := 0
	for _, s := range sections {
		copy(body[off:], s)
		off += align8(len(s))
	}
	tags := out[f.tagsOff():f.macOff()]
	_, err := eachChunk(chunkKey(secret, f.salt), f.chunks(), func(m *chunkMAC, i int) bool {
		start, end := f.chunkRange(i)
		copy(tags[i*tagSize:], m.sum(i, body[start:end]))
		return true
	})
	if err != nil {
		return nil, err
	}
	m := hmac.New(sha256.New, secret)
	m.Write(out[:f.macOff()])
	m.Sum(out[f.macOff():f.macOff()])
	return out, nil
}

// openEntry checks data's frame, MAC and tags and returns its header and
// body (both alias data).
func openEntry(secret, data []byte) (hdr, body []byte, err error) {
	f, err := parseFrame(data[:min(len(data), prefixSize)], int64(len(data)))
	if err != nil {
		return nil, nil, err
	}
	if err := f.checkHead(secret, data); err != nil {
		return nil, nil, err
	}
	body = data[f.bodyOff():]
	tags := data[f.tagsOff():f.macOff()]
	ok, err := eachChunk(chunkKey(secret, f.salt), f.chunks(), func(m *chunkMAC, i int) bool {
		start, end := f.chunkRange(i)
		return m.check(i, body[start:end], tags[i*tagSize:(i+1)*tagSize])
	})
	if err != nil {
		return nil, nil, err
	}
	if !ok {
		return nil, nil, errNotAuthentic
	}
	return f.header(data), body, nil
}
