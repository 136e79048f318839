package cachecells

import (
	"bytes"
	"crypto/rand"
	"encoding/hex"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocell/gocell/display"
)

// A Scope is one cached call that is computing, as an owner of outputs:
// everything it shows is recorded into it and into the calls it runs inside
// (its parent chain), so an outer entry holds what inner calls showed,
// replays of inner hits included (rule 10).
//
// Outputs are attributed to the goroutine that makes them: a miss computes
// on the caller's goroutine, which works for the new Scope until the call
// returns. Goroutines the computation starts work for nobody unless the
// interpreter says so with Cache.Adopt. Two cached calls computing at once
// in different goroutines therefore never record each other's outputs.
type Scope struct {
	parent *Scope
	gid    uint64

	mu   sync.Mutex
	outs []display.Output
	done bool
}

func (s *Scope) add(o display.Output) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.done {
		return // a goroutine outlived the call that started it
	}
	n := len(s.outs)
	if o.Kind == display.Stream && n > 0 && s.outs[n-1].Kind == display.Stream && s.outs[n-1].Name == o.Name {
		// Adjacent chunks of one stream replay as one message.
		s.outs[n-1].Text += o.Text
		return
	}
	o.Owner = nil
	s.outs = append(s.outs, o)
}

// noOwner owns outputs known to belong to no call.
var noOwner = &Scope{done: true}

// Nobody returns the Owner for output known to be made on behalf of no
// cached call, such as text written by a goroutine that computes for
// nobody and published later by another. Unlike a nil Owner (a writer
// nobody knows, such as host code writing to the file descriptor), it is
// never attributed to a call by guess.
func Nobody() *Scope { return noOwner }

// rec tracks which goroutine works for which computing call.
type rec struct {
	active atomic.Int32 // goroutines working for a scope
	// ownedStreams: the interpreter stamps Owner on stream text (see
	// Config.OwnedStreams); without it, see record.
	ownedStreams bool
	mu           sync.Mutex
	byG          map[uint64]*Scope
	forward      atomic.Pointer[display.Publisher] // the publisher behind the last Tee
}

// goid returns the calling goroutine's id, read from the first line of its
// stack trace ("goroutine 18 [running]:"). It costs about a microsecond, so
// it is only asked while some call is computing.
func goid() uint64 {
	var buf [64]byte
	b := buf[:runtime.Stack(buf[:], false)]
	b = bytes.TrimPrefix(b, []byte("goroutine "))
	if i := bytes.IndexByte(b, ' '); i > 0 {
		id, _ := strconv.ParseUint(string(b[:i]), 10, 64)
		return id
	}
	return 0
}

// current is the scope the calling goroutine works for, or nil.
func (r *rec) current() *Scope {
	if r.active.Load() == 0 {
		return nil
	}
	g := goid()
	r.mu.Lock()
	s := r.byG[g]
	r.mu.Unlock()
	return s
}

// enter makes the calling goroutine work for s (nil: for nobody) and
// returns what it worked for before.
func (r *rec) enter(g uint64, s *Scope) *Scope {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byG == nil {
		r.byG = map[uint64]*Scope{}
	}
	prev, had := r.byG[g]
	switch {
	case s == nil && had:
		delete(r.byG, g)
		r.active.Add(-1)
	case s != nil:
		r.byG[g] = s
		if !had {
			r.active.Add(1)
		}
	}
	return prev
}

// start begins recording a call computing on the calling goroutine.
func (r *rec) start() *Scope {
	g := goid()
	r.mu.Lock()
	parent := r.byG[g]
	r.mu.Unlock()
	s := &Scope{parent: parent, gid: g}
	r.enter(g, s)
	return s
}

// stop ends a recording and returns what it holds; the goroutine goes back
// to working for the enclosing call, if any.
func (r *rec) stop(s *Scope) []display.Output {
	r.enter(s.gid, s.parent)
	s.mu.Lock()
	defer s.mu.Unlock()
	s.done = true
	outs := s.outs
	s.outs = nil
	return outs
}

func (r *rec) record(o display.Output) {
	switch o.Kind {
	case display.Stream, display.DisplayData, display.UpdateDisplayData, display.ClearOutput:
	default:
		return // results and errors belong to the cell, not to a call
	}
	if r.active.Load() == 0 {
		return
	}
	s, _ := o.Owner.(*Scope)
	if s == nil {
		s = r.current()
	}
	if s == nil && o.Owner == nil && o.Kind == display.Stream && !r.ownedStreams {
		// Batched text is published by a reader or timer goroutine that
		// works for nobody. Unless the interpreter says whose it is, it
		// belongs to the one goroutine computing, if there is only one;
		// with several, nobody can tell, and it is not recorded.
		r.mu.Lock()
		if len(r.byG) == 1 {
			for _, only := range r.byG {
				s = only
			}
		}
		r.mu.Unlock()
	}
	for ; s != nil; s = s.parent {
		s.add(o)
	}
}

