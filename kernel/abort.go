package kernel

import "time"

// Run All sends every cell's execute request in one burst, but the classic
// Notebook relays them through its server one at a time: a cell that fails
// in a millisecond would be answered while the requests behind it are still
// on their way, and stop_on_error would miss them. A client cannot act on
// an error before it gets the reply, so the reply to a failed cell waits
// until the shell socket has been quiet for a moment: whatever arrives
// meanwhile was sent before the client heard of the error, and is aborted
// with the rest of the queue. It costs a failed cell a few tens of
// milliseconds and nothing else.
const (
	burstQuiet = 25 * time.Millisecond  // no new request for this long ends the burst
	burstMax   = 250 * time.Millisecond // the reply never waits longer
	burstPoll  = 2 * time.Millisecond
)

// waitForBurst returns once the shell queue has stopped growing for
// burstQuiet, or after burstMax.
func (k *Kernel) waitForBurst() {
	start := time.Now()
	n, grew := len(k.shellQueue), start
	for time.Since(start) < burstMax && time.Since(grew) < burstQuiet {
		time.Sleep(burstPoll)
		if m := len(k.shellQueue); m != n {
			n, grew = m, time.Now()
		}
	}
}
