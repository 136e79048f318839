//go:build race

package kernel

// raceEnabled: the race detector's shadow memory adds to a process's
// resident memory without counting in the Go heap.
const raceEnabled = true
