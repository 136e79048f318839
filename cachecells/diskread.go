package cachecells

import (
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"sync"
	"sync/atomic"
	"time"
)

// Reading an entry file is the cost of every disk hit, so it is done in
// one pass over fresh memory: the body is read straight into the 8-byte
// aligned buffer its raw number slices are then used from, chunk by chunk,
// and while the next chunk is read the chunks already read are checked
// against their tags and, for cache_data, copied into the caller's own
// values, on the other cores. A hit thus costs about one read and one copy
// of the value, in wall time, rather than a read, a MAC and a copy one
// after the other.

// openRegular opens a regular file for reading and returns its size. It
// refuses anything else (a FIFO, a device, a symlink to one, a folder)
// without blocking: the name is checked with Lstat/Stat, the file is opened
// non-blocking, and what was opened is checked again with Fstat, so a file
// swapped in between is caught too.
func openRegular(path string) (*os.File, int64, error) {
	li, err := os.Lstat(path)
	if err != nil {
		return nil, 0, err
	}
	if li.Mode()&os.ModeSymlink != 0 {
		if li, err = os.Stat(path); err != nil {
			// Not a plain miss: something put a link there.
			return nil, 0, fmt.Errorf("a symbolic link to nothing readable: %v", errors.Unwrap(err))
		}
	}
	if !li.Mode().IsRegular() {
		return nil, 0, fmt.Errorf("not a regular file (%s)", li.Mode().Type())
	}
	file, err := os.OpenFile(path, openFlags, 0)
	if err != nil {
		return nil, 0, err
	}
	fi, err := file.Stat()
	if err == nil && (!fi.Mode().IsRegular() || !os.SameFile(li, fi)) {
		err = fmt.Errorf("the file changed while it was opened")
	}
	if err == nil && fi.Size() > maxEntryFile {
		err = fmt.Errorf("%d bytes is too large for a cache entry", fi.Size())
	}
	if err != nil {
		file.Close()
		return nil, 0, err
	}
	return file, fi.Size(), nil
}

// readEntryFile reads the entry of size bytes from r and checks it for cs
// and key, as openEntry and decodeEntry do for bytes in memory. With
// copyOut, fresh holds results for the caller that share no memory with
// e's. expired reports an authentic entry whose TTL has passed; its body is
// not read.
func readEntryFile(r io.Reader, size int64, secret []byte, cs *compiled, key uint64, now time.Time, copyOut bool) (e *entry, fresh []any, expired bool, err error) {
	var prefix [prefixSize]byte
	n, err := io.ReadFull(r, prefix[:min(size, prefixSize)])
	if err != nil {
		return nil, nil, false, truncatedWhileRead(err)
	}
	f, err := parseFrame(prefix[:n], size)
	if err != nil {
		return nil, nil, false, err
	}
	head := make([]byte, f.bodyOff())
	copy(head, prefix[:])
	if _, err := io.ReadFull(r, head[prefixSize:]); err != nil {
		return nil, nil, false, truncatedWhileRead(err)
	}
	if err := f.checkHead(secret, head); err != nil {
		return nil, nil, false, err
	}
	d, err := decodeHeader(f.header(head), cs, key, now)
	if err != nil || d.expired {
		return nil, nil, d.expired, err
	}
	if err := d.checkBody(f.blen); err != nil {
		return nil, nil, false, err
	}

	// The caller's copies of raw sections are filled as the chunks pass.
	var spans []span
	if copyOut {
		offs, _ := d.sections()
		for i, res := range d.h.Results {
			if res.Enc == "raw" && res.Size > 0 {
				spans = append(spans, span{result: i, off: offs[i], dst: scratchBytes(int(res.Size))})
			}
		}
	}
	body := scratchBytes(f.blen) // every byte is read into it, or it is dropped
	if err := readBody(r, f, body, chunkKey(secret, f.salt), head[f.tagsOff():f.macOff()], spans); err != nil {
		return nil, nil, false, err
	}
	if e, err = d.entry(cs, body); err != nil || !copyOut {
		return e, nil, false, err
	}
	fresh = make([]any, len(e.results))
	copied := make([]bool, len(e.results))
	for _, s := range spans {
		// The same checks passed for the cache's own view of these bytes.
		if v, err := rawSlice(reflect.TypeOf(e.results[s.result]), d.h.Results[s.result], s.dst); err == nil {
			fresh[s.result], copied[s.result] = v.Interface(), true
		}
	}
	for i, x := range e.results {
		if !copied[i] {
			fresh[i] = deepCopy(x)
		}
	}
	return e, fresh, false, nil
}

// span is a part of the body copied out as it is read.
type span struct {
	result int    // the result it holds
	off    int    // where it starts in the body
	dst    []byte // where it goes
}

// copyPart copies into s the part of it inside body[start:end].
func (s span) copyPart(body []byte, start, end int) {
	lo, hi := max(start, s.off), min(end, s.off+len(s.dst))
	if lo < hi {
		copy(s.dst[lo-s.off:hi-s.off], body[lo:hi])
	}
}

// readBody reads f's body from r into body. Each chunk read is queued for
// the helpers, which check its tag and copy it into spans; once every
// chunk is read, this goroutine helps with the rest of the queue.
func readBody(r io.Reader, f frame, body, key, tags []byte, spans []span) error {
	n := f.chunks()
	work := func(m *chunkMAC, i int) bool {
		start, end := f.chunkRange(i)
		if !m.check(i, body[start:end], tags[i*tagSize:(i+1)*tagSize]) {
			return false
		}
		for _, s := range spans {
			s.copyPart(body, start, end)
		}
		return true
	}
	first, err := newChunkMAC(key)
	if err != nil {
		return err
	}
	h := helpers(n)
	if h == 0 {
		if _, err := io.ReadFull(r, body); err != nil {
			return truncatedWhileRead(err)
		}
		for i := range n {
			if !work(first, i) {
				return errNotAuthentic
			}
		}
		return nil
	}
	ready := make(chan int, n)
	var failed atomic.Bool
	run := func(m *chunkMAC) {
		for i := range ready {
			if !failed.Load() && !work(m, i) {
				failed.Store(true)
			}
		}
	}
	var wg sync.WaitGroup
	for range h {
		wg.Go(func() {
			if m, err := newChunkMAC(key); err == nil { // as the first one
				run(m)
			}
		})
	}
	var rerr error
	for i := 0; i < n && !failed.Load(); i++ {
		start, end := f.chunkRange(i)
		if _, err := io.ReadFull(r, body[start:end]); err != nil {
			rerr = truncatedWhileRead(err)
			failed.Store(true)
			break
		}
		ready <- i
	}
	close(ready)
	run(first)
	wg.Wait()
	switch {
	case rerr != nil:
		return rerr
	case failed.Load():
		return errNotAuthentic
	}
	return nil
}

// truncatedWhileRead names a file that ended before its size said.
func truncatedWhileRead(err error) error {
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("truncated while it was read")
	}
	return err
}
