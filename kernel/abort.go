package kernel

import (
	"sync"
	"time"
)

// lateAbortWindow is how long after a failed execution an execute request
// of the same session, sent before the failure was answered, is still
// aborted. Front ends send Run All as one burst of requests, but the
// classic Notebook relays them through its server one by one: a cell that
// fails in a millisecond is answered before the requests behind it have
// reached the kernel, and without the window they would run after all.
const lateAbortWindow = 500 * time.Millisecond

// abortWindow remembers the last failed execution for stop_on_error.
type abortWindow struct {
	mu      sync.Mutex
	session string    // the client session of the failed request
	failed  time.Time // when its error reply was sent
}

// failedAt records that an execution of session failed, now.
func (w *abortWindow) failedAt(session string, now time.Time) {
	w.mu.Lock()
	w.session, w.failed = session, now
	w.mu.Unlock()
}

// abortsLate reports whether req, arriving at now, was sent by the session
// of the last failure before its error reply and within the window: it was
// queued behind the failed cell, even if it reached the kernel afterwards.
// A request the client sent after it heard of the error runs. The client's
// date is compared only within the window, so a skewed clock can do no
// more than that.
func (w *abortWindow) abortsLate(req *Message, now time.Time) bool {
	w.mu.Lock()
	session, failed := w.session, w.failed
	w.mu.Unlock()
	if failed.IsZero() || req.Header.Session != session || now.Sub(failed) > lateAbortWindow {
		return false
	}
	sent, err := time.Parse(time.RFC3339Nano, req.Header.Date)
	if err != nil {
		return false
	}
	return sent.Before(failed)
}
