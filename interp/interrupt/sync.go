package interrupt

import (
	"errors"
	"sync"
	"sync/atomic"
)

// Mutex is sync.Mutex whose Lock stops on an interrupt. Its zero value is
// an unlocked mutex and it holds nothing else, so a notebook struct that
// embeds one is saved in a snapshot while it is unlocked.
//
// Unlocking an unlocked Mutex panics with an error a cell can recover,
// where sync.Mutex ends the process.
type Mutex struct {
	m      sync.Mutex
	locked atomic.Bool
}

// Lock locks m, waiting if needed; an interrupt stops the wait.
func (m *Mutex) Lock() {
	stop := stopChan()
	if !m.m.TryLock() {
		acquire(m.m.Lock, m.m.Unlock, stop)
	}
	m.locked.Store(true)
}

// acquire waits for lock in a helper goroutine, so that the caller can
// stop waiting. If the caller is interrupted, the helper releases the
// lock as soon as it gets it: nobody acquires a lock and leaves it held.
func acquire(lock, unlock func(), stop <-chan struct{}) {
	var mu sync.Mutex
	abandoned := false
	got := make(chan struct{})
	go func() {
		lock()
		mu.Lock()
		defer mu.Unlock()
		if abandoned {
			unlock()
			return
		}
		close(got)
	}()
	block(func() bool {
		select {
		case <-got:
			return true
		case <-stop:
			mu.Lock()
			defer mu.Unlock()
			select {
			case <-got:
				unlock() // acquired while the interrupt came: give it back
			default:
				abandoned = true
			}
			return false
		}
	})
}

// TryLock is sync.Mutex.TryLock.
func (m *Mutex) TryLock() bool {
	if m.m.TryLock() {
		m.locked.Store(true)
		return true
	}
	return false
}

// Unlock unlocks m.
func (m *Mutex) Unlock() {
	if !m.locked.CompareAndSwap(true, false) {
		panic(errors.New("sync: unlock of unlocked mutex"))
	}
	m.m.Unlock()
}

// RWMutex is sync.RWMutex whose Lock and RLock stop on an interrupt.
type RWMutex struct {
	m sync.RWMutex
}

// Lock locks rw for writing; an interrupt stops the wait.
func (rw *RWMutex) Lock() {
	stop := stopChan()
	if rw.m.TryLock() {
		return
	}
	acquire(rw.m.Lock, rw.m.Unlock, stop)
}

// RLock locks rw for reading; an interrupt stops the wait.
func (rw *RWMutex) RLock() {
	stop := stopChan()
	if rw.m.TryRLock() {
		return
	}
	acquire(rw.m.RLock, rw.m.RUnlock, stop)
}

// TryLock is sync.RWMutex.TryLock.
func (rw *RWMutex) TryLock() bool { return rw.m.TryLock() }

// TryRLock is sync.RWMutex.TryRLock.
func (rw *RWMutex) TryRLock() bool { return rw.m.TryRLock() }

// Unlock is sync.RWMutex.Unlock.
func (rw *RWMutex) Unlock() { rw.m.Unlock() }

// RUnlock is sync.RWMutex.RUnlock.
func (rw *RWMutex) RUnlock() { rw.m.RUnlock() }

// RLocker is sync.RWMutex.RLocker.
func (rw *RWMutex) RLocker() sync.Locker { return rlocker{rw} }

type rlocker struct{ rw *RWMutex }

func (r rlocker) Lock()   { r.rw.RLock() }
func (r rlocker) Unlock() { r.rw.RUnlock() }

// WaitGroup is sync.WaitGroup whose Wait stops on an interrupt.
type WaitGroup struct {
	wg sync.WaitGroup
}

// Add is sync.WaitGroup.Add.
func (wg *WaitGroup) Add(delta int) { wg.wg.Add(delta) }

// Done is sync.WaitGroup.Done.
func (wg *WaitGroup) Done() { wg.wg.Done() }

// Go is sync.WaitGroup.Go (Go 1.25): it runs f in a new goroutine counted
// by the group.
func (wg *WaitGroup) Go(f func()) {
	wg.wg.Add(1)
	startGoroutine(func() {
		defer wg.wg.Done()
		f()
	})
}

// Wait waits for the counter to reach zero; an interrupt stops the wait.
// The helper goroutine that waits stays until the counter reaches zero.
func (wg *WaitGroup) Wait() {
	stop := stopChan()
	done := make(chan struct{})
	go func() {
		wg.wg.Wait()
		close(done)
	}()
	block(func() bool {
		select {
		case <-done:
			return true
		case <-stop:
			return false
		}
	})
}

// Cond is sync.Cond whose Wait stops on an interrupt. It keeps its own
// list of waiters, so an interrupted Wait leaves no waiter behind to take
// a later Signal.
type Cond struct {
	L sync.Locker

	mu      sync.Mutex
	waiters []chan struct{}
}

// NewCond is sync.NewCond.
func NewCond(l sync.Locker) *Cond { return &Cond{L: l} }

// Wait unlocks c.L, waits for Signal or Broadcast, and locks c.L again.
// On an interrupt it locks c.L again too before it panics, so that a
// deferred c.L.Unlock in the cell does not unlock an unlocked mutex
// (a fatal error that would end the executor).
func (c *Cond) Wait() {
	stop := stopChan()
	ch := make(chan struct{})
	c.mu.Lock()
	c.waiters = append(c.waiters, ch)
	c.mu.Unlock()
	c.L.Unlock()
	ok := false
	defer func() {
		if !ok {
			relock(c.L)
		}
	}()
	block(func() bool {
		select {
		case <-ch:
			return true
		case <-stop:
			c.mu.Lock()
			defer c.mu.Unlock()
			for i, w := range c.waiters {
				if w == ch {
					c.waiters = append(c.waiters[:i], c.waiters[i+1:]...)
					return false
				}
			}
			// Signalled while the interrupt came: pass the signal on.
			if len(c.waiters) > 0 {
				close(c.waiters[0])
				c.waiters = c.waiters[1:]
			}
			return false
		}
	})
	ok = true
	relock(c.L)
}

// relock locks l without stopping on an interrupt.
func relock(l sync.Locker) {
	switch m := l.(type) {
	case *Mutex:
		m.m.Lock()
		m.locked.Store(true)
	case *RWMutex:
		m.m.Lock()
	case rlocker:
		m.rw.m.RLock()
	default:
		l.Lock()
	}
}

// Signal wakes one waiter.
func (c *Cond) Signal() {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.waiters) > 0 {
		close(c.waiters[0])
		c.waiters = c.waiters[1:]
	}
}

// Broadcast wakes every waiter.
func (c *Cond) Broadcast() {
	c.mu.Lock()
	defer c.mu.Unlock()
	for _, w := range c.waiters {
		close(w)
	}
	c.waiters = nil
}
