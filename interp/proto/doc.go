// Package proto is the protocol between the gocell kernel and its executor
// process, and the client the kernel talks through.
//
// The kernel writes Requests to the executor on file descriptor 3 and reads
// Events back on file descriptor 4, one JSON object per line; the executor's
// fds 1 and 2 are the running cell's stdout and stderr. Client starts an
// executor, matches events to the request they belong to, and reports the
// executor's death as a *DiedError carrying the exit status and what the Go
// runtime said.
//
// The package links no interpreter: the kernel process imports it (and
// display, for the output types) and nothing that runs user code.
package proto
