package zmtpguard

import (
	"context"
	"time"
)

// PaceGrace is how long a peer may make no progress at all before
// WaitBacklog stops waiting for it: a slow reader paces the sender, a
// stuck one is left to fill its queue and be disconnected.
const PaceGrace = 2 * time.Second

// WaitBacklog blocks until every peer of the transport's listeners has at
// most limit bytes waiting, or ctx ends. A sender that calls it before each
// message goes at the pace of its slowest reader, with bounded memory and
// without losing messages. Peers that have moved no bytes for PaceGrace
// are not waited for.
func (t *Transport) WaitBacklog(ctx context.Context, limit int) error {
	for {
		t.mu.Lock()
		wake := t.woken
		if wake == nil {
			wake = make(chan struct{})
			t.woken = wake
		}
		var wait time.Duration
		now := time.Now().UnixNano()
		for c := range t.conns {
			if c.backlog.Load() <= int64(limit) {
				continue
			}
			if idle := time.Duration(now - c.progress.Load()); idle < PaceGrace {
				wait = max(wait, PaceGrace-idle)
			}
		}
		t.mu.Unlock()
		if wait == 0 {
			return nil
		}
		timer := time.NewTimer(wait)
		select {
		case <-wake:
		case <-timer.C:
		case <-ctx.Done():
			timer.Stop()
			return ctx.Err()
		}
		timer.Stop()
	}
}

// wake tells WaitBacklog that a backlog shrank.
func (t *Transport) wake() {
	t.mu.Lock()
	if t.woken != nil {
		close(t.woken)
		t.woken = nil
	}
	t.mu.Unlock()
}

func (t *Transport) track(c *conn) {
	t.mu.Lock()
	if t.conns == nil {
		t.conns = make(map[*conn]struct{})
	}
	t.conns[c] = struct{}{}
	t.mu.Unlock()
}

func (t *Transport) forget(c *conn) {
	t.mu.Lock()
	delete(t.conns, c)
	t.mu.Unlock()
	t.wake()
}
