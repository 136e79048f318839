package cachecells

import (
	"crypto/rand"
	"encoding/hex"
	"strconv"
	"sync"
	"sync/atomic"
	"time"

	"github.com/gocell/gocell/display"
)

// rec tracks the cached calls that are computing. Every output published
// while a call computes goes into its recorder; nested calls are all
// recording at once, so an outer entry holds what inner calls showed,
// replays of inner hits included (rule 10). Outputs carry no goroutine
// identity, so concurrent computations of different functions each record
// everything shown meanwhile.
type rec struct {
	active  atomic.Int32
	mu      sync.Mutex
	list    []*recorder
	forward atomic.Pointer[display.Publisher] // the publisher behind the last Tee
}

type recorder struct {
	outs []display.Output
}

func (r *rec) start() *recorder {
	x := &recorder{}
	r.mu.Lock()
	r.list = append(r.list, x)
	r.active.Store(int32(len(r.list)))
	r.mu.Unlock()
	return x
}

// stop ends a recording and returns what it holds.
func (r *rec) stop(x *recorder) []display.Output {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i, y := range r.list {
		if y == x {
			r.list = append(r.list[:i], r.list[i+1:]...)
			break
		}
	}
	r.active.Store(int32(len(r.list)))
	outs := x.outs
	x.outs = nil
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
	r.mu.Lock()
	for _, x := range r.list {
		n := len(x.outs)
		if o.Kind == display.Stream && n > 0 && x.outs[n-1].Kind == display.Stream && x.outs[n-1].Name == o.Name {
			// Adjacent chunks of one stream replay as one message.
			x.outs[n-1].Text += o.Text
			continue
		}
		x.outs = append(x.outs, o)
	}
	r.mu.Unlock()
}

// Tee returns a publisher that records every output into the cached calls in
// progress and passes it on to next. The executor installs it with
//
//	display.SetPublisher(cache.Tee(executorPublisher))
//
// Spinners are sent straight to next, so they are never recorded.
func (c *Cache) Tee(next display.Publisher) display.Publisher {
	c.rec.forward.Store(&next)
	return func(o display.Output) {
		c.rec.record(o)
		if next != nil {
			next(o)
		}
	}
}

// cachedMeta marks replayed outputs (metadata.gocell.cached).
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
// made, so a hit only has to renumber display ids.
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

// replay publishes recorded outputs in order. Display ids created within the
// recording get fresh ids, mapped consistently for this replay so updates
// still reach their display; ids of displays made before the call are kept.
func (c *Cache) replay(outs []display.Output) {
	if len(outs) == 0 {
		return
	}
	var ids map[string]string
	for _, o := range outs {
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