// Current returns the cached call the calling goroutine computes for, or nil.
// It is cheap (one atomic load) while no cached call computes.
//
// The interpreter uses it twice. Where a computation starts a goroutine (a
// `go` statement), it takes the parent's Current before the goroutine
// starts and passes it to Adopt inside the new goroutine. Where text is
// written on one goroutine and published later by another (batched
// stdout/stderr), it stores Current with the text when it is written and
// publishes it as the output's Owner; text written by different owners must
// be published as different outputs.
func (c *Cache) Current() *Scope { return c.rec.current() }

// Adopt makes the calling goroutine work for s, a Current taken on the
// goroutine that started it, so that what it shows is recorded into s's
// calls; end undoes it and must run on the same goroutine before it exits:
//
//	owner := cache.Current()
//	go func() {
//		defer cache.Adopt(owner)()
//		...
//	}()
//
// A nil s costs nothing. Outputs made after the call owning s returned are
// not recorded by it (the goroutine outlived the computation).
func (c *Cache) Adopt(s *Scope) (end func()) {
	if s == nil {
		return func() {}
	}
	g := goid()
	prev := c.rec.enter(g, s)
	return func() { c.rec.enter(g, prev) }
}

// Tee returns a publisher that records every output into the cached calls
// its maker works for and passes it on to next. The executor installs it
// with
//
//	display.SetPublisher(cache.Tee(executorPublisher))
//
// Spinners are sent straight to next, so they are never recorded.
func (c *Cache) Tee(next display.Publisher) display.Publisher {
	c.rec.forward.Store(&next)
	return func(o display.Output) {
		c.rec.record(o)
		o.Owner = nil
		if next != nil {
			next(o)
		}
	}
}

// withCachedMeta marks replayed outputs (metadata.gocell.cached).
func withCachedMeta(m map[string]any) map[string]any {
	out := make(map[string]any, len(m)+1)
	for k, v := range m {
		out[k] = v
	}
	g := map[string]any{}
	if old, ok := m["gocell"].(map[string]any); ok {
		for k, v := range old {
			g[k] = v
		}
	}
	g["cached"] = true
	out["gocell"] = g
	return out
}

// prepareReplay marks recorded outputs as cached once, when the entry is
// made, so a hit only has to renumber display ids. Every recorded output is
// kept, printed text included; the replay mode in force at the hit decides
// what is shown, so a persisted entry follows the directive of the session
// that loads it.
func prepareReplay(outs []display.Output) []display.Output {
	if len(outs) == 0 {
		return nil
	}
	rs := make([]display.Output, len(outs))
	for i, o := range outs {
		o.Metadata = withCachedMeta(o.Metadata)
		rs[i] = o
	}
	return rs
}

var (
	idPrefix  = randomPrefix()
	idCounter atomic.Uint64
)

func randomPrefix() string {
	var b [6]byte
	if _, err := rand.Read(b[:]); err != nil {
		return strconv.FormatInt(time.Now().UnixNano(), 36)
	}
	return hex.EncodeToString(b[:])
}

// freshDisplayID returns an id no other display has, so a replayed display
// is a new display and updating it does not touch the original.
func freshDisplayID() string {
	return "gocell-" + idPrefix + "-" + strconv.FormatUint(idCounter.Add(1), 36)
}

// replay publishes recorded outputs in order, as mode says: printed text
// only under ReplayAll, nothing under ReplayNone. Display ids created within
// the recording get fresh ids, mapped consistently for this replay so
// updates still reach their display; ids of displays made before the call
// are kept.
func (c *Cache) replay(outs []display.Output, mode ReplayMode) {
	if len(outs) == 0 || mode == ReplayNone {
		return
	}
	// A replay is made by the calling goroutine, synchronously: say so, so
	// that its text is never taken for a reader's (see rec.record).
	owner := c.rec.current()
	if owner == nil {
		owner = noOwner
	}
	var ids map[string]string
	for _, o := range outs {
		if o.Kind == display.Stream && mode != ReplayAll {
			continue
		}
		o.Owner = owner
		if o.DisplayID != "" {
			if o.Kind == display.DisplayData {
				if ids == nil {
					ids = map[string]string{}
				}
				if _, ok := ids[o.DisplayID]; !ok {
					ids[o.DisplayID] = freshDisplayID()
				}
			}
			if id, ok := ids[o.DisplayID]; ok {
				o.DisplayID = id
			}
		}
		c.publish(o)
	}
}
