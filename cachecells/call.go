package cachecells

import (
	"fmt"
	"time"

	"github.com/gocell/gocell/display"
)

// flight is a computation in progress; callers with the same key wait for it
// instead of computing again (rule 11).
type flight struct {
	done     chan struct{}
	results  []any // data: copied again for each waiter
	replay   []display.Output
	dur      time.Duration
	panicked bool
	panicVal any
	failed   bool // no results to share (compute mismatch or Goexit): waiters retry
}

// Call returns the results of the function for args: from the cache on a
// hit (replaying the outputs the computation made), or by running compute on
// a miss. args has one value per parameter, excluded ones included. The
// error is an *UnhashableError or a description of a bad call; the results
// of compute, including a non-nil error result, come back in the slice. A
// panic in compute is re-panicked after cleaning up, and nothing is cached.
func (f *Func) Call(args []any, compute func() []any) ([]any, error) {
	cs := f.spec.Load()
	if len(args) != len(cs.Params) {
		return nil, fmt.Errorf("%s %s: called with %d arguments, has %d parameters", cs.Options.Kind, cs.Name, len(args), len(cs.Params))
	}
	var buf [8]uint64
	ck, err := cs.safeKeyOf(args, buf[:], f.c.namer)
	if err != nil {
		return nil, err
	}
	for {
		f.mu.Lock()
		if e := f.entries[ck.key]; e != nil {
			if res, ok := f.hit(cs, e); ok {
				return res, nil
			}
			continue // expired or invalid: gone now, look again
		}
		if fl := f.flights[ck.key]; fl != nil {
			f.mu.Unlock()
			f.wait(cs, fl)
			if fl.panicked {
				panic(fl.panicVal)
			}
			if fl.failed {
				continue
			}
			f.mu.Lock()
			f.hits++
			f.saved += fl.dur
			f.lastWasHit = true
			f.mu.Unlock()
			f.c.replay(fl.replay, cs.Options.Replay)
			return f.handOut(cs, fl.results), nil
		}
		fl := &flight{done: make(chan struct{})}
		f.flights[ck.key] = fl
		f.mu.Unlock()
		return f.miss(cs, &ck, args, fl, compute)
	}
}

// waitWarning is how long a caller waits for another computation of its key
// before saying so: a cached function that calls itself with the same
// arguments waits for itself forever (plain Go would recurse forever).
const waitWarning = 10 * time.Second

func (f *Func) wait(cs *compiled, fl *flight) {
	t := time.NewTimer(waitWarning)
	defer t.Stop()
	select {
	case <-fl.done:
		return
	case <-t.C:
		f.c.warn(fmt.Sprintf("%s: waiting %v for the same call to finish elsewhere; if %s calls itself with the same arguments, it is waiting for itself (interrupt the cell)", cs.Name, waitWarning, cs.Name))
	}
	<-fl.done
}

// hit serves entry e; f.mu is held on entry and released on return. ok is
// false when e was dropped (expired, or a resource that failed validation).
func (f *Func) hit(cs *compiled, e *entry) ([]any, bool) {
	// The clock is read only for entries that can expire: reading it costs
	// more than the rest of a small hit on some virtual machines.
	if !e.expires.IsZero() && e.expired(f.c.now()) {
		f.removeLocked(e)
		f.mu.Unlock()
		f.c.release(cs, e)
		return nil, false
	}
	if cs.Validate != nil && cs.Options.Kind == Resource {
		f.mu.Unlock()
		valid := f.validate(cs, e)
		f.mu.Lock()
		if f.entries[e.key] != e {
			f.mu.Unlock()
			return nil, false
		}
		if !valid {
			f.removeLocked(e)
			f.mu.Unlock()
			f.c.release(cs, e)
			return nil, false
		}
	}
	f.tick++
	e.lastUsed = f.tick
	f.hits++
	f.saved += e.dur
	f.lastWasHit = true
	results, replay := e.results, e.replay
	f.mu.Unlock()
	f.c.replay(replay, cs.Options.Replay)
	return f.handOut(cs, results), true
}

// validate runs the resource's validator; a panic counts as invalid.
func (f *Func) validate(cs *compiled, e *entry) (ok bool) {
	defer func() {
		if r := recover(); r != nil {
			f.c.warn(fmt.Sprintf("%s: validate=%s panicked: %v; computing a new resource", cs.Name, cs.Options.Validate, r))
			ok = false
		}
	}()
	return cs.Validate(e.results[0])
}

// handOut gives a caller its results: resources and copy=none share the
// stored values, data gets fresh deep copies (rule 8).
func (f *Func) handOut(cs *compiled, results []any) []any {
	if cs.Options.Kind == Resource || cs.Options.Copy == CopyNone {
		return append([]any(nil), results...)
	}
	return deepCopyAll(results)
}

