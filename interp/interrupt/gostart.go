package interrupt

import "sync/atomic"

// goStarter starts the goroutines that replacements start for user code
// (WaitGroup.Go), so that the session counts them and reports their
// panics as it does for go statements. Without one they are plain
// goroutines.
var goStarter atomic.Pointer[func(func())]

// SetGoStarter sets how replacements start a goroutine for user code; nil
// restores plain goroutines.
func SetGoStarter(start func(f func())) {
	if start == nil {
		goStarter.Store(nil)
		return
	}
	goStarter.Store(&start)
}

func startGoroutine(f func()) {
	if p := goStarter.Load(); p != nil {
		(*p)(f)
		return
	}
	go f()
}
