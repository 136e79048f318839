package snapshot

import (
	"os"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/cespare/xxhash/v2"
)

// piece is one chunk of an encoding: seg[lo:hi] of its segments, at off
// in the file. A chunk never spans two segments, so that a run of chunks
// of one segment is one range of the variable's memory.
type piece struct {
	seg    int
	lo, hi int
	off    int64
}

// splitChunks cuts segs into chunks of at most chunkSize bytes and places
// them after the file's state byte.
func splitChunks(segs [][]byte) []piece {
	n := 0
	for _, seg := range segs {
		n += (len(seg) + chunkSize - 1) / chunkSize
	}
	ps := make([]piece, 0, n)
	var off int64 = 1
	for i, seg := range segs {
		for lo := 0; lo < len(seg); lo += chunkSize {
			hi := min(lo+chunkSize, len(seg))
			ps = append(ps, piece{i, lo, hi, off})
			off += int64(hi - lo)
		}
	}
	return ps
}

// Hashing and writing a chunk cost about the same, so a big value is cut
// into as many parts as there are processors (at least parallelMin chunks
// each), each part hashed and written by its own goroutine at its own
// offsets. A smaller value stays on the caller's goroutine.
const parallelMin = 4

// maxRun bounds how many consecutive changed chunks go out in one write:
// enough to make the system calls few, little enough that a chunk is
// still in the processor's cache from hashing it when it is copied out.
const maxRun = 4

// fileWriter writes the changed chunks of one variable's file. The file
// is opened, and marked as being written, by the first chunk that
// changed; until the caller marks it complete, a crash leaves it marked.
type fileWriter struct {
	path    string
	mu      sync.Mutex
	f       *os.File
	openErr error
	written atomic.Int64
	failed  atomic.Bool
}

// open opens the file and writes the "being written" state, once; every
// chunk is written after it.
func (w *fileWriter) open() error {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.f != nil || w.openErr != nil {
		return w.openErr
	}
	f, err := os.OpenFile(w.path, os.O_RDWR|os.O_CREATE, 0o600)
	if err == nil {
		if _, err = f.WriteAt([]byte{stateWriting}, 0); err != nil {
			f.Close()
		}
	}
	if err != nil {
		w.openErr = err
		return err
	}
	w.f = f
	return nil
}

// update hashes every piece into next and writes those whose hash differs
// from same (the chunks of the saved file, nil if its layout changed).
func (w *fileWriter) update(segs [][]byte, pieces []piece, same, next []chunk) (int64, error) {
	parts := min(runtime.GOMAXPROCS(0), len(pieces)/parallelMin)
	if parts <= 1 {
		err := w.updateRange(segs, pieces, 0, len(pieces), same, next)
		return w.written.Load(), err
	}
	errs := make([]error, parts)
	var wg sync.WaitGroup
	for p := range parts {
		lo, hi := p*len(pieces)/parts, (p+1)*len(pieces)/parts
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[p] = w.updateRange(segs, pieces, lo, hi, same, next)
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			return w.written.Load(), err
		}
	}
	return w.written.Load(), nil
}

// updateRange does update's work for pieces[lo:hi], writing each run of
// consecutive changed chunks of one segment with one write at its offset.
func (w *fileWriter) updateRange(segs [][]byte, pieces []piece, lo, hi int, same, next []chunk) error {
	run, runLen := piece{seg: -1}, 0
	flush := func() error {
		if runLen == 0 {
			return nil
		}
		runLen = 0
		if w.failed.Load() {
			return nil // another part failed; the file is not saved anyway
		}
		if err := w.open(); err != nil {
			return err
		}
		n, err := w.f.WriteAt(segs[run.seg][run.lo:run.hi], run.off)
		w.written.Add(int64(n))
		if err != nil {
			w.failed.Store(true)
		}
		return err
	}
	for i := lo; i < hi; i++ {
		pc := pieces[i]
		data := segs[pc.seg][pc.lo:pc.hi]
		c := chunk{xxhash.Sum64(data), len(data)}
		next[i] = c
		if i < len(same) && same[i] == c {
			if err := flush(); err != nil {
				return err
			}
			continue
		}
		if runLen > 0 && runLen < maxRun && pc.seg == run.seg && pc.lo == run.hi {
			run.hi = pc.hi
			runLen++
			continue
		}
		if err := flush(); err != nil {
			return err
		}
		run, runLen = pc, 1
	}
	return flush()
}
