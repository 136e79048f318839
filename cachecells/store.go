package cachecells

import (
	"fmt"
	"io"
	"time"

	"github.com/gocell/gocell/display"
)

// entry is one cached result.
type entry struct {
	key      uint64
	results  []any            // the cache's own values; never handed out for data
	outputs  []display.Output // as recorded (persisted as is)
	replay   []display.Output // outputs marked cached, ready to publish
	created  time.Time
	expires  time.Time // zero: never
	dur      time.Duration
	lastUsed uint64
	size     int64
	parts    *keyParts
	pins     []any // objects of identity-keyed globals (see callKey.pins)
}

func (e *entry) expired(now time.Time) bool {
	return !e.expires.IsZero() && !now.Before(e.expires)
}

func (f *Func) removeLocked(e *entry) {
	if f.entries[e.key] == e {
		delete(f.entries, e.key)
		f.bytes -= e.size
	}
}

// expireLocked removes expired entries so their memory can be freed.
func (f *Func) expireLocked(now time.Time) []*entry {
	var gone []*entry
	for _, e := range f.entries {
		if e.expired(now) {
			gone = append(gone, e)
		}
	}
	for _, e := range gone {
		f.removeLocked(e)
	}
	return gone
}

// insertLocked stores e, first dropping expired entries and then least
// recently used ones beyond max_entries. It returns what was dropped, to be
// released once the lock is gone.
func (f *Func) insertLocked(cs *compiled, e *entry, now time.Time) []*entry {
	gone := f.expireLocked(now)
	if old := f.entries[e.key]; old != nil {
		f.removeLocked(old)
		gone = append(gone, old)
	}
	if max := cs.Options.MaxEntries; max > 0 {
		for len(f.entries) >= max {
			var lru *entry
			for _, x := range f.entries {
				if lru == nil || x.lastUsed < lru.lastUsed {
					lru = x
				}
			}
			f.removeLocked(lru)
			gone = append(gone, lru)
		}
	}
	f.tick++
	e.lastUsed = f.tick
	f.entries[e.key] = e
	f.bytes += e.size
	return gone
}

func (c *Cache) releaseAll(cs *compiled, es []*entry) {
	for _, e := range es {
		c.release(cs, e)
	}
}

// release lets go of a dropped entry. Data needs nothing (the garbage
// collector frees it once no caller holds a copy). A resource is closed: each
// result with a Close() error or Close() method has it called, because a
// resource leaves the cache only when it expired, was evicted, failed
// validation or was cleared, and nobody else is responsible for it. Errors
// and panics from Close are reported as warnings.
func (c *Cache) release(cs *compiled, e *entry) {
	if cs == nil || cs.Options.Kind != Resource {
		return
	}
	for i, r := range e.results {
		if r == nil {
			continue
		}
		if i == 0 && cs.Release != nil {
			c.releaseWith(cs.Name, cs.Release, r)
			continue
		}
		c.closeResource(cs.Name, r)
	}
}

func (c *Cache) releaseWith(name string, release func(any) error, r any) {
	defer func() {
		if p := recover(); p != nil {
			c.warn(fmt.Sprintf("%s: closing the released resource panicked: %v", name, p))
		}
	}()
	if err := release(r); err != nil {
		c.warn(fmt.Sprintf("%s: closing the released resource: %v", name, err))
	}
}

func (c *Cache) closeResource(name string, r any) {
	defer func() {
		if p := recover(); p != nil {
			c.warn(fmt.Sprintf("%s: closing the released resource panicked: %v", name, p))
		}
	}()
	switch x := r.(type) {
	case io.Closer:
		if err := x.Close(); err != nil {
			c.warn(fmt.Sprintf("%s: closing the released resource: %v", name, err))
		}
	case interface{ Close() }:
		x.Close()
	}
}