// miss computes (or loads from disk or Redis) the value for a key this
// goroutine owns the flight of.
func (f *Func) miss(cs *compiled, ck *callKey, args []any, fl *flight, compute func() []any) (results []any, err error) {
	now := f.c.now()
	persist := cs.Options.Persist
	if persist != PersistNone && len(ck.pins) > 0 {
		persist = PersistNone
		f.warnOnce("identity", fmt.Sprintf("%s: %s; entries keyed by an object's identity are kept in memory only, not persisted", cs.Name, identityNote(ck.globals)))
	}
	if persist == PersistDisk {
		if e, fresh := f.c.load(f, cs, ck.key, now); e != nil {
			return f.loaded(cs, ck, fl, e, now, false, fresh), nil
		}
	}

	var sp *spinner
	if cs.Options.ShowSpinner && f.c.rec.current() == nil {
		// Shown while waiting for another kernel's computation too.
		sp = f.c.startSpinner(cs.spinnerText())
	}
	var sc sharedCall
	defer sc.release() // also when compute panics: the other kernels go on
	if persist == PersistRedis {
		if e := f.sharedLookup(cs, ck.key, &sc); e != nil {
			sp.stop()
			return f.loaded(cs, ck, fl, e, f.c.now(), true, nil), nil
		}
	}

	parts := ck.parts(cs, args)
	parts.when = now
	f.mu.Lock()
	f.misses++
	f.lastWasHit = false
	f.noteMiss(parts)
	f.mu.Unlock()

	r := f.c.rec.start()
	start := time.Now()
	done := false
	defer func() {
		if done {
			return
		}
		// compute panicked (or called runtime.Goexit): nothing is cached
		// (rule 9); waiters see the same panic.
		p := recover()
		f.c.rec.stop(r)
		sp.stop()
		f.mu.Lock()
		delete(f.flights, ck.key)
		f.mu.Unlock()
		fl.panicked, fl.panicVal, fl.failed = p != nil, p, p == nil
		close(fl.done)
		if p != nil {
			panic(p)
		}
	}()
	out := compute()
	done = true
	dur := time.Since(start)
	outs := f.c.rec.stop(r)
	sp.stop()

	if len(out) != cs.NumResults {
		f.mu.Lock()
		delete(f.flights, ck.key)
		f.mu.Unlock()
		fl.failed = true
		close(fl.done)
		return nil, fmt.Errorf("%s %s: computation returned %d results, want %d", cs.Options.Kind, cs.Name, len(out), cs.NumResults)
	}
	replay := prepareReplay(outs)
	if cs.LastIsError && out[len(out)-1] != nil {
		// A failure is not cached (rule 9). Waiters get the same outcome;
		// data waiters copy from a copy the caller cannot touch.
		shared := out
		if cs.Options.Kind == Data {
			shared = deepCopyAll(out)
		}
		f.finish(ck.key, fl, shared, replay, dur)
		return out, nil
	}
	stored := out
	if cs.Options.Kind == Data && cs.Options.Copy == CopyDeep {
		// The cache keeps its own copy, so nothing the function or the
		// caller still holds can change a stored entry.
		stored = deepCopyAll(out)
	}
	e := &entry{key: ck.key, results: stored, outputs: outs, replay: replay, created: now, dur: dur, parts: parts, pins: ck.pins}
	if cs.Options.TTL > 0 {
		e.expires = now.Add(cs.Options.TTL)
	}
	e.size = approxSize(stored) + outputsSize(outs)
	f.mu.Lock()
	evicted := f.insertLocked(cs, e, now)
	f.mu.Unlock()
	f.c.releaseAll(cs, evicted)
	f.finish(ck.key, fl, stored, replay, dur)
	switch persist { // waiters in this kernel need not wait for the disk or Redis
	case PersistDisk:
		f.c.save(f, cs, e)
	case PersistRedis:
		f.sharedPut(cs, &sc, e)
		sc.release()
	}
	if cs.Options.Kind == Data && cs.Options.Copy == CopyDeep {
		return deepCopyAll(stored), nil
	}
	return f.handOut(cs, stored), nil
}

// loaded serves an entry read from disk or Redis: it is counted as a hit,
// kept in memory, handed to the waiters, and its outputs are replayed. The
// caller gets fresh if the reader already made its copies, else handOut's.
func (f *Func) loaded(cs *compiled, ck *callKey, fl *flight, e *entry, now time.Time, remote bool, fresh []any) []any {
	f.mu.Lock()
	f.hits++
	if remote {
		f.remoteHits++
	}
	f.saved += e.dur
	f.lastWasHit = true
	evicted := f.insertLocked(cs, e, now)
	f.mu.Unlock()
	f.c.releaseAll(cs, evicted)
	f.finish(ck.key, fl, e.results, e.replay, e.dur)
	f.c.replay(e.replay, cs.Options.Replay)
	if fresh != nil {
		return fresh
	}
	return f.handOut(cs, e.results)
}

// finish wakes the waiters of a flight.
func (f *Func) finish(key uint64, fl *flight, results []any, replay []display.Output, dur time.Duration) {
	fl.results, fl.replay, fl.dur = results, replay, dur
	f.mu.Lock()
	delete(f.flights, key)
	f.mu.Unlock()
	close(fl.done)
}
