package kernel

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"

	"github.com/go-zeromq/zmq4"

	"github.com/gocell/gocell/kernel/internal/zmtpguard"
)

// The kernel binds its sockets through guarded transports (see package
// zmtpguard) instead of zmq4's own tcp and ipc: zmq4 alone lets one
// connection kill the kernel with a 9-byte frame header, lock a port with
// a silent connection, or stall IOPub by not reading.
const (
	guardedTCP = "gocell-tcp"
	guardedIPC = "gocell-ipc"
)

// wireLimits are the transport's size limits, derived from Decode's: no
// frame or message Decode would accept is refused earlier.
var wireLimits = zmtpguard.Limits{
	MaxFrame:   MaxFrameBytes,
	MaxMessage: MaxMessageBytes + (MaxIdentities+6+MaxBuffers)*128,
	MaxFrames:  MaxIdentities + 6 + MaxBuffers,
}

// transportLog is where the guarded transports report dropped peers: the
// log of the kernel running in this process.
var transportLog atomic.Pointer[log.Logger]

var (
	registerOnce sync.Once
	registerErr  error
	guarded      []*zmtpguard.Transport
)

// iopubPace is how many bytes may wait for one client before IOPub waits
// for it to read (see waitBacklog).
const iopubPace = 2 << 20

func registerTransports() error {
	registerOnce.Do(func() {
		logf := func(format string, args ...any) {
			if l := transportLog.Load(); l != nil {
				l.Printf(format, args...)
			}
		}
		for name, network := range map[string]string{guardedTCP: "tcp", guardedIPC: "unix"} {
			t := &zmtpguard.Transport{Network: network, Limits: wireLimits, Logf: logf}
			guarded = append(guarded, t)
			if err := zmq4.RegisterTransport(name, t); err != nil {
				registerErr = fmt.Errorf("registering the %s transport: %w", name, err)
				return
			}
		}
	})
	return registerErr
}

// waitBacklog holds IOPub back while a client that is reading has more
// than iopubPace bytes waiting: output goes at the pace of the slowest
// reader instead of piling up in memory, and nothing is lost. A client that
// stopped reading is not waited for; it is disconnected once its queue is
// full.
func waitBacklog(ctx context.Context) {
	for _, t := range guarded {
		_ = t.WaitBacklog(ctx, iopubPace)
	}
}

// guardedEndpoint maps a connection file's tcp:// or ipc:// endpoint to the
// guarded transport of the same kind.
func guardedEndpoint(ep string) (string, error) {
	if err := registerTransports(); err != nil {
		return "", err
	}
	scheme, addr, ok := strings.Cut(ep, "://")
	if !ok {
		return "", fmt.Errorf("endpoint %q has no scheme", ep)
	}
	switch scheme {
	case "tcp":
		return guardedTCP + "://" + addr, nil
	case "ipc":
		return guardedIPC + "://" + addr, nil
	}
	return "", fmt.Errorf("endpoint %q: transport %q is not supported, use tcp or ipc", ep, scheme)
}

// peerGone reports whether a send failed only because the client went away
// (or was dropped for not reading), which is normal and not worth a log line.
func peerGone(err error) bool {
	return errors.Is(err, syscall.EPIPE) || errors.Is(err, syscall.ECONNRESET) ||
		errors.Is(err, net.ErrClosed) || errors.Is(err, io.EOF) ||
		errors.Is(err, zmq4.ErrClosedConn) || errors.Is(err, zmtpguard.ErrSlowPeer)
}
